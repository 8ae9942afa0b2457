#!/usr/bin/env bash
# The test suite under AddressSanitizer and UndefinedBehaviorSanitizer: builds
# cyclint with clang-19 and -DCYCLINT_FUZZ=ON (the sanitizers, plus the
# libFuzzer targets of fuzz/) in a build directory of its own, then runs every
# test through ctest: unit tests, the corpus, the integration tests and a
# short run of each fuzz target (docs/FUZZING.md). scripts/test.sh runs it
# after the main suite.
#   BUILD_DIR  build directory (default: build-sanitize/ in the repository)
#   JOBS       parallel build and test jobs (default: 2)
#   CTEST_ARGS extra ctest arguments (e.g. "-L fuzz" or "-LE fuzz")
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build-sanitize}
jobs=${JOBS:-2}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 -DCYCLINT_FUZZ=ON
ninja -C "$build" -j "$jobs"
cd "$build"
# Leaks fail the tests too (LSan is on by default with ASan on Linux); a UB
# report aborts (-fno-sanitize-recover); both print a stack.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# shellcheck disable=SC2086
ctest --output-on-failure -j "$jobs" ${CTEST_ARGS:-}
