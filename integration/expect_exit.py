#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with exactly the given code.

    expect_exit.py CODE COMMAND [ARG...]

lit's `not` only knows "nonzero", but cyclint's exit codes carry meaning
(1 findings, 2 usage/config/database error, 3 some TUs not analyzed) and
each test pins the exact one. The command's stdout and stderr pass through
untouched, so its output can still be redirected or piped into FileCheck.
"""
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: expect_exit.py CODE COMMAND [ARG...]")
    want = int(sys.argv[1])
    got = subprocess.call(sys.argv[2:])
    if got != want:
        sys.stderr.write(f"expect_exit.py: '{sys.argv[2]}' exited with {got}, "
                         f"expected {want}\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
