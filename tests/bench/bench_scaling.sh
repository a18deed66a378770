#!/usr/bin/env bash
# Benchmark (issue 19, item 5): how the commands grow with the size of the state. For each scale K
# (default 1 10 100), `generate-sample --scale K` writes a state K times the sample (20·K plans,
# about 1,340·K experience cells, 14.5·K million members; docs/sample-data.md) and builds a
# project from it; then it times, with peak memory:
#   settle      one performance year (2024), every plan
#   project     the five-year projection, rebased and not (2025–2029)
#   validity    the uncertainty of every plan's result, 10,000 Monte Carlo draws
#   sensitivity a tornado of 30 assumptions (61 settlements)
#   import      members.csv with K × ROWS member rows (default ROWS 1,000,000), aggregated to cells
# The figures go into docs/performance.md. Timings are printed, never pass/fail.
# Usage: tests/bench/bench_scaling.sh [path/to/sharecast] [K ...]
#        ROWS=N to change the member rows per unit of scale (ROWS=0 skips the import).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../build/app/sharecast}
shift || true
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 10 100)
rows=${ROWS:-1000000}
[ -x "$bin" ] || { echo "no sharecast executable at $bin (build it first)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-scaling.XXXXXX"); trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
printf '%-6s %-12s %10s %10s  %s\n' scale step "wall (s)" "peak MiB" "what"
# run SCALE STEP WHAT ARGS...: one timed run of sharecast ARGS.
run() {
  local scale=$1 step=$2 what=$3; shift 3
  if ! /usr/bin/time -f "%e %M" -o "$tmp/time" "$bin" "$@" >"$tmp/out" 2>"$tmp/err"; then
    echo "sharecast $* failed:" >&2; cat "$tmp/err" >&2; exit 1
  fi
  read -r wall kb <"$tmp/time"
  printf '%-6s %-12s %10.2f %10.0f  %s\n' "${scale}x" "$step" "$wall" "$((kb / 1024))" "$what"
}
source "$here/tornado_keys.sh"

for k in "${scales[@]}"; do
  dir="$tmp/k$k"
  project="$dir/state.sharecast"
  run "$k" generate "$((20 * k)) plans: the files and a project" \
    generate-sample --scale "$k" --out "$dir" --project "$project"
  cells=$(($(wc -l <"$dir/experience.csv") - 1))
  data=(--project "$project" --scenario preset:straw-proposal-7 --year 2024)
  run "$k" settle "$cells cells, 2024" settle "${data[@]}" --out "$tmp/s.csv"
  run "$k" project "2025-2029, rebased and not" project --project "$project" \
    --scenario preset:straw-proposal-7 --out "$tmp/p.csv"
  run "$k" validity "10,000 draws" validity "${data[@]}" --draws 10000 --out "$tmp/v.csv"
  run "$k" sensitivity "30 assumptions, 61 settlements" sensitivity "${data[@]}" --metric program_net \
    --vary "${keys[@]}" --out "$tmp/t.csv"
  if [ "$rows" -gt 0 ]; then
    n=$((rows * k))
    "$bin" generate-sample --scale "$k" --members "$n" --out "$dir/m" >/dev/null
    size=$(stat -c %s "$dir/m/members.csv")
    cat "$dir/m/members.csv" >/dev/null # read from the page cache, as the other steps do
    run "$k" import "$n member rows ($((size / 1000000)) MB)" import --project "$dir/m.sharecast" \
      --members "$dir/m/members.csv" --truncation 250000
  fi
  rm -rf "$dir"
done
