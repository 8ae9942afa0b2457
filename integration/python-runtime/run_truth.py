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
The same for the `Conn` variants, which keep a handle of a small C library
(clib/, included from a system directory as a real library would be):
conn_userdata.c hands the library a new reference to a callback as user
data, conn_userdata_ok.c keeps it in a visited member; the cycle is
`c.set_callback(c.ping)`.

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
NODE_LEAK_RE = re.compile(
    r"^\S+: warning: 'NodeObject::next' .*"
    r"\[cyclint-python-(reference-cycle|traverse-missing-member)\]$")
# Import the module, make a cycle (and drop the names), collect, and print
# how many of the module's objects were deallocated.
SCRIPT = r"""
import gc, sys
sys.path.insert(0, sys.argv[1])
mod = __import__(sys.argv[2])
gc.collect()
before = mod.dealloc_count()
{cycle}
gc.collect()
print(mod.dealloc_count() - before)
"""
NODE_SCRIPT = SCRIPT.format(cycle="""a = mod.Node(); b = mod.Node()
a.next = b; b.next = a
del a, b""")
CONN_LEAK_RE = re.compile(
    r"^\S+: warning: 'Conn_set_callback' gives clib_set_userptr a new "
    r"reference .*\[cyclint-python-reference-cycle\]$")
CONN_SCRIPT = SCRIPT.format(cycle="""c = mod.Conn()
c.set_callback(c.ping)
del c""")
CLIB = os.path.join(HERE, "clib")


class Variant:
    def __init__(self, module, leaks, script, objects, leak_re, extra=()):
        self.module, self.leaks, self.script = module, leaks, script
        self.objects, self.leak_re, self.extra = objects, leak_re, list(extra)


VARIANTS = [  # the runtime leaks the cycle, or frees its `objects`
    Variant("node_nogc", True, NODE_SCRIPT, 2, NODE_LEAK_RE),
    Variant("node_forgot_next", True, NODE_SCRIPT, 2, NODE_LEAK_RE),
    Variant("node_ok", False, NODE_SCRIPT, 2, NODE_LEAK_RE),
    Variant("conn_userdata", True, CONN_SCRIPT, 1, CONN_LEAK_RE,
            [os.path.join(CLIB, "clib.c")]),
    Variant("conn_userdata_ok", False, CONN_SCRIPT, 1, CONN_LEAK_RE,
            [os.path.join(CLIB, "clib.c")]),
]


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
    for v in VARIANTS:
        module, documented_leak = v.module, v.leaks
        source = os.path.join(HERE, module + ".c")
        out = os.path.join(args.workdir, module + ".so")
        cflags = ["-I" + args.include, "-isystem", CLIB]
        compile_cmd = [args.cc, "-shared", "-fPIC", "-O0", *cflags,
                       source, *v.extra, "-o", out]
        proc = run(compile_cmd)
        if proc.returncode != 0:
            failures.append(f"{module}: build failed:\n{proc.stderr}")
            continue

        proc = run([args.python, "-c", v.script, args.workdir, module])
        if proc.returncode != 0:
            failures.append(f"{module}: python failed:\n{proc.stderr}")
            continue
        freed = int(proc.stdout.strip())
        runtime_leak = freed < v.objects

        dbdir = os.path.join(args.workdir, module + ".db")
        os.makedirs(dbdir, exist_ok=True)
        with open(os.path.join(dbdir, "compile_commands.json"), "w") as db:
            json.dump([{"directory": HERE, "file": source,
                        "arguments": [args.cc, *cflags, "-c",
                                      source, "-o", "/dev/null"]}], db)
        proc = run([args.cyclint, "-p", dbdir, "--quiet"])
        report = proc.stdout
        cyclint_leak = any(v.leak_re.match(l) for l in report.splitlines())
        if proc.returncode not in (0, 1):
            failures.append(f"{module}: cyclint exit {proc.returncode}:\n"
                            f"{proc.stderr}")

        print(f"{module}: runtime freed {freed}/{v.objects} objects "
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
        if not runtime_leak and v.script is NODE_SCRIPT:
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
