#!/usr/bin/env bash
# Benchmark: what drives the result (methodology §14) on the bundled statewide sample project
# (20 plans, 19 regions, 14.5 million members) under the Straw Proposal 7 preset, wall time of
# the whole command as a user runs it (loading the project included; `settle` alone is printed
# for reference). Targets: a tornado over 30 keys <= 0.1 s of engine time; a 50 x 50 two-way table
# of program net <= 1.5 s; a 20 x 20 table of a projection metric <= 3 s.
# Usage: tests/bench/bench_sensitivity.sh [path/to/sharecast] [path/to/project.sharecast] [runs]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../build/app/sharecast}
project=${2:-$(dirname "$bin")/../share/sharecast/sample/default.sharecast}
runs=${3:-5}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
[ -x "$bin" ] || { echo "no sharecast executable at $bin (build it first)" >&2; exit 2; }
[ -f "$project" ] || { echo "no project at $project (build the sharecast_default_project target)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-bench.XXXXXX"); trap 'rm -rf "$tmp"' EXIT
data=(--project "$project" --scenario preset:straw-proposal-7 --year 2024)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "project: $project"
# bench LABEL TARGET ARGS...: the median of $runs wall times.
bench() {
  local label=$1 target=$2; shift 2
  local times=()
  for ((i = 1; i <= runs; i++)); do
    /usr/bin/time -f "%e" -o "$tmp/time" "$bin" "$@" >/dev/null
    times+=("$(cat "$tmp/time")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v t="$target" -v all="${times[*]}" '
    { v[NR] = $1 } END { m = v[int((NR + 1) / 2)];
      printf "%-58s median %5.2f s  (runs: %s; target: %s)\n", l, m, all, t }'
}
source "$here/tornado_keys.sh"
bench "settle (reference: loading and one settlement)" "-" settle "${data[@]}" --out "$tmp/s.csv"
bench "sensitivity, 30 keys (61 settlements), program_net" "<= 0.1 s engine" \
  sensitivity "${data[@]}" --metric program_net --vary "${keys[@]}" --out "$tmp/t.csv"
bench "table2 50 x 50, program_net" "<= 1.5 s" table2 "${data[@]}" --metric program_net \
  --x sharing.tiers[3].share=0.3:0.7:50 --y msr.rate=0:0.03:50 --out "$tmp/g.csv"
bench "table2 20 x 20, net_state_saving_nonrebased@2028" "<= 3 s" table2 "${data[@]}" \
  --metric net_state_saving_nonrebased@2028 --x projection.admin_load=0.05:0.1:20 \
  --y trend.by_cos.inpatient.unit_cost=0.02:0.05:20 --out "$tmp/p.csv"
