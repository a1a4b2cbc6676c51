package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.testing.ShippedRulesCopy;

/** Every rule set that served is kept; stored records can be judged again by any of them. */
class VersionsAndReplayApiTest {

    private static final String PERIOD = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

    private static List<Long> firstResponse(HttpClient client, String extra) throws Exception {
        JsonNode report = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard&standard=first-response" + extra));
        JsonNode row = report.get("rows").get(0);
        return List.of(row.get("pass").asLong(), row.get("fail").asLong(), row.get("pending").asLong(), row.get("notApplicable").asLong());
    }

    @Test
    void a_new_rule_set_judges_stored_records_again_and_reports_can_still_use_the_old_one(@TempDir Path data, @TempDir Path rules)
            throws Exception {
        ShippedRulesCopy.into(rules);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                StringBuilder batch = new StringBuilder("[");
                for (String name : List.of("r1-phone-answered-in-time.json", "r2-phone-answered-late.json",
                        "r3-vip-chat-no-farewell.json", "r4-email-complaint-ignored.json", "r5-outbound-sale.json")) {
                    batch.append(batch.length() > 1 ? "," : "").append(TestApp.fixture(name));
                }
                postJson(client, "/api/v1/interactions?asOf=2026-11-20T15:00:00Z", batch.append("]").toString());
                String first = json(client.get("/api/v1/rules")).get("version").asText();
                assertThat(firstResponse(client, "")).containsExactly(2L, 2L, 0L, 1L);

                // The officers allow standard-tier calls six minutes instead of three.
                Path table = rules.resolve("tables/first-response-targets.csv");
                Files.writeString(table, Files.readString(table).replace("\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT3M\"",
                        "\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT6M\""));
                assertThat(client.post("/api/v1/rules/reload").code()).isEqualTo(200);
                String second = json(client.get("/api/v1/rules")).get("version").asText();

                JsonNode versions = json(client.get("/api/v1/rules/versions"));
                assertThat(versions.get("versions")).extracting(v -> v.get("version").asText()).containsExactlyInAnyOrder(first, second);
                assertThat(versions.findValuesAsText("trigger")).contains("START", "REQUEST");

                JsonNode replay = TestApp.finished(client, client.post("/api/v1/reevaluate?" + PERIOD + "&asOf=2026-11-20T15:00:00Z"));
                assertThat(replay.get("state").asText()).isEqualTo("SUCCEEDED");
                assertThat(replay.get("done").asInt()).isEqualTo(5);
                assertThat(replay.get("total").asInt()).isEqualTo(5);
                assertThat(replay.get("result").get("records").asInt()).isEqualTo(5);
                assertThat(replay.get("result").get("ruleset").asText()).isEqualTo(second);
                // cc-1002 (answered in five minutes) passes now; under the first rule set it still fails.
                assertThat(firstResponse(client, "")).containsExactly(3L, 1L, 0L, 1L);
                assertThat(firstResponse(client, "&ruleset=" + first)).containsExactly(2L, 2L, 0L, 1L);
                assertThat(firstResponse(client, "&ruleset=" + second)).containsExactly(3L, 1L, 0L, 1L);

                JsonNode record = json(client.get("/api/v1/interactions/cc-1002"));
                assertThat(record.get("revisions").get(0).get("verdicts")).extracting(v -> v.get("ruleset").asText())
                        .containsExactly(first, second);

                // Judged again by the first rule set, from its archived files.
                JsonNode back = TestApp.finished(client, client.post("/api/v1/reevaluate?" + PERIOD + "&asOf=2026-11-20T15:00:00Z&ruleset=" + first));
                assertThat(back.get("result").get("ruleset").asText()).isEqualTo(first);
                assertThat(firstResponse(client, "")).containsExactly(2L, 2L, 0L, 1L);
                assertThat(client.post("/api/v1/reevaluate?" + PERIOD + "&ruleset=sha256:unknown").code()).isEqualTo(404);
            });
        }
    }

    @Test
    void the_rule_behind_a_finding_can_be_read_as_it_was_in_its_version(@TempDir Path data) throws Exception {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                JsonNode verdict = json(postJson(client, "/api/v1/interactions", TestApp.fixture("r2-phone-answered-late.json")));
                String version = verdict.get("ruleset").asText();
                String rule = verdict.get("outcomes").get(0).get("findings").get(0).get("rule").asText();
                JsonNode text = json(client.get("/api/v1/rules/versions/" + version + "/rule?name="
                        + URLEncoder.encode(rule, StandardCharsets.UTF_8)));
                assertThat(text.get("file").asText()).isEqualTo("standards/first-response.drl");
                assertThat(text.get("text").asText()).startsWith("rule \"" + rule + "\"").endsWith("end");
                assertThat(text.get("line").asInt()).isPositive();

                JsonNode row = json(client.get("/api/v1/rules/versions/" + version + "/rule?name="
                        + URLEncoder.encode("first-response targets_19", StandardCharsets.UTF_8)));
                assertThat(row.get("file").asText()).isEqualTo("tables/first-response-targets.csv");
                assertThat(row.get("line").asInt()).isEqualTo(19);
                assertThat(row.get("text").asText()).contains("Tier.STANDARD", "Channel.PHONE", "\"PT3M\"");

                JsonNode files = json(client.get("/api/v1/rules/versions/" + version));
                assertThat(files.get("files").get("standards.csv").get("content").asText()).startsWith("id,scope,severity");
                assertThat(client.get("/api/v1/rules/versions/sha256:nothing").code()).isEqualTo(404);
                assertThat(client.get("/api/v1/rules/versions/" + version + "/rule?name=no+such+rule").code()).isEqualTo(404);
            });
        }
    }
}
