#!/usr/bin/env bash
# The service at scale against a real server process (BENCHMARKS.md "Scale"):
# org.servicestandards.bench.ScaleBenchmark starts `java -Xmx$HEAP -jar service-standards.jar serve`
# on 127.0.0.1 (SQLite in target/scale-bench/<mode>/store, or PostgreSQL at DATABASE_URL), puts
# the customer register, then posts HistoryDataSet (customers = records / 10, seed 20261120)
# sorted by openedAt as NDJSON, 1,000 records a request, from 2 client threads, up to each
# checkpoint size. Measured: start time (process start to the first 200 on /health) on the empty
# and on the full store; records/s per segment between checkpoints and overall; at each
# checkpoint, once the server is idle, the reports (1 warm-up, 5 timed: median and max ms) and
# the dashboard's data calls fired together; the server's RSS each second (median and peak per
# phase); and the baseline: the same rows, read back from the stopped store, inserted into a
# fresh store of the same schema with JDBC batches, one transaction per posted batch.
# Arguments: [mode normal|backfill] [sizes, comma-separated; default 50000,250000,1000000].
#   normal:   no asOf, records judged at the server's clock.
#   backfill: each ISO week's batches posted with asOf = the next Monday 00:00Z.
# Env: HEAP (server heap, default 1g); SERVER_JAVA_OPTS (more JVM options for the server, e.g.
# -XX:MaxMetaspaceSize=256m; MALLOC_ARENA_MAX passes through too); CLIENT_HEAP (default 2g); IDLE_QUIET (seconds of quiet
# that count as idle, default 35: longer than the deadline keeper's 30 s); IDLE_MAX (default
# 900); DATABASE_URL: a JDBC URL of a new, empty PostgreSQL database (the raw replay creates
# <database>_raw beside it), or `private` for a fresh database on scripts/test-postgres.sh's
# server in this tree, started and stopped here (port STANDARDS_TEST_POSTGRES_PORT, default 55438:
# not the suite's 55432, which a build running meanwhile may hold). That server runs with fsync
# off, so its figures are not durable commits as SQLite's are.
# Output: stdout and target/scale-bench/<mode>/summary.txt (deleted and made anew each run).
# The full size takes hours on 2 cores; run nothing else heavy meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE=${1:-normal}
SIZES=${2:-50000,250000,1000000}
case "$MODE" in
  normal|backfill) ;;
  *) echo "usage: $0 [normal|backfill] [sizes, e.g. 50000,250000,1000000]" >&2; exit 2 ;;
esac
HEAP=${HEAP:-1g}
CLIENT_HEAP=${CLIENT_HEAP:-2g}
OUT=target/scale-bench/$MODE
SNAP=$OUT/snapshot
PGPORT=${STANDARDS_TEST_POSTGRES_PORT:-55438}
STARTED_POSTGRES=

cleanup() {
  # The client stops its server; should it die first, the server it started goes by its pid.
  if [ -f "$OUT/server.pid" ] && kill -0 "$(cat "$OUT/server.pid")" 2>/dev/null; then
    kill "$(cat "$OUT/server.pid")" || true
  fi
  if [ -n "$STARTED_POSTGRES" ]; then
    STANDARDS_TEST_POSTGRES_PORT=$PGPORT scripts/test-postgres.sh stop
  fi
}
trap cleanup EXIT

[ -f target/service-standards.jar ] || mvn -q -B package -DskipTests -Dstandards.postgres.skip
if [ -n "$(find src/main rules -newer target/service-standards.jar -type f -print -quit)" ]; then
  echo "note: target/service-standards.jar is older than src/main or rules; the server runs the jar as it is" >&2
fi
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/scale-bench.classpath -Dmdep.includeScope=test
# Others may build in this tree meanwhile: client and server run from a private snapshot.
rm -rf "$OUT" && mkdir -p "$OUT"
for attempt in 1 2 3; do
  mvn -q -B test-compile -Dstandards.postgres.skip
  rm -rf "$SNAP" && mkdir -p "$SNAP"
  cp -a target/classes "$SNAP/classes" && cp -a target/test-classes "$SNAP/test-classes" && cp -a rules "$SNAP/rules" \
    && cp target/service-standards.jar "$SNAP/service-standards.jar" || true
  [ -f "$SNAP/test-classes/org/servicestandards/bench/ScaleBenchmark.class" ] && [ -d "$SNAP/classes/db" ] \
    && [ -f "$SNAP/service-standards.jar" ] && break
  echo "classes changed under us while copying (attempt $attempt); compiling again" >&2
  [ "$attempt" = 3 ] && { echo "could not get a stable build" >&2; exit 1; }
done
CP="$SNAP/test-classes:$SNAP/classes:$(cat target/scale-bench.classpath)"

if [ "${DATABASE_URL:-}" = private ]; then
  STANDARDS_TEST_POSTGRES_PORT=$PGPORT scripts/test-postgres.sh start
  STARTED_POSTGRES=yes
  DB="scale_$MODE"
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "DROP DATABASE IF EXISTS ${DB}_raw" -c "DROP DATABASE IF EXISTS $DB" \
    -c "CREATE DATABASE $DB"
  DATABASE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$DB?user=postgres"
fi

timeout "${TIMEOUT:-43200}" java -Xms"$CLIENT_HEAP" -Xmx"$CLIENT_HEAP" ${JAVA_OPTS:-} -cp "$CP" \
  org.servicestandards.bench.ScaleBenchmark "$MODE" "$SIZES" "$HEAP" "$SNAP/service-standards.jar" "$SNAP/rules" "$OUT" \
  "${DATABASE_URL:-}"
