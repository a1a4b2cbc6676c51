#!/usr/bin/env bash
# Resident memory of the server under load (BENCHMARKS.md "Scale", memory): starts
# `java $JAVA_OPTS -jar target/service-standards.jar serve` on 127.0.0.1 (shipped rules, a fresh
# SQLite store), then posts new records with wrk (bench/ingest.lua, 2 threads, 16 connections)
# for DURATION seconds and judges records (bench/check.lua) for DURATION / 2 more, reading the
# server's RSS each second. Prints the RSS after start, the median and peak while loaded (VmHWM)
# and the requests served. Env: JAVA_OPTS (default: the options of README's start command; set
# it empty for none), DURATION (default 60), PORT (default 18482). Run nothing heavy meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60}
PORT=${PORT:-18482}
JAVA_OPTS=${JAVA_OPTS-$(sed -n 's/^.*java \(.*\) -jar target\/service-standards.jar serve$/\1/p' README.md | head -1)}
OUT=target/memory-bench
rm -rf "$OUT" && mkdir -p "$OUT"
cp -a rules "$OUT/rules"
export BENCH_KEY=bench-admin-key-0123456789abcdef RUN_ID=$$

# shellcheck disable=SC2086
STANDARDS_ADMIN_KEY=$BENCH_KEY STANDARDS_RATE_LIMIT=1000000000 java $JAVA_OPTS -jar target/service-standards.jar serve \
  --port "$PORT" --rules "$OUT/rules" --data "$OUT/data" >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped; see $OUT/server.log" >&2; exit 1; }
  sleep 0.1
done
rss() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$SERVER/status"; }
sleep 2
STARTED=$(rss)
( while kill -0 "$SERVER" 2>/dev/null; do rss >>"$OUT/rss"; sleep 1; done ) &
SAMPLER=$!
timeout $((DURATION + 30)) wrk -t2 -c16 -d"${DURATION}s" -s bench/ingest.lua "http://127.0.0.1:$PORT/api/v1/interactions" \
  >"$OUT/ingest.txt"
timeout $((DURATION / 2 + 30)) wrk -t2 -c16 -d"$((DURATION / 2))s" -s bench/check.lua "http://127.0.0.1:$PORT/api/v1/check" \
  >"$OUT/check.txt"
PEAK=$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$SERVER/status")
kill "$SAMPLER" 2>/dev/null || true
echo "java options: ${JAVA_OPTS:-none}; $(uptime)"
echo "RSS after start: ${STARTED} MiB; under load: median $(sort -n "$OUT/rss" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }') MiB, peak (VmHWM) ${PEAK} MiB"
echo "ingest: $(grep -h 'Requests/sec' "$OUT/ingest.txt") ($(grep -h 'requests in' "$OUT/ingest.txt" | sed 's/^ *//'))"
echo "check: $(grep -h 'Requests/sec' "$OUT/check.txt") ($(grep -h 'requests in' "$OUT/check.txt" | sed 's/^ *//'))"
grep -h 'unexpected status' "$OUT/ingest.txt" "$OUT/check.txt" | sort | uniq -c | head -5 || true
