#!/usr/bin/env bash
# Builds the libFuzzer target over the scenario file loader and runs it for SECONDS seconds.
#
#   tests/fuzz/build_and_run.sh SECONDS [extra libFuzzer flags...]
#
# Needs clang++ (Debian's clang 14 with libclang-rt-14-dev), Qt 6 Core (pkg-config Qt6Core) and
# Boost.Serialization. Compiles the few project sources the loader needs directly, instrumented
# with -fsanitize=fuzzer,address,undefined, into build-fuzz/ (ignored by git). The working corpus
# build-fuzz/corpus grows between runs; it is seeded from tests/fuzz/corpus/ (checked in: valid
# files and payloads). Runs one fuzzing process on one core; crash inputs land in
# build-fuzz/artifacts/. Prints libFuzzer's summary and exits non-zero on a finding.
set -euo pipefail

seconds=${1:?usage: $0 SECONDS [libFuzzer flags...]}
shift
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=$root/build-fuzz
cxx=${CXX:-clang++}
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts" "$out/run"

sources=(
  core/engine/error.cpp
  core/engine/rounding.cpp
  core/engine/scenario.cpp
  core/io/atomic_file.cpp
  core/io/scenario/scenario_archive.cpp
  core/io/scenario/scenario_file.cpp
  tests/fuzz/fuzz_scenario_file.cpp
)
# shellcheck disable=SC2207
qt_cflags=($(pkg-config --cflags Qt6Core))
# shellcheck disable=SC2207
qt_libs=($(pkg-config --libs Qt6Core))
cxxflags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fPIC
          -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
          -Wall -Wextra -Wpedantic -I"$root/core" "${qt_cflags[@]}")

# Rebuild an object when its source or any header of core/ is newer.
newest_header=$(find "$root/core" -name '*.h' -newer "$out/obj/.stamp" 2>/dev/null | head -n 1 || true)
[[ -e "$out/obj/.stamp" ]] || newest_header=all
objects=()
for src in "${sources[@]}"; do
  obj=$out/obj/$(echo "$src" | tr '/' '_' | sed 's/\.cpp$/.o/')
  objects+=("$obj")
  if [[ -n "$newest_header" || ! -e "$obj" || "$root/$src" -nt "$obj" ]]; then
    echo "compiling $src"
    "$cxx" "${cxxflags[@]}" -c "$root/$src" -o "$obj"
  fi
done
touch "$out/obj/.stamp"
"$cxx" -fsanitize=fuzzer,address,undefined "${objects[@]}" -o "$out/fuzz_scenario_file" \
  "${qt_libs[@]}" -lboost_serialization
echo "built $out/fuzz_scenario_file"

# One job on one worker (one core); its output goes to fuzz-0.log in the run folder. Inputs are
# at most 64 KiB; a single allocation over 64 MiB counts as a finding (the loader never needs it).
cd "$out/run"
rm -f fuzz-0.log
status=0
"$out/fuzz_scenario_file" -jobs=1 -workers=1 -max_len=65536 -max_total_time="$seconds" \
  -malloc_limit_mb=64 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$out/artifacts/" "$@" "$out/corpus" "$root/tests/fuzz/corpus" || status=$?

echo "---- libFuzzer summary (build-fuzz/run/fuzz-0.log) ----"
grep -E '^#[0-9]+.*(INITED|DONE)|^Done|^stat::|ERROR|SUMMARY|Test unit written|deadly signal|round trip mismatch' \
  fuzz-0.log || true
echo "corpus: $(find "$out/corpus" -type f | wc -l) inputs in build-fuzz/corpus"
crashes=$(find "$out/artifacts" -type f | wc -l)
echo "artifacts (crash/leak/timeout/oom inputs): $crashes in build-fuzz/artifacts"
exit "$status"
