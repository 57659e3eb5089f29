#!/usr/bin/env bash
# Measures `tenantctl provision --from` with N Bronze tenants in one CSV, P at a time, on the real local
# services, and writes bench/results/batch-<date>.md (wall time, tenants/min). Every tenant is offboarded after.
# Usage: bench/batch-bench.sh [tenants] [parallel] [output-file]   (defaults 20 and 4)
# Needs the local services (scripts/services.sh up); from a worktree other than the one that started
# them, export TENANTCTL_SERVICES_ENV=<that checkout>/.services/services.env first.
set -euo pipefail
cd "$(dirname "$0")/.."
tenants="${1:-20}"
parallel="${2:-4}"
out="${3:-bench/results/batch-$(date +%Y-%m-%d).md}"
if ! [[ "$tenants" =~ ^[1-9][0-9]*$ && "$parallel" =~ ^[1-9][0-9]*$ ]]; then
  echo "tenants and parallel must be whole numbers >= 1, got '$tenants' '$parallel'" >&2
  exit 2
fi
. bench/lib/classpath.sh
bench_core_classpath
java -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.BatchBench --tenants "$tenants" --parallel "$parallel" --out "$out"
echo "wrote $out"
