#!/usr/bin/env bash
# Installs every Debian 12 package that cyclint's build, tests, example and
# benchmark need. Idempotent: apt runs only when dpkg says a package is
# missing, so on a prepared machine this is a no-op that needs no network.
# CI runs it on a clean Debian 12 machine as root; elsewhere it uses sudo.
set -euo pipefail

packages=(
  # Build: CMake + Ninja, a host compiler (the C one too: project() enables C).
  cmake ninja-build gcc g++
  # LLVM/Clang 19 libraries, headers and CMake packages; clang-19 brings the
  # resource directory (builtin headers) cyclint points parsed TUs at, and
  # the clang++ that scripts/bench.py compares against.
  llvm-19-dev libclang-19-dev libclang-cpp19-dev clang-19 clang-tidy-19
  # The ASan, UBSan and libFuzzer runtimes of clang-19: scripts/sanitize.sh
  # and scripts/fuzz.sh (docs/FUZZING.md).
  libclang-rt-19-dev
  # lit, FileCheck and not (tests); LLVM's CMake package also expects them.
  llvm-19-tools
  # Unit tests.
  libgtest-dev
  # Debian's python3 runs lit and the test helpers; the corpus parses code
  # that includes Python.h and pybind11.
  python3 python3-dev pybind11-dev
  # The capture-cycle corpus parses boost (bind, function, signals2, thread,
  # asio) and standalone asio handlers.
  libboost-dev libasio-dev
)
# The SARIF validator the tests run (npx @microsoft/sarif-multitool, fetched
# by npm on first use) needs Node.js: Debian 12 ships nodejs 18 and npm 9. A
# machine that already has an npx (another Node.js) is left alone.
if ! command -v npx >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  if [[ "$status" != installed ]]; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup.sh: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "setup.sh: installing ${missing[*]}"
# sudo resets the environment, so DEBIAN_FRONTEND goes through env.
as_root=(env DEBIAN_FRONTEND=noninteractive)
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo "${as_root[@]}")
fi
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y "${missing[@]}"
