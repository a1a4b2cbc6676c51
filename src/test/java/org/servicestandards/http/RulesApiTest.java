package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;

class RulesApiTest {

    @Test
    void a_rule_set_that_does_not_compile_is_refused_and_the_last_good_one_keeps_serving(@TempDir Path data, @TempDir Path rules)
            throws Exception {
        ShippedRulesCopy.into(rules);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, (server, client) -> {
                String good = json(client.get("/api/v1/rules")).get("version").asText();
                Path drl = rules.resolve("standards/complaint-owner.drl");
                String text = Files.readString(drl);
                Files.writeString(drl, text.replace("then", "then oops("));

                var refused = client.post("/api/v1/rules/reload");
                assertThat(refused.code()).isEqualTo(422);
                JsonNode body = json(refused);
                assertThat(body.get("ok").asBoolean()).isFalse();
                assertThat(body.get("trigger").asText()).isEqualTo("REQUEST");
                assertThat(body.get("serving").asText()).isEqualTo(good);
                assertThat(body.get("problems").get(0).asText()).startsWith("standards/complaint-owner.drl:");
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

    @Test
    void the_rules_endpoint_says_what_triggered_each_load_and_counts_loads_accepted_and_refused(@TempDir Path data,
                                                                                             @TempDir Path rules) throws Exception {
        ShippedRulesCopy.into(rules);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, (server, client) -> {
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
}
