#!/usr/bin/env bash
# Writes the outputs of every headless command on the bundled sample and the CLI test data into
# OUT_DIR, so that a change that must not alter behaviour (a refactoring) can be checked with
#   tests/validation/output_snapshot.sh /tmp/before   # on the old build
#   tests/validation/output_snapshot.sh /tmp/after    # on the new build
#   diff -r /tmp/before /tmp/after                    # prints nothing when every byte is the same
# Usage: tests/validation/output_snapshot.sh OUT_DIR [BUILD_DIR]
# The PDF is left out (it embeds its creation time); its CSV exports and page count are kept.
set -uo pipefail

out=${1:?usage: $0 OUT_DIR [BUILD_DIR]}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$here/../..
build=${2:-$root/build}
bin=$build/app/sharecast
sample=$build/share/sharecast/sample
data=$root/tests/data/cli
export SOURCE_DATE_EPOCH=1767225600 QT_QPA_PLATFORM=offscreen
rm -rf "$out" && mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$sample/default.sharecast" "$work/p.sharecast"
p=$work/p.sharecast

run() { # NAME COMMAND...: stdout, stderr and exit code of one command
  local name=$1; shift
  "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
  echo $? >"$out/$name.exit"
  sed -i "s#$work#WORK#g; s#$out#OUT#g" "$out/$name.stdout" "$out/$name.stderr"
}

for preset in $("$bin" presets | awk '{print $1}'); do
  run "settle-$preset" "$bin" settle --project "$p" --scenario "preset:$preset" --year 2024 --out "$out/settle-$preset.csv"
  run "project-$preset" "$bin" project --project "$p" --scenario "preset:$preset" --out "$out/project-$preset.csv"
  run "settle-files-$preset" "$bin" settle --experience "$data/experience.csv" --scenario "preset:$preset" --year 2024 --out "$out/settle-files-$preset.csv"
  run "totals-$preset" "$bin" settle-totals --input "$data/totals.csv" --scenario "preset:$preset" --out "$out/totals-$preset.csv"
done
run explain-settle "$bin" settle --project "$p" --scenario preset:straw-proposal-7 --year 2024 --explain P01
run explain-project "$bin" project --project "$p" --scenario preset:straw-proposal-7 --explain P01 2026
run settle-json "$bin" settle --experience "$data/experience.csv" --scenario "$data/scenario.json" --out "$out/settle-json.csv"
run report "$bin" report --project "$p" --scenario preset:straw-proposal-7 --pdf "$work/r.pdf" --csv "$out/report-csv"
run report-compare "$bin" report --project "$p" --scenario preset:straw-proposal-7 --compare preset:calaim-ecm-corridor --pdf "$work/c.pdf" --csv "$out/report-compare-csv"
run report-public "$bin" report --project "$p" --scenario preset:straw-proposal-7 --public --pdf "$work/pub.pdf" --csv "$out/report-public-csv"
run export "$bin" export-experience --project "$p" --out "$out/experience.csv"
run export-public "$bin" export-experience --project "$p" --out "$out/experience-public.csv" --public
run diff "$bin" scenario diff preset:straw-proposal-7 preset:calaim-ecm-corridor
run scenario-new "$bin" scenario new --project "$p" --preset mssp-track-1 --name T1
run scenario-list-names sh -c "'$bin' scenario list --project '$p' | cut -d' ' -f1-3"
run scenario-export "$bin" scenario export --project "$p" --name T1 --out "$out/t1.json"
run generate "$bin" generate-sample --out "$work/gen" --seed 7 --members 2000
cp "$work/gen/"*.csv "$out/" 2>/dev/null
run bad-settle "$bin" settle --experience "$data/experience_bad.csv" --scenario preset:straw-proposal-7 --out "$work/x.csv"
run bad-option "$bin" settle --nonsense
run bad-report "$bin" report --project "$p"
run help "$bin" --help
echo "wrote $(ls "$out" | wc -l) files to $out"
