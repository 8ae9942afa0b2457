#!/usr/bin/env python3
"""check_list.py must fail on the drift it exists to catch: each case copies
the project's lists into a scratch tree, breaks one thing, and expects an
error naming it; the untouched copy must pass."""
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
SCRIPT = HERE / "check_list.py"


def scratch(tmp):
    for rel in ("README.md", "checks/Checks.def"):
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / rel, tmp / rel)
    shutil.copytree(ROOT / "docs" / "checks", tmp / "docs" / "checks")
    for layer in ("core", "models", "checks"):
        (tmp / layer).mkdir(exist_ok=True)
    (tmp / "core" / "Fine.h").write_text('#include "core/Other.h"\n')
    (tmp / "models" / "Fine.h").write_text('#include "core/Facts.h"\n')


def run(tmp):
    p = subprocess.run([sys.executable, str(SCRIPT), "--root", str(tmp)],
                       capture_output=True, text=True)
    return p.returncode, p.stdout


def main():
    failures = []
    cases = {
        "clean": (lambda t: None, None),
        "core includes a model": (
            lambda t: (t / "core" / "Bad.cpp").write_text('#include "models/cxx/EdgeKind.h"\n'),
            "core/Bad.cpp includes models/cxx/EdgeKind.h"),
        "model includes a check": (
            lambda t: (t / "models" / "Bad.h").write_text('#include "checks/Checks.h"\n'),
            "models/Bad.h includes checks/Checks.h"),
        "page missing": (
            lambda t: (t / "docs" / "checks" / "ownership-cycle.md").unlink(),
            "docs/checks/ pages"),
        "list out of order": (
            lambda t: (t / "checks" / "Checks.def").write_text(
                (ROOT / "checks" / "Checks.def").read_text()
                + 'CYCLINT_CHECK(cxx, "aaa-first", AaaCheck)\n'),
            "not in alphabetical order"),
    }
    for name, (breakit, expected) in cases.items():
        with tempfile.TemporaryDirectory() as d:
            tmp = pathlib.Path(d)
            scratch(tmp)
            breakit(tmp)
            rc, out = run(tmp)
            if expected is None and rc != 0:
                failures.append(f"{name}: expected success, got:\n{out}")
            if expected is not None and (rc == 0 or expected not in out):
                failures.append(f"{name}: expected an error with '{expected}', got rc={rc}:\n{out}")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
