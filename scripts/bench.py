#!/usr/bin/python3
"""Benchmark: cyclint against a plain `clang++ -fsyntax-only` of the same TUs.

For every entry of a compile database, clang++ (LLVM 19) runs the entry's
own arguments in the entry's own directory, with output and dependency-file
flags (-o, -c, -M*) removed and -fsyntax-only added, on a pool of N workers.
Then `cyclint -p DB -j N --quiet` analyzes the same database. Each side runs
R times, alternating, and the median wall time counts. The ratio
cyclint/clang says what cyclint costs over just parsing the code.

Then the incremental cache (--cache-dir, in a fresh temporary directory):
one run that fills it, R warm runs with nothing changed, and one run after
a comment is appended to one header of the project (restored afterwards,
with its modification time). Warm runs must print the cold run's findings
byte for byte. Each is reported as a ratio to the cold cyclint run. The
header is `--touch FILE`, or by default the project header (outside /usr)
read by the median number of TUs, found in the cache entries.

    /usr/bin/python3 scripts/bench.py [-p BUILD_DIR] [-j N] [-r R] [--touch FILE]
    /usr/bin/python3 scripts/bench.py --scale N [-j N] [-r R]

--scale N generates a database of N small TUs (each includes one of a few
shared project headers, no standard header, and declares classes that
close cycles across TUs) in a temporary directory and runs the
same measurement on it; peak memory (max RSS) is reported for every run:
cyclint's process, and the largest single clang++ process.

Default corpus: cyclint's own build/compile_commands.json (real, heavy
Clang/LLVM headers). This is a measurement, not a test: nothing fails on a
slow result, but it exits 1 if either tool fails on the corpus or a warm
run's output differs from the cold run's.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
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


def run_measured(cmd, cwd=None, capture=False):
    """Runs cmd; returns (wall seconds, exit code, stdout bytes if captured,
    stderr text, peak RSS in KiB of exactly this process, from wait4(2))."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd,
                            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    # Read both pipes on threads so neither fills up, then reap with wait4.
    chunks = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(drain, proc.stderr, "err")]
        if capture:
            futures.append(pool.submit(drain, proc.stdout, "out"))
        _, status, usage = os.wait4(proc.pid, 0)
        for f in futures:
            f.result()
    proc.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    return (elapsed, proc.returncode, b"".join(chunks["out"]) if capture else None,
            b"".join(chunks["err"]).decode(errors="replace"), usage.ru_maxrss)


def run_clang(entries, clang, jobs):
    """Wall time of parsing every TU with `jobs` workers, the failures, and
    the largest peak RSS of one clang++ process."""
    def one(entry):
        _, rc, _, err, rss = run_measured(clang_command(entry, clang),
                                          cwd=entry["directory"])
        return entry["file"], rc, err, rss

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, entries))
    elapsed = time.perf_counter() - start
    peak = max((r[3] for r in results), default=0)
    return elapsed, [(f, err) for f, rc, err, _ in results if rc != 0], peak


def run_cyclint(cyclint, db_dir, jobs, cache_dir=None, extra=()):
    # With the cache, the summary line (not --quiet) says how many TUs it
    # gave; stderr is no terminal, so there is no progress output.
    cmd = [cyclint, "-p", db_dir, "-j", str(jobs), *extra]
    cmd += ["--cache-dir=" + cache_dir] if cache_dir else ["--quiet"]
    return run_measured(cmd, capture=True)


def from_cache(stderr):
    """The N of '(N from the cache)' in cyclint's summary line."""
    for line in stderr.splitlines():
        if "from the cache)" in line:
            return int(line.split("(", 1)[1].split(" ", 1)[0])
    return None


def header_readers(cache_dir, db_dir):
    """{header: number of TUs whose cache entry lists it}, for files outside
    /usr (the project's own headers, not the toolchain's)."""
    counts = {}
    for name in os.listdir(cache_dir):
        if not name.endswith(".entry"):
            continue
        with open(os.path.join(cache_dir, name), "rb") as f:
            header = json.loads(f.readline())
        files = [path for path, _ in header["inputs"]]
        main = json.loads(header["key"])[2]
        for path in files:
            if path.startswith(("/usr/", "/lib/", "/../")) or \
                    not path.endswith((".h", ".hpp", ".hh", ".inc", ".def")):
                continue
            counts[path] = counts.get(path, 0) + 1
    return counts


