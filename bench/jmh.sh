#!/usr/bin/env bash
# Rule-evaluation throughput (JMH): the service path vs a bare Drools session, one record per
# session and 1,000 per session (the default); or any other benchmark named as the first
# argument, e.g. BusinessTimeBenchmark. Run from anywhere; results go to target/jmh-result.json.
# Extra arguments go to JMH, e.g.  bench/jmh.sh -prof gc   or   bench/jmh.sh 'serviceOne.*' -wi 2
# Takes about 5 minutes on 2 cores; run nothing else heavy meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."

# Others build in this tree while we measure: a recompile empties target/test-classes under a
# running fork. So the benchmark runs from a private snapshot of the classes and the rules.
SNAP=target/jmh-snapshot
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test
for attempt in 1 2 3; do
  mvn -q -B test-compile
  rm -rf "$SNAP" && mkdir -p "$SNAP"
  cp -a target/classes "$SNAP/classes" && cp -a target/test-classes "$SNAP/test-classes" && cp -a rules "$SNAP/rules" || true
  list="$SNAP/test-classes/META-INF/BenchmarkList"
  missing=0
  if [ -f "$list" ]; then
    for cls in $(grep -o 'org\.servicestandards\.[A-Za-z0-9_.]*jmh_generated\.[A-Za-z0-9_]*' "$list" | sort -u); do
      [ -f "$SNAP/test-classes/${cls//.//}.class" ] || missing=1
    done
  else
    missing=1
  fi
  [ "$missing" = 0 ] && break
  echo "classes changed under us while copying (attempt $attempt); compiling again" >&2
  [ "$attempt" = 3 ] && { echo "could not get a stable build" >&2; exit 1; }
done
CP="$SNAP/test-classes:$SNAP/classes:$(cat target/jmh.classpath)"

args=("$@")
if [ ${#args[@]} -eq 0 ] || [[ "${args[0]}" == -* ]]; then
  args=("EvaluationBenchmark" "${args[@]}")
fi

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# -jvmArgsAppend on the command line replaces the one in @Fork, so the heap is repeated here.
timeout 900 java -cp "$CP" org.openjdk.jmh.Main "${args[@]}" \
  -jvmArgsAppend "-Xms1g -Xmx1g -Dbench.rules=$PWD/$SNAP/rules" \
  -rf json -rff target/jmh-result.json
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# Medians and the ratios the targets are stated in (JMH's own table gives mean ± 99.9% CI).
if command -v python3 >/dev/null && [ -s target/jmh-result.json ]; then
python3 - target/jmh-result.json <<'PY'
import json, statistics, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
print("\n%-20s %12s %10s %12s %25s" % ("benchmark", "mean rec/s", "± 99.9%", "median", "min .. max"))
for name, m in sorted(rows.items()):
    raw = [x for fork in m["rawData"] for x in fork]
    print("%-20s %12.0f %10.0f %12.0f %12.0f .. %-12.0f" % (name, m["score"], m["scoreError"], statistics.median(raw), min(raw), max(raw)))
def ratio(a, b):
    if a in rows and b in rows:
        ma = statistics.median([x for f in rows[a]["rawData"] for x in f])
        mb = statistics.median([x for f in rows[b]["rawData"] for x in f])
        print("%s / %s = %.2f (medians)" % (a, b, ma / mb))
ratio("serviceOneAtATime", "droolsOneAtATime")
ratio("serviceBatchOf1000", "droolsBatchOf1000")
PY
fi
