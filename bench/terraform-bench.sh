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
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -o -pl core -am test-compile
mvn -B -ntp -q -o -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
mkdir -p "$(dirname "$out")"
java -Dtenantctl.repo.root="$PWD" -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
  io.tenantprovisioning.bench.EngineBench "$tenants" "$out"
echo "wrote $out"
