#!/usr/bin/env bash
# Installs with apt what the tests need on Debian 12: the Docker engine (docker.io), Prometheus and promtool
# (prometheus), Pushgateway (prometheus-pushgateway), protoc (protobuf-compiler) and the Python client library
# (python3-prometheus-client), whose strict OpenMetrics parser checks the OpenMetrics output, and the native linker
# and zlib headers the native AOT publish of samples/SimpleExample needs (clang, zlib1g-dev).
# Idempotent: when every package is already installed it touches nothing and returns at once.
set -euo pipefail

packages=(docker.io prometheus prometheus-pushgateway protobuf-compiler python3-prometheus-client clang zlib1g-dev)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-test-deps: this script installs with apt (Debian/Ubuntu); install ${packages[*]} by hand" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-test-deps: all present (${packages[*]})"
  exit 0
fi

sudo=()
if ((EUID != 0)); then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    echo "install-test-deps: missing packages: ${missing[*]}; installing them needs root: run 'sudo $0' once" >&2
    exit 1
  fi
fi

echo "install-test-deps: installing ${missing[*]}"
apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -qq -o DPkg::Lock::Timeout=300 -o Dpkg::Use-Pty=0)
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
start=$SECONDS
# Maintainer scripts chatter on stderr (debconf, invoke-rc.d); keep it unless something fails.
if ! { "${apt[@]}" update && "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "install-test-deps: apt-get failed (output above)" >&2
  exit 1
fi
echo "install-test-deps: installed in $((SECONDS - start)) s"
