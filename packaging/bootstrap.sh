#!/usr/bin/env bash
# Sharecast set-up on Debian 12: installs what is missing, configures, builds, then either opens
# the workbench (`run`), runs every test (`test`) or builds the .deb (`package`).
# Usage: bash packaging/bootstrap.sh run|test|package
# Installing is idempotent: when every package is present, no apt command runs at all.
set -euo pipefail

mode=${1:-}
case "$mode" in
  run|test|package) ;;
  *) echo "usage: $0 run|test|package" >&2; exit 2 ;;
esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${SHARECAST_BUILD_DIR:-$here/build}

packages=(cmake ninja-build g++ pkg-config dpkg-dev file
          qt6-base-dev qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins libqcustomplot-dev
          libboost-serialization-dev fonts-dejavu-core xvfb xauth
          sqlite3 time poppler-utils clang libclang-rt-14-dev clang-format
          libxlsxwriter-dev libssl-dev libreoffice-calc-nogui)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHARECAST_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$jobs"

case "$mode" in
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "No display found: starting the workbench under xvfb-run (set DISPLAY to see it)." >&2
      exec xvfb-run -a "$build/app/sharecast"
    fi
    exec "$build/app/sharecast"
    ;;
  test)
    cd "$build"
    exec ctest --output-on-failure --parallel "$jobs"
    ;;
  package)
    cd "$build"
    cpack -G DEB
    ;;
esac
