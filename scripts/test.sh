#!/usr/bin/env bash
# THE test command (and all that .ci/run does): installs missing packages,
# configures and builds cyclint, then runs every test through ctest: unit
# tests, the annotated corpus and the lit integration tests.
#   BUILD_DIR  build directory (default: build/ in the repository)
#   JOBS       parallel build and test jobs (default: 2, the machine's cores)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}
jobs=${JOBS:-2}

"$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -G Ninja
ninja -C "$build" -j "$jobs"
cd "$build"
ctest --output-on-failure -j "$jobs"
