#!/usr/bin/env bash
# Measures `tenantctl rotate` (all four credentials, and each alone) on one Bronze tenant on the real local
# services (S3 on moto) and writes bench/results/rotation-<date>.md with medians.
# Usage: bench/rotation-bench.sh [runs] [output-file]   (runs: default 10)
# Needs the local services (scripts/services.sh up); from a worktree other than the one that started
# them, export TENANTCTL_SERVICES_ENV=<that checkout>/.services/services.env first.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
out="${2:-bench/results/rotation-$(date +%Y-%m-%d).md}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "runs must be a whole number >= 1, got '$runs'" >&2
  exit 2
fi
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl core -am test-compile
mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
  io.tenantprovisioning.bench.RotationBench --runs "$runs" --out "$out"
echo "wrote $out"
