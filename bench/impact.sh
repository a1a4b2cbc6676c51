#!/usr/bin/env bash
# An impact preview against a re-evaluation of the same records (BENCHMARKS.md "Impact preview"),
# on a store the scale benchmark left behind (bench/scale.sh; default target/scale-bench/normal/store,
# SQLite). The store is changed: the re-evaluation keeps its verdicts, as it would in service.
# It starts `java $JAVA_OPTS -jar JAR serve` on that store, makes an officer key, takes the period
# holding the newest RECORDS records (by opening), then times, one after the other, from the
# request to the job's SUCCEEDED (polled every 200 ms):
#   preview:       POST /api/v1/rules/impact with {"version": the serving one}, nothing stored;
#   re-evaluation: POST /api/v1/reevaluate over the same period, the new verdicts stored.
# Both judge the same records by the same rule set, a page of 500 at a time; the preview judges
# each record as of its verdict's asOf and stores nothing, the re-evaluation as of now and stores.
# Arguments: [records, default 100000]. Env: STORE (a data directory), JAR (default
# target/service-standards.jar), JAVA_OPTS (default: README's start command's), PORT (18491).
# Output: each job's records, seconds and records/s; `uptime` before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${1:-100000}
STORE=${STORE:-target/scale-bench/normal/store}
JAR=${JAR:-target/service-standards.jar}
PORT=${PORT:-18491}
JAVA_OPTS=${JAVA_OPTS-$(sed -n 's/^.*java \(.*\) -jar target\/service-standards.jar serve$/\1/p' README.md | head -1)}
BASE=http://127.0.0.1:$PORT
[ -f "$STORE/standards.db" ] || { echo "no store at $STORE (run bench/scale.sh first)" >&2; exit 2; }

SERVER=
stop() {
  if [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; then
    kill "$SERVER" && wait "$SERVER" 2>/dev/null || true
  fi
}
trap stop EXIT

echo "uptime before: $(uptime)"
KEY=$(java -jar "$JAR" keys create --data "$STORE" --name "impact bench" --role officer 2>/dev/null)
# The period: from the opening of the RECORDS-th newest record to just after the newest.
read -r FROM TO < <(sqlite3 "$STORE/standards.db" "SELECT
    (SELECT opened_at FROM outcomes WHERE is_current AND standard = 'first-response' ORDER BY opened_at DESC LIMIT 1 OFFSET $((RECORDS - 1))),
    (SELECT MAX(opened_at) + 1 FROM outcomes WHERE is_current AND standard = 'first-response')" | tr '|' ' ')
iso() { date -u -d "@$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))" +%Y-%m-%dT%H:%M:%S.%3NZ; }
PERIOD="from=$(iso "$FROM")&to=$(iso "$TO")"
echo "period: $PERIOD"

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" serve --port "$PORT" --data "$STORE" --no-watch > "$STORE/../impact-server.log" 2>&1 &
SERVER=$!
until curl -sf "$BASE/health" > /dev/null; do
  kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped; see $STORE/../impact-server.log" >&2; exit 2; }
  sleep 0.2
done
SERVING=$(curl -sf -H "Authorization: Bearer $KEY" "$BASE/api/v1/rules" | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')

# Posts $2 to $1 and follows the job to its end: prints kind, records, seconds, records/s.
timed() {
  local began location job state
  began=$(date +%s%N)
  location=$(curl -sf -D - -o /dev/null -X POST -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" \
    --data "$2" "$BASE$1" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  while true; do
    job=$(curl -sf -H "Authorization: Bearer $KEY" "$BASE$location")
    state=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["state"])' "$job")
    case "$state" in SUCCEEDED|FAILED|CANCELLED) break ;; esac
    sleep 0.2
  done
  python3 -c '
import json, sys
job, seconds = json.loads(sys.argv[1]), (int(sys.argv[2]) - int(sys.argv[3])) / 1e9
kind, state, done = job["kind"], job["state"], job["done"]
print(f"{kind:<11} {state}: {done} records in {seconds:.1f} s, {done / seconds:.0f} records/s")
' "$job" "$(date +%s%N)" "$began"
}

timed "/api/v1/rules/impact?$PERIOD" "{\"version\": \"$SERVING\"}"
timed "/api/v1/reevaluate?$PERIOD" ""
echo "uptime after: $(uptime)"
