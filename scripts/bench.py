#!/usr/bin/python3
"""Benchmark: cyclint against a plain `clang++ -fsyntax-only` of the same TUs.

For every entry of a compile database, clang++ (LLVM 19) runs the entry's
own arguments in the entry's own directory, with output and dependency-file
flags (-o, -c, -M*) removed and -fsyntax-only added, on a pool of N workers.
Then `cyclint -p DB -j N --quiet` analyzes the same database. Each side runs
R times, alternating, and the median wall time counts. The ratio
cyclint/clang says what cyclint costs over just parsing the code.

    /usr/bin/python3 scripts/bench.py [-p BUILD_DIR] [-j N] [-r R] [--isolation]

With --isolation, cyclint runs twice per round, with its TUs in worker
processes (--isolation=process) and in its own process (--isolation=none),
and the script also prints the ratio of the two.

Default corpus: cyclint's own build/compile_commands.json (real, heavy
Clang/LLVM headers). This is a measurement, not a test: nothing fails on a
slow result, but it exits 1 if either tool fails on the corpus.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLANG = "/usr/lib/llvm-19/bin/clang++"

# Flags that name an output file, or a dependency file, and their arguments.
# cyclint drops the same ones (clang's tooling argument adjusters).
DROP_WITH_VALUE = {"-o", "-MF", "-MT", "-MQ"}
DROP_ALONE = {"-c", "-MD", "-MMD", "-M", "-MM", "-MP", "-MG"}


def clang_command(entry, clang):
    if "arguments" in entry:
        args = list(entry["arguments"])
    else:
        args = shlex.split(entry["command"])
    out = [clang]
    skip = False
    for arg in args[1:]:
        if skip:
            skip = False
            continue
        if arg in DROP_WITH_VALUE:
            skip = True
            continue
        if arg in DROP_ALONE:
            continue
        # Joined forms: -ofile, -MFfile (but not -objc... options).
        if arg.startswith(("-MF", "-MT", "-MQ")) or (
                arg.startswith("-o") and not arg.startswith("-obj")):
            continue
        out.append(arg)
    out.append("-fsyntax-only")
    return out


def run_clang(entries, clang, jobs):
    """Wall time of parsing every TU with `jobs` workers, and the failures."""
    def one(entry):
        proc = subprocess.run(clang_command(entry, clang), cwd=entry["directory"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return entry["file"], proc.returncode, proc.stderr.decode(errors="replace")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, entries))
    elapsed = time.perf_counter() - start
    return elapsed, [(f, err) for f, rc, err in results if rc != 0]


def run_cyclint(cyclint, db_dir, jobs, extra=()):
    start = time.perf_counter()
    proc = subprocess.run([cyclint, "-p", db_dir, "-j", str(jobs), "--quiet", *extra],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    return elapsed, proc.returncode, proc.stderr.decode(errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-p", dest="build", default=os.path.join(ROOT, "build"),
                    help="build directory with compile_commands.json "
                         "(default: cyclint's own build/)")
    ap.add_argument("-j", dest="jobs", type=int, default=os.cpu_count() or 1,
                    help="parallel workers for both tools (default: nproc)")
    ap.add_argument("-r", dest="repeat", type=int, default=3,
                    help="runs of each tool; the median counts (default: 3)")
    ap.add_argument("--cyclint", default=os.path.join(ROOT, "build", "cyclint"))
    ap.add_argument("--clang", default=CLANG)
    ap.add_argument("--isolation", action="store_true",
                    help="time cyclint with worker processes and in process")
    args = ap.parse_args()

    db_path = args.build
    if os.path.isdir(db_path):
        db_path = os.path.join(db_path, "compile_commands.json")
    db_dir = os.path.dirname(os.path.abspath(db_path))
    with open(db_path) as f:
        entries = json.load(f)
    for tool in (args.cyclint, args.clang):
        if not os.access(tool, os.X_OK):
            sys.exit(f"bench.py: {tool} is not an executable (build cyclint first)")

    print(f"corpus:  {os.path.abspath(db_path)} ({len(entries)} TUs)")
    print(f"workers: {args.jobs}, runs: {args.repeat} each, median counts")
    variants = [("cyclint", [])]
    if args.isolation:
        variants = [("workers", ["--isolation=process"]),
                    ("in-process", ["--isolation=none"])]
    clang_times = []
    cyclint_times = {name: [] for name, _ in variants}
    failed = False
    for run in range(1, args.repeat + 1):
        # Alternate the tools so that both see the same (warm) file cache.
        t, failures = run_clang(entries, args.clang, args.jobs)
        clang_times.append(t)
        if failures:
            failed = True
            for file, err in failures:
                first = err.strip().splitlines()[:1]
                print(f"  clang++ failed on {file}: {first[0] if first else ''}")
        line = f"run {run}: clang++ -fsyntax-only {t:7.2f} s"
        for name, extra in variants:
            t2, rc, err = run_cyclint(args.cyclint, db_dir, args.jobs, extra)
            cyclint_times[name].append(t2)
            if rc not in (0, 1):
                failed = True
                print(f"  cyclint ({name}) exited {rc}: {err.strip()}")
            line += f"   {name} {t2:7.2f} s"
        print(line)

    clang_median = statistics.median(clang_times)
    medians = {name: statistics.median(times) for name, times in cyclint_times.items()}
    print(f"median:  clang++ -fsyntax-only {clang_median:7.2f} s" +
          "".join(f"   {name} {m:7.2f} s" for name, m in medians.items()))
    for name, m in medians.items():
        label = "cyclint" if name == "cyclint" else f"cyclint ({name})"
        print(f"ratio {label}/clang: {m / clang_median:.2f}")
    if args.isolation:
        print(f"ratio workers/in-process: "
              f"{medians['workers'] / medians['in-process']:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
