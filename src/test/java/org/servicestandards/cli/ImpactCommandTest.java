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
import org.servicestandards.testing.ShippedRulesCopy;

/** {@code impact --rules DIR}: a candidate working copy previewed over the configured store, nothing stored. */
class ImpactCommandTest {

    @Test
    void a_candidate_directory_is_previewed_over_the_stored_records_of_a_period(@TempDir Path data, @TempDir Path files,
            @TempDir Path candidate) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            Instant opened = Instant.parse("2026-11-02T09:00:00Z").plusSeconds(3600L * n);
            lines.add(Json.mapper().writeValueAsString(record().id("imp-" + n).customer("c-" + n).team(n % 2 == 0 ? "team-a" : "team-b")
                    .openedAt(opened.toString()).firstResponseAt(opened.plusSeconds(n % 3 == 0 ? 210 : 100).toString()).build()));
        }
        Path file = files.resolve("calls.ndjson");
        Files.write(file, lines);
        assertThat(KeysCommandTest.run("import", file.toString(), "--data", data.toString(), "--as-of", "2026-11-20T15:00:00Z")
                .exit()).isZero();

        ShippedRulesCopy.into(candidate);
        Path table = candidate.resolve("tables/first-response-targets.csv");
        Files.writeString(table, Files.readString(table).replace("\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT3M\"",
                "\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT4M\""));
        String[] period = {"--from", "2026-11-01T00:00:00Z", "--to", "2026-12-01T00:00:00Z", "--data", data.toString()};
        KeysCommandTest.Run text = KeysCommandTest.run(concat(new String[] {"impact", "--rules", candidate.toString(),
                "--group-by", "team", "--as", "officer at her desk"}, period));
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("30 records judged, and the history standards of their 30 customers as of"
                        + " 2026-12-01T00:00:00Z; 10 outcomes flip")
                .containsPattern("first-response +team-a +66\\.67% +100\\.00% +FAIL->PASS 5");
        assertThat(text.err()).contains("impact").contains("30/30");

        KeysCommandTest.Run csv = KeysCommandTest.run(concat(new String[] {"impact", "--rules", candidate.toString(), "--format", "csv"},
                period));
        assertThat(csv.out()).startsWith("standard,before_pass,before_fail,")
                .contains("first-response,20,10,0,0,0,0.6667,30,0,0,0,0,1.0000,10,0,10,\"FAIL->PASS 10\"");

        // Nothing was stored: the verdicts stand as they were, one a record.
        try (Database database = Database.sqlite(data)) {
            long verdicts = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM verdicts").mapTo(Long.class).one());
            assertThat(verdicts).isEqualTo(30);
            assertThat(new JdbcAuditLog(database, Clock.systemUTC()).read(0, 100, "rules.impact")).hasSize(2)
                    .first().satisfies(entry -> assertThat(entry.actor()).isEqualTo("officer at her desk"));
        }

        Path drl = candidate.resolve("standards/first-response.drl");
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then nothing( end\n");
        KeysCommandTest.Run broken = KeysCommandTest.run(concat(new String[] {"impact", "--rules", candidate.toString()}, period));
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("standards/first-response.drl:");
        assertThat(KeysCommandTest.run(concat(new String[] {"impact", "--rules", candidate.toString(), "--group-by", "week"}, period))
                .exit()).isEqualTo(2);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
