#!/usr/bin/env bash
# Benchmark: a full statewide report of the bundled sample project (20 plans, 19 regions, 2019-2024)
# with `sharecast report`: the PDF briefing and its four CSV files, then the same with a comparison
# scenario and in public mode. Target: <= 3 s for the full statewide report.
# Usage: tests/bench/bench_report.sh [path/to/sharecast] [path/to/project.sharecast] [runs]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../build/app/sharecast}
project=${2:-$(dirname "$bin")/../share/sharecast/sample/default.sharecast}
runs=${3:-3}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
[ -x "$bin" ] || { echo "no sharecast executable at $bin (build it first)" >&2; exit 2; }
[ -f "$project" ] || { echo "no project at $project (build the sharecast_default_project target)" >&2; exit 2; }
"$bin" help report >/dev/null 2>&1 || { echo "$bin has no 'report' command" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-bench.XXXXXX"); trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "project: $project"
bench() {
  local label=$1; shift
  local best=
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$tmp/out"; mkdir "$tmp/out"
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" report --project "$project" --pdf "$tmp/out/report.pdf" \
        --csv "$tmp/out/csv" "$@" >/dev/null
    read -r secs kb <"$tmp/time"
    echo "  run $i: $secs s, peak $((kb / 1024)) MiB"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
  done
  local pages
  pages=$(pdfinfo "$tmp/out/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  awk -v l="$label" -v s="$best" -v p="${pages:-?}" -v kb="$(du -k "$tmp/out/report.pdf" | cut -f1)" 'BEGIN {
    printf "%-44s best %5.2f s  (%s pages, %d KB PDF; target <= 3 s: %s)\n", l, s, p, kb, (s <= 3.0 ? "met" : "MISSED") }'
}
bench "statewide report (straw-proposal-7)" --scenario preset:straw-proposal-7
bench "with comparison (iha-vbp4p)" --scenario preset:straw-proposal-7 --compare preset:iha-vbp4p
bench "public (small cells suppressed)" --scenario preset:straw-proposal-7 --public
