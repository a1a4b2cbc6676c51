package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;

class RulesApiTest {

    @Test
    void a_rule_set_that_does_not_compile_is_refused_and_the_last_good_one_keeps_serving(@TempDir Path data, @TempDir Path rules)
            throws Exception {
        ShippedRulesCopy.into(rules);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                String good = json(client.get("/api/v1/rules")).get("version").asText();
                Path drl = rules.resolve("standards/complaint-owner.dslr");
                String text = Files.readString(drl);
                Files.writeString(drl, text.replace("then", "then oops("));

                var refused = client.post("/api/v1/rules/reload");
                assertThat(refused.code()).isEqualTo(422);
                JsonNode body = json(refused);
                assertThat(body.get("ok").asBoolean()).isFalse();
                assertThat(body.get("trigger").asText()).isEqualTo("REQUEST");
                assertThat(body.get("serving").asText()).isEqualTo(good);
                assertThat(body.get("problems").get(0).asText()).startsWith("standards/complaint-owner.dslr:");
                JsonNode shown = json(client.get("/api/v1/rules"));
                assertThat(shown.get("version").asText()).isEqualTo(good);
                assertThat(shown.get("lastReload").get("ok").asBoolean()).isFalse();
                // Records are still judged, by the last good rule set.
                JsonNode verdict = json(postJson(client, "/api/v1/check", TestApp.fixture("r4-email-complaint-ignored.json")));
                assertThat(verdict.get("ruleset").asText()).isEqualTo(good);

                Files.writeString(drl, text.replace("names no owner (complaint.ownerId", "has no owner (complaint.ownerId"));
                var accepted = client.post("/api/v1/rules/reload");
                assertThat(accepted.code()).isEqualTo(200);
                String changed = json(accepted).get("version").asText();
                assertThat(changed).isNotEqualTo(good);
                JsonNode rejudged = json(postJson(client, "/api/v1/check", TestApp.fixture("r4-email-complaint-ignored.json")));
                assertThat(rejudged.get("ruleset").asText()).isEqualTo(changed);
                assertThat(rejudged.get("outcomes").get(1).get("findings").get(0).get("message").asText()).startsWith("the complaint has no owner");
            });
        }
    }

    static byte[] zipOf(Path directory, String top) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(top + directory.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Response post(HttpClient client, String path, byte[] body, String type) {
        return client.request(path, r -> r.post(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", type));
    }

    @Test
    void a_candidate_rule_set_is_validated_with_its_example_cases_and_never_loaded(@TempDir Path data, @TempDir Path candidate)
            throws Exception {
        ShippedRulesCopy.into(candidate);
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                String serving = json(client.get("/api/v1/rules")).get("version").asText();
                Path table = candidate.resolve("tables/first-response-targets.csv");
                Files.writeString(table, Files.readString(table).replace("\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT3M\"",
                        "\"STANDARD\",\"PHONE\",\"ELAPSED\",\"no\",\"PT4M\""));
                Response good = post(client, "/api/v1/rules/validate", zipOf(candidate, "rules/"), "application/zip");
                assertThat(good.code()).isEqualTo(200);
                JsonNode result = json(good);
                assertThat(result.get("ok").asBoolean()).isTrue();
                assertThat(result.get("version").asText()).isNotEqualTo(serving);
                assertThat(result.get("examples").get("cases").asInt()).isEqualTo(13);

                // Tighten the VIP phone target below what the officers' own example expects.
                Files.writeString(table, Files.readString(table).replace("\"VIP\",\"PHONE\",\"ELAPSED\",\"no\",\"PT1M\"",
                        "\"VIP\",\"PHONE\",\"ELAPSED\",\"no\",\"PT30S\""));
                Response bad = post(client, "/api/v1/rules/validate", zipOf(candidate, ""), "application/zip");
                assertThat(bad.code()).isEqualTo(422);
                assertThat(json(bad).get("problems").get(0).asText())
                        .startsWith("examples/first-response.yaml:17: record fr-vip-call-answered-in-a-minute, first-response: expected PASS, got FAIL");
                assertThat(json(client.get("/api/v1/rules")).get("version").asText()).isEqualTo(serving);
            });
        }
    }

    @Test
    void candidate_files_can_be_sent_as_json_and_bad_archives_are_refused_clearly(@TempDir Path data) throws Exception {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                ObjectNode body = Json.mapper().createObjectNode();
                ObjectNode files = body.putObject("files");
                files.put("standards.csv", Files.readString(Path.of("rules/standards.csv")));
                files.put("standards/broken.drl", "package standards;\nrule \"half a rule\" when then");
                Response broken = post(client, "/api/v1/rules/validate", body.toString().getBytes(StandardCharsets.UTF_8), "application/json");
                assertThat(broken.code()).isEqualTo(422);
                assertThat(json(broken).get("problems").get(0).asText()).startsWith("standards/broken.drl:");

                ByteArrayOutputStream traversal = new ByteArrayOutputStream();
                try (ZipOutputStream zip = new ZipOutputStream(traversal)) {
                    zip.putNextEntry(new ZipEntry("../../etc/standards.csv"));
                    zip.write("x".getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                assertThat(post(client, "/api/v1/rules/validate", traversal.toByteArray(), "application/zip").code()).isEqualTo(400);
                assertThat(post(client, "/api/v1/rules/validate", "not a zip".getBytes(StandardCharsets.UTF_8), "application/zip").code())
                        .isEqualTo(400);
                assertThat(post(client, "/api/v1/rules/validate", "x".getBytes(StandardCharsets.UTF_8), "text/plain").code()).isEqualTo(415);
            });
        }
    }

    @Test
    void the_rules_endpoint_says_what_triggered_each_load_and_counts_loads_accepted_and_refused(@TempDir Path data,
                                                                                             @TempDir Path rules) throws Exception {
        ShippedRulesCopy.into(rules);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                JsonNode started = json(client.get("/api/v1/rules"));
                assertThat(started.get("lastReload").get("trigger").asText()).isEqualTo("START");
                assertThat(started.get("reloads").get("ok").asLong()).isEqualTo(1);
                assertThat(started.get("reloads").get("refused").asLong()).isZero();

                RuleEdits.breakComplaintOwnerRules(rules);
                assertThat(client.post("/api/v1/rules/reload").code()).isEqualTo(422);
                RuleEdits.repairComplaintOwnerRules(rules);
                assertThat(client.post("/api/v1/rules/reload").code()).isEqualTo(200);

                JsonNode shown = json(client.get("/api/v1/rules"));
                assertThat(shown.get("lastReload").get("trigger").asText()).isEqualTo("REQUEST");
                assertThat(shown.get("reloads").get("ok").asLong()).isEqualTo(2);
                assertThat(shown.get("reloads").get("refused").asLong()).isEqualTo(1);
                JsonNode byTrigger = shown.get("reloads").get("byTrigger");
                assertThat(byTrigger.get("START").get("ok").asLong()).isEqualTo(1);
                assertThat(byTrigger.get("REQUEST").get("ok").asLong()).isEqualTo(1);
                assertThat(byTrigger.get("REQUEST").get("refused").asLong()).isEqualTo(1);
                assertThat(byTrigger.get("WATCH").get("ok").asLong()).isZero();
            });
        }
    }

    @Test
    void refused_loads_show_as_a_prometheus_metric(@TempDir Path data, @TempDir Path rules) throws Exception {
        ShippedRulesCopy.into(rules);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                RuleEdits.breakComplaintOwnerRules(rules);
                assertThat(client.post("/api/v1/rules/reload").code()).isEqualTo(422);
                String metrics = client.get("/metrics").body().string();
                assertThat(metrics).contains("standards_rule_loads_total{result=\"refused\",trigger=\"request\"} 1.0",
                        "standards_rule_loads_total{result=\"accepted\",trigger=\"start\"} 1.0",
                        "standards_rule_set_last_load_ok 0.0",
                        "standards_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/rules/reload\",status=\"422\"} 1");
            });
        }
    }
}
