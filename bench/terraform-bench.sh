#!/usr/bin/env bash
# Request → ACTIVE with the terraform engine (hashicorp/aws from the warm provider mirror, on moto) beside
# the direct engine in the same run; writes bench/results/terraform-engine-<date>.md.
# Usage: bench/terraform-bench.sh [tenants per engine, default 5] [output-file]
# Needs the local services (scripts/services.sh up) and the mirror (scripts/provider-mirror.sh build).
set -euo pipefail
cd "$(dirname "$0")/.."
tenants="${1:-5}"
out="${2:-bench/results/terraform-engine-$(date +%Y-%m-%d).md}"
[[ "$tenants" =~ ^[1-9][0-9]*$ ]] || { echo "tenants must be a whole number >= 1, got '$tenants'" >&2; exit 2; }
scripts/provider-mirror.sh status >/dev/null || { echo "no provider mirror: run scripts/provider-mirror.sh build" >&2; exit 2; }
MVN_OFFLINE="${MVN_OFFLINE-1}" # offline as before; MVN_OFFLINE= (empty) builds online
. bench/lib/classpath.sh
bench_core_classpath
mkdir -p "$(dirname "$out")"
java -Dtenantctl.repo.root="$PWD" -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.EngineBench "$tenants" "$out"
echo "wrote $out"
