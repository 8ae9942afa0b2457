#!/usr/bin/env bash
# THE test command (and all that .ci/run does): installs missing packages,
# configures and builds cyclint, then runs every test through ctest: unit
# tests, the annotated corpus and the lit integration tests. Then the same
# suite again under ASan+UBSan, with a short run of every fuzz target
# (scripts/sanitize.sh, docs/FUZZING.md; about as long again).
#   BUILD_DIR  build directory (default: build/ in the repository)
#   JOBS       parallel build and test jobs (default: 2, the machine's cores)
#   SANITIZE   0 to skip the sanitized suite (default: 1)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-2}

"$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -G Ninja
ninja -C "$build" -j "$jobs"
cd "$build"
ctest --output-on-failure -j "$jobs"
if [[ "${SANITIZE:-1}" != 0 ]]; then
  BUILD_DIR="$build-sanitize" JOBS="$jobs" "$root/scripts/sanitize.sh"
fi
