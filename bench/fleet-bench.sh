#!/usr/bin/env bash
# Fleet-scale figures of issue 19 on the real local services: provision to ACTIVE at 10/100/1,000 existing
# tenants, validation of a healthy tenant, `list --json` in-process, rollback + sweep, N tenants provisioned
# 4 at a time and re-validated 4 at a time. Writes bench/results/fleet-<date>.md.
# Usage: bench/fleet-bench.sh [output-file] [FleetBench options, e.g. --existing 10,100,1000 --parallel-tenants 50]
# Runs in a registry schema of its own (BENCH_SCHEMA, default bench_fleet; refused if it exists, dropped at
# the end) and a temporary DATA_DIR; every tenant it creates is offboarded. MVN_OFFLINE=1 builds offline.
# bench/fleet-bench.sh --clean-up: removes what a killed run left in BENCH_SCHEMA's registry and drops it.
set -euo pipefail
cd "$(dirname "$0")/.."
main=io.tenantprovisioning.bench.FleetBench
if [[ "${1:-}" == "--clean-up" ]]; then # a killed or failed run's leftovers: its tenants removed, its schema dropped
  main=io.tenantprovisioning.bench.FleetLeftovers
  set --
else
  out="${1:-bench/results/fleet-$(date -u +%Y-%m-%d).md}"
  shift || true
  set -- --out "$out" "$@"
fi
data_dir="$(mktemp -d)"
trap 'rm -rf "$data_dir"' EXIT
. bench/lib/classpath.sh
bench_cli_classpath
export REGISTRY_DB_SCHEMA="${BENCH_SCHEMA:-bench_fleet}" DATA_DIR="$data_dir"
nice -n "${BENCH_NICE:-5}" java -cp "$BENCH_CP" "$main" "$@"
[[ "$main" == *FleetLeftovers ]] || echo "wrote $out"
