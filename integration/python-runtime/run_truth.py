#!/usr/bin/env python3
"""Runtime truth test: cyclint's verdict on a CPython extension must match
what the CPython runtime does.

For each variant of the `Node` extension (node_nogc.c: no GC support;
node_forgot_next.c: GC, but tp_traverse forgets `next`; node_ok.c: correct):
  1. build it against the real Python headers as a shared module;
  2. run the real interpreter: make `a.next = b; b.next = a`, delete the
     names, gc.collect(), and read how many nodes were deallocated (the
     extension counts deallocations);
  3. run cyclint on a compilation database for the source;
  4. require: the runtime leaks  <=>  cyclint warns that a reference cycle
     through 'NodeObject::next' is never freed (python-reference-cycle or
     python-traverse-missing-member); and that each variant's verdict is the
     one the variant documents.

Usage: run_truth.py --cyclint BIN --cc CC --python PY --include DIR --workdir DIR
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VARIANTS = [  # (module, the runtime leaks the cycle)
    ("node_nogc", True),
    ("node_forgot_next", True),
    ("node_ok", False),
]
LEAK_RE = re.compile(
    r"^\S+: warning: 'NodeObject::next' .*"
    r"\[cyclint-python-(reference-cycle|traverse-missing-member)\]$")
RUNTIME_SCRIPT = r"""
import gc, sys
sys.path.insert(0, sys.argv[1])
mod = __import__(sys.argv[2])
gc.collect()
before = mod.dealloc_count()
a = mod.Node(); b = mod.Node()
a.next = b; b.next = a
del a, b
gc.collect()
print(mod.dealloc_count() - before)
"""


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cyclint", required=True)
    ap.add_argument("--cc", default="/usr/bin/gcc")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--include", default="/usr/include/python3.11")
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)

    failures = []
    for module, documented_leak in VARIANTS:
        source = os.path.join(HERE, module + ".c")
        out = os.path.join(args.workdir, module + ".so")
        compile_cmd = [args.cc, "-shared", "-fPIC", "-O0", "-I" + args.include,
                       source, "-o", out]
        proc = run(compile_cmd)
        if proc.returncode != 0:
            failures.append(f"{module}: build failed:\n{proc.stderr}")
            continue

        proc = run([args.python, "-c", RUNTIME_SCRIPT, args.workdir, module])
        if proc.returncode != 0:
            failures.append(f"{module}: python failed:\n{proc.stderr}")
            continue
        freed = int(proc.stdout.strip())
        runtime_leak = freed < 2

        dbdir = os.path.join(args.workdir, module + ".db")
        os.makedirs(dbdir, exist_ok=True)
        with open(os.path.join(dbdir, "compile_commands.json"), "w") as db:
            json.dump([{"directory": HERE, "file": source,
                        "arguments": [args.cc, "-I" + args.include, "-c",
                                      source, "-o", "/dev/null"]}], db)
        proc = run([args.cyclint, "-p", dbdir, "--quiet"])
        report = proc.stdout
        cyclint_leak = any(LEAK_RE.match(l) for l in report.splitlines())
        if proc.returncode not in (0, 1):
            failures.append(f"{module}: cyclint exit {proc.returncode}:\n"
                            f"{proc.stderr}")

        print(f"{module}: runtime freed {freed}/2 nodes "
              f"({'leak' if runtime_leak else 'freed'}); cyclint reports "
              f"{'a never-freed cycle' if cyclint_leak else 'no leak'}")
        if runtime_leak != cyclint_leak:
            failures.append(f"{module}: runtime "
                            f"{'leaks' if runtime_leak else 'frees'} the cycle "
                            f"but cyclint {'does' if cyclint_leak else 'does not'}"
                            f" report it:\n{report}")
        if runtime_leak != documented_leak:
            failures.append(f"{module}: the runtime "
                            f"{'leaks' if runtime_leak else 'frees'} the "
                            f"cycle, the variant says otherwise")
        if not runtime_leak:
            # Correct GC support: a note, printed on request only, and a
            # warning for programs that run without the collector.
            if report.strip() or proc.returncode:
                failures.append(f"{module}: expected no output by default "
                                f"and exit 0, got {proc.returncode}:\n{report}")
            proc = run([args.cyclint, "-p", dbdir, "--quiet",
                        "--check-option=python-reference-cycle."
                        "CollectorNotes=1"])
            if "note: 'NodeObject::next' can close a reference cycle that " \
               "only the cycle collector frees" not in proc.stdout or \
               proc.returncode:
                failures.append(f"{module}: expected the collector-only note "
                                f"and exit 0, got {proc.returncode}:\n"
                                f"{proc.stdout}")
            proc = run([args.cyclint, "-p", dbdir, "--quiet",
                        "--python-gc=disabled"])
            if proc.returncode != 1 or "warning: 'NodeObject::next' can close" \
                                       not in proc.stdout:
                failures.append(f"{module}: --python-gc=disabled should warn:"
                                f"\n{proc.stdout}{proc.stderr}")
        print("  " + "\n  ".join(report.splitlines()))

    if failures:
        print("\nFAILED:\n" + "\n\n".join(failures))
        return 1
    print("runtime and cyclint agree on all variants")
    return 0


if __name__ == "__main__":
    sys.exit(main())
