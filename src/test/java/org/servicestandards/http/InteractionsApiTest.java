package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;

class InteractionsApiTest {

    @TempDir
    Path data;
    TestApp app;

    @BeforeEach
    void start() {
        app = new TestApp(data);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    static Response postJson(HttpClient client, String path, String body) {
        return post(client, path, body, "application/json");
    }

    /** Posts a raw body with exactly the given content type. */
    static Response post(HttpClient client, String path, String body, String contentType) {
        return client.request(path, r -> r.post(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType));
    }

    static JsonNode json(Response response) throws Exception {
        return Json.mapper().readTree(response.body().string());
    }

    @Test
    void a_new_record_is_stored_judged_by_every_standard_and_answered_with_201() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            Response response = postJson(client, "/api/v1/interactions?asOf=2026-11-20T15:00:00Z", TestApp.fixture("r2-phone-answered-late.json"));
            assertThat(response.code()).isEqualTo(201);
            assertThat(response.headers().get("Location")).containsExactly("/api/v1/interactions/cc-1002");
            JsonNode verdict = json(response);
            assertThat(verdict.get("interactionId").asText()).isEqualTo("cc-1002");
            assertThat(verdict.get("revision").asInt()).isEqualTo(1);
            assertThat(verdict.get("ruleset").asText()).startsWith("sha256:");
            assertThat(verdict.get("outcomes")).extracting(o -> o.get("standard").asText()).containsExactly(
                    "first-response", "complaint-owner", "complaint-resolution", "update-frequency", "promise-kept", "courtesy");
            JsonNode firstResponse = verdict.get("outcomes").get(0);
            assertThat(firstResponse.get("outcome").asText()).isEqualTo("FAIL");
            assertThat(firstResponse.get("severity").asText()).isEqualTo("MAJOR");
            assertThat(firstResponse.get("findings").get(0).get("measured").asText()).isEqualTo("PT5M");
            assertThat(firstResponse.get("findings").get(0).get("target").asText()).isEqualTo("PT3M");
            assertThat(verdict.get("outcomes").get(1).get("outcome").asText()).isEqualTo("NOT_APPLICABLE");
        });
    }

    @Test
    void posting_the_same_content_again_changes_nothing_and_returns_the_stored_verdict() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            String record = TestApp.fixture("r1-phone-answered-in-time.json");
            JsonNode first = json(postJson(client, "/api/v1/interactions?asOf=2026-11-20T15:00:00Z", record));
            // Same content, other layout and a later asOf: still the stored verdict.
            ObjectNode reordered = (ObjectNode) Json.mapper().readTree(record);
            String again = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered);
            Response second = postJson(client, "/api/v1/interactions?asOf=2026-11-21T15:00:00Z", again);
            assertThat(second.code()).isEqualTo(200);
            assertThat(second.headers().get("X-Record-Status")).containsExactly("UNCHANGED");
            assertThat(json(second)).isEqualTo(first);
            JsonNode stored = json(client.get("/api/v1/interactions/cc-1001"));
            assertThat(stored.get("latestRevision").asInt()).isEqualTo(1);
            assertThat(stored.get("revisions")).hasSize(1);
        });
    }

    @Test
    void changed_content_is_a_new_revision_and_older_revisions_keep_their_verdicts() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            ObjectNode complaint = (ObjectNode) Json.mapper().readTree(TestApp.fixture("r4-email-complaint-ignored.json"));
            Response created = postJson(client, "/api/v1/interactions", complaint.toString());
            assertThat(created.code()).isEqualTo(201);
            // The owner and the resolution come in later.
            ObjectNode resolved = complaint.deepCopy();
            resolved.putObject("complaint").put("ownerId", "agent-b").put("resolvedAt", "2026-11-19T12:00:00Z");
            Response revised = postJson(client, "/api/v1/interactions", resolved.toString());
            assertThat(revised.code()).isEqualTo(201);
            assertThat(revised.headers().get("X-Record-Status")).containsExactly("REVISED");
            assertThat(json(revised).get("revision").asInt()).isEqualTo(2);

            JsonNode stored = json(client.get("/api/v1/interactions/hd-3001"));
            assertThat(stored.get("latestRevision").asInt()).isEqualTo(2);
            assertThat(stored.get("revisions")).hasSize(2);
            JsonNode first = stored.get("revisions").get(0);
            assertThat(first.get("record").get("complaint").has("ownerId")).isFalse();
            assertThat(first.get("verdicts").get(0).get("outcomes").get(1).get("outcome").asText()).isEqualTo("FAIL");
            JsonNode second = stored.get("revisions").get(1);
            assertThat(second.get("verdicts").get(0).get("outcomes").get(1).get("outcome").asText()).isEqualTo("PASS");
            assertThat(second.get("verdicts").get(0).get("outcomes").get(2).get("outcome").asText()).isEqualTo("PASS");
        });
    }

    @Test
    void in_a_batch_one_bad_record_rejects_nothing_else() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            String batch = "[" + TestApp.fixture("r1-phone-answered-in-time.json") + ", {\"id\": \"bad record\"}, "
                    + TestApp.fixture("r2-phone-answered-late.json") + "]";
            Response response = postJson(client, "/api/v1/interactions", batch);
            assertThat(response.code()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.get("counts").get("CREATED").asInt()).isEqualTo(2);
            assertThat(body.get("counts").get("REJECTED").asInt()).isEqualTo(1);
            JsonNode rejected = body.get("results").get(1);
            assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("errors")).extracting(e -> e.get("pointer").asText()).contains("/id", "/customer", "/openedAt");
            assertThat(body.get("results").get(2).get("verdict").get("interactionId").asText()).isEqualTo("cc-1002");
            assertThat(client.get("/api/v1/interactions/cc-1001").code()).isEqualTo(200);
            assertThat(client.get("/api/v1/interactions/cc-1002").code()).isEqualTo(200);
        });
    }

    @Test
    void ndjson_is_ingested_line_by_line_and_a_malformed_line_is_rejected_alone() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            String ndjson = Json.mapper().readTree(TestApp.fixture("r1-phone-answered-in-time.json")) + "\n{not json\n"
                    + Json.mapper().readTree(TestApp.fixture("r5-outbound-sale.json")) + "\n";
            Response response = post(client, "/api/v1/interactions", ndjson, "application/x-ndjson");
            JsonNode body = json(response);
            assertThat(body.get("results")).extracting(r -> r.get("status").asText()).containsExactly("CREATED", "REJECTED", "CREATED");
            assertThat(body.get("results").get(1).get("errors").get(0).get("reason").asText()).startsWith("line 2 is not valid JSON");
        });
    }

    @Test
    void check_judges_without_storing() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            Response response = postJson(client, "/api/v1/check?asOf=2026-11-18T12:00:00Z", TestApp.fixture("r4-email-complaint-ignored.json"));
            assertThat(response.code()).isEqualTo(200);
            JsonNode verdict = json(response);
            assertThat(verdict.has("revision")).isFalse();
            assertThat(verdict.get("asOf").asText()).isEqualTo("2026-11-18T12:00:00Z");
            JsonNode firstResponse = verdict.get("outcomes").get(0);
            assertThat(firstResponse.get("outcome").asText()).isEqualTo("PENDING");
            // 8 business hours from Wednesday 10:00 are used up at Wednesday's close, 18:00: late
            // only once counting resumes, at Thursday's opening.
            assertThat(firstResponse.get("dueAt").asText()).isEqualTo("2026-11-19T09:00:00Z");
            assertThat(client.get("/api/v1/interactions/hd-3001").code()).isEqualTo(404);
        });
    }

    @Test
    void an_invalid_record_gets_a_problem_naming_each_field() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            ObjectNode record = (ObjectNode) Json.mapper().readTree(TestApp.fixture("r1-phone-answered-in-time.json"));
            record.put("channel", "FAX").put("firstResponseAt", "2026-11-16T09:00:00Z").put("priority", "high");
            Response response = postJson(client, "/api/v1/interactions", record.toString());
            assertThat(response.code()).isEqualTo(400);
            assertThat(response.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("errors")).extracting(e -> e.get("pointer").asText())
                    .containsExactlyInAnyOrder("/channel", "/firstResponseAt", "/priority");
            assertThat(client.get("/api/v1/interactions/cc-1001").code()).isEqualTo(404);
        });
    }

    @Test
    void bodies_that_are_not_records_get_clear_4xx_answers() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            assertThat(postJson(client, "/api/v1/interactions", "{\"id\": ").code()).isEqualTo(400);
            assertThat(postJson(client, "/api/v1/interactions", "{\"id\": \"a\", \"id\": \"b\"}").code()).isEqualTo(400);
            assertThat(postJson(client, "/api/v1/interactions", "").code()).isEqualTo(400);
            assertThat(postJson(client, "/api/v1/interactions", "\"just a string\"").code()).isEqualTo(400);
            assertThat(postJson(client, "/api/v1/interactions", "[]").code()).isEqualTo(200);
            assertThat(post(client, "/api/v1/interactions", "id=1", "text/plain").code()).isEqualTo(415);
            assertThat(postJson(client, "/api/v1/interactions", "[".repeat(100) + "]".repeat(100)).code()).isEqualTo(400);
            Response unknown = client.get("/api/v1/interactions/nothing-here");
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(json(unknown).get("detail").asText()).isEqualTo("no interaction with id 'nothing-here' is stored");
            assertThat(client.get("/api/v1/no-such-route").code()).isEqualTo(404);
            assertThat(client.get("/api/v1/check").code()).isIn(404, 405);
            assertThat(postJson(client, "/api/v1/interactions?asOf=yesterday", "{}").code()).isEqualTo(400);
        });
    }

    @Test
    void bodies_and_batches_over_the_limits_get_413() {
        app.close();
        app = new TestApp(data, new HttpSettings(64 * 1024, 2));
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            String record = TestApp.fixture("r1-phone-answered-in-time.json");
            Response tooMany = postJson(client, "/api/v1/interactions", "[" + record + "," + record + "," + record + "]");
            assertThat(tooMany.code()).isEqualTo(413);
            assertThat(json(tooMany).get("detail").asText()).contains("at most 2");
            Response tooBig = postJson(client, "/api/v1/check", "[" + " ".repeat(70 * 1024) + "]");
            assertThat(tooBig.code()).isEqualTo(413);
        });
    }
}
