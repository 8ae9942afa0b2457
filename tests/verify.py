#!/usr/bin/env python3
"""Runs cyclint on annotated sources and checks its output against the
expectations written inline in them, in the spirit of clang's -verify.

    // expected-warning {{closes a reference cycle}}     on this line
    // expected-note@+2 {{keeps 'Child' alive}}          two lines below
    // expected-note@-1 {{...}}                          one line above
    // expected-note 2 {{...}}                           twice on this line
    // expected-note@other.h:12 {{...}}                  in another file given
    // expected-no-diagnostics                           nothing at all
    // SHOW-expected-note {{...}}    only for the run with --check-prefix=SHOW

The text in {{...}} must be a substring of the diagnostic (a warning's text
includes its ` [cyclint-check]` suffix). Every diagnostic cyclint prints must
be expected, and every expectation met: either way the test fails. A run
whose files state no expectation at all fails too (it would assert nothing).

Usage: verify.py --cyclint BIN --workdir DIR [--cflags FLAGS] [--exit N]
                 [--cyclint-arg ARG ...] FILE [FILE ...]
Each FILE that is a .c/.cc/.cpp is a translation unit of a generated
compile_commands.json; headers may be listed to read expectations from them.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys

EXPECT_RE = re.compile(
    r"(?:\b([A-Z][A-Z0-9]*)-)?expected-(warning|note)(?:@([^\s{]+))?\s*"
    r"(?:(\d+)\s+)?\{\{(.*?)\}\}")
NO_DIAG_RE = re.compile(r"(?:\b([A-Z][A-Z0-9]*)-)?expected-no-diagnostics")
DIAG_RE = re.compile(r"^(.*?):(\d+):(\d+): (warning|note|error): (.*)$")
HINT_RE = re.compile(r"silence with // NOLINT\(cyclint-[a-z0-9-]+\) on the warning's line or a note's line$")
SOURCE_EXTS = (".c", ".cc", ".cpp", ".cxx")


def parse_expectations(paths, prefix=""):
    """Expectations written with `prefix` (`SHOW-expected-note`), or
    without one when `prefix` is empty: one source can state what each of
    several runs (each with its own options) must print."""
    expectations, no_diag = [], False
    by_name = {os.path.basename(p): p for p in paths}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if any(p == prefix for p in NO_DIAG_RE.findall(line)):
                    no_diag = True
                for owner, kind, where, count, text in EXPECT_RE.findall(line):
                    if owner != prefix:
                        continue
                    target_file, target_line = path, lineno
                    if where:
                        if where[0] in "+-":
                            target_line = lineno + int(where)
                        else:
                            name, _, num = where.rpartition(":")
                            if name not in by_name:
                                sys.exit(f"{path}:{lineno}: expectation names "
                                         f"'{name}', which is not a file of "
                                         f"this test")
                            target_file, target_line = by_name[name], int(num)
                    # `expected-note 2 {{...}}`: that many diagnostics.
                    for _ in range(int(count or 1)):
                        expectations.append({
                            "kind": kind,
                            "file": os.path.realpath(target_file),
                            "line": target_line, "text": text,
                            "origin": f"{path}:{lineno}"})
    return expectations, no_diag


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cyclint", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--cflags", default="")
    ap.add_argument("--cxx-std", default="c++17")
    ap.add_argument("--exit", type=int, default=None,
                    help="expected exit code (default: 1 if any warning is "
                         "expected, else 0)")
    ap.add_argument("--cyclint-arg", action="append", default=[])
    ap.add_argument("--check-prefix", default="",
                    help="read only the expectations written as "
                         "PREFIX-expected-... (default: unprefixed ones)")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    files = [os.path.realpath(f) for f in args.files]
    expectations, no_diag = parse_expectations(files, args.check_prefix)
    if not expectations and not no_diag:
        sys.exit("verify.py: no expectations and no 'expected-no-diagnostics' "
                 "in " + ", ".join(files))
    if expectations and no_diag:
        sys.exit("verify.py: 'expected-no-diagnostics' together with "
                 "expectations")

    os.makedirs(args.workdir, exist_ok=True)
    entries = []
    for f in files:
        if not f.endswith(SOURCE_EXTS):
            continue
        if f.endswith(".c"):
            cmd = ["clang", "-std=c11"]
        else:
            cmd = ["clang++", f"-std={args.cxx_std}"]
        cmd += shlex.split(args.cflags) + ["-c", f, "-o", "/dev/null"]
        entries.append({"directory": os.path.dirname(f), "arguments": cmd,
                        "file": f})
    with open(os.path.join(args.workdir, "compile_commands.json"), "w") as db:
        json.dump(entries, db, indent=1)

    cmd = [args.cyclint, "-p", args.workdir, "--quiet", "-j", "2"]
    cmd += args.cyclint_arg
    proc = subprocess.run(cmd, capture_output=True, text=True)

    problems = []
    seen = []
    warnings = hints = 0
    for line in proc.stdout.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            problems.append(f"unparseable output line: {line}")
            continue
        path, lineno, _col, kind, text = m.groups()
        # Every warning ends with a note saying how to silence it; checked
        # here once for all, rather than written in every expectation.
        warnings += kind == "warning"
        if kind == "note" and HINT_RE.match(text):
            hints += 1
            continue
        seen.append({"file": os.path.realpath(path), "line": int(lineno),
                     "kind": kind, "text": text, "raw": line})

    if hints != warnings:
        problems.append(f"{warnings} warning(s) but {hints} silencing hint(s)")
    unmatched = list(seen)
    for e in expectations:
        match = next((d for d in unmatched if d["kind"] == e["kind"]
                      and d["file"] == e["file"] and d["line"] == e["line"]
                      and e["text"] in d["text"]), None)
        if match is None:
            problems.append(f"expected {e['kind']} not seen (from {e['origin']},"
                            f" at line {e['line']}): {{{{{e['text']}}}}}")
        else:
            unmatched.remove(match)
    for d in unmatched:
        problems.append(f"unexpected {d['kind']}: {d['raw']}")

    want_exit = args.exit
    if want_exit is None:
        want_exit = 1 if any(e["kind"] == "warning" for e in expectations) else 0
    if proc.returncode != want_exit:
        problems.append(f"exit code {proc.returncode}, expected {want_exit}"
                        f"\nstderr:\n{proc.stderr}")

    if problems:
        print("command: " + " ".join(shlex.quote(c) for c in cmd))
        print("output:\n" + proc.stdout)
        print("\n".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
