#!/usr/bin/env python3
"""Runs the cyclint commands of a CI recipe locally (integration/ci.test).

    run_recipe.py RECIPE CYCLINT SOURCE_DIR

Takes the recipe's lines that run cyclint-ci.sh or gitlab-codequality.py
(GitHub `run:`, GitLab `script:` items, pre-commit `entry:`), maps the
recipe's install paths to this build (the cyclint binary, this source tree),
and runs them in order as one bash script in the current directory, so that
the test exercises exactly what CI runs. Exits with the script's code.
"""
import re
import subprocess
import sys


def main():
    recipe, cyclint, source = sys.argv[1:4]
    lines = []
    with open(recipe, encoding="utf-8") as f:
        for line in f:
            if "cyclint-ci.sh" not in line and "gitlab-codequality.py" not in line \
                    and not line.strip().startswith("- exit $status"):
                continue
            line = re.sub(r"^\s*(- )?(run: |entry: )?", "", line.rstrip("\n"))
            line = line.replace("/opt/cyclint-src", source)
            line = line.replace("/opt/cyclint/cyclint", cyclint)
            line = line.replace("integration/ci/cyclint-ci.sh cyclint ",
                                f"{source}/integration/ci/cyclint-ci.sh {cyclint} ")
            lines.append(line)
    if not lines:
        sys.exit(f"{recipe}: no cyclint command found")
    print("\n".join(lines), file=sys.stderr)
    return subprocess.call(["bash", "-c", "\n".join(lines)])


if __name__ == "__main__":
    sys.exit(main())
