#!/usr/bin/env bash
# The history sweep over 1,000,000 stored records of 100,000 customers (BENCHMARKS.md "History
# sweep"): org.servicestandards.bench.HistorySweepBenchmark fills a SQLite store in
# target/history-bench/<parameters>/ through the service's ingest the first time (several
# minutes; reused afterwards), then sweeps as of 2026-11-20T02:00Z: a warm-up and RUNS-1
# measured runs, each beside its baselines (read only; read and judge, nothing kept).
# Arguments: [customers] [records] [seed] [runs]; HEAP (default 256m) caps the heap so a sweep
# that held every record at once would fail. Run nothing else heavy meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${HEAP:-256m}
SNAP=target/history-sweep-snapshot
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/history-sweep.classpath -Dmdep.includeScope=test
# Others build in this tree meanwhile: run from a private snapshot of the classes and the rules.
for attempt in 1 2 3; do
  mvn -q -B test-compile
  rm -rf "$SNAP" && mkdir -p "$SNAP"
  cp -a target/classes "$SNAP/classes" && cp -a target/test-classes "$SNAP/test-classes" && cp -a rules "$SNAP/rules" || true
  [ -f "$SNAP/test-classes/org/servicestandards/bench/HistorySweepBenchmark.class" ] && [ -d "$SNAP/classes/db" ] && break
  echo "classes changed under us while copying (attempt $attempt); compiling again" >&2
  [ "$attempt" = 3 ] && { echo "could not get a stable build" >&2; exit 1; }
done
CP="$SNAP/test-classes:$SNAP/classes:$(cat target/history-sweep.classpath)"

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); heap -Xmx$HEAP; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
timeout 3600 java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC ${JAVA_OPTS:-} \
  -cp "$CP" org.servicestandards.bench.HistorySweepBenchmark \
  "${1:-100000}" "${2:-1000000}" "${3:-20261120}" "${4:-4}" "$SNAP/rules" target/history-bench
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
