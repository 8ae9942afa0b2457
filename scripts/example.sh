#!/usr/bin/env bash
# Runs cyclint on the bundled examples: examples/scene-graph (cycles of the
# types) and examples/linked-nodes (the seed example: a cycle the code makes
# from a list type). Installs missing packages, builds cyclint, lets CMake
# write each example's compile database under build/examples/, and prints
# the findings. Exits 0 when cyclint reports exactly the known cycles (its
# exit code 1, "findings"), nonzero when cyclint fails or finds anything else.
#   BUILD_DIR  cyclint's build directory (default: build/ in the repository)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BUILD_DIR:-$root/build}

"$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -G Ninja > /dev/null
ninja -C "$build" -j "${JOBS:-2}" cyclint

# run_example NAME WARNINGS EXPECTED...: configures examples/NAME, runs
# cyclint on it, and checks that it reports exactly WARNINGS warnings, among
# them one containing each EXPECTED text (its README shows them).
run_example() {
  local name=$1 count=$2
  shift 2
  local dir="$build/examples/$name"
  cmake -S "$root/examples/$name" -B "$dir" -G Ninja \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON > /dev/null
  echo
  echo "\$ build/cyclint -p ${dir#"$root/"}"
  local status=0 output
  # Both streams, in order: findings on stdout, then the summary on stderr.
  output=$("$build/cyclint" -p "$dir" 2>&1) || status=$?
  printf '%s\n' "$output"
  if ((status != 1)); then
    echo "example.sh: cyclint exited with $status on $name; expected 1 (findings)" >&2
    exit 1
  fi
  local text
  for text in "$@"; do
    if ! grep -qF -- "$text" <<<"$output"; then
      echo "example.sh: expected a warning with $text in $name" >&2
      exit 1
    fi
  done
  if (($(grep -c ': warning: ' <<<"$output") != count)); then
    echo "example.sh: expected exactly $count warning(s) in $name" >&2
    exit 1
  fi
}

run_example scene-graph 2 "'sg::Animator::target' closes" \
  "'editor::SelectionTracker::scene' closes"
run_example linked-nodes 1 "'node2->next = node1' closes a reference cycle"

echo
echo "example.sh: cyclint found the reference cycles of examples/scene-graph and examples/linked-nodes."
