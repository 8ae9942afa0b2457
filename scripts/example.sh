#!/usr/bin/env bash
# Runs cyclint on the bundled example, examples/scene-graph: installs
# missing packages, builds cyclint, lets CMake write the example's compile
# database into build/examples/scene-graph, and prints the findings.
# Exits 0 when cyclint reports the example's two known cycles (its exit
# code 1, "findings"), nonzero when cyclint fails or finds something else.
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
echo
echo "example.sh: cyclint found both reference cycles of examples/scene-graph."
