package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.RulesApiTest.post;
import static org.servicestandards.http.RulesApiTest.zipOf;
import static org.servicestandards.testing.RecordBuilder.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;
import org.servicestandards.json.Json;
import org.servicestandards.testing.ShippedRulesCopy;

/** An impact preview over HTTP: what a candidate would do to stored records, as a job, stored nowhere but in its result. */
class ImpactApiTest {

    private static final String PERIOD = "?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

    /** 30 standard-tier calls: every third answered after 210 s (over the 3-minute target), the rest after 100 s; two teams. */
    private static String calls() throws Exception {
        List<String> lines = new ArrayList<>();
        Instant start = Instant.parse("2026-11-16T10:00:00Z");
        for (int n = 0; n < 30; n++) {
            Instant opened = start.plusSeconds(600L * n);
            lines.add(Json.mapper().writeValueAsString(record().id(String.format("call-%02d", n)).customer("c-" + n)
                    .team(n % 2 == 0 ? "team-a" : "team-b").openedAt(opened.toString())
                    .firstResponseAt(opened.plusSeconds(n % 3 == 0 ? 210 : 100).toString()).build()));
        }
        return String.join("\n", lines);
    }

    /** The shipped rules with the standard phone target at four minutes instead of three. */
    private static byte[] lenient(Path candidate) throws Exception {
        ShippedRulesCopy.into(candidate);
        Path table = candidate.resolve("tables/first-response-targets.csv");
        Files.writeString(table, Files.readString(table).replace("\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT3M\"",
                "\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT4M\""));
        return zipOf(candidate, "rules/");
    }

    private static JsonNode row(JsonNode preview, String standard, String team) {
        for (JsonNode row : preview.get("rows")) {
            if (row.get("standard").asText().equals(standard) && (team == null || row.get("group").get("team").asText().equals(team))) {
                return row;
            }
        }
        throw new AssertionError("no row for " + standard + " " + team + " in " + preview);
    }

