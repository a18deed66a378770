#!/usr/bin/env bash
# Builds one libFuzzer target over a reader of untrusted input and runs it for SECONDS seconds.
#
#   tests/fuzz/build_and_run.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is one of (source tests/fuzz/fuzz_TARGET.cpp):
#   scenario_file   the scenario archive loader (core/io/scenario/scenario_file.h)
#   scenario_json   the scenario JSON reader, text → JSON tree → Scenario (core/io/json/)
#   experience_csv  experience.csv (core/io/csv/experience_csv.h)
#   quality_csv     quality.csv (core/io/csv/quality_csv.h)
#   members_csv     members.csv (core/io/csv/members_csv.h)
#   totals_csv      totals.csv (core/io/csv/totals_csv.h)
#
# Needs clang++ (Debian's clang 14 with libclang-rt-14-dev), Qt 6 Core (pkg-config Qt6Core; Qt6Sql
# for members_csv, whose header names the project store) and, for scenario_file,
# Boost.Serialization. Compiles the few project sources the target needs directly, instrumented
# with -fsanitize=fuzzer,address,undefined, into build-fuzz/ (ignored by git):
#   build-fuzz/fuzz_TARGET            the fuzzer
#   build-fuzz/obj/TARGET/            its objects
#   build-fuzz/corpus-TARGET/         the working corpus, which grows between runs
#   build-fuzz/artifacts-TARGET/      inputs that crashed, leaked, timed out or ran out of memory
#   build-fuzz/run-TARGET/fuzz-0.log  libFuzzer's output
# The run is seeded from tests/fuzz/corpus/TARGET/ (checked in: valid files, hostile ones and a
# minimised corpus of earlier runs) and uses the dictionary tests/fuzz/TARGET.dict when there is
# one. Runs one fuzzing process on one core. Prints libFuzzer's summary and exits non-zero on a
# finding. To minimise a grown corpus (and check the result in as the seeds), start a fresh folder
# with the checked-in seeds, so that they are all kept, and merge in what the working corpus adds:
#   mkdir NEW && cp tests/fuzz/corpus/TARGET/* NEW/
#   build-fuzz/fuzz_TARGET -merge=1 [-use_counters=0] NEW build-fuzz/corpus-TARGET
# (-use_counters=0 keeps an input per new edge rather than per new hit count: far fewer files.)
set -euo pipefail

usage="usage: $0 TARGET SECONDS [libFuzzer flags...]  (TARGET: scenario_file, scenario_json, experience_csv, quality_csv, members_csv, totals_csv)"
target=${1:?$usage}
seconds=${2:?$usage}
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$root/build-fuzz
cxx=${CXX:-clang++}

# Each target: the project sources it compiles, the pkg-config modules and the extra libraries.
qt_modules=(Qt6Core)
libs=()
case "$target" in
  scenario_file)
    sources=(core/engine/error.cpp core/engine/rounding.cpp core/engine/scenario.cpp
             core/io/atomic_file.cpp core/io/scenario/scenario_archive.cpp core/io/scenario/scenario_file.cpp)
    libs=(-lboost_serialization)
    ;;
  scenario_json)
    sources=(core/engine/error.cpp core/engine/rounding.cpp core/engine/scenario.cpp
             core/io/json/json.cpp core/io/json/key_path.cpp core/io/json/scenario_json.cpp)
    ;;
  experience_csv)
    sources=(core/engine/error.cpp core/io/csv/csv_reader.cpp core/io/csv/experience_csv.cpp)
    ;;
  quality_csv)
    sources=(core/engine/error.cpp core/io/csv/csv_reader.cpp core/io/csv/quality_csv.cpp)
    ;;
  members_csv)
    sources=(core/engine/error.cpp core/io/csv/csv_reader.cpp core/io/csv/members_csv.cpp)
    qt_modules+=(Qt6Sql)
    ;;
  totals_csv)
    sources=(core/engine/error.cpp core/io/csv/csv_reader.cpp core/io/csv/totals_csv.cpp)
    ;;
  *)
    echo "unknown target '$target'; $usage" >&2
    exit 2
    ;;
esac
sources+=("tests/fuzz/fuzz_$target.cpp")
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "SECONDS must be a whole number, not '$seconds'; $usage" >&2
  exit 2
fi

obj_dir=$out/obj/$target
corpus=$out/corpus-$target
artifacts=$out/artifacts-$target
run=$out/run-$target
seeds=$root/tests/fuzz/corpus/$target
mkdir -p "$obj_dir" "$corpus" "$artifacts" "$run" "$seeds"

# shellcheck disable=SC2207
qt_cflags=($(pkg-config --cflags "${qt_modules[@]}"))
# shellcheck disable=SC2207
qt_libs=($(pkg-config --libs "${qt_modules[@]}"))
cxxflags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fPIC
          -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
          -Wall -Wextra -Wpedantic -I"$root/core" "${qt_cflags[@]}")

# Rebuild an object when its source, any header of core/ or tests/fuzz/ is newer (the stamp is
# per target, so that a header change reaches every target's objects).
stamp=$obj_dir/.stamp
newest_header=$(find "$root/core" "$root/tests/fuzz" -name '*.h' -newer "$stamp" 2>/dev/null | head -n 1 || true)
[[ -e "$stamp" ]] || newest_header=all
objects=()
for src in "${sources[@]}"; do
  obj=$obj_dir/$(echo "$src" | tr '/' '_' | sed 's/\.cpp$/.o/')
  objects+=("$obj")
  if [[ -n "$newest_header" || ! -e "$obj" || "$root/$src" -nt "$obj" ]]; then
    echo "compiling $src"
    "$cxx" "${cxxflags[@]}" -c "$root/$src" -o "$obj"
  fi
done
touch "$stamp"
"$cxx" -fsanitize=fuzzer,address,undefined "${objects[@]}" -o "$out/fuzz_$target" \
  "${qt_libs[@]}" "${libs[@]}"
echo "built $out/fuzz_$target"

dict=()
[[ -e "$root/tests/fuzz/$target.dict" ]] && dict=(-dict="$root/tests/fuzz/$target.dict")

# One job on one worker (one core); its output goes to fuzz-0.log in the run folder. Inputs are
# at most 64 KiB; a single allocation over 64 MiB counts as a finding (no reader needs it).
cd "$run"
rm -f fuzz-0.log
status=0
"$out/fuzz_$target" -jobs=1 -workers=1 -max_len=65536 -max_total_time="$seconds" \
  -malloc_limit_mb=64 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$artifacts/" "${dict[@]}" "$@" "$corpus" "$seeds" || status=$?

echo "---- libFuzzer summary (build-fuzz/run-$target/fuzz-0.log) ----"
grep -E '^#[0-9]+.*(INITED|DONE)|^Done|^stat::|ERROR|SUMMARY|Test unit written|deadly signal|mismatch|not finite' \
  fuzz-0.log || true
echo "corpus: $(find "$corpus" -type f | wc -l) inputs in build-fuzz/corpus-$target"
crashes=$(find "$artifacts" -type f | wc -l)
echo "artifacts (crash/leak/timeout/oom inputs): $crashes in build-fuzz/artifacts-$target"
exit "$status"
