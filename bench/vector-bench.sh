#!/usr/bin/env bash
# Measures embedding and query latency of the vector path (MiniLM + Lucene + tenant RAG query) on this
# machine and writes bench/results/vector-<date>.md. Usage: bench/vector-bench.sh [output-file]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-bench/results/vector-$(date +%Y-%m-%d).md}"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -B -ntp -q -pl core -am test-compile
mvn -B -ntp -q -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
  io.tenantprovisioning.bench.VectorBench --out "$out"
echo "wrote $out"