def pick_header(counts):
    """The header read by the median number of TUs (ties: by name)."""
    ranked = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    return ranked[len(ranked) // 2][0]


def generate_corpus(root, n):
    """A database of n small TUs in root: src/tu<i>.cpp, headers in
    include/. TU i declares Node<i> holding Node<i+1> through a shared_ptr,
    and every 50th closes its group of 50 back to the group's first: real
    cross-TU cycles for the merge and the cycle search. The TUs include no
    standard header (a minimal std::shared_ptr is declared in the project's
    own header), so that thousands of them parse in minutes on two cores:
    this measures the per-TU cost and the merge, the default corpus the
    weight of real headers."""
    inc = os.path.join(root, "include")
    src = os.path.join(root, "src")
    os.makedirs(inc)
    os.makedirs(src)
    with open(os.path.join(inc, "mini_std.h"), "w") as f:
        f.write("#pragma once\n"
                "namespace std {\n"
                "template <class T> class shared_ptr {\n"
                "public:\n"
                "  T *get() const { return p; }\n"
                "private:\n"
                "  T *p = nullptr;\n"
                "};\n"
                "}\n")
    groups = 8
    for g in range(groups):
        with open(os.path.join(inc, f"common{g}.h"), "w") as f:
            f.write(f'#pragma once\n#include "mini_std.h"\nnamespace common{g} {{\n'
                    f"struct Config {{ int values[4]; const char *name; }};\n"
                    f"}}\n")
    entries = []
    for i in range(n):
        first = (i // 50) * 50
        nxt = first if (i % 50 == 49 or i == n - 1) else i + 1
        with open(os.path.join(src, f"tu{i}.cpp"), "w") as f:
            f.write(f'#include "common{i % groups}.h"\n'
                    f"struct Node{nxt};\n"
                    f"struct Node{i} {{\n"
                    f"  std::shared_ptr<Node{nxt}> next;\n"
                    f"  std::shared_ptr<common{i % groups}::Config> config;\n"
                    f"  int size() const {{ return config.get() ? 1 : 0; }}\n"
                    f"}};\n"
                    f"int use{i}(Node{i} &n) {{ return n.size(); }}\n")
        entries.append({"directory": src,
                        "arguments": ["c++", "-std=c++17", "-I../include", "-O2",
                                      "-c", f"tu{i}.cpp", "-o", f"tu{i}.o"],
                        "file": f"tu{i}.cpp"})
    db_dir = os.path.join(root, "build")
    os.makedirs(db_dir)
    with open(os.path.join(db_dir, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)
    return db_dir


def mib(kib):
    return f"{kib / 1024:6.0f} MiB"


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
                    help="also time cyclint with --isolation=none (every TU "
                         "in cyclint's own process) and print the ratio of the "
                         "default (worker processes) to it")
    ap.add_argument("--touch", metavar="FILE",
                    help="header to edit for the one-header warm run "
                         "(default: the project header read by the median "
                         "number of TUs)")
    ap.add_argument("--no-cache", action="store_true",
                    help="skip the incremental cache measurements")
    ap.add_argument("--scale", type=int, metavar="N",
                    help="benchmark a generated database of N small TUs "
                         "instead of -p")
    args = ap.parse_args()

    for tool in (args.cyclint, args.clang):
        if not os.access(tool, os.X_OK):
            sys.exit(f"bench.py: {tool} is not an executable (build cyclint first)")
    with tempfile.TemporaryDirectory(prefix="cyclint-bench-") as tmp:
        if args.scale:
            db_dir = generate_corpus(os.path.join(tmp, "corpus"), args.scale)
            db_path = os.path.join(db_dir, "compile_commands.json")
        else:
            db_path = args.build
            if os.path.isdir(db_path):
                db_path = os.path.join(db_path, "compile_commands.json")
            db_dir = os.path.dirname(os.path.abspath(db_path))
        with open(db_path) as f:
            entries = json.load(f)
        return bench(args, entries, db_path, db_dir, os.path.join(tmp, "cache"))


def bench(args, entries, db_path, db_dir, cache_dir):
    print(f"corpus:  {os.path.abspath(db_path)} ({len(entries)} TUs)")
    print(f"workers: {args.jobs}, runs: {args.repeat} each, median counts")
    clang_times, cyclint_times, clang_rss, cyclint_rss = [], [], [], []
    inprocess_times = []
    cold_out = None
    failed = False
    for run in range(1, args.repeat + 1):
        # Alternate the tools so that both see the same (warm) file cache.
        t, failures, rss = run_clang(entries, args.clang, args.jobs)
        clang_times.append(t)
        clang_rss.append(rss)
        if failures:
            failed = True
            for file, err in failures:
                first = err.strip().splitlines()[:1]
                print(f"  clang++ failed on {file}: {first[0] if first else ''}")
        t2, rc, out, err, rss2 = run_cyclint(args.cyclint, db_dir, args.jobs)
        cyclint_times.append(t2)
        cyclint_rss.append(rss2)
        if rc not in (0, 1):
            failed = True
            print(f"  cyclint exited {rc}: {err.strip()}")
        cold_out = out
        line = f"run {run}: clang++ -fsyntax-only {t:7.2f} s   cyclint {t2:7.2f} s"
        if args.isolation:
            t3, rc, out3, err, _ = run_cyclint(args.cyclint, db_dir, args.jobs,
                                               extra=["--isolation=none"])
            inprocess_times.append(t3)
            if rc not in (0, 1) or out3 != out:
                failed = True
                print(f"  cyclint --isolation=none exited {rc} or its output differs")
            line += f"   in-process {t3:7.2f} s"
        print(line)

    clang_median = statistics.median(clang_times)
    cold = statistics.median(cyclint_times)
    print(f"median:  clang++ -fsyntax-only {clang_median:7.2f} s   "
          f"cyclint {cold:7.2f} s")
    print(f"ratio cyclint/clang: {cold / clang_median:.2f}")
    if args.isolation:
        inprocess = statistics.median(inprocess_times)
        print(f"in process (--isolation=none): {inprocess:7.2f} s, ratio "
              f"worker processes/in process: {cold / inprocess:.2f}")
    print(f"peak RSS: clang++ (largest TU) {mib(max(clang_rss))}   "
          f"cyclint {mib(max(cyclint_rss))}")
    if args.no_cache:
        return 1 if failed else 0

    def cached(label):
        t, rc, out, err, rss = run_cyclint(args.cyclint, db_dir, args.jobs,
                                           cache_dir)
        nonlocal failed
        if rc not in (0, 1):
            failed = True
            print(f"  cyclint exited {rc}: {err.strip()}")
        same = out == cold_out
        if not same:
            failed = True
        print(f"{label:<24} {t:7.2f} s  {t / cold:6.3f} of cold   "
              f"{from_cache(err)}/{len(entries)} TUs from the cache   "
              f"peak RSS {mib(rss)}   output {'identical' if same else 'DIFFERS'}")
        return t

    print("incremental cache (ratios to the cold cyclint median):")
    cached("cold, filling the cache")
    warm = statistics.median(cached(f"warm, no change #{i}")
                             for i in range(1, args.repeat + 1))
    print(f"warm, no change: median {warm:.2f} s, ratio {warm / cold:.3f} "
          f"(goal < 0.05)")
    counts = header_readers(cache_dir, db_dir)
    header = args.touch or (pick_header(counts) if counts else None)
    if header:
        print(f"touched: {header} (read by {counts.get(header, '?')} of "
              f"{len(entries)} TUs)")
        st = os.stat(header)
        with open(header, "rb") as f:
            original = f.read()
        try:
            with open(header, "ab") as f:
                f.write(b"\n// touched by scripts/bench.py\n")
            cached("warm, one header edited")
        finally:
            with open(header, "wb") as f:
                f.write(original)
            os.utime(header, ns=(st.st_atime_ns, st.st_mtime_ns))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
