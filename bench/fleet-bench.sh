#!/usr/bin/env bash
# Fleet-scale figures of issue 19 on the real local services: provision to ACTIVE at 10/100/1,000 existing
# tenants, validation of a healthy tenant, `list --json` in-process, rollback + sweep, N tenants provisioned
# 4 at a time and re-validated 4 at a time. Writes bench/results/fleet-<date>.md.
# Usage: bench/fleet-bench.sh [output-file] [FleetBench options, e.g. --existing 10,100,1000 --parallel-tenants 50]
# Runs in a registry schema of its own (BENCH_SCHEMA, default bench_fleet; refused if it exists, dropped at
# the end) and a temporary DATA_DIR; every tenant it creates is offboarded. MVN_OFFLINE=1 builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/fleet-$(date -u +%Y-%m-%d).md}"
shift || true
cp_file="$(mktemp)"
data_dir="$(mktemp -d)"
trap 'rm -rf "$cp_file" "$data_dir"' EXIT
# install: the CLI's tests use core's test jar, which must come from this checkout, not another branch's
mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl cli -am install -DskipTests
mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl cli dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
export REGISTRY_DB_SCHEMA="${BENCH_SCHEMA:-bench_fleet}" DATA_DIR="$data_dir"
# this checkout's core classes, not the shared ~/.m2 jars another branch's install may replace mid-run
deps="$(tr ':' '\n' < "$cp_file" | grep -v '/tenant-provisioning-core/' | paste -sd:)"
nice -n "${BENCH_NICE:-5}" java -cp "cli/target/test-classes:cli/target/classes:core/target/test-classes:core/target/classes:$deps" \
  io.tenantprovisioning.bench.FleetBench --out "$out" "$@"
echo "wrote $out"
