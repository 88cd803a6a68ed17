#!/usr/bin/env bash
# Starts a Docker engine for the integration tests when none answers. The engine runs with no bridge and no
# iptables rules: every test container uses the host's network on 127.0.0.1.
# It keeps running after this script; stop it by the PID in /var/run/docker.pid (SIGTERM) when done.
set -euo pipefail

log="${PYROMETER_DOCKERD_LOG:-/var/log/pyrometer-dockerd.log}"
pid_file=/var/run/docker.pid
timeout_seconds=30

if docker info >/dev/null 2>&1; then
  echo "start-docker: engine already running"
  exit 0
fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "start-docker: dockerd not found: run eng/install-test-deps.sh first" >&2
  exit 1
fi
if ((EUID != 0)); then
  echo "start-docker: the Docker engine is not running and starting it needs root: run 'sudo $0' once" >&2
  exit 1
fi

is_live_dockerd() { [[ -n $1 && "$(cat "/proc/$1/comm" 2>/dev/null)" == dockerd ]]; }

pid=""
if [[ -f $pid_file ]]; then
  existing="$(cat "$pid_file" 2>/dev/null || true)"
  if is_live_dockerd "$existing"; then
    pid=$existing # starting up or stuck: wait for it below rather than start a second one
  else
    rm -f "$pid_file"
  fi
fi

if [[ -z $pid ]]; then
  setsid dockerd --bridge=none --iptables=false --ip6tables=false --ip-masq=false </dev/null >>"$log" 2>&1 &
  pid=$!
fi

deadline=$((SECONDS + timeout_seconds))
until docker info >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "start-docker: dockerd (pid $pid) exited during start-up; see $log" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "start-docker: the Docker engine did not answer 'docker info' within $timeout_seconds s; see $log" >&2
    exit 1
  fi
  sleep 0.2
done
echo "start-docker: engine started (pid $pid, log $log)"
