#!/usr/bin/env bash
# The lint step of the GitHub action (action.yml): one run writes SARIF for code scanning, the
# next ones (from the result cache, so nearly free) print annotations for the job log and a
# Markdown summary for the job page. The exit code goes to the step output `exit-code`; the
# action fails in a later step, so that the SARIF upload still runs.
set -uo pipefail

apistyle="${APISTYLE:?APISTYLE must name bin/apistyle.js}"
sarif_file="${INPUT_SARIF_FILE:-apistyle.sarif}"
cache_dir="$(mktemp -d)"
trap 'rm -rf "$cache_dir"' EXIT

args=(lint --cache --cache-location "$cache_dir/cache" --fail-severity "${INPUT_FAIL_SEVERITY:-error}")
# Names and globs, separated by spaces or new lines; globs are expanded by apistyle, not the shell.
set -f
for file in ${INPUT_FILES:-}; do args+=("$file"); done
set +f
[ -n "${INPUT_RULESET:-}" ] && args+=(--ruleset "$INPUT_RULESET")
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
[ -n "${INPUT_SINCE:-}" ] && args+=(--since "$INPUT_SINCE")

node "$apistyle" "${args[@]}" --format sarif --output "$sarif_file"
code=$?
if [ -f "$sarif_file" ]; then
  node "$apistyle" "${args[@]}" --format github-actions
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then node "$apistyle" "${args[@]}" --format markdown >> "$GITHUB_STEP_SUMMARY"; fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    echo "sarif-file=$sarif_file"
    if [ -f "$sarif_file" ]; then echo "sarif-written=true"; else echo "sarif-written=false"; fi
  } >> "$GITHUB_OUTPUT"
fi
exit 0
