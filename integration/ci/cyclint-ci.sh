#!/usr/bin/env bash
# The one command every CI recipe here runs (GitHub Actions, GitLab CI,
# pre-commit), so that integration/ci.test can run exactly it locally.
#   cyclint-ci.sh CYCLINT BUILD_DIR FORMAT OUTPUT [BASELINE]
# Runs cyclint on BUILD_DIR's compile database with the baseline (if the
# file exists), writes the report in FORMAT (sarif, json, text) to OUTPUT,
# and exits with cyclint's code: 1 only for findings the baseline lacks.
set -uo pipefail
cyclint=$1 build=$2 format=$3 output=$4 baseline=${5:-}
args=(-p "$build" --format="$format" -o "$output")
if [[ -n "$baseline" && -f "$baseline" ]]; then
  args+=(--baseline "$baseline")
fi
"$cyclint" "${args[@]}"
