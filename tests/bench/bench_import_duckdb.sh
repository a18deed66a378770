#!/usr/bin/env bash
# Benchmark (issue 19, item 3): `sharecast import --members` against DuckDB, the tool an analyst
# would pick for this job (read_csv … GROUP BY ALL giving the same per-cell aggregates; see
# duckdb_members.mjs). Wall time, CPU time (user + system) and peak memory of each, at the given
# row counts. Target: Sharecast <= 1.0x DuckDB's wall time at 1 M and 10 M rows, peak < 256 MiB.
# DuckDB comes from the npm registry for the benchmark only (never a dependency):
#   npm install --prefix DIR @duckdb/node-api
# Usage: tests/bench/bench_import_duckdb.sh DUCKDB_NODE_DIR [path/to/sharecast] [rows ...]
#        (default rows: 1000000 10000000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
duck=${1:?usage: $0 DUCKDB_NODE_DIR [sharecast] [rows ...]}
shift
bin=${1:-$here/../../build/app/sharecast}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
[ -d "$duck/node_modules/@duckdb/node-api" ] || { echo "no @duckdb/node-api under $duck (npm install --prefix $duck @duckdb/node-api)" >&2; exit 2; }
command -v node >/dev/null || { echo "node is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-duck.XXXXXX"); trap 'rm -rf "$tmp"' EXIT
cp "$here/duckdb_members.mjs" "$duck/duckdb_members.mjs"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
for n in "${sizes[@]}"; do
  "$bin" generate-sample --seed 7 --members "$n" --out "$tmp/data" >/dev/null
  file="$tmp/data/members.csv"
  size=$(stat -c %s "$file")
  cat "$file" >/dev/null # both read from the page cache

  rm -f "$tmp/p.sharecast"
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/ours.time" "$bin" import --project "$tmp/p.sharecast" \
      --members "$file" --truncation 250000 >/dev/null
  read -r ours ou os oursKb <"$tmp/ours.time"

  /usr/bin/time -f "%e %U %S %M" -o "$tmp/duck.time" node "$duck/duckdb_members.mjs" "$file" 250000 "$tmp/duck.csv"
  read -r theirs tu ts theirsKb <"$tmp/duck.time"
  cells=$(($(wc -l <"$tmp/duck.csv") - 1))

  # The same aggregates: cells, member months and cost, from the project and from DuckDB.
  "$bin" export-experience --project "$tmp/p.sharecast" --out "$tmp/ours.csv" >/dev/null
  same=$(awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
    { f = FILENAME; n[f]++; mm[f] += $col[f, "member_months"]; c[f] += $col[f, "cost_inpatient"] }
    END { for (f in n) { k++; key[k] = sprintf("%d cells, %.2f member months, %.2f inpatient", n[f], mm[f], c[f]) }
          print (key[1] == key[2] ? "same aggregates: " key[1] : "DIFFERENT: " key[1] " / " key[2]) }' \
    "$tmp/ours.csv" "$tmp/duck.csv")
  echo "  $same"

  awk -v n="$n" -v mb="$size" -v a="$ours" -v ac="$ou" -v acs="$os" -v b="$theirs" \
      -v bc="$tu" -v bcs="$ts" -v am="$oursKb" -v bm="$theirsKb" -v cells="$cells" 'BEGIN { ac += acs; bc += bcs;
    printf "%10d rows (%.0f MB, %d cells): sharecast %6.2f s wall %6.2f s cpu %5.0f MiB | duckdb %6.2f s wall %6.2f s cpu %5.0f MiB | wall ratio %.2fx (target <= 1.0x), cpu ratio %.2fx\n",
      n, mb / 1e6, cells, a, ac, am / 1024, b, bc, bm / 1024, (b > 0 ? a / b : 0), (bc > 0 ? ac / bc : 0) }'
  rm -f "$file" "$tmp/duck.csv" "$tmp/ours.csv" "$tmp/p.sharecast"
done
