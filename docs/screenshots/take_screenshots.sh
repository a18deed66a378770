#!/usr/bin/env bash
# Regenerates the README's screenshots: the workbench on the bundled sample project, under Xvfb.
# Usage: docs/screenshots/take_screenshots.sh [path/to/sharecast]   (needs xvfb-run: apt-get install xvfb xauth)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../build/app/sharecast}
[ -x "$bin" ] || { echo "build first: no $bin" >&2; exit 2; }
# A throwaway home, so the screenshot shows a fresh copy of the sample and no saved window state.
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --screenshot "$here/workbench.png" --size 1366x768
echo "wrote $here/workbench.png"
