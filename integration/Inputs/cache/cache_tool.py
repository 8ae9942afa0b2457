#!/usr/bin/env python3
"""Helpers for cache.test that lit's shell cannot express.

    cache_tool.py corrupt DIR      damage three entries, three different ways
    cache_tool.py check-size DIR MAX
                                   fail unless the entries of DIR total at
                                   most MAX bytes; print how many there are
    cache_tool.py concurrent N OUT CMD...
                                   run N copies of CMD at once; fail unless
                                   every copy exits 1 with the stdout of the
                                   file OUT
"""
import os
import subprocess
import sys


def entries(directory):
    return sorted(os.path.join(directory, n) for n in os.listdir(directory)
                  if n.endswith(".entry"))


def corrupt(directory):
    files = entries(directory)
    if len(files) < 3:
        sys.exit(f"cache_tool.py: {directory} has {len(files)} entries, need 3")
    # Empty; cut in the middle of the facts; the header intact but facts
    # that are valid JSON and not facts.
    with open(files[0], "w"):
        pass
    with open(files[1], "rb") as f:
        data = f.read()
    with open(files[1], "wb") as f:
        f.write(data[:len(data) - len(data) // 4])
    with open(files[2], "rb") as f:
        header = f.read().split(b"\n", 1)[0]
    with open(files[2], "wb") as f:
        f.write(header + b'\n{"format": "cyclint-facts", "version": "x"}\n')


def check_size(directory, limit):
    files = entries(directory)
    total = sum(os.path.getsize(f) for f in files)
    if total > limit:
        sys.exit(f"cache_tool.py: {len(files)} entries hold {total} bytes, "
                 f"more than {limit}")
    print(f"{len(files)} entries")


def concurrent(n, expected_file, cmd):
    with open(expected_file, "rb") as f:
        expected = f.read()
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL) for _ in range(n)]
    bad = 0
    for p in procs:
        out, _ = p.communicate()
        if p.returncode != 1 or out != expected:
            bad += 1
    if bad:
        sys.exit(f"cache_tool.py: {bad} of {n} concurrent runs differ")


def main():
    what = sys.argv[1]
    if what == "corrupt":
        corrupt(sys.argv[2])
    elif what == "check-size":
        check_size(sys.argv[2], int(sys.argv[3]))
    elif what == "concurrent":
        concurrent(int(sys.argv[2]), sys.argv[3], sys.argv[4:])
    else:
        sys.exit(f"cache_tool.py: unknown command {what}")


if __name__ == "__main__":
    main()
