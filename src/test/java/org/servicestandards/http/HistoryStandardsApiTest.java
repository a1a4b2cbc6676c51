package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/history-standards: judged as of a date, filtered, paged; the sweep keeps outcomes for reports. */
class HistoryStandardsApiTest {

    private static void put(HttpClient client, String customer, String body) {
        Response response = client.request("/api/v1/customers/" + customer,
                r -> r.put(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"));
        assertThat(response.code()).isEqualTo(200);
    }

    private static void register(HttpClient client) {
        put(client, "vip-1", "{\"tier\": \"VIP\", \"since\": \"2026-01-01T00:00:00Z\", \"accountManager\": \"am-1\"}");
        put(client, "vip-2", "{\"tier\": \"VIP\", \"since\": \"2026-01-01T00:00:00Z\", \"accountManager\": \"am-2\"}");
        assertThat(postJson(client, "/api/v1/interactions", "{\"id\": \"call-1\", \"customer\": {\"id\": \"vip-2\", \"tier\": \"VIP\"},"
                + " \"agent\": {\"id\": \"am-2\"}, \"channel\": \"PHONE\", \"direction\": \"OUTBOUND\", \"type\": \"INQUIRY\","
                + " \"openedAt\": \"2026-11-10T10:00:00Z\", \"firstResponseAt\": \"2026-11-10T10:00:00Z\","
                + " \"closedAt\": \"2026-11-10T10:20:00Z\"}").code()).isEqualTo(201);
    }

    @Test
    void outcomes_name_subject_window_evidence_and_are_the_same_every_time(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                register(client);
                String path = "/api/v1/history-standards?asOf=2026-11-20T12:00:00Z&standard=contact-frequency";
                Response first = client.get(path);
                assertThat(first.code()).isEqualTo(200);
                String body = first.body().string();
                JsonNode page = org.servicestandards.json.Json.mapper().readTree(body);
                assertThat(page.get("asOf").asText()).isEqualTo("2026-11-20T12:00:00Z");
                assertThat(page.get("ruleset").asText()).startsWith("sha256:");
                assertThat(page.get("customers").asInt()).isEqualTo(2);
                JsonNode failed = page.get("items").get(0);
                assertThat(failed.get("standard").asText()).isEqualTo("contact-frequency");
                assertThat(failed.get("subject").get("kind").asText()).isEqualTo("customer");
                assertThat(failed.get("subject").get("id").asText()).isEqualTo("vip-1");
                assertThat(failed.get("accountManager").asText()).isEqualTo("am-1");
                assertThat(failed.get("outcome").asText()).isEqualTo("FAIL");
                assertThat(failed.get("severity").asText()).isEqualTo("MAJOR");
                assertThat(failed.get("window").get("from").asText()).isEqualTo("2026-10-21T12:00:00Z");
                assertThat(failed.get("evidence").get("heldSince").asText()).isEqualTo("2026-01-01T00:00:00Z");
                assertThat(failed.get("findings").get(0).get("target").asText()).isEqualTo("P30D");
                JsonNode passed = page.get("items").get(1);
                assertThat(passed.get("outcome").asText()).isEqualTo("PASS");
                assertThat(passed.get("evidence").get("lastContact").asText()).isEqualTo("call-1");
                assertThat(passed.get("evidence").get("nextDueAt").asText()).isEqualTo("2026-12-10T10:00:00Z");
                assertThat(client.get(path).body().string()).isEqualTo(body);

                JsonNode onlyAm2 = json(client.get("/api/v1/history-standards?asOf=2026-11-20T12:00:00Z&accountManager=am-2"));
                assertThat(onlyAm2.get("items")).extracting(i -> i.get("subject").get("id").asText()).containsOnly("vip-2");
                JsonNode failures = json(client.get("/api/v1/history-standards?asOf=2026-11-20T12:00:00Z&outcome=FAIL&customer=vip-2"));
                assertThat(failures.get("items")).extracting(i -> i.get("standard").asText()).containsExactly("satisfaction-survey");

                Response csv = client.get("/api/v1/history-standards?asOf=2026-11-20T12:00:00Z&standard=contact-frequency&format=csv");
                assertThat(csv.headers().get("Content-Disposition").get(0)).isEqualTo("attachment; filename=\""
                        + "history-standards_standard-contact-frequency_as-of_2026-11-20T12_00_00Z.csv\"");
                String[] lines = csv.body().string().split("\r\n");
                assertThat(lines[0]).isEqualTo("standard,subject_kind,subject_id,customer,account_manager,tier,outcome,severity,due_at,"
                        + "window_from,window_to,evidence,rule,message,measured,target,as_of,ruleset");
                assertThat(lines).hasSize(3);
                assertThat(lines[1]).startsWith("contact-frequency,customer,vip-1,vip-1,am-1,VIP,FAIL,MAJOR,,2026-10-21T12:00:00Z,")
                        .contains(",P30D,");

                JsonNode firstPage = json(client.get("/api/v1/history-standards?asOf=2026-11-20T12:00:00Z&limit=1"));
                assertThat(firstPage.get("next").asText()).isEqualTo("vip-1");
                JsonNode secondPage = json(client.get("/api/v1/history-standards?asOf=2026-11-20T12:00:00Z&limit=1&after=vip-1"));
                assertThat(secondPage.get("items")).allSatisfy(i -> assertThat(i.get("customer").asText()).isEqualTo("vip-2"));
                assertThat(secondPage.has("next")).isFalse();
            });
        }
    }

    @Test
    void bad_parameters_are_refused_naming_the_parameter(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                for (String query : new String[] {"outcome=NOT_APPLICABLE", "standard=first-response", "limit=0", "limit=5000",
                        "asOf=yesterday"}) {
                    Response response = client.get("/api/v1/history-standards?" + query);
                    assertThat(response.code()).as(query).isEqualTo(400);
                    assertThat(response.body().string()).as(query).contains(query.substring(0, query.indexOf('=')));
                }
                Response unknown = client.get("/api/v1/history-standards?customer=nobody");
                assertThat(unknown.code()).isEqualTo(404);
                assertThat(unknown.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
            });
        }
    }

    @Test
    void a_sweep_keeps_the_outcomes_the_compliance_report_and_violations_include(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                register(client);
                JsonNode sweep = TestApp.finished(client, client.post("/api/v1/history-standards/sweep?asOf=2026-11-20T02:00:00Z", ""));
                assertThat(sweep.get("state").asText()).isEqualTo("SUCCEEDED");
                assertThat(sweep.get("kind").asText()).isEqualTo("sweep");
                assertThat(sweep.get("result").get("customers").asInt()).isEqualTo(2);
                assertThat(sweep.get("done").asInt()).isEqualTo(2);
                String metrics = client.get("/metrics").body().string();
                assertThat(metrics).contains("standards_history_sweep_last_customers 2.0")
                        .contains("standards_history_sweep_last_as_of_seconds " + (double) java.time.Instant.parse("2026-11-20T02:00:00Z")
                                .getEpochSecond())
                        .contains("standards_history_sweep_last_failed_customers 0.0");

                JsonNode report = json(client.get("/api/v1/reports/compliance?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z"
                        + "&groupBy=standard,agent&standard=contact-frequency"));
                assertThat(report.get("rows")).extracting(r -> r.get("agent").asText() + " " + r.get("pass").asInt() + "/"
                        + r.get("fail").asInt()).containsExactly("am-1 0/1", "am-2 1/0");
                JsonNode violations = json(client.get("/api/v1/violations?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z"
                        + "&standard=contact-frequency"));
                assertThat(violations.get("items")).singleElement().satisfies(v -> {
                    assertThat(v.get("subjectKind").asText()).isEqualTo("customer");
                    assertThat(v.get("interactionId").asText()).isEqualTo("vip-1");
                    assertThat(v.has("revision")).isFalse();
                });
                String csv = client.get("/api/v1/violations?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&format=csv").body().string();
                assertThat(csv).contains("vip-1,,").contains(",customer\r\n");
            });
        }
    }
}
