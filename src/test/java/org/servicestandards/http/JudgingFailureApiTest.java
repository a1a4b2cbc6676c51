package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;
import org.servicestandards.testing.ShippedRulesCopy;

/** A rule that throws on some record rejects that record alone, with a 4xx naming the rule; never a 5xx. */
class JudgingFailureApiTest {

    private static final String THROWING_RULE = """
            package standards;

            import org.servicestandards.interaction.*;

            rule "complaint-owner trips over poisoned records"
            when
                $i : Interaction( attribute("poison") != null )
            then
                Integer.parseInt("cannot judge " + $i.id());
            end
            """;

    @Test
    void a_record_the_rules_cannot_judge_is_rejected_alone_and_not_stored(@TempDir Path data, @TempDir Path rules) throws Exception {
        ShippedRulesCopy.into(rules);
        Files.writeString(rules.resolve("standards/throwing.drl"), THROWING_RULE);
        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                ObjectNode poisoned = (ObjectNode) Json.mapper().readTree(TestApp.fixture("r2-phone-answered-late.json"));
                poisoned.putObject("attributes").put("poison", true);
                String batch = "[" + TestApp.fixture("r1-phone-answered-in-time.json") + "," + poisoned + ","
                        + TestApp.fixture("r5-outbound-sale.json") + "]";

                var response = postJson(client, "/api/v1/interactions", batch);
                assertThat(response.code()).isEqualTo(200);
                JsonNode results = json(response).get("results");
                assertThat(results).extracting(r -> r.get("status").asText()).containsExactly("CREATED", "REJECTED", "CREATED");
                assertThat(results.get(1).get("errors").get(0).get("reason").asText())
                        .contains("complaint-owner trips over poisoned records", "cannot judge cc-1002");
                assertThat(client.get("/api/v1/interactions/cc-1002").code()).isEqualTo(404);
                assertThat(client.get("/api/v1/interactions/crm-4001").code()).isEqualTo(200);

                assertThat(postJson(client, "/api/v1/interactions", poisoned.toString()).code()).isEqualTo(400);
                assertThat(postJson(client, "/api/v1/check", poisoned.toString()).code()).isEqualTo(400);
                assertThat(postJson(client, "/api/v1/check", "[" + poisoned + "]").code()).isEqualTo(200);
            });
        }
    }
}
