#!/usr/bin/env python3
"""Converts a cyclint JSON report (docs/OUTPUT.md) to GitLab's Code Quality
report (a subset of the Code Climate format).

    gitlab-codequality.py CYCLINT_JSON OUTPUT

Each finding becomes one issue at its warning's line, with the cyclint
fingerprint (stable across line moves) and the notes in the description.
"""
import json
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gitlab-codequality.py CYCLINT_JSON OUTPUT")
    with open(sys.argv[1], encoding="utf-8") as f:
        report = json.load(f)
    if report.get("format") != "cyclint-findings":
        sys.exit(f"{sys.argv[1]}: not a cyclint JSON report")
    issues = []
    for finding in report["findings"]:
        loc = finding["location"] or {}
        notes = "; ".join(n["message"] for n in finding["notes"])
        issues.append({
            "type": "issue",
            "check_name": finding["check"],
            "description": finding["message"] + (f" ({notes})" if notes else ""),
            "categories": ["Bug Risk"],
            "severity": "major" if finding["level"] == "warning" else "info",
            "fingerprint": finding["fingerprint"],
            "location": {"path": loc.get("relativeFile", ""),
                         "lines": {"begin": loc.get("line", 1)}},
        })
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(issues, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
