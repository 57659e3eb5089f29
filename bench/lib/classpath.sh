# Sourced by the bench scripts (from the checkout's root): builds this checkout and sets BENCH_CP, the
# classpath a bench's java runs with. MVN_OFFLINE=1 builds offline (-o).
#   bench_core_classpath   core's classes and test classes (the benches in core's test sources) + test deps
#   bench_cli_classpath    the CLI's and core's classes and test classes + the CLI's test deps; installs
#                          first (the CLI's tests use core's test jar), and puts this checkout's core
#                          classes before any core jar another branch's install may replace mid-run

bench_core_classpath() {
  local cp_file
  cp_file="$(mktemp)"
  mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl core -am test-compile
  mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl core dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file"
  BENCH_CP="core/target/classes:core/target/test-classes:$(cat "$cp_file")"
  rm -f "$cp_file"
}

bench_cli_classpath() {
  local cp_file deps
  cp_file="$(mktemp)"
  mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl cli -am install -DskipTests
  mvn -B -ntp -q ${MVN_OFFLINE:+-o} -pl cli dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file"
  deps="$(tr ':' '\n' < "$cp_file" | grep -v '/tenant-provisioning-core/' | paste -sd:)"
  BENCH_CP="cli/target/test-classes:cli/target/classes:core/target/test-classes:core/target/classes:$deps"
  rm -f "$cp_file"
}
