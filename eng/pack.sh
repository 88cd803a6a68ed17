#!/usr/bin/env bash
# Packs every library (each project under core/, formats/, transports/, integrations/) in Release into
# artifacts/packages: per library a .nupkg (a dll and its XML docs per target framework, README.md) and a .snupkg
# (the portable PDBs, with SourceLink to the repository). Builds the libraries first unless given --no-build, for
# when they were just built in Release (eng/test.sh builds Modular.sln, then calls this with --no-build).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=(--no-build) ;;
    *)
      echo "usage: eng/pack.sh [--no-build]" >&2
      exit 2
      ;;
  esac
done

# Start empty, so a package of a renamed or removed library never lingers beside the current ones.
rm -rf artifacts/packages
for project in core/*/*.csproj formats/*/*.csproj transports/*/*.csproj integrations/*/*.csproj; do
  [[ -f $project ]] || continue
  dotnet pack "$project" -c Release -o artifacts/packages -nologo -v quiet "${build[@]}"
done
echo "eng/pack.sh: $(find artifacts/packages -name '*.nupkg' | wc -l) packages in artifacts/packages"
