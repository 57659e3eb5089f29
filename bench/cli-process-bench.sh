#!/usr/bin/env bash
# Measures read commands as whole processes (JVM start included), the way an operator or a Jenkins
# step pays for them: `tenantctl list --json` (and `plan`, which touches nothing), N runs each, and
# writes bench/results/cli-process-<date>.md with the median, p90 and max wall time and peak RSS.
# Usage: bench/cli-process-bench.sh [runs] [output-file]   (runs default 7)
# Needs the local services (scripts/services.sh up) and builds cli/target/tenantctl.jar in the reactor.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
out="${2:-bench/results/cli-process-$(date +%Y-%m-%d).md}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "runs must be a whole number >= 1, got '$runs'" >&2
  exit 2
fi
mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl cli -am package -DskipTests
jar=cli/target/tenantctl.jar
declare -A commands=(
  [list]="list --json"
  [plan]="plan --name Bench-Plan-Tenant --tier bronze --region us-east-1 --budget 300000 --email o@bench.example --json"
)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
measure() { # <label> <args...>: one line per run: <seconds> <peak RSS kB>
  local label="$1"; shift
  java -Dtenantctl.repo.root="$PWD" -jar "$jar" "$@" >/dev/null 2>&1 # warm the page cache, not counted
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$tmp/t" java -Dtenantctl.repo.root="$PWD" -jar "$jar" "$@" >/dev/null 2>"$tmp/err" \
      || { echo "$label failed:"; cat "$tmp/err"; exit 1; } >&2
    cat "$tmp/t" >> "$tmp/$label"
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
  echo "Load average (1/5/15 min) at the start: $load. Shared machine: quote medians, compare at similar load."
  echo "Each figure: \`java -jar cli/target/tenantctl.jar <command>\` wall time (\`/usr/bin/time\`), $runs runs after one"
  echo "uncounted run; the registry holds what the shared local services hold at the time."
  echo
  echo "| command | runs | median | p90 | max | peak RSS (median) | target |"
  echo "|---|---|---|---|---|---|---|"
  for label in list plan; do
    read -r m p x <<<"$(stats "$tmp/$label" 1)"
    read -r rss _ _ <<<"$(stats "$tmp/$label" 2)"
    echo "| \`${commands[$label]%% *}\` | $runs | ${m} s | ${p} s | ${x} s | $((${rss%.*} / 1024)) MB | median ≤ 0.6 s |"
  done
} > "$out"
cat "$out"
