#!/usr/bin/env bash
# Measures `tenantctl rotate --all --older-than 0` over N Bronze tenants (all four credentials each) on the real
# local services (S3 on moto), in a throwaway registry, and writes bench/results/fleet-rotation-<date>.md with the
# median run and tenants/min.
# Usage: bench/fleet-rotation-bench.sh [tenants] [runs] [output-file]   (default: 8 tenants, 5 runs)
# Needs the local services (scripts/services.sh up); from a worktree other than the one that started
# them, export TENANTCTL_SERVICES_ENV=<that checkout>/.services/services.env first.
set -euo pipefail
cd "$(dirname "$0")/.."
tenants="${1:-8}"
runs="${2:-5}"
out="${3:-bench/results/fleet-rotation-$(date +%Y-%m-%d).md}"
for value in "$tenants" "$runs"; do
  if ! [[ "$value" =~ ^[1-9][0-9]*$ ]]; then
    echo "tenants and runs must be whole numbers >= 1, got '$value'" >&2
    exit 2
  fi
done
. bench/lib/classpath.sh
bench_core_classpath
java -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.FleetRotationBench --tenants "$tenants" --runs "$runs" --out "$out"
echo "wrote $out"
