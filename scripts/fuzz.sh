#!/usr/bin/env bash
# Runs cyclint's libFuzzer targets (docs/FUZZING.md), one after the other,
# each for SECONDS seconds (or RUNS executions, whichever comes first), on
# its checked-in seeds plus a growing corpus in the build directory. A crash
# leaves its input in <build>/fuzz/artifacts/ and fails the script; the last
# line of each target says its executions and time.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 60 seconds, all)
#   BUILD_DIR  build directory (default: build-sanitize/, as scripts/sanitize.sh)
#   RUNS       stop each target after this many executions (default: no limit)
#   JOBS       build jobs (default: 2)
# Targets: facts facts-cxx facts-cpython facts-pybind11 model-cxx
# model-cpython model-pybind11 config baseline.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build-sanitize}
seconds=${1:-60}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(facts facts-cxx facts-cpython facts-pybind11 model-cxx
           model-cpython model-pybind11 config baseline)
fi

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 -DCYCLINT_FUZZ=ON
fi
ninja -C "$build" -j "${JOBS:-2}" "${targets[@]/#/cyclint-fuzz-}"

status=0
for t in "${targets[@]}"; do
  work="$build/fuzz/work/$t"
  mkdir -p "$work" "$build/fuzz/artifacts"
  log="$build/fuzz/$t.log"
  args=(-max_total_time="$seconds" -print_final_stats=1
        -dict="$root/fuzz/dict/$t.dict"
        -artifact_prefix="$build/fuzz/artifacts/$t-")
  if [[ -n "${RUNS:-}" ]]; then
    args+=(-runs="$RUNS")
  fi
  start=$(date +%s)
  if ! "$build/fuzz/cyclint-fuzz-$t" "${args[@]}" "$work" "$root/fuzz/corpus/$t" \
      >"$log" 2>&1; then
    status=1
    echo "$t: FAILED (see $log and $build/fuzz/artifacts/)"
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "$t: ${execs:-?} executions in $(( $(date +%s) - start )) s," \
       "corpus $(ls "$work" | wc -l) files"
done
exit $status
