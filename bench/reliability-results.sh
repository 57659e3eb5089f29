#!/usr/bin/env bash
# Gathers the reliability suite's counts (each tagged test appends "<when> <property> <tried> <held>
# <note>" to <module>/target/reliability-results.tsv) into bench/results/reliability-<date>.md: the
# latest line per property, as the table the README shows. Run after the tests, e.g.
#   mvn -B -ntp verify && bench/reliability-results.sh
# or only the reliability suite (or only core's part: -pl core; properties not re-run keep their earlier row):
#   mvn -B -ntp verify -Dgroups=reliability -Dsurefire.failIfNoSpecifiedTests=false && bench/reliability-results.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/reliability-$(date -u +%Y-%m-%d).md}"
files=()
for f in core/target/reliability-results.tsv cli/target/reliability-results.tsv; do
  [[ -f "$f" ]] && files+=("$f")
done
if [[ ${#files[@]} -eq 0 ]]; then
  echo "no reliability results under core/target or cli/target: run the tests first" >&2
  exit 2
fi
# A property not run this time (e.g. only core's suite ran) keeps its row from the newest earlier results
# file, with the time it was run, so the table always lists every property; a re-run replaces it.
previous=$(ls bench/results/reliability-*.md 2>/dev/null | sort | tail -1 || true)
carried=$(mktemp)
trap 'rm -f "$carried"' EXIT
if [[ -n "$previous" ]]; then
  awk -F' [|] ' '/^[|] / && $2 ~ /^[0-9]+$/ {sub(/^[|] /, "", $1); sub(/ [|]$/, "", $6);
       t = $5; sub(/ /, "T", t); printf "%s\t%s\t%s\t%s\t%s\n", t, $1, $2, $3, $6}' "$previous" > "$carried"
  files=("$carried" "${files[@]}")
fi
{
  echo "# Reliability suite, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores (nproc), load average $(cut -d' ' -f1-3 /proc/loadavg) when gathered; direct engine unless the row says terraform;"
  echo "real local services (PostgreSQL 15, Redis 7, moto S3/IAM, Prometheus). Latest run of each property."
  echo
  echo "| property | tried | held | verdict | when (UTC) | how |"
  echo "|---|---|---|---|---|---|"
  cat "${files[@]}" | sort -t$'\t' -k1,1 | awk -F'\t' '{last[$2]=$0} END {for (k in last) print last[k]}' | sort -t$'\t' -k2,2 |
    awk -F'\t' '{v = ($3 == $4 && $3 > 0) ? "holds" : "**FAILS**"; printf "| %s | %s | %s | %s | %s | %s |\n", $2, $3, $4, v, substr($1, 1, 19), $5}'
} > "$out"
cat "$out"
