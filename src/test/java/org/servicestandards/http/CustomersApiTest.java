package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;

/** The customer register keeps every tier a customer held, from the register and from records. */
class CustomersApiTest {

    private static Response put(HttpClient client, String path, String body) {
        return client.request(path, r -> r.put(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    private static String tiers(JsonNode customer) {
        StringBuilder text = new StringBuilder();
        customer.get("tiers").forEach(t -> text.append(t.get("tier").asText()).append(" since ").append(t.get("since").asText())
                .append(" (").append(t.get("source").asText()).append("); "));
        return text.toString();
    }

    @Test
    void the_register_keeps_the_tiers_a_customer_held_over_time(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                Response created = put(client, "/api/v1/customers/cust-9",
                        "{\"tier\": \"VIP\", \"since\": \"2026-11-10T00:00:00Z\", \"name\": \"Northwind\", \"accountManager\": \"agent-a\"}");
                assertThat(created.code()).isEqualTo(200);
                assertThat(json(created).get("accountManager").asText()).isEqualTo("agent-a");
                put(client, "/api/v1/customers/cust-9", "{\"tier\": \"STRATEGIC\", \"since\": \"2026-11-18T00:00:00Z\"}");
                // The same tier again changes nothing.
                put(client, "/api/v1/customers/cust-9", "{\"tier\": \"STRATEGIC\", \"since\": \"2026-11-19T00:00:00Z\"}");
                JsonNode customer = json(client.get("/api/v1/customers/cust-9"));
                assertThat(tiers(customer)).isEqualTo(
                        "VIP since 2026-11-10T00:00:00Z (register); STRATEGIC since 2026-11-18T00:00:00Z (register); ");
                assertThat(customer.get("name").asText()).isEqualTo("Northwind");
                assertThat(client.get("/api/v1/customers/nobody").code()).isEqualTo(404);
            });
        }
    }

    @Test
    void records_register_their_customers_and_move_the_tier_forward_only(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                ObjectNode record = (ObjectNode) Json.mapper().readTree(TestApp.fixture("r3-vip-chat-no-farewell.json"));
                assertThat(postJson(client, "/api/v1/interactions", record.toString()).code()).isEqualTo(201);

                ObjectNode later = record.deepCopy().put("id", "web-2002").put("openedAt", "2026-11-19T10:00:00Z")
                        .put("firstResponseAt", "2026-11-19T10:01:00Z").put("closedAt", "2026-11-19T10:30:00Z");
                ((ObjectNode) later.get("customer")).put("tier", "STANDARD");
                postJson(client, "/api/v1/interactions", later.toString());

                ObjectNode older = record.deepCopy().put("id", "web-1999").put("openedAt", "2026-11-12T10:00:00Z")
                        .put("firstResponseAt", "2026-11-12T10:01:00Z").put("closedAt", "2026-11-12T10:30:00Z");
                ((ObjectNode) older.get("customer")).put("tier", "STRATEGIC");
                postJson(client, "/api/v1/interactions", older.toString());

                JsonNode customer = json(client.get("/api/v1/customers/cust-3"));
                assertThat(tiers(customer)).isEqualTo(
                        "VIP since 2026-11-17T07:00:00Z (record); STANDARD since 2026-11-19T10:00:00Z (record); ");
                assertThat(customer.get("name").asText()).isEqualTo("Anna Petrova");
            });
        }
    }

    @Test
    void a_bad_update_is_refused_naming_each_field(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                Response bad = put(client, "/api/v1/customers/cust-9", "{\"tier\": \"GOLD\", \"since\": \"yesterday\", \"level\": 3}");
                assertThat(bad.code()).isEqualTo(400);
                assertThat(json(bad).get("errors")).extracting(e -> e.get("pointer").asText())
                        .containsExactlyInAnyOrder("/tier", "/since", "/level");
                assertThat(put(client, "/api/v1/customers/cust-9", "{}").code()).isEqualTo(400);
                assertThat(put(client, "/api/v1/customers/cust-9", "not json").code()).isEqualTo(400);
                assertThat(client.get("/api/v1/customers/cust-9").code()).isEqualTo(404);
            });
        }
    }
}
