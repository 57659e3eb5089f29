#!/usr/bin/env bash
# Measures embedding and query latency of the vector path (MiniLM + Lucene + tenant RAG query) on this
# machine and writes bench/results/vector-<date>.md. Usage: bench/vector-bench.sh [output-file]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/vector-$(date +%Y-%m-%d).md}"
. bench/lib/classpath.sh
bench_core_classpath
java -cp "$BENCH_CP" \
  io.tenantprovisioning.bench.VectorBench --out "$out"
echo "wrote $out"
