#!/usr/bin/env bash
# HTTP throughput and latency with wrk, 127.0.0.1 only, about 4 minutes in all:
#   POST /api/v1/check (one record) on the real app  vs  POST /noop on a bare Javalin 7 app,
# both served by one JVM (org.servicestandards.bench.HttpBenchServer). Then /api/v1/check paced
# at about half its measured maximum, for latency percentiles. Output: target/http-bench/.
set -euo pipefail
# The key the bench server makes its first admin key, and every request carries.
export BENCH_KEY="${BENCH_KEY:-bench-admin-key-0123456789abcdef}"
cd "$(dirname "$0")/.."

APP_PORT=${APP_PORT:-7070}
NOOP_PORT=${NOOP_PORT:-7071}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP=${WARMUP:-60}        # seconds of load on /api/v1/check before measuring
DURATION=${DURATION:-30}    # seconds per measurement
OUT=target/http-bench
APP="http://127.0.0.1:$APP_PORT"
NOOP="http://127.0.0.1:$NOOP_PORT"

if ! command -v wrk >/dev/null; then
  if ! apt-get install -y wrk >/dev/null 2>&1; then
    apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null
  fi
fi

# Others build in this tree meanwhile: run from a private snapshot of classes and rules.
SNAP=target/http-snapshot
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/http.classpath -Dmdep.includeScope=test
for attempt in 1 2 3; do
  mvn -q -B test-compile
  rm -rf "$SNAP" && mkdir -p "$SNAP"
  cp -a target/classes "$SNAP/classes" && cp -a target/test-classes "$SNAP/test-classes" && cp -a rules "$SNAP/rules" || true
  [ -f "$SNAP/test-classes/org/servicestandards/bench/HttpBenchServer.class" ] && [ -d "$SNAP/classes/db" ] && break
  [ "$attempt" = 3 ] && { echo "could not get a stable build" >&2; exit 1; }
done
CP="$SNAP/test-classes:$SNAP/classes:$(cat target/http.classpath)"

mkdir -p "$OUT"
rm -f "$OUT"/*.txt
if curl -s -o /dev/null "$APP/health" || curl -s -o /dev/null "$NOOP/noop"; then
  echo "port $APP_PORT or $NOOP_PORT is already serving; stop that first" >&2
  exit 1
fi
java -Xms1g -Xmx1g -cp "$CP" org.servicestandards.bench.HttpBenchServer "$APP_PORT" "$NOOP_PORT" "$SNAP/rules" \
  > "$OUT/server.log" 2>&1 &
SERVER=$!
stop_server() {
  if kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER"
    for _ in $(seq 1 20); do kill -0 "$SERVER" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER" 2>/dev/null || true
  fi
}
trap stop_server EXIT

up=0
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null "$APP/health"; then up=1; break; fi
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.5
done
[ "$up" = 1 ] || { echo "server did not come up; see $OUT/server.log" >&2; cat "$OUT/server.log" >&2; exit 1; }

# One request by hand: the load below must be 200s with a verdict, not errors served fast.
BODY=$(sed -n 's/^wrk.body = \[\[\(.*\)\]\]$/\1/p' bench/check.lua)
status=$(curl -s -o "$OUT/check-response.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $BENCH_KEY" --data-binary "$BODY" "$APP/api/v1/check")
echo "POST /api/v1/check -> $status: $(head -c 300 "$OUT/check-response.json")"
[ "$status" = 200 ] || { echo "the check endpoint does not answer 200; not measuring" >&2; exit 1; }
noop_status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $BENCH_KEY" --data-binary "$BODY" "$NOOP/noop")
[ "$noop_status" = 200 ] || { echo "the no-op endpoint answers $noop_status" >&2; exit 1; }

run() { # name, wrk arguments...
  local name=$1; shift
  echo "== $name: wrk $*" | tee "$OUT/$name.txt"
  timeout $((DURATION + WARMUP + 30)) wrk "$@" | tee -a "$OUT/$name.txt"
}
rate() { awk '/^Requests\/sec:/ {print $2}' "$OUT/$1.txt"; }

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run warmup-check -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s bench/check.lua "$APP/api/v1/check" > /dev/null
run warmup-noop -t"$THREADS" -c"$CONNECTIONS" -d20s -s bench/check.lua "$NOOP/noop" > /dev/null
run check -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/check.lua "$APP/api/v1/check"
run noop -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/check.lua "$NOOP/noop"

# Latency at about half the maximum: wrk has no fixed-rate mode (wrk2 is not packaged), so each
# connection waits WRK_DELAY_MS after every response and the connection count sets the rate. A
# 10 s calibration pass measures the rate a first guess gives; the measured run then uses as
# many connections as reach half the maximum. Still a closed loop: a stall delays the requests
# behind it instead of queueing them, so this p99 is a lower bound (coordinated omission).
max=$(rate check)
delay_ms=2
target=$(awk -v r="$max" 'BEGIN { printf "%d", r / 2 }')
conns=$(awk -v t="$target" -v d="$delay_ms" 'BEGIN { c = int(t * d / 1000 + 0.5); print (c < 1 ? 1 : c) }')
WRK_DELAY_MS=$delay_ms run calibrate-half-rate -t1 -c"$conns" -d10s -s bench/check.lua "$APP/api/v1/check" > /dev/null
conns=$(awk -v c="$conns" -v t="$target" -v r="$(rate calibrate-half-rate)" 'BEGIN { n = int(c * t / r + 0.5); print (n < 1 ? 1 : n) }')
WRK_DELAY_MS=$delay_ms run check-half-rate -t1 -c"$conns" -d"${DURATION}s" --latency -s bench/check.lua "$APP/api/v1/check"
# And the plain closed loop with two connections, for reference.
run check-c2 -t1 -c2 -d20s --latency -s bench/check.lua "$APP/api/v1/check"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

check=$(rate check); noop=$(rate noop); half=$(rate check-half-rate)
p99=$(awk '/^ +99%/ {print $2}' "$OUT/check-half-rate.txt")
echo
echo "POST /api/v1/check: $check req/s;  POST /noop: $noop req/s;  ratio $(awk -v a="$check" -v b="$noop" 'BEGIN {printf "%.2f", a / b}')"
echo "paced at $half req/s ($(awk -v a="$half" -v b="$check" 'BEGIN {printf "%.0f", 100 * a / b}')% of max, $conns connections, ${delay_ms} ms think time): p99 $p99"
