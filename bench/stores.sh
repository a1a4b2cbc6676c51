#!/usr/bin/env bash
# Ingest records/s and compliance-report latency on SQLite (one node, the baseline) and on
# PostgreSQL (one node, then two nodes on one database), each node a `serve` process of the jar
# on 127.0.0.1, about 3 minutes in all. Ingest: wrk posting one new record per request
# (bench/ingest.lua, -t1 -c4 per node, DURATION seconds after WARMUP). Report: 20 sequential
# GET /api/v1/reports/compliance?groupBy=standard over what was stored, time_total per request.
# PostgreSQL is the private server of scripts/test-postgres.sh. Output: target/stores-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
export BENCH_KEY="${BENCH_KEY:-bench-admin-key-0123456789abcdef}"
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
PGPORT=${STANDARDS_TEST_POSTGRES_PORT:-55436}
OUT=target/stores-bench
mkdir -p "$OUT"
rm -f "$OUT"/*.txt
[ -f target/service-standards.jar ] || mvn -q -B package -DskipTests -Dstandards.postgres.skip
STANDARDS_TEST_POSTGRES_PORT=$PGPORT scripts/test-postgres.sh start
trap 'pkill -f "service-standards.jar serve --port 78" || true; STANDARDS_TEST_POSTGRES_PORT=$PGPORT scripts/test-postgres.sh stop' EXIT
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -q"

start_node() { # port, then store options
  local port=$1; shift
  STANDARDS_ADMIN_KEY=$BENCH_KEY STANDARDS_RATE_LIMIT=1000000000 java -Xms512m -Xmx512m -jar target/service-standards.jar \
    serve --port "$port" --no-watch --rules rules "$@" > "$OUT/node-$port.log" 2>&1 &
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && return 0; sleep 0.5; done
  echo "node on $port did not start" >&2; cat "$OUT/node-$port.log" >&2; exit 1
}

ingest() { # label, ports...
  local label=$1; shift
  local pids=()
  for port in "$@"; do
    NODE_TAG=w$port RUN_ID=warm$RANDOM wrk -t1 -c4 -d"${WARMUP}s" -s bench/ingest.lua "http://127.0.0.1:$port" > /dev/null &
    pids+=($!)
  done
  wait "${pids[@]}" # not `wait` alone: that would wait for the nodes too
  pids=()
  for port in "$@"; do
    NODE_TAG=m$port RUN_ID=run$RANDOM wrk -t1 -c4 -d"${DURATION}s" --latency -s bench/ingest.lua "http://127.0.0.1:$port" \
      > "$OUT/$label-ingest-$port.txt" &
    pids+=($!)
  done
  wait "${pids[@]}"
  local total=0
  for port in "$@"; do
    rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$label-ingest-$port.txt")
    total=$(echo "$total + $rps" | bc)
  done
  echo "$label ingest records/s: $total (load $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/summary.txt"
}

report() { # label, port
  local label=$1 port=$2
  : > "$OUT/$label-report.txt"
  for _ in $(seq 1 20); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_KEY" \
      "http://127.0.0.1:$port/api/v1/reports/compliance?from=2026-10-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=standard" \
      >> "$OUT/$label-report.txt"
  done
  sort -n "$OUT/$label-report.txt" | awk -v l="$label" '{a[NR]=$1} END {printf "%s compliance report: median %.1f ms, max %.1f ms over %d requests\n", l, a[int((NR+1)/2)]*1000, a[NR]*1000, NR}' \
    | tee -a "$OUT/summary.txt"
}

stop_nodes() {
  pkill -f "service-standards.jar serve --port 78" || true
  sleep 2
}

echo "machine: $(nproc) cores, load before $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.txt"

DATA=$(mktemp -d)
start_node 7801 --data "$DATA"
ingest sqlite-1 7801
report sqlite-1 7801
stop_nodes

$PSQL -c "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench"
URL="jdbc:postgresql://127.0.0.1:$PGPORT/bench?user=postgres"
start_node 7811 --database-url "$URL"
ingest postgres-1 7811
report postgres-1 7811
start_node 7812 --database-url "$URL"
ingest postgres-2 7811 7812
report postgres-2 7812
stop_nodes
echo "stored on PostgreSQL: $($PSQL -d bench -t -c 'SELECT COUNT(*) FROM interactions') records" | tee -a "$OUT/summary.txt"
