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
MVN_OFFLINE="${MVN_OFFLINE-1}" # offline as before; MVN_OFFLINE= (empty) builds online
. bench/lib/classpath.sh
bench_core_classpath
java -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.UpdateBench --runs "$runs" --out "$out"
echo "wrote $out"
