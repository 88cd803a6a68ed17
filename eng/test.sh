#!/usr/bin/env bash
# The test command (CI runs this and nothing else): sets up what the integration tests need (apt packages, a
# Docker engine, locally built Prometheus and Pushgateway images), builds Modular.sln in Release (warnings are
# errors), packs the libraries into artifacts/packages (eng/pack.sh, which the packaging tests read) and runs every
# test project. Ends with "Tests: N passed, N failed"; exits non-zero on any failure.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
started=$SECONDS

eng/install-test-deps.sh
eng/start-docker.sh
eng/build-test-images.sh

# Testcontainers asks for a newer Docker API than older engines serve unless told the engine's version, and its
# resource reaper image cannot be pulled without a registry.
DOCKER_API_VERSION="$(docker version --format '{{.Server.APIVersion}}')"
export DOCKER_API_VERSION
export TESTCONTAINERS_RYUK_DISABLED=true

if ! dotnet build Modular.sln -c Release -nologo -v quiet; then
  echo "eng/test.sh: build failed (errors above)"
  echo "Tests: 0 passed, 0 failed"
  exit 1
fi

# The packaging tests check the real packages, so they are packed from this build first.
if ! eng/pack.sh --no-build; then
  echo "eng/test.sh: pack failed (errors above)"
  echo "Tests: 0 passed, 0 failed"
  exit 1
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
# A test that hangs is stopped after 15 minutes and named, instead of holding CI until its own limit.
dotnet test Modular.sln -c Release --no-build -nologo --logger 'console;verbosity=minimal' \
  --blame-hang-timeout 15m --blame-hang-dump-type none 2>&1 | tee "$log" || status=$?

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    13, Skipped: ..."
read -r passed failed < <(awk '
  /^(Passed|Failed)! +- Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") { gsub(",", "", $(i + 1)); failed += $(i + 1) }
      if ($i == "Passed:") { gsub(",", "", $(i + 1)); passed += $(i + 1) }
    }
  }
  END { print passed + 0, failed + 0 }' "$log")

echo "eng/test.sh: finished in $((SECONDS - started)) s"
echo "Tests: $passed passed, $failed failed"
if ((status == 0 && failed > 0)); then
  status=1
fi
exit "$status"
