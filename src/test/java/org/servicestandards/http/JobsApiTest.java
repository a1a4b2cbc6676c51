package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.post;
import static org.servicestandards.testing.RecordBuilder.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;
import org.servicestandards.json.Json;

/** Imports, re-evaluations and sweeps as jobs over HTTP: started, followed, cancelled, and whose they are. */
class JobsApiTest {

    /** {@code count} phone records, one an hour from 2026-11-01, answered after two minutes; line {@code bad} (1-based) is no record. */
    static String ndjson(String prefix, int count, int bad) throws Exception {
        List<String> lines = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T00:00:00Z");
        for (int n = 1; n <= count; n++) {
            if (n == bad) {
                lines.add("{\"id\": \"" + prefix + "-broken\", \"channel\": \"CARRIER_PIGEON\"}");
                continue;
            }
            Instant opened = start.plusSeconds(3600L * n);
            lines.add(Json.mapper().writeValueAsString(record().id(prefix + "-" + n).customer("c-" + (n % 50))
                    .openedAt(opened.toString()).firstResponseAt(opened.plusSeconds(120).toString()).build()));
            if (n % 300 == 0) {
                lines.add("   ");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** POST /api/v1/imports{@code query} with {@code key}. */
    static Response importing(io.javalin.testtools.HttpClient client, String query, String lines, String key) {
        return client.request("/api/v1/imports" + query, r -> r.post(java.net.http.HttpRequest.BodyPublishers.ofString(lines))
                .header("Content-Type", "application/x-ndjson").header("Authorization", "Bearer " + key));
    }

    @Test
    void an_import_stores_and_judges_every_record_of_its_file_and_says_what_it_refused(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            String ingest = app.key(Role.INGEST);
            String admin = app.adminKey;
            JavalinTest.test(app.app, (server, client) -> {
                Response accepted = importing(client, "?asOf=2026-11-20T15:00:00Z", ndjson("imp", 1200, 777), ingest);
                assertThat(accepted.code()).isEqualTo(202);
                JsonNode job = TestApp.finished(client, accepted, ingest);
                assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
                assertThat(job.get("kind").asText()).isEqualTo("import");
                assertThat(job.get("total").asInt()).isEqualTo(1200);
                assertThat(job.get("done").asInt()).isEqualTo(1200);
                assertThat(job.get("runs").asInt()).isEqualTo(1);
                assertThat(job.get("params").get("asOf").asText()).isEqualTo("2026-11-20T15:00:00Z");
                JsonNode result = job.get("result");
                assertThat(result.get("created").asInt()).isEqualTo(1199);
                assertThat(result.get("rejected").asInt()).isEqualTo(1);
                assertThat(result.get("refusals")).singleElement().satisfies(refusal -> {
                    assertThat(refusal.get("record").asInt()).isEqualTo(777);
                    assertThat(refusal.get("id").asText()).isEqualTo("imp-broken");
                    assertThat(refusal.get("errors").toString()).contains("/channel");
                });
                assertThat(job.get("startedBy").asText()).contains("test [INGEST]");
                assertThat(job.has("node")).as("an ended job runs nowhere").isFalse();

                // The same file again changes nothing.
                JsonNode again = TestApp.finished(client, importing(client, "?asOf=2026-11-20T15:00:00Z", ndjson("imp", 1200, 777), ingest),
                        ingest);
                assertThat(again.get("result").get("unchanged").asInt()).isEqualTo(1199);
                assertThat(again.get("result").has("created")).isFalse();

                JsonNode listed = json(AccessApiTest.call(client, "GET", "/api/v1/jobs", ingest));
                assertThat(listed.get("items")).extracting(j -> j.get("id").asText())
                        .containsExactlyInAnyOrder(again.get("id").asText(), job.get("id").asText());

                JsonNode stored = json(AccessApiTest.call(client, "GET", "/api/v1/interactions/imp-1200", admin));
                assertThat(stored.get("revisions")).hasSize(1);
                JsonNode report = json(AccessApiTest.call(client, "GET", "/api/v1/reports/compliance?from=2026-11-01T00:00:00Z"
                        + "&to=2026-12-31T00:00:00Z&groupBy=standard&standard=first-response", admin));
                JsonNode row = report.get("rows").get(0);
                assertThat(row.get("pass").asInt() + row.get("fail").asInt() + row.get("pending").asInt()
                        + row.get("notApplicable").asInt()).as("each record counted once").isEqualTo(1199);
                JsonNode log = json(AccessApiTest.call(client, "GET", "/api/v1/audit-log?action=import.start", admin));
                assertThat(log.get("items")).hasSize(2).allSatisfy(entry -> {
                    assertThat(entry.get("actor").asText()).contains("test [INGEST]");
                    assertThat(entry.get("detail").get("records").asInt()).isEqualTo(1200);
                });
            });
        }
    }

    @Test
    void a_job_is_its_starters_and_the_admins_and_a_cancelled_job_is_never_run(@TempDir Path data) {
        HttpSettings settings = HttpSettings.defaults();
        try (TestApp app = new TestApp(TestApp.config(data, settings, Path.of("rules"), List.of()), false)) {
            String ingest = app.key(Role.INGEST);
            String other = app.key(Role.INGEST, Role.AUDITOR);
            JavalinTest.test(app.app, (server, client) -> {
                Response accepted = importing(client, "", ndjson("wait", 10, 0), ingest);
                assertThat(accepted.code()).isEqualTo(202);
                JsonNode job = json(accepted);
                assertThat(job.get("state").asText()).isEqualTo("QUEUED");
                assertThat(accepted.headers().get("Location")).containsExactly("/api/v1/jobs/" + job.get("id").asText());
                String path = "/api/v1/jobs/" + job.get("id").asText();

                assertThat(AccessApiTest.call(client, "GET", path, other).code()).isEqualTo(404);
                assertThat(AccessApiTest.call(client, "DELETE", path, other).code()).isEqualTo(404);
                assertThat(AccessApiTest.call(client, "GET", path, app.adminKey).code()).isEqualTo(200);

                Response cancelled = AccessApiTest.call(client, "DELETE", path, ingest);
                assertThat(cancelled.code()).isEqualTo(200);
                JsonNode body = json(cancelled);
                assertThat(body.get("state").asText()).isEqualTo("CANCELLED");
                assertThat(body.get("cancelledBy").asText()).contains("test [INGEST]");
                Response twice = AccessApiTest.call(client, "DELETE", path, ingest);
                assertThat(twice.code()).isEqualTo(409);
                assertThat(json(twice).get("detail").asText()).contains("ended as CANCELLED");

                // A node that starts running jobs now finds nothing to do.
                app.application.runJobs();
                Thread.sleep(1500);
                assertThat(AccessApiTest.call(client, "GET", "/api/v1/interactions/wait-1", app.adminKey).code()).isEqualTo(404);
                JsonNode log = json(AccessApiTest.call(client, "GET", "/api/v1/audit-log?action=job.cancel", app.adminKey));
                assertThat(log.get("items")).singleElement().satisfies(entry -> assertThat(entry.get("actor").asText()).contains("INGEST"));
            });
        }
    }

    @Test
    void an_import_that_is_no_ndjson_or_too_long_a_line_is_refused_before_any_job_runs(@TempDir Path data) {
        try (TestApp app = new TestApp(data, new HttpSettings(1024, 10))) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                Response xml = post(client, "/api/v1/imports", "<records/>", "application/xml");
                assertThat(xml.code()).isEqualTo(415);
                Response longLine = post(client, "/api/v1/imports", "{}\n{\"id\": \"" + "x".repeat(2000) + "\"}\n", "application/x-ndjson");
                assertThat(longLine.code()).isEqualTo(413);
                assertThat(json(longLine).get("detail").asText()).contains("line 2").contains("1024 bytes");
                JsonNode jobs = json(client.get("/api/v1/jobs"));
                assertThat(jobs.get("items")).singleElement().satisfies(job -> {
                    assertThat(job.get("state").asText()).isEqualTo("FAILED");
                    assertThat(job.get("error").asText()).contains("line 2");
                    assertThat(job.get("done").asInt()).isZero();
                });
            });
        }
    }
}
