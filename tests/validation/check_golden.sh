#!/usr/bin/env bash
# Runs the settlement on every case of a golden folder (inputs -> expected.csv) and compares.
# Usage: tests/validation/check_golden.sh GOLDEN_DIR [path/to/sharecast]
# A case folder holds experience.csv [+ quality.csv] or totals.csv, scenario.json, expected.csv;
# cell cases are settled for the scenario's performance year, or for the program years in the
# case's `years` file (settle --years); a case whose expected.csv holds regional rates (header
# plan_id,county,...) is run with `rates --regional`. Prints one line per case and the
# mismatches; exits 1 when any case differs.
set -u
dir=${1:?usage: $0 GOLDEN_DIR [sharecast]}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${2:-$here/../../build/app/sharecast}
[ -x "$bin" ] || { echo "no sharecast executable at $bin (build first, or pass its path)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pass=0; fail=0
for case in "$dir"/*/; do
  case=${case%/}; name=$(basename "$case")
  [ -f "$case/expected.csv" ] || continue
  out="$tmp/$name.csv"; log="$tmp/$name.log"
  if head -1 "$case/expected.csv" | grep -q '^plan_id,county,'; then
    "$bin" rates --regional --experience "$case/experience.csv" --scenario "$case/scenario.json" --out "$out" 2>"$log"
  elif [ -f "$case/totals.csv" ]; then
    "$bin" settle-totals --input "$case/totals.csv" --scenario "$case/scenario.json" --out "$out" 2>"$log"
  else
    args=(settle --experience "$case/experience.csv" --scenario "$case/scenario.json" --out "$out")
    [ -f "$case/quality.csv" ] && args+=(--quality "$case/quality.csv")
    [ -f "$case/years" ] && args+=(--years "$(tr -d '[:space:]' < "$case/years")")
    "$bin" "${args[@]}" 2>"$log"
  fi
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "FAIL $name: sharecast exited $rc"; sed 's/^/    /' "$log"; fail=$((fail+1)); continue
  fi
  if diffs=$(awk -F, -f "$here/compare_csv.awk" "$case/expected.csv" "$out"); then
    echo "ok   $name"; pass=$((pass+1))
    [ -s "$log" ] && sed 's/^/    /' "$log"
  else
    echo "FAIL $name"; echo "$diffs" | sed 's/^/    /'; fail=$((fail+1))
  fi
done
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ]
