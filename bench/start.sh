#!/usr/bin/env bash
# Start time (BENCHMARKS.md "Scale", start): process start to the first 200 on GET /health, for
# `java $JAVA_OPTS -jar JAR serve` on the shipped rules and an embedded SQLite store, RUNS times
# each way, alternating:
#   cold: a new data directory (no store, no compiled rules kept): the first start ever;
#   warm: the data directory of the cold run before it (store and rule cache in place).
# With BASELINE_JAR set (a jar of the code before a change), the same is measured for it in the
# same run, one start of each jar after the other, so both see the same machine load; it runs
# with BASELINE_OPTS (default none: the start command before had none).
# Arguments: [runs, default 5]. Env: JAR (default target/service-standards.jar), BASELINE_JAR,
# JAVA_OPTS (default: the options of README's start command), PORT (default 18481).
# Output: one line a start, then the median of each way; `uptime` before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
JAR=${JAR:-target/service-standards.jar}
PORT=${PORT:-18481}
# The options README's start command gives the JVM.
JAVA_OPTS=${JAVA_OPTS-$(sed -n 's/^.*java \(.*\) -jar target\/service-standards.jar serve$/\1/p' README.md | head -1)}
OUT=target/start-bench
rm -rf "$OUT" && mkdir -p "$OUT"
cp -a rules "$OUT/rules"
SERVER=

stop() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" && wait "$SERVER" 2>/dev/null || true
  fi
  SERVER=
}
trap stop EXIT

# Starts a jar in $1's data directory and prints the milliseconds to its first 200 on /health.
start_once() {
  local jar=$1 data=$2 opts=$3 began now
  began=$(date +%s%N)
  # shellcheck disable=SC2086
  java $opts -jar "$jar" serve --port "$PORT" --rules "$OUT/rules" --data "$data" >"$data.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; then
      now=$(date +%s%N)
      echo $(( (now - began) / 1000000 ))
      stop
      return
    fi
    kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped; see $data.log" >&2; exit 1; }
    sleep 0.02
  done
  echo "no answer on /health within 60 s; see $data.log" >&2
  exit 1
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "java options: ${JAVA_OPTS:-none}"
echo "before: $(uptime)"
JARS=("$JAR")
OPTS=("$JAVA_OPTS")
if [ -n "${BASELINE_JAR:-}" ]; then
  JARS+=("$BASELINE_JAR")
  OPTS+=("${BASELINE_OPTS:-}")
fi
for run in $(seq 1 "$RUNS"); do
  for k in "${!JARS[@]}"; do
    data="$OUT/data-$k-$run"
    start_once "${JARS[$k]}" "$data" "${OPTS[$k]}" >"$OUT/ms" && cold=$(cat "$OUT/ms")
    start_once "${JARS[$k]}" "$data" "${OPTS[$k]}" >"$OUT/ms" && warm=$(cat "$OUT/ms")
    echo "$cold" >>"$OUT/cold-$k"
    echo "$warm" >>"$OUT/warm-$k"
    echo "run $run ${JARS[$k]}: cold ${cold} ms, warm ${warm} ms"
  done
done
echo "after: $(uptime)"
for k in "${!JARS[@]}"; do
  echo "median of $RUNS, ${JARS[$k]}: cold $(median <"$OUT/cold-$k") ms, warm $(median <"$OUT/warm-$k") ms"
done
