#!/usr/bin/env bash
# Regenerates the README's screenshots under Xvfb: the workbench on the bundled sample project,
# and the README's walkthrough (plan share 50 → 40 %, then Compare) as the walkthrough test
# drives it.
# Usage: docs/screenshots/take_screenshots.sh [build-dir]   (needs xvfb-run: apt-get install xvfb xauth)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-$here/../../build}
bin=$build/app/sharecast
walk=$build/tests/ui_tst_walkthrough
for f in "$bin" "$walk"; do [ -x "$f" ] || { echo "build first: no $f" >&2; exit 2; }; done
# A throwaway home, so the screenshot shows a fresh copy of the sample and no saved window state.
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config"
xvfb-run -a -s "-screen 0 1600x1000x24" "$bin" --screenshot "$here/workbench.png" --size 1366x768
SHARECAST_SCREENSHOT_DIR="$here" xvfb-run -a -s "-screen 0 1600x1000x24" "$walk" -platform xcb >/dev/null
echo "wrote $here/workbench.png, walkthrough-edit.png, walkthrough-compare.png"
