package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;
import org.servicestandards.json.Json;

/**
 * Every instant a caller sends lies from 1970 to 9999, else a 400 names it: the requests that once
 * hung a thread for days or answered 500 with a long overflow, each answered at once.
 */
class ExtremeInstantsApiTest {

    private static final String LATEST_POSSIBLE = "+999999999-12-31T23:59:59.999999999Z";
    private static final String EARLIEST_POSSIBLE = "-999999999-01-01T00:00:00Z";

    private static String q(String instant) {
        return URLEncoder.encode(instant, StandardCharsets.UTF_8);
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("/api/v1/reports/compliance?to=" + q(LATEST_POSSIBLE), "to"),
                Arguments.of("/api/v1/reports/compliance?from=" + q(EARLIEST_POSSIBLE), "from"),
                Arguments.of("/api/v1/at-risk?asOf=" + q(EARLIEST_POSSIBLE), "asOf"),
                Arguments.of("/api/v1/violations?to=" + q(EARLIEST_POSSIBLE), "to"),
                Arguments.of("/api/v1/violations?from=1969-12-31T23:59:59Z", "from"),
                Arguments.of("/api/v1/history-standards?asOf=" + q("+10000-01-01T00:00:00Z"), "asOf"));
    }

    @Test
    void a_query_instant_out_of_range_is_a_400_naming_the_parameter(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                for (Arguments query : queries().toList()) {
                    Response response = client.get((String) query.get()[0]);

                    assertProblemNaming(response, (String) query.get()[1]);
                }
            });
        }
    }

    static Stream<Arguments> postsWithAsOf() {
        return Stream.of(Arguments.of("/api/v1/check", LATEST_POSSIBLE), Arguments.of("/api/v1/interactions", EARLIEST_POSSIBLE),
                Arguments.of("/api/v1/history-standards/sweep", LATEST_POSSIBLE));
    }

    @Test
    void an_as_of_out_of_range_on_a_post_is_a_400_and_nothing_is_stored(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                for (Arguments post : postsWithAsOf().toList()) {
                    String path = (String) post.get()[0];
                    Response response = postJson(client, path + "?asOf=" + q((String) post.get()[1]), emailRecord("x-asof").toString());

                    assertProblemNaming(response, "asOf");
                    assertThat(client.get("/api/v1/interactions/x-asof").code()).isEqualTo(404);
                }
            });
        }
    }

    @Test
    void records_with_instants_out_of_range_are_refused_by_field_and_leave_no_trace(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                ObjectNode ancient = emailRecord("x-ancient").put("openedAt", EARLIEST_POSSIBLE);
                ObjectNode eternal = emailRecord("x-eternal").put("firstResponseAt", LATEST_POSSIBLE);
                ObjectNode update = emailRecord("x-update");
                update.putArray("updates").add("+999999999-01-01T00:00:00Z");

                for (ObjectNode record : new ObjectNode[] {ancient, eternal, update}) {
                    Response check = postJson(client, "/api/v1/check", record.toString());
                    assertThat(check.code()).isEqualTo(400);
                    Response ingest = postJson(client, "/api/v1/interactions", record.toString());
                    assertThat(ingest.code()).isEqualTo(400);
                    JsonNode problem = json(ingest);
                    assertThat(problem.get("errors").get(0).get("reason").asText()).contains("out of range", "1970", "9999");
                    assertThat(client.get("/api/v1/interactions/" + record.get("id").asText()).code()).isEqualTo(404);
                }
            });
        }
    }

    @Test
    void a_customer_tier_since_out_of_range_is_refused(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                Response response = put(client, "/api/v1/customers/c-1", "{\"tier\": \"VIP\", \"since\": \"" + EARLIEST_POSSIBLE + "\"}");

                assertThat(response.code()).isEqualTo(400);
                assertThat(json(response).get("errors").get(0).get("pointer").asText()).isEqualTo("/since");
                assertThat(client.get("/api/v1/customers/c-1").code()).isEqualTo(404);
            });
        }
    }

    @Test
    void an_email_spanning_eight_thousand_years_is_judged_at_once(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                ObjectNode record = emailRecord("x-long").put("openedAt", "1970-01-01T00:00:00Z");
                record.remove("firstResponseAt");
                record.remove("closedAt");

                Response response = postJson(client, "/api/v1/check?asOf=9999-12-31T23:59:59Z", record.toString());

                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).contains("\"first-response\"", "FAIL");
            });
        }
    }

    private static Response put(HttpClient client, String path, String body) {
        return client.request(path, r -> r.put(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
    }

    private static ObjectNode emailRecord(String id) throws Exception {
        ObjectNode record = (ObjectNode) Json.mapper().readTree(TestApp.fixture("r3-vip-chat-no-farewell.json"));
        return record.put("id", id).put("channel", "EMAIL");
    }

    private static void assertProblemNaming(Response response, String parameter) throws Exception {
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
        assertThat(json(response).get("detail").asText()).contains(parameter, "out of range");
    }
}
