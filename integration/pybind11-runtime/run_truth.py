#!/usr/bin/env python3
"""Runtime truth test for pybind11: cyclint's verdict on a bound class must
match what Debian's Python does with it.

Each case names a module source (built against the real pybind11-dev and
python3-dev headers as an extension module), a scenario that builds a cycle
through one bound class and drops it, the function that counts the live
instances, and the warning that says cyclint sees a never-freed cycle. The
interpreter runs the scenario and gc.collect(); the test requires:
  the runtime leaks  <=>  cyclint prints that warning,
and that each case's verdict is the one the case documents (button_leak.cpp
is the issue's Button; button_fixed.cpp adds the traverse cyclint suggests).

Usage: run_truth.py --cyclint BIN --cxx CXX --python PY --include DIR
                    --workdir DIR
"""
import argparse
import json
import os
import re
import subprocess
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))

# (module, scenario, counter, warning regex, documented leak)
CASES = [
    ("button_leak", "b = m.Button(); b.on_click = lambda: b.close()",
     "alive", r"'Button::on_click' can close a reference cycle that is never "
     r"freed", True),
    ("button_fixed", "b = m.Button(); b.on_click = lambda: b.close()",
     "alive", r"'Button::on_click' can close a reference cycle", False),
    ("variants", "b = m.DictButton(); b.on_click = lambda: b",
     "dict_button_alive", r"'DictButton::on_click' can close", True),
    ("variants", "b = m.SetterButton(); b.handler = lambda: b",
     "setter_button_alive", r"'SetterButton::handler' can close", True),
    ("variants", "t = None\n    t = m.Timer(lambda: t)",
     "timer_alive", r"'Timer::callback' can close", True),
    ("variants", "s = m.Signal(); s.connect(lambda: s)",
     "signal_alive", r"'Signal::slots' can close", False),
    ("variants", "p = m.Parent(); c = m.Child(); p.add(c); c.set_parent(p)",
     "parent_alive", r"keep_alive<1, 2> on 'Parent.add' and keep_alive<1, 2> "
     r"on 'Child.set_parent' keep each other's objects alive", True),
]

SCENARIO = """
import gc, sys
sys.path.insert(0, sys.argv[1])
m = __import__(sys.argv[2])
def scenario():
    {body}
gc.collect()
before = m.{counter}()
scenario()
gc.collect()
print(m.{counter}() - before)
"""


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cyclint", required=True)
    ap.add_argument("--cxx", default="/usr/bin/g++")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--include", default="/usr/include/python3.11")
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    suffix = run([args.python, "-c", "import sysconfig; print(sysconfig."
                  "get_config_var('EXT_SUFFIX'))"]).stdout.strip()

    failures, reports = [], {}
    for module in sorted({c[0] for c in CASES}):
        source = os.path.join(HERE, module + ".cpp")
        out = os.path.join(args.workdir, module + suffix)
        proc = run([args.cxx, "-std=c++17", "-O0", "-shared", "-fPIC", "-w",
                    "-I" + args.include, source, "-o", out])
        if proc.returncode != 0:
            failures.append(f"{module}: build failed:\n{proc.stderr}")
            continue
        dbdir = os.path.join(args.workdir, module + ".db")
        os.makedirs(dbdir, exist_ok=True)
        with open(os.path.join(dbdir, "compile_commands.json"), "w") as db:
            json.dump([{"directory": HERE, "file": source,
                        "arguments": [args.cxx, "-std=c++17",
                                      "-I" + args.include, "-c", source,
                                      "-o", "/dev/null"]}], db)
        proc = run([args.cyclint, "-p", dbdir, "--quiet"])
        if proc.returncode not in (0, 1):
            failures.append(f"{module}: cyclint exit {proc.returncode}:\n"
                            f"{proc.stderr}")
        reports[module] = proc.stdout
        print(f"cyclint on {module}.cpp:\n  " +
              "\n  ".join(proc.stdout.splitlines() or ["(nothing)"]))

    for module, body, counter, warning, documented_leak in CASES:
        if module not in reports:
            continue
        script = SCENARIO.format(body=body, counter=counter)
        proc = run([args.python, "-c", script, args.workdir, module])
        if proc.returncode != 0:
            failures.append(f"{module}/{counter}: python failed:\n"
                            f"{proc.stderr}")
            continue
        leaked = int(proc.stdout.strip())
        runtime_leak = leaked > 0
        warn_re = re.compile(r"^\S+: warning: " + warning)
        cyclint_leak = any(warn_re.match(l)
                           for l in reports[module].splitlines())
        print(f"{module}/{counter}: runtime "
              f"{'leaks ' + str(leaked) if runtime_leak else 'frees all'}; "
              f"cyclint {'reports' if cyclint_leak else 'does not report'} "
              f"a never-freed cycle")
        if runtime_leak != cyclint_leak:
            failures.append(f"{module}/{counter}: the runtime "
                            f"{'leaks' if runtime_leak else 'frees'} the "
                            f"cycle but cyclint "
                            f"{'does' if cyclint_leak else 'does not'} "
                            f"report it")
        if runtime_leak != documented_leak:
            failures.append(f"{module}/{counter}: the runtime "
                            f"{'leaks' if runtime_leak else 'frees'} the "
                            f"cycle, the case says otherwise")
    if not reports:
        failures.append("no module was built")
    if failures:
        print("\nFAILED:\n" + "\n\n".join(failures))
        return 1
    print("runtime and cyclint agree on all cases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
