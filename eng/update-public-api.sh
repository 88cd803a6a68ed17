#!/usr/bin/env bash
# Records new public API in each library's PublicAPI.Unshipped.txt (the analyzer's code fix, run from the command line).
# Review the diff: every line is a promise to users.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in core/*/*.csproj formats/*/*.csproj transports/*/*.csproj integrations/*/*.csproj; do
  [[ -f $project ]] || continue
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 >/dev/null 2>&1
done
git --no-pager diff --stat -- '*PublicAPI.Unshipped.txt'
