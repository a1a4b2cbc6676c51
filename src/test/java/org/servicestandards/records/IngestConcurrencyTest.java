package org.servicestandards.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.store.Database;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;

/** Retries racing each other create nothing twice, and every acknowledged record is there. */
class IngestConcurrencyTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T15:00:00Z");

    @Test
    void the_same_records_posted_from_many_threads_are_stored_once_each(@TempDir Path data) throws Exception {
        Clock clock = Clock.fixed(AS_OF, ZoneOffset.UTC);
        List<JsonNode> samples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("samples/interactions.ndjson"))) {
            samples.add(Json.mapper().readTree(line));
        }
        List<JsonNode> records = samples.subList(0, 100);
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = Services.on(database, clock);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<List<RecordResult>>> posts = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                posts.add(pool.submit((Callable<List<RecordResult>>) () -> service.ingest(Batch.of(records), AS_OF)));
            }
            long created = 0;
            for (Future<List<RecordResult>> post : posts) {
                for (RecordResult result : post.get()) {
                    assertThat(result.status()).isIn(RecordResult.Status.CREATED, RecordResult.Status.UNCHANGED);
                    created += result.status() == RecordResult.Status.CREATED ? 1 : 0;
                }
            }
            pool.shutdown();
            assertThat(created).isEqualTo(100);
            for (JsonNode record : records) {
                assertThat(service.find(record.get("id").asText()).orElseThrow().revisions()).hasSize(1);
            }

            // A changed copy racing its own retries makes exactly one new revision.
            ObjectNode changed = (ObjectNode) records.get(0).deepCopy();
            changed.put("satisfaction", 5);
            List<Future<List<RecordResult>>> revisions = new ArrayList<>();
            ExecutorService again = Executors.newFixedThreadPool(4);
            for (int thread = 0; thread < 4; thread++) {
                revisions.add(again.submit((Callable<List<RecordResult>>) () -> service.ingest(Batch.of(List.of(changed)), AS_OF)));
            }
            long revised = 0;
            for (Future<List<RecordResult>> post : revisions) {
                revised += post.get().get(0).status() == RecordResult.Status.REVISED ? 1 : 0;
            }
            again.shutdown();
            assertThat(revised).isEqualTo(1);
            assertThat(service.find(changed.get("id").asText()).orElseThrow().latestRevision()).isEqualTo(2);
        }
    }
}
