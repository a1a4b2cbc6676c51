#!/usr/bin/env bash
# Builds target/service-standards.jsa, the class-data archive (AppCDS) that README's start command
# hands the JVM: the classes a start loads, parsed and laid out once, so a start maps them
# instead of loading each from the jar. Run by `mvn package` after the jar is made. It starts the
# jar once on the shipped rules and a store of its own under target/cds-training, as README's
# command does, lists the classes loaded until the first answer on /health, stops the server and
# dumps the archive from that list. The archive is good for this jar only: the JVM checks the
# jar's size and time and, should they differ (or the archive be missing), starts without it.
# -Dcds.skip leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/service-standards.jar
ARCHIVE=target/service-standards.jsa
WORK=target/cds-training
rm -rf "$WORK" "$ARCHIVE"
mkdir -p "$WORK"
cp -a rules "$WORK/rules"

java -XX:DumpLoadedClassList="$WORK/classes.list" -jar "$JAR" serve --port 0 --rules "$WORK/rules" --data "$WORK/data" \
  >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
PORT=
for _ in $(seq 1 1200); do
  PORT=$(sed -n 's/.* listening on port \([0-9]*\) .*/\1/p' "$WORK/serve.log")
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || { echo "the training start failed:" >&2; cat "$WORK/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "the training start did not listen within 120 s" >&2; exit 1; }
curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"
kill "$SERVER"
wait "$SERVER" || true
trap - EXIT

java -Xshare:dump -XX:SharedClassListFile="$WORK/classes.list" -XX:SharedArchiveFile="$ARCHIVE" -cp "$JAR" \
  >"$WORK/dump.log" 2>&1 || { echo "the class-data archive could not be dumped:" >&2; tail -20 "$WORK/dump.log" >&2; exit 1; }
echo "class-data archive: $ARCHIVE ($(grep -vc '^#' "$WORK/classes.list") classes listed)"
