#!/usr/bin/env python3
"""Validates SARIF files with Microsoft's SARIF multitool (npx).

    sarif_validate.py FILE [FILE...]

`sarif-multitool validate` checks a log against the SARIF 2.1.0 JSON schema
and its own rules, but exits 0 even when it reports schema errors, so this
wrapper reads its report: any `error` line, or a run that did not complete,
fails. Warnings (advice such as a missing informationUri) are printed only.
"""
import re
import subprocess
import sys

ERROR_RE = re.compile(r": error [A-Z]+[0-9]+: ")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: sarif_validate.py FILE [FILE...]")
    proc = subprocess.run(
        ["npx", "--yes", "@microsoft/sarif-multitool", "validate", *sys.argv[1:]],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(proc.stdout)
    errors = [line for line in proc.stdout.splitlines() if ERROR_RE.search(line)]
    if proc.returncode != 0 or "Analysis completed successfully" not in proc.stdout:
        print(f"sarif_validate.py: the validator failed (exit {proc.returncode})")
        return 1
    if errors:
        print(f"sarif_validate.py: {len(errors)} error(s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
