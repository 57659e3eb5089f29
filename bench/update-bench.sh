#!/usr/bin/env bash
# Measures `tenantctl update` (an auto-approved change of an ACTIVE tenant: applied in place and re-validated)
# on the real local services with the direct engine, and writes bench/results/update-<date>.md.
# Usage: bench/update-bench.sh [runs] [output-file]   (runs: measured changes, default 7, at least 5; plus a warm-up)
# Needs the local services (scripts/services.sh up).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
out="${2:-bench/results/update-$(date +%Y-%m-%d).md}"
if ! [[ "$runs" =~ ^[0-9]+$ ]] || (( runs < 5 )); then
  echo "runs must be a whole number >= 5, got '$runs'" >&2
  exit 2
fi
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -o -pl core -am test-compile
mvn -B -ntp -q -o -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
  io.tenantprovisioning.bench.UpdateBench --runs "$runs" --out "$out"
echo "wrote $out"
