package org.servicestandards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcAuditLog;
import org.servicestandards.store.JdbcJobStore;

/** {@code import FILE}: the file stored and judged as a job in the store, followed with a progress bar, and in the audit log. */
class ImportCommandTest {

    @Test
    void a_file_is_imported_as_a_job_with_progress_and_its_refusals_named(@TempDir Path data, @TempDir Path files) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 700; n++) {
            Instant opened = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(3600L * n);
            lines.add(Json.mapper().writeValueAsString(record().id("cli-" + n).customer("c-" + (n % 30))
                    .openedAt(opened.toString()).firstResponseAt(opened.plusSeconds(90).toString()).build()));
        }
        lines.add("not json");
        Path file = files.resolve("history.ndjson");
        Files.write(file, lines);

        KeysCommandTest.Run run = KeysCommandTest.run("import", file.toString(), "--data", data.toString(), "--as-of",
                "2026-11-20T15:00:00Z", "--as", "help desk export");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("job [0-9a-f-]{36}: 701 records")
                .contains("succeeded: 701 records; created 700, revised 0, unchanged 0, refused 1");
        assertThat(run.err()).contains("import").contains("701/701").contains("refused: {record=701");

        try (Database database = Database.sqlite(data)) {
            assertThat(new JdbcAuditLog(database, Clock.systemUTC()).read(0, 100, "import.start")).singleElement()
                    .satisfies(entry -> assertThat(entry.actor()).isEqualTo("help desk export"));
            assertThat(new JdbcJobStore(database, Clock.systemUTC()).list(null, null, 10)).singleElement()
                    .satisfies(job -> assertThat(job.startedBy()).isEqualTo("help desk export"));
        }

        // Again: nothing changes, and every record is read once more.
        KeysCommandTest.Run again = KeysCommandTest.run("import", file.toString(), "--data", data.toString(), "--as-of",
                "2026-11-20T15:00:00Z");
        assertThat(again.out()).contains("created 0, revised 0, unchanged 700, refused 1");
    }

    @Test
    void detached_the_job_waits_in_the_store_for_a_node_and_a_missing_file_or_job_is_refused(@TempDir Path data, @TempDir Path files)
            throws Exception {
        Path file = files.resolve("one.ndjson");
        Files.writeString(file, Json.mapper().writeValueAsString(record().id("d-1").openedAt("2026-11-01T00:00:00Z").build()) + "\n");
        KeysCommandTest.Run detached = KeysCommandTest.run("import", file.toString(), "--data", data.toString(), "--detach");
        assertThat(detached.exit()).isZero();
        String id = detached.out().trim().split("[ :]")[1];
        KeysCommandTest.Run followed = KeysCommandTest.run("import", "--follow", id, "--data", data.toString());
        assertThat(followed.exit()).as(followed.err()).isZero();
        assertThat(followed.out()).contains("created 1");

        assertThat(KeysCommandTest.run("import", files.resolve("none.ndjson").toString(), "--data", data.toString()).exit()).isEqualTo(2);
        KeysCommandTest.Run unknown = KeysCommandTest.run("import", "--follow", "no-such-job", "--data", data.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no job with id 'no-such-job'");
    }
}
