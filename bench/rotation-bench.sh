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
. bench/lib/classpath.sh
bench_core_classpath
java -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.RotationBench --runs "$runs" --out "$out"
echo "wrote $out"
