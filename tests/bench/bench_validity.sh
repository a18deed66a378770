#!/usr/bin/env bash
# Benchmark: `sharecast validity` (methodology §13) on the bundled statewide sample project
# (20 plans, 19 regions, 14.5 million members), wall time of the whole command as a user runs it.
# Targets: 100,000 Monte Carlo draws <= 0.5 s; the projection fan with 10,000 draws <= 3 s.
# Also prints the time at 1 thread (SHARECAST_THREADS is not used: taskset pins the process) to
# show what the two cores give.
# Usage: tests/bench/bench_validity.sh [path/to/sharecast] [path/to/project.sharecast] [runs]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../build/app/sharecast}
project=${2:-$(dirname "$bin")/../share/sharecast/sample/default.sharecast}
runs=${3:-5}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
[ -x "$bin" ] || { echo "no sharecast executable at $bin (build it first)" >&2; exit 2; }
[ -f "$project" ] || { echo "no project at $project (build the sharecast_default_project target)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-bench.XXXXXX"); trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "project: $project"
# bench LABEL TARGET_SECONDS PREFIX... -- ARGS...: the median of $runs wall times.
bench() {
  local label=$1 target=$2; shift 2
  local prefix=()
  while [ "$1" != "--" ]; do prefix+=("$1"); shift; done; shift
  local times=()
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -f "%e" -o "$tmp/time" "${prefix[@]}" "$bin" validity --project "$project" \
        --scenario preset:straw-proposal-7 --year 2024 --out "$tmp/v.csv" "$@" >/dev/null
    times+=("$(cat "$tmp/time")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v t="$target" -v all="${times[*]}" '
    { v[NR] = $1 } END { m = v[int((NR + 1) / 2)];
      printf "%-52s median %5.2f s  (runs: %s; target <= %s s: %s)\n", l, m, all, t, (t == "-" ? "-" : (m <= t ? "met" : "MISSED")) }'
}
bench "validity, 100,000 draws" 0.5 -- --draws 100000
bench "validity, 100,000 draws, one core" - taskset -c 0 -- --draws 100000
bench "validity + projection fan, 10,000 draws" 3 -- --draws 10000 --projection-out "$tmp/fan.csv"
bench "validity + projection fan, 10,000 draws, one core" - taskset -c 0 -- --draws 10000 --projection-out "$tmp/fan.csv"
