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
example_build="$build/examples/scene-graph"

"$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -G Ninja > /dev/null
ninja -C "$build" -j "${JOBS:-2}" cyclint
cmake -S "$root/examples/scene-graph" -B "$example_build" -G Ninja \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON > /dev/null

echo
echo "\$ build/cyclint -p ${example_build#"$root/"}"
status=0
# Both streams, in order: findings on stdout, then the summary on stderr.
output=$("$build/cyclint" -p "$example_build" 2>&1) || status=$?
printf '%s\n' "$output"

if ((status != 1)); then
  echo "example.sh: cyclint exited with $status; expected 1 (findings)" >&2
  exit 1
fi
# The two cycles the example is built around (examples/scene-graph/README.md).
for member in "'sg::Animator::target' closes" "'editor::SelectionTracker::scene' closes"; do
  if ! grep -qF -- "$member" <<<"$output"; then
    echo "example.sh: expected a warning at $member" >&2
    exit 1
  fi
done
if (($(grep -c ': warning: ' <<<"$output") != 2)); then
  echo "example.sh: expected exactly 2 warnings" >&2
  exit 1
fi

nodes_build="$build/examples/linked-nodes"
cmake -S "$root/examples/linked-nodes" -B "$nodes_build" -G Ninja > /dev/null
echo
echo "\$ build/cyclint -p ${nodes_build#"$root/"}"
status=0
output=$("$build/cyclint" -p "$nodes_build" 2>&1) || status=$?
printf '%s\n' "$output"
if ((status != 1)); then
  echo "example.sh: cyclint exited with $status on linked-nodes; expected 1" >&2
  exit 1
fi
if ! grep -qF -- "'node2->next = node1' closes a reference cycle" <<<"$output" ||
   (($(grep -c ': warning: ' <<<"$output") != 1)); then
  echo "example.sh: expected exactly the warning at node2->next = node1" >&2
  exit 1
fi
echo
echo "example.sh: cyclint found the reference cycles of examples/scene-graph and examples/linked-nodes."
