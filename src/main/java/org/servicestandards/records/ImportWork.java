package org.servicestandards.records;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.servicestandards.interaction.Instants;
import org.servicestandards.interaction.RecordsReader;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobInput;
import org.servicestandards.jobs.JobStore;
import org.servicestandards.jobs.JobWork;

/**
 * An import: the records of a file (NDJSON) stored and judged a chunk at a time, as if each
 * chunk were posted to {@code POST /api/v1/interactions}, judged as of the import's {@code asOf}
 * (when it names one) or the time of judging. The cursor is the next chunk's number; a chunk done
 * twice (its node died before the checkpoint) stores nothing twice, since a record with the
 * content of its stored revision changes nothing. A record that is refused holds up no other: the
 * job counts it and keeps the first {@value #KEPT_REFUSALS} refusals with their reasons.
 */
public final class ImportWork implements JobWork {

    public static final String KIND = "import";
    private static final int KEPT_REFUSALS = 50;

    private final StandardsService service;
    private final JobStore jobs;
    private final Clock clock;

    public ImportWork(StandardsService service, JobStore jobs, Clock clock) {
        this.service = service;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Override
    public void run(Job job, Progress progress) {
        String asOf = job.params().get("asOf");
        Map<String, Object> result = new LinkedHashMap<>(job.result());
        List<Object> refusals = new ArrayList<>(listOf(result.get("refusals")));
        long done = progress.done();
        int seq = progress.cursor().isEmpty() ? 0 : Integer.parseInt(progress.cursor());
        while (progress.holding()) {
            Optional<JobStore.Chunk> chunk = jobs.input(job.id(), seq);
            if (chunk.isEmpty()) {
                return;
            }
            Instant at = asOf == null ? clock.instant() : Instants.parse(asOf);
            List<RecordResult> results = service.ingest(RecordsReader.read(JobInput.lines(chunk.get().body()), RecordsReader.Format.NDJSON), at);
            for (RecordResult one : results) {
                add(result, one.status().name().toLowerCase(java.util.Locale.ROOT));
                if (one.isRejected() && refusals.size() < KEPT_REFUSALS) {
                    refusals.add(refusal(done + one.index() + 1, one));
                }
            }
            result.put("refusals", refusals);
            done += chunk.get().lines();
            seq++;
            if (!progress.checkpoint(Integer.toString(seq), done, null, result)) {
                return;
            }
        }
    }

    /** {@code record}: the record's place in the file, blank lines not counted. */
    private static Map<String, Object> refusal(long record, RecordResult result) {
        Map<String, Object> refusal = new LinkedHashMap<>();
        refusal.put("record", record);
        if (result.id() != null) {
            refusal.put("id", result.id());
        }
        refusal.put("errors", result.errors().stream().map(e -> Map.of("pointer", e.pointer(), "reason", e.reason())).toList());
        return refusal;
    }

    private static void add(Map<String, Object> result, String key) {
        result.merge(key, 1L, (a, b) -> ((Number) a).longValue() + 1);
    }

    private static List<?> listOf(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
