#!/usr/bin/env bash
# Measures read commands as whole processes (JVM start included), the way an operator or a Jenkins
# step pays for them: `tenantctl list --json`, `show <slug> --json` and `plan` (which touches nothing),
# N runs each, both as `java -jar` with no flags and through bin/tenantctl (its start-up flags and its
# class-data-sharing archive, made by the uncounted first run in a temporary cache folder), interleaved
# so both see the same load; writes bench/results/cli-process-<date>.md (median, p90, max, peak RSS).
# Usage: bench/cli-process-bench.sh [runs] [output-file]   (runs default 7; SKIP_BUILD=1 uses the jar as it is)
# Needs the local services (scripts/services.sh up) and builds cli/target/tenantctl.jar in the reactor.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
out="${2:-bench/results/cli-process-$(date +%Y-%m-%d).md}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "runs must be a whole number >= 1, got '$runs'" >&2
  exit 2
fi
[[ "${SKIP_BUILD:-}" == 1 ]] || mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl cli -am package -DskipTests
jar=cli/target/tenantctl.jar
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME="$tmp/cache" # bin/tenantctl's CDS archives: made fresh by this run
slug="$(java -jar "$jar" list --json | sed -n 's/.*"slug" : "\([^"]*\)".*/\1/p' | awk 'NR == 1')"
[[ -n "$slug" ]] || { echo "the registry holds no tenant to show" >&2; exit 1; }
declare -A commands=(
  [list]="list --json"
  [show]="show $slug --json"
  [plan]="plan --name Bench-Plan-Tenant --tier bronze --region us-east-1 --budget 300000 --email o@bench.example --json"
)
plain=(java -Dtenantctl.repo.root="$PWD" -jar "$jar")
launcher=(bin/tenantctl)
measure() { # <label> <args...>: one line per run and way: <seconds> <peak RSS kB>, in $tmp/<label>.<way>
  local label="$1"; shift
  "${plain[@]}" "$@" >/dev/null 2>&1; "${launcher[@]}" "$@" >/dev/null 2>&1 # page cache, CDS archive: not counted
  for _ in $(seq "$runs"); do
    for way in plain launcher; do
      local -n cmd="$way"
      /usr/bin/time -f '%e %M' -o "$tmp/t" "${cmd[@]}" "$@" >/dev/null 2>"$tmp/err" \
        || { echo "$label ($way) failed:"; cat "$tmp/err"; exit 1; } >&2
      cat "$tmp/t" >> "$tmp/$label.$way"
    done
  done
}
stats() { # <file> <column>: median p90 max
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR]=$c} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
    p=v[int((NR*9+9)/10)]; printf "%s %s %s", m, p, v[NR]}'
}
load="$(cut -d' ' -f1-3 /proc/loadavg)"
for label in "${!commands[@]}"; do
  # shellcheck disable=SC2086
  measure "$label" ${commands[$label]}
done
{
  echo "# Read commands as whole processes, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(nproc) cores (nproc), $(awk '/MemTotal/ {printf "%d MB", $2/1024}' /proc/meminfo), $(java -version 2>&1 | head -1)."
  echo "Load average (1/5/15 min) at the start: $load; at the end: $(cut -d' ' -f1-3 /proc/loadavg). Shared machine: quote medians."
  echo "Each figure: wall time (\`/usr/bin/time\`) of \`java -jar cli/target/tenantctl.jar <command>\` (no flags) and of"
  echo "\`bin/tenantctl <command>\` (its flags and CDS archive), $runs runs each, interleaved, after one uncounted run each;"
  echo "the registry holds what the shared local services hold at the time ($(java -jar "$jar" list --json | grep -c '"slug"') tenants)."
  echo
  echo "| command | way | runs | median | p90 | max | peak RSS (median) | target |"
  echo "|---|---|---|---|---|---|---|---|"
  for label in list show plan; do
    for way in plain launcher; do
      read -r m p x <<<"$(stats "$tmp/$label.$way" 1)"
      read -r rss _ _ <<<"$(stats "$tmp/$label.$way" 2)"
      shown="java -jar"; [[ "$way" == launcher ]] && shown="bin/tenantctl"
      echo "| \`$label\` | $shown | $runs | ${m} s | ${p} s | ${x} s | $((${rss%.*} / 1024)) MB | median ≤ 0.6 s |"
    done
  done
} > "$out"
cat "$out"
