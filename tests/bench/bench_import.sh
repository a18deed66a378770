#!/usr/bin/env bash
# Benchmark: importing member-level data (members.csv) into a project, against the sqlite3
# command-line tool's plain .import of the same file into an untyped table (no validation, no
# aggregation). Target: ours <= 1.0x sqlite3's time at 1 M rows; peak memory < 1 GiB at 10 M rows.
# Usage: tests/bench/bench_import.sh [path/to/sharecast] [rows ...]   (default rows: 1000000 10000000)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:-$here/../../build/app/sharecast}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
command -v sqlite3 >/dev/null || { echo "sqlite3 is needed (apt-get install sqlite3)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sharecast-bench.XXXXXX"); trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
for n in "${sizes[@]}"; do
  "$bin" generate-sample --seed 7 --members "$n" --out "$tmp/data" >/dev/null
  file="$tmp/data/members.csv"
  size=$(stat -c %s "$file")
  # Warm the page cache once so both tools read from memory.
  cat "$file" >/dev/null

  rm -f "$tmp/p.sharecast"
  /usr/bin/time -f "%e %M" -o "$tmp/ours.time" "$bin" import --project "$tmp/p.sharecast" --members "$file" \
      --truncation 250000 >/dev/null
  read -r ours oursKb <"$tmp/ours.time"

  rm -f "$tmp/plain.db"
  /usr/bin/time -f "%e %M" -o "$tmp/sqlite.time" sqlite3 "$tmp/plain.db" ".mode csv" ".import $file members"
  read -r theirs theirsKb <"$tmp/sqlite.time"

  awk -v n="$n" -v mb="$size" -v a="$ours" -v b="$theirs" -v am="$oursKb" -v bm="$theirsKb" 'BEGIN {
    printf "%10d member rows (%.0f MB): sharecast import %6.2f s (peak %5.0f MiB) | sqlite3 .import %6.2f s (peak %5.0f MiB) | ratio %.2fx (target <= 1.0x)\n",
      n, mb / 1e6, a, am / 1024, b, bm / 1024, (b > 0 ? a / b : 0) }'
  rm -f "$file" "$tmp/plain.db" "$tmp/p.sharecast"
done
