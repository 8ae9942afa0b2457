#!/usr/bin/env python3
"""Keeps the project's lists honest.

checks: checks/Checks.def is the one list of checks. This test fails when it
  is out of alphabetical order, when the README's check table or the pages in
  docs/checks/ name a different set of checks, or when a check's page does
  not say its name.
Usage: check_list.py [--root DIR] [checks] [layering]

layering: the core (core/) includes nothing from models/ or checks/, and
  models/ nothing from checks/: every dependency points down the layers.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def def_checks():
    text = (ROOT / "checks" / "Checks.def").read_text()
    return [m.group(2) for m in re.finditer(
        r'^CYCLINT_CHECK\((\w+), *"([a-z0-9-]+)", *(\w+)\)', text, re.M)]


def check_list():
    errors = []
    names = def_checks()
    if not names:
        errors.append("checks/Checks.def lists no check")
    if names != sorted(names):
        errors.append("checks/Checks.def is not in alphabetical order: %s" % names)
    readme = (ROOT / "README.md").read_text()
    table = re.findall(r"^\| \[`cyclint-([a-z0-9-]+)`\]\(docs/checks/([a-z0-9-]+)\.md\) \|",
                       readme, re.M)
    for name, page in table:
        if name != page:
            errors.append("README.md: cyclint-%s links to docs/checks/%s.md" % (name, page))
    readme_names = [name for name, _ in table]
    if readme_names != names:
        errors.append("README.md check table %s differs from checks/Checks.def %s"
                      % (readme_names, names))
    pages = sorted(p.stem for p in (ROOT / "docs" / "checks").glob("*.md"))
    if pages != sorted(names):
        errors.append("docs/checks/ pages %s differ from checks/Checks.def %s"
                      % (pages, sorted(names)))
    for name in names:
        page = ROOT / "docs" / "checks" / (name + ".md")
        if page.exists() and ("cyclint-" + name) not in page.read_text():
            errors.append("%s does not name cyclint-%s" % (page.relative_to(ROOT), name))
    return errors


def layering():
    errors = []
    rules = {"core": ("models/", "checks/"), "models": ("checks/",)}
    include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
    for layer, forbidden in rules.items():
        for path in sorted((ROOT / layer).rglob("*")):
            if path.suffix not in (".h", ".cpp", ".def", ".inc"):
                continue
            for target in include.findall(path.read_text()):
                if target.startswith(forbidden):
                    errors.append("%s includes %s: %s/ must not depend on %s"
                                  % (path.relative_to(ROOT), target, layer,
                                     " or ".join(f.rstrip("/") for f in forbidden)))
    return errors


def main():
    global ROOT
    args = sys.argv[1:]
    if args[:1] == ["--root"]:
        ROOT = pathlib.Path(args[1]).resolve()
        args = args[2:]
    which = args or ["checks", "layering"]
    errors = []
    if "checks" in which:
        errors += check_list()
    if "layering" in which:
        errors += layering()
    for e in errors:
        print("error: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
