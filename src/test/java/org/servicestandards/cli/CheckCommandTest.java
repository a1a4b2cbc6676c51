package org.servicestandards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;
import picocli.CommandLine;

/**
 * The offline check over the shipped samples. The expected counts were tallied independently of
 * this code (samples/README.md) by applying SPEC §3 to each record at 2026-11-20T15:00Z.
 */
class CheckCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CheckCommand command = new CheckCommand();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(command).execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_samples_give_the_independently_tallied_outcomes_of_every_standard() throws Exception {
        Run run = run("samples/interactions.ndjson", "--rules", "rules", "--as-of", "2026-11-20T15:00:00Z", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode report = Json.mapper().readTree(run.out());
        Map<String, List<Long>> counts = new HashMap<>();
        for (JsonNode row : report.get("rows")) {
            counts.put(row.get("group").get("standard").asText(), List.of(row.get("pass").asLong(), row.get("fail").asLong(),
                    row.get("pending").asLong(), row.get("notApplicable").asLong()));
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(
                "first-response", List.of(260L, 45L, 3L, 106L),
                "complaint-owner", List.of(56L, 7L, 0L, 351L),
                "complaint-resolution", List.of(41L, 11L, 11L, 351L),
                "update-frequency", List.of(133L, 14L, 19L, 248L),
                "promise-kept", List.of(69L, 17L, 15L, 313L),
                "courtesy", List.of(282L, 45L, 0L, 87L)));
        assertThat(report.get("results")).hasSize(414);
    }

    @Test
    void the_json_array_and_the_ndjson_samples_judge_alike_and_the_text_report_reads_well() {
        Run ndjson = run("samples/interactions.ndjson", "--as-of", "2026-11-20T15:00:00Z", "--format", "csv");
        Run array = run("samples/interactions.json", "--as-of", "2026-11-20T15:00:00Z", "--format", "csv");
        assertThat(array.out()).isEqualTo(ndjson.out());
        assertThat(ndjson.out().split("\r\n")[0]).isEqualTo("standard,pass,fail,pending,not_applicable,rate");
        Run text = run("samples/interactions.ndjson", "--as-of", "2026-11-20T15:00:00Z", "--group-by", "team");
        assertThat(text.out()).contains("414 records judged at 2026-11-20T15:00:00Z", "TOTAL", "Failures:", "digital");
    }

    @Test
    void rejected_records_are_listed_and_the_exit_status_says_so(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("records.ndjson");
        Files.writeString(file, "{\"id\": \"x\", \"channel\": \"FAX\"}\n");
        Run run = run(file.toString(), "--as-of", "2026-11-20T15:00:00Z");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Rejected records:", "/channel unknown value 'FAX'");
    }

    @Test
    void an_unreadable_ndjson_line_rejects_only_its_record_as_the_service_would(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("records.ndjson");
        Files.writeString(file, "{\"id\": \"x\", \"channel\": \"FAX\"}\n{\"id\": \n");
        Run run = run(file.toString(), "--as-of", "2026-11-20T15:00:00Z");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("#1 x", "#2 (no id)", "line 2 is not valid JSON");
    }

    @Test
    void unreadable_files_and_rules_exit_with_2(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "[{\"id\": ");
        assertThat(run(file.toString()).exit()).isEqualTo(2);
        assertThat(run("samples/interactions.ndjson", "--rules", dir.toString()).exit()).isEqualTo(2);
        assertThat(run("samples/interactions.ndjson", "--rules", dir.toString()).err()).contains("standards.csv");
    }
}
