package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.servicestandards.app.StoreConfig;
import org.servicestandards.json.Json;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.testing.WebhookTargetCases;

/**
 * Webhooks are registered, listed, inspected and deleted over the API; the secret goes in and
 * never comes out; a URL pointing anywhere but a public address, or one the operator allows, is
 * refused.
 */
class WebhooksApiTest {

    private static final String SECRET = "0123456789abcdef-the-secret";

    @TempDir
    Path data;
    private StoreConfig store;
    private final List<TestApp> opened = new ArrayList<>();
    private Javalin app;
    private io.javalin.testtools.TestConfig officer;

    @BeforeEach
    void open() {
        store = TestDatabases.config(data);
        app = app(List.of());
    }

    /** The API on the test's store, webhooks allowed to public addresses and to {@code allowed}. */
    private Javalin app(List<String> allowed) {
        TestApp opening = new TestApp(TestApp.config(data, HttpSettings.defaults(), Path.of("rules"), allowed).withStore(store));
        opened.add(opening);
        officer = TestApp.as(opening.key(org.servicestandards.access.Role.OFFICER));
        return opening.app;
    }

    @AfterEach
    void close() {
        opened.forEach(TestApp::close);
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> pointers = new ArrayList<>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        return pointers;
    }

    @Test
    void a_webhook_is_registered_with_201_and_its_location_and_read_back_without_its_secret() {
        JavalinTest.test(app, officer, (server, client) -> {
            Response created = postJson(client, "/api/v1/webhooks", "{\"url\": \"https://hooks.example.com/standards\","
                    + " \"secret\": \"" + SECRET + "\", \"standards\": [\"first-response\", \"courtesy\"],"
                    + " \"severities\": [\"CRITICAL\", \"MAJOR\"], \"events\": [\"failed\"], \"warnBefore\": \"PT30M\"}");
            assertThat(created.code()).isEqualTo(201);
            String text = created.body().string();
            assertThat(text).doesNotContain(SECRET).doesNotContain("secret");
            JsonNode webhook = Json.mapper().readTree(text);
            String id = webhook.get("id").asText();
            assertThat(created.headers().get("Location")).containsExactly("/api/v1/webhooks/" + id);
            assertThat(webhook.get("url").asText()).isEqualTo("https://hooks.example.com/standards");
            assertThat(webhook.get("standards")).hasSize(2);
            assertThat(webhook.get("events").toString()).isEqualTo("[\"failed\"]");
            assertThat(webhook.get("warnBefore").asText()).isEqualTo("PT30M");
            assertThat(webhook.get("active").asBoolean()).isTrue();

            Response defaults = postJson(client, "/api/v1/webhooks", "{\"url\": \"http://93.184.216.34:9000/hook\", \"secret\": \""
                    + SECRET + "\"}");
            assertThat(defaults.code()).isEqualTo(201);
            JsonNode second = json(defaults);
            assertThat(second.get("events").toString()).isEqualTo("[\"failed\",\"at-risk\"]");
            assertThat(second.get("warnBefore").asText()).isEqualTo("PT1H");
            assertThat(second.get("standards")).isEmpty();

            Response list = client.get("/api/v1/webhooks");
            String listed = list.body().string();
            assertThat(listed).doesNotContain(SECRET);
            assertThat(Json.mapper().readTree(listed).get("items")).hasSize(2);

            Response one = client.get("/api/v1/webhooks/" + id);
            assertThat(one.code()).isEqualTo(200);
            String shown = one.body().string();
            assertThat(shown).doesNotContain(SECRET);
            assertThat(Json.mapper().readTree(shown).get("deliveries")).isEmpty();
        });
    }