    @Test
    void a_candidate_is_judged_over_the_stored_records_of_a_period_and_nothing_is_stored(@TempDir Path data, @TempDir Path candidate)
            throws Exception {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                assertThat(InteractionsApiTest.post(client, "/api/v1/interactions", calls(), "application/x-ndjson").code()).isEqualTo(200);
                String compliance = client.get("/api/v1/reports/compliance" + PERIOD + "&groupBy=standard").body().string();

                Response accepted = post(client, "/api/v1/rules/impact" + PERIOD + "&groupBy=team", lenient(candidate), "application/zip");
                assertThat(accepted.code()).as(accepted.body().string()).isEqualTo(202);
                JsonNode job = TestApp.finished(client, accepted);
                assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
                assertThat(job.get("kind").asText()).isEqualTo("impact");
                assertThat(job.get("done").asInt()).isEqualTo(30);
                assertThat(job.get("total").asInt()).isEqualTo(30);

                JsonNode preview = json(client.get("/api/v1/rules/impact/" + job.get("id").asText()));
                String serving = json(client.get("/api/v1/rules")).get("version").asText();
                assertThat(preview.get("serving").asText()).isEqualTo(serving);
                assertThat(preview.get("ruleset").asText()).isNotEqualTo(serving).startsWith("sha256:");
                assertThat(preview.get("records").asInt()).isEqualTo(30);
                assertThat(preview.get("flipped").asInt()).isEqualTo(10);
                // Calls 0, 3, …, 27: five of team a (0, 6, 12, 18, 24), five of team b.
                for (String team : List.of("team-a", "team-b")) {
                    JsonNode row = row(preview, "first-response", team);
                    assertThat(row.get("before").get("pass").asInt()).isEqualTo(10);
                    assertThat(row.get("before").get("fail").asInt()).isEqualTo(5);
                    assertThat(row.get("after").get("pass").asInt()).isEqualTo(15);
                    assertThat(row.get("after").get("fail").asInt()).isZero();
                    assertThat(row.get("before").get("rate").asDouble()).isEqualTo(0.6667);
                    assertThat(row.get("after").get("rate").asDouble()).isEqualTo(1.0);
                    assertThat(row.get("flips").get("FAIL->PASS").asInt()).isEqualTo(5);
                }
                assertThat(row(preview, "courtesy", "team-a").get("flips").size()).isZero();
                JsonNode flip = preview.get("flips").get(0);
                assertThat(flip.get("interactionId").asText()).isEqualTo("call-00");
                assertThat(flip.get("from").asText()).isEqualTo("FAIL");
                assertThat(flip.get("to").asText()).isEqualTo("PASS");
                assertThat(flip.get("before").get("findings").get(0).get("target").asText()).isEqualTo("PT3M");
                assertThat(preview.get("flipsTruncated").asBoolean()).isFalse();

                // Nothing was stored: one verdict a record, the same report.
                assertThat(json(client.get("/api/v1/interactions/call-00")).get("revisions").get(0).get("verdicts").size()).isEqualTo(1);
                assertThat(client.get("/api/v1/reports/compliance" + PERIOD + "&groupBy=standard").body().string()).isEqualTo(compliance);

                Response csv = client.get("/api/v1/rules/impact/" + job.get("id").asText() + "?format=csv");
                assertThat(csv.headers().get("Content-Type").get(0)).startsWith("text/csv");
                String text = csv.body().string();
                assertThat(text).startsWith("team,standard,before_pass,before_fail,");
                assertThat(text).contains("team-a,first-response,10,5,0,0,0,0.6667,15,0,0,0,0,1.0000,5,0,5,\"FAIL->PASS 5\"");
            });
        }
    }

    @Test
    void the_history_standards_of_the_same_customers_are_previewed_too(@TempDir Path data, @TempDir Path candidate) throws Exception {
        // A complaint solved on 5 November at noon and followed up on the 11th at 10:00: within 7 days, not within 5.
        String records = String.join("\n",
                Json.mapper().writeValueAsString(record().id("cmp-1").customer("c-h").team("team-a")
                        .type(org.servicestandards.interaction.InteractionType.COMPLAINT).openedAt("2026-11-02T09:00:00Z")
                        .firstResponseAt("2026-11-02T09:01:00Z").complaint("owner-1", "2026-11-05T12:00:00Z").build()),
                Json.mapper().writeValueAsString(record().id("fu-1").customer("c-h").team("team-a").outbound()
                        .type(org.servicestandards.interaction.InteractionType.FOLLOW_UP).relatesTo("cmp-1")
                        .openedAt("2026-11-11T10:00:00Z").build()));
        ShippedRulesCopy.into(candidate);
        Path periods = candidate.resolve("tables/history-periods.csv");
        Files.writeString(periods, Files.readString(periods).replace("\"complaint-follow-up\",\"ALL\",\"P7D\"",
                "\"complaint-follow-up\",\"ALL\",\"P5D\""));
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                assertThat(InteractionsApiTest.post(client, "/api/v1/interactions", records, "application/x-ndjson").code()).isEqualTo(200);

                Response accepted = post(client, "/api/v1/rules/impact" + PERIOD, zipOf(candidate, "rules/"), "application/zip");
                assertThat(accepted.code()).as(accepted.body().string()).isEqualTo(202);
                JsonNode job = TestApp.finished(client, accepted);
                assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");

                JsonNode preview = json(client.get("/api/v1/rules/impact/" + job.get("id").asText()));
                assertThat(preview.get("customers").asInt()).isEqualTo(1);
                assertThat(preview.get("customersUnjudged").asInt()).isZero();
                JsonNode row = row(preview, "complaint-follow-up", null);
                assertThat(row.get("before").get("pass").asInt()).isEqualTo(1);
                assertThat(row.get("after").get("fail").asInt()).isEqualTo(1);
                assertThat(row.get("flips").get("PASS->FAIL").asInt()).isEqualTo(1);
                JsonNode flip = preview.get("historyFlips").get(0);
                assertThat(flip.get("customer").asText()).isEqualTo("c-h");
                assertThat(flip.get("subjectKind").asText()).isEqualTo("interaction");
                assertThat(flip.get("subjectId").asText()).isEqualTo("cmp-1");
                assertThat(flip.get("before")).isEmpty();
                assertThat(flip.get("after").get(0).get("target").asText()).isEqualTo("P5D");
                assertThat(preview.get("flipped").asInt()).isEqualTo(1);
            });
        }
    }

    @Test
    void a_version_that_served_is_previewed_by_name_and_a_broken_candidate_is_refused_as_validate_refuses_it(@TempDir Path data,
            @TempDir Path candidate) throws Exception {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                assertThat(InteractionsApiTest.post(client, "/api/v1/interactions", calls(), "application/x-ndjson").code()).isEqualTo(200);
                String serving = json(client.get("/api/v1/rules")).get("version").asText();
                String byName = "{\"version\": \"" + serving + "\"}";
                JsonNode job = TestApp.finished(client, post(client, "/api/v1/rules/impact" + PERIOD,
                        byName.getBytes(StandardCharsets.UTF_8), "application/json"));
                JsonNode preview = json(client.get("/api/v1/rules/impact/" + job.get("id").asText()));
                assertThat(preview.get("ruleset").asText()).isEqualTo(serving);
                assertThat(preview.get("records").asInt()).isEqualTo(30);
                assertThat(preview.get("flipped").asInt()).as("the serving rules judge as they did").isZero();
                assertThat(row(preview, "first-response", null).get("before").get("fail").asInt()).isEqualTo(10);

                ShippedRulesCopy.into(candidate);
                Path drl = candidate.resolve("standards/first-response.drl");
                Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then nothing( end\n");
                Response refused = post(client, "/api/v1/rules/impact" + PERIOD, zipOf(candidate, "rules/"), "application/zip");
                assertThat(refused.code()).isEqualTo(422);
                assertThat(json(refused).get("problems").get(0).asText()).contains("standards/first-response.drl:");

                assertThat(post(client, "/api/v1/rules/impact" + PERIOD + "&groupBy=week", byName.getBytes(StandardCharsets.UTF_8),
                        "application/json").body().string()).contains("groupBy");
                assertThat(post(client, "/api/v1/rules/impact" + PERIOD, "{\"version\": \"sha256:nope\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json").code()).isEqualTo(404);
                assertThat(json(client.get("/api/v1/jobs")).get("items").size()).as("refused previews start no job").isEqualTo(1);
            });
        }
    }

    @Test
    void a_preview_is_an_officers_and_its_result_their_own(@TempDir Path data) throws Exception {
        try (TestApp app = new TestApp(data)) {
            String officer = app.key(Role.OFFICER);
            String other = app.key(Role.OFFICER);
            String auditor = app.key(Role.AUDITOR);
            JavalinTest.test(app.app, (server, client) -> {
                String serving = json(AccessApiTest.call(client, "GET", "/api/v1/rules", officer)).get("version").asText();
                byte[] byName = ("{\"version\": \"" + serving + "\"}").getBytes(StandardCharsets.UTF_8);
                Response asAuditor = client.request("/api/v1/rules/impact" + PERIOD, r -> r.post(
                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(byName)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + auditor));
                assertThat(asAuditor.code()).isEqualTo(403);
                Response accepted = client.request("/api/v1/rules/impact" + PERIOD, r -> r.post(
                        java.net.http.HttpRequest.BodyPublishers.ofByteArray(byName)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + officer));
                JsonNode job = TestApp.finished(client, accepted, officer);
                String path = "/api/v1/rules/impact/" + job.get("id").asText();
                assertThat(AccessApiTest.call(client, "GET", path, officer).code()).isEqualTo(200);
                assertThat(AccessApiTest.call(client, "GET", path, other).code()).isEqualTo(404);
            });
        }
    }
}
