#!/usr/bin/env bash
# Measures how long a tenant takes from request to ACTIVE (and back to OFFBOARDED) on the real local
# services with the direct engine, and writes bench/results/provisioning-<date>.md.
# Usage: bench/provisioning-bench.sh [runs] [output-file]   (runs: Bronze runs, default 10; plus 3 Gold runs)
# Needs the local services (scripts/services.sh up); from a worktree other than the one that started
# them, export TENANTCTL_SERVICES_ENV=<that checkout>/.services/services.env first.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
out="${2:-bench/results/provisioning-$(date +%Y-%m-%d).md}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "runs must be a whole number >= 1, got '$runs'" >&2
  exit 2
fi
. bench/lib/classpath.sh
bench_core_classpath
java -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.ProvisioningBench --runs "$runs" --gold-runs 3 --out "$out"
echo "wrote $out"
