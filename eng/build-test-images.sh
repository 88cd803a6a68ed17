#!/usr/bin/env bash
# Builds the Prometheus and Pushgateway images the integration tests run, from Debian's binaries (nothing is
# pulled): a rootfs holding only the binary and the libraries ldd lists, imported as an image.
# Each image is tagged with the Debian package version (rebuilt only when that changes) and also as :local,
# the tag the test fixtures use by default. Set PYROMETER_PROMETHEUS_IMAGE / PYROMETER_PUSHGATEWAY_IMAGE to
# run the tests against other images (e.g. official ones); this script then leaves that image alone.
set -euo pipefail

# build_image <package> <binary> <repository> <image-override>
build_image() {
  local package=$1 binary=$2 repository=$3 override=$4
  if [[ -n $override ]]; then
    echo "build-test-images: using $override for $package"
    return
  fi
  local version
  version="$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || true)"
  if [[ -z $version || ! -x $binary ]]; then
    echo "build-test-images: $package is not installed: run eng/install-test-deps.sh first" >&2
    exit 1
  fi
  local image="$repository:${version//[^A-Za-z0-9_.-]/_}"
  if ! docker image inspect "$image" >/dev/null 2>&1; then
    local rootfs
    rootfs="$(mktemp -d)"
    mkdir -p "$rootfs/bin" "$rootfs/data" "$rootfs/tmp"
    cp -L "$binary" "$rootfs/bin/"
    # Keep each library at the path the binary expects (ldd prints "name => /path (addr)" or "/path (addr)").
    local library
    for library in $(ldd "$binary" | grep -o '/[^ ]*'); do
      mkdir -p "$rootfs$(dirname "$library")"
      cp -L "$library" "$rootfs$library"
    done
    tar -C "$rootfs" --owner=0 --group=0 --numeric-owner -c . |
      docker import --change "ENTRYPOINT [\"/bin/$(basename "$binary")\"]" --change 'WORKDIR /data' - "$image" >/dev/null
    rm -rf "$rootfs"
    echo "build-test-images: built $image"
  else
    echo "build-test-images: $image present"
  fi
  docker tag "$image" "$repository:local"
}

build_image prometheus /usr/bin/prometheus pyrometer-test/prometheus "${PYROMETER_PROMETHEUS_IMAGE:-}"
build_image prometheus-pushgateway /usr/bin/prometheus-pushgateway pyrometer-test/pushgateway "${PYROMETER_PUSHGATEWAY_IMAGE:-}"