    @Test
    void a_bad_webhook_is_refused_naming_each_field_by_pointer() {
        JavalinTest.test(app, officer, (server, client) -> {
            Response refused = postJson(client, "/api/v1/webhooks", "{\"url\": \"ftp://example.com/x\", \"secret\": \"short\","
                    + " \"standards\": [\"first-response\", \"first-reponse\"], \"severities\": [\"HIGH\", 3],"
                    + " \"events\": [], \"warnBefore\": \"PT0S\", \"colour\": \"blue\"}");
            assertThat(refused.code()).isEqualTo(400);
            assertThat(refused.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
            JsonNode problem = json(refused);
            assertThat(problem.get("type").asText()).isEqualTo("urn:service-standards:problem:invalid-webhook");
            assertThat(pointers(problem)).containsExactlyInAnyOrder("/colour", "/url", "/secret", "/standards/1",
                    "/severities/0", "/severities/1", "/events", "/warnBefore");
            assertThat(problem.toString()).contains("unknown value 'first-reponse'");

            JsonNode missing = json(postJson(client, "/api/v1/webhooks", "{}"));
            assertThat(pointers(missing)).containsExactly("/url", "/secret");
            assertThat(missing.get("errors").get(0).get("reason").asText()).isEqualTo("is required");

            JsonNode wrongTypes = json(postJson(client, "/api/v1/webhooks", "{\"url\": \"https://user:pw@example.com/\","
                    + " \"secret\": \"" + SECRET + "\", \"events\": \"failed\", \"warnBefore\": \"P400D\"}"));
            assertThat(pointers(wrongTypes)).containsExactly("/url", "/events", "/warnBefore");

            assertThat(postJson(client, "/api/v1/webhooks", "[1, 2]").code()).isEqualTo(400);
            assertThat(postJson(client, "/api/v1/webhooks", "{\"url\": ").code()).isEqualTo(400);
            assertThat(json(client.get("/api/v1/webhooks")).get("items")).isEmpty();
        });
    }

    /** One app for every case (building one per case compiles the rules each time). */
    @Test
    void a_webhook_to_any_internal_target_is_refused_naming_the_url_and_why() {
        JavalinTest.test(app, officer, (server, client) -> {
            SoftAssertions each = new SoftAssertions();
            for (Arguments target : WebhookTargetCases.refused().toList()) {
                String url = (String) target.get()[0];
                String why = (String) target.get()[1];
                Response refused = postJson(client, "/api/v1/webhooks", Json.mapper().writeValueAsString(
                        Map.of("url", url, "secret", SECRET)));
                each.assertThat(refused.code()).as(url).isEqualTo(400);
                each.assertThat(refused.headers().get("Content-Type").get(0)).as(url).startsWith("application/problem+json");
                JsonNode problem = json(refused);
                each.assertThat(pointers(problem)).as(url).containsExactly("/url");
                each.assertThat(problem.get("errors").get(0).get("reason").asText()).as(url).contains(why);
            }
            each.assertAll();
            assertThat(json(client.get("/api/v1/webhooks")).get("items")).isEmpty();
        });
    }

    @Test
    void an_internal_receiver_is_registered_when_the_operator_allows_it_and_no_other() {
        app = app(List.of("127.0.0.1/32"));
        JavalinTest.test(app, officer, (server, client) -> {
            assertThat(postJson(client, "/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:9000/hook\", \"secret\": \""
                    + SECRET + "\"}").code()).isEqualTo(201);
            JsonNode refused = json(postJson(client, "/api/v1/webhooks", "{\"url\": \"http://127.0.0.2:9000/hook\","
                    + " \"secret\": \"" + SECRET + "\"}"));
            assertThat(refused.get("errors").get(0).get("reason").asText())
                    .isEqualTo("must point to a public address, or to one the operator allows (serve --webhook-allow):"
                            + " 127.0.0.2 is a loopback address");
        });
    }

    @Test
    void a_deleted_webhook_is_no_longer_listed_but_can_still_be_inspected() {
        JavalinTest.test(app, officer, (server, client) -> {
            String id = json(postJson(client, "/api/v1/webhooks", "{\"url\": \"https://hooks.example.com/hook\", \"secret\": \""
                    + SECRET + "\"}")).get("id").asText();
            assertThat(client.delete("/api/v1/webhooks/" + id).code()).isEqualTo(204);
            assertThat(json(client.get("/api/v1/webhooks")).get("items")).isEmpty();
            assertThat(json(client.get("/api/v1/webhooks/" + id)).get("active").asBoolean()).isFalse();
            assertThat(client.delete("/api/v1/webhooks/nobody").code()).isEqualTo(404);
            assertThat(client.get("/api/v1/webhooks/nobody").code()).isEqualTo(404);
        });
    }
}
