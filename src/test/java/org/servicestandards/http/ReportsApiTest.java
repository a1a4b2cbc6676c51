package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports over five stored records whose outcomes were counted by hand at 2026-11-20T15:00Z:
 * <pre>
 *                       cc-1001  cc-1002  web-2001  hd-3001  crm-4001
 *  first-response       PASS     FAIL     PASS      FAIL     n/a (outbound)
 *  complaint-owner      n/a      n/a      n/a       FAIL     n/a
 *  complaint-resolution n/a      n/a      n/a       PENDING  n/a   (due 2026-11-23T10:00Z)
 *  update-frequency     n/a      n/a      PASS      FAIL     n/a
 *  promise-kept         n/a      n/a      n/a       n/a      n/a
 *  courtesy             n/a      n/a      FAIL(2)   n/a      n/a
 * </pre>
 * cc-1001, cc-1002 and crm-4001 are agent-a (call-centre); web-2001 and hd-3001 are agent-b
 * (digital); crm-4001 was opened in week 2026-W46, the rest in 2026-W47.
 */
class ReportsApiTest {

    private static final String PERIOD = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

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

    private static void postAll(HttpClient client) {
        StringBuilder batch = new StringBuilder("[");
        for (String name : List.of("r1-phone-answered-in-time.json", "r2-phone-answered-late.json",
                "r3-vip-chat-no-farewell.json", "r4-email-complaint-ignored.json", "r5-outbound-sale.json")) {
            batch.append(batch.length() > 1 ? "," : "").append(TestApp.fixture(name));
        }
        Response response = postJson(client, "/api/v1/interactions?asOf=2026-11-20T15:00:00Z", batch.append("]").toString());
        assertThat(response.code()).isEqualTo(200);
    }

    /** A standard-tier phone call opened at {@code openedAt} and not answered, judged at {@code asOf}: due 3 minutes after it opened. */
    private static void postWaitingCall(HttpClient client, String id, String openedAt, String asOf) {
        String waiting = TestApp.fixture("r1-phone-answered-in-time.json").replace("cc-1001", id)
                .replace("2026-11-16T10:00:00Z", openedAt).replace(", \"firstResponseAt\": \"2026-11-16T10:02:00Z\"", "");
        assertThat(postJson(client, "/api/v1/interactions?asOf=" + asOf, waiting).code()).isEqualTo(201);
    }

    private static Map<String, List<Long>> countsBy(JsonNode report, String key) {
        Map<String, List<Long>> counts = new HashMap<>();
        for (JsonNode row : report.get("rows")) {
            counts.put(row.get(key).asText(), List.of(row.get("pass").asLong(), row.get("fail").asLong(),
                    row.get("pending").asLong(), row.get("notApplicable").asLong()));
        }
        return counts;
    }

    @Test
    void compliance_by_standard_matches_the_hand_count() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            JsonNode report = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard"));
            assertThat(countsBy(report, "standard")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "first-response", List.of(2L, 2L, 0L, 1L),
                    "complaint-owner", List.of(0L, 1L, 0L, 4L),
                    "complaint-resolution", List.of(0L, 0L, 1L, 4L),
                    "update-frequency", List.of(1L, 1L, 0L, 3L),
                    "promise-kept", List.of(0L, 0L, 0L, 5L),
                    "courtesy", List.of(0L, 1L, 0L, 4L)));
            JsonNode firstResponse = report.get("rows").findParents("standard").stream()
                    .filter(r -> r.get("standard").asText().equals("first-response")).findFirst().orElseThrow();
            assertThat(firstResponse.get("rate").decimalValue()).isEqualByComparingTo("0.5");
            JsonNode total = report.get("total");
            assertThat(List.of(total.get("pass").asLong(), total.get("fail").asLong(), total.get("pending").asLong(),
                    total.get("notApplicable").asLong())).containsExactly(3L, 5L, 1L, 21L);
            assertThat(total.get("rate").decimalValue()).isEqualByComparingTo("0.375");
        });
    }

    @Test
    void compliance_by_agent_and_by_week_matches_the_hand_count() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            JsonNode byAgent = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=agent"));
            assertThat(countsBy(byAgent, "agent")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "agent-a", List.of(1L, 1L, 0L, 16L),
                    "agent-b", List.of(2L, 4L, 1L, 5L)));
            JsonNode byWeek = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=week&standard=first-response"));
            assertThat(countsBy(byWeek, "week")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "2026-W46", List.of(0L, 0L, 0L, 1L),
                    "2026-W47", List.of(2L, 2L, 0L, 0L)));
            JsonNode byTeamAndChannel = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=team,channel&standard=first-response"));
            assertThat(byTeamAndChannel.get("rows")).hasSize(3);
            JsonNode monthOnly = json(client.get("/api/v1/reports/compliance?from=2026-11-16T00:00:00Z&to=2026-11-17T00:00:00Z&groupBy=month"));
            assertThat(countsBy(monthOnly, "month")).containsExactlyEntriesOf(Map.of("2026-11", List.of(1L, 1L, 0L, 10L)));
        });
    }

    @Test
    void a_revised_record_counts_once_with_its_latest_verdict() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            String answered = TestApp.fixture("r4-email-complaint-ignored.json")
                    .replace("\"complaint\": {}", "\"complaint\": {\"ownerId\": \"agent-b\"}, \"firstResponseAt\": \"2026-11-18T11:00:00Z\","
                            + " \"updates\": [\"2026-11-19T10:00:00Z\", \"2026-11-20T10:00:00Z\"]");
            assertThat(postJson(client, "/api/v1/interactions?asOf=2026-11-20T15:00:00Z", answered).code()).isEqualTo(201);
            JsonNode report = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard"));
            Map<String, List<Long>> counts = countsBy(report, "standard");
            assertThat(counts.get("first-response")).containsExactly(3L, 1L, 0L, 1L);
            assertThat(counts.get("complaint-owner")).containsExactly(1L, 0L, 0L, 4L);
            assertThat(counts.get("update-frequency")).containsExactly(1L, 0L, 1L, 3L);
        });
    }

    @Test
    void the_compliance_report_exports_as_csv_with_a_file_name_that_says_what_it_holds() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            Response csv = client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=agent&format=csv");
            assertThat(csv.code()).isEqualTo(200);
            assertThat(csv.headers().get("Content-Type").get(0)).startsWith("text/csv");
            assertThat(csv.headers().get("Content-Disposition").get(0))
                    .isEqualTo("attachment; filename=\"compliance_by-agent_2026-11-01_to_2026-12-01.csv\"");
            assertThat(csv.body().string().split("\r\n")).containsExactly(
                    "agent,pass,fail,pending,not_applicable,rate,previous_rate,change",
                    "agent-a,1,1,0,16,0.5000,,",
                    "agent-b,2,4,1,5,0.3333,,");
        });
    }

    @Test
    void violations_list_every_finding_with_its_evidence_and_filter_and_page() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            JsonNode all = json(client.get("/api/v1/violations?" + PERIOD + "&page=1"));
            assertThat(all.get("total").asLong()).isEqualTo(6);
            JsonNode minor = json(client.get("/api/v1/violations?" + PERIOD + "&severity=MINOR&page=1"));
            assertThat(minor.get("total").asLong()).isEqualTo(1);
            JsonNode finding = minor.get("items").get(0);
            assertThat(finding.get("interactionId").asText()).isEqualTo("web-2001");
            assertThat(finding.get("standard").asText()).isEqualTo("courtesy");
            assertThat(finding.get("measured").asText()).isEqualTo("50");
            assertThat(finding.get("target").asText()).isEqualTo("80");
            assertThat(finding.get("rule").asText()).isEqualTo("courtesy finds a minor fault when the score is below the pass mark");
            assertThat(finding.get("ruleset").asText()).startsWith("sha256:");
            JsonNode agentA = json(client.get("/api/v1/violations?" + PERIOD + "&agent=agent-a"));
            assertThat(agentA.get("items")).extracting(v -> v.get("interactionId").asText()).containsExactly("cc-1002");
            JsonNode page2 = json(client.get("/api/v1/violations?" + PERIOD + "&size=4&page=2"));
            assertThat(page2.get("items")).hasSize(2);
            assertThat(page2.get("total").asLong()).isEqualTo(6);
            // The same list by cursor: four, then the two after them, and no cursor after the last.
            JsonNode first = json(client.get("/api/v1/violations?" + PERIOD + "&size=4"));
            assertThat(first.has("total")).isFalse();
            JsonNode second = json(client.get("/api/v1/violations?" + PERIOD + "&size=4&after=" + first.get("next").asText()));
            assertThat(second.get("items")).isEqualTo(page2.get("items"));
            assertThat(second.has("next")).isFalse();
            Response csv = client.get("/api/v1/violations?" + PERIOD + "&standard=first-response&format=csv");
            assertThat(csv.body().string().split("\r\n")).hasSize(3);
        });
    }

    @Test
    void report_parameters_are_checked_and_named_when_wrong() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            assertThat(client.get("/api/v1/reports/compliance?groupBy=colour").code()).isEqualTo(400);
            assertThat(json(client.get("/api/v1/reports/compliance?groupBy=colour")).get("errors").get(0).get("parameter").asText())
                    .isEqualTo("groupBy");
            assertThat(client.get("/api/v1/reports/compliance?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/reports/compliance?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/reports/compliance?standard=no-such-standard").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/reports/compliance?format=xml").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/violations?size=100000").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/violations?page=0").code()).isEqualTo(400);
            for (String after : List.of("not-a-cursor", "AQ", "%20", "", "x".repeat(3000))) {
                Response refused = client.get("/api/v1/violations?after=" + after);
                assertThat(refused.code()).as(after).isEqualTo(400);
                assertThat(json(refused).get("errors").get(0).get("parameter").asText()).isEqualTo("after");
            }
            String next = json(client.get("/api/v1/violations?size=1&page=1")).path("next").asText("AQAAAZp1");
            assertThat(client.get("/api/v1/violations?after=" + next.substring(0, next.length() - 2)).code()).isEqualTo(400);
            assertThat(json(client.get("/api/v1/violations?page=2&after=" + next)).get("errors").get(0).get("parameter").asText())
                    .isEqualTo("after");
            assertThat(client.get("/api/v1/violations?severity=BAD").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/at-risk?within=P1Y").code()).isEqualTo(400);
            assertThat(client.get("/api/v1/at-risk?within=soon").code()).isEqualTo(400);
        });
    }

    @Test
    void at_risk_lists_pending_outcomes_falling_due_soonest_first() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            // A phone call still waiting for an answer, due at 15:03 on the 20th.
            postWaitingCall(client, "cc-1009", "2026-11-20T15:00:00Z", "2026-11-20T15:00:00Z");
            JsonNode soon = json(client.get("/api/v1/at-risk?asOf=2026-11-20T15:00:00Z"));
            Response csv = client.get("/api/v1/at-risk?asOf=2026-11-20T15:00:00Z&format=csv");
            assertThat(csv.headers().get("Content-Disposition").get(0))
                    .isEqualTo("attachment; filename=\"at-risk_within-PT1H_as-of_2026-11-20T15_00_00Z.csv\"");
            assertThat(csv.body().string()).startsWith("subject_id,subject_kind,revision,standard,due_at,overdue,opened_at,"
                    + "customer,tier,agent,team,channel\r\ncc-1009,interaction,1,first-response,2026-11-20T15:03:00Z,false,");
            assertThat(soon.get("items")).extracting(i -> i.get("interactionId").asText() + " " + i.get("standard").asText())
                    .containsExactly("cc-1009 first-response");
            JsonNode week = json(client.get("/api/v1/at-risk?asOf=2026-11-20T15:00:00Z&within=P3D"));
            assertThat(week.get("items")).extracting(i -> i.get("interactionId").asText() + " " + i.get("dueAt").asText())
                    .containsExactly("cc-1009 2026-11-20T15:03:00Z", "hd-3001 2026-11-23T10:00:00Z");
        });
    }

    /**
     * The reports read what is stored and write nothing: a PENDING outcome whose deadline has
     * passed since it was judged already counts as FAIL, and its finding is listed once it has
     * been judged again, as the deadline keeper does in the background (no background job runs
     * here, so the test does it).
     */
    @Test
    void reading_the_reports_stores_nothing_yet_counts_a_passed_deadline_as_a_failure() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            postAll(client);
            // Judged at 14:51 while the caller still waited; the answer was due at 14:53, before now (15:00).
            postWaitingCall(client, "cc-1010", "2026-11-20T14:50:00Z", "2026-11-20T14:51:00Z");
            JsonNode stored = json(client.get("/api/v1/interactions/cc-1010"));
            assertThat(stored.get("revisions").get(0).get("verdicts")).hasSize(1);

            for (String read : List.of("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard",
                    "/api/v1/reports/compliance?" + PERIOD + "&format=csv", "/api/v1/violations?" + PERIOD,
                    "/api/v1/violations?" + PERIOD + "&format=csv", "/api/v1/at-risk", "/api/v1/at-risk?format=csv")) {
                assertThat(client.get(read).code()).as(read).isEqualTo(200);
            }
            assertThat(json(client.get("/api/v1/interactions/cc-1010"))).isEqualTo(stored);

            JsonNode report = json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard"));
            assertThat(countsBy(report, "standard").get("first-response")).containsExactly(2L, 3L, 0L, 1L);
            assertThat(json(client.get("/api/v1/violations?" + PERIOD + "&standard=first-response")).get("items"))
                    .extracting(v -> v.get("interactionId").asText()).doesNotContain("cc-1010");
            assertThat(json(client.get("/api/v1/at-risk")).get("items"))
                    .extracting(a -> a.get("interactionId").asText() + " " + a.get("overdue").asBoolean())
                    .containsExactly("cc-1010 true");

            assertThat(app.service.judgeFallenDue(TestApp.NOW)).isEqualTo(1);
            assertThat(json(client.get("/api/v1/interactions/cc-1010")).get("revisions").get(0).get("verdicts")).hasSize(2);
            assertThat(countsBy(json(client.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard")), "standard")
                    .get("first-response")).containsExactly(2L, 3L, 0L, 1L);
            assertThat(json(client.get("/api/v1/violations?" + PERIOD + "&standard=first-response")).get("items"))
                    .extracting(v -> v.get("interactionId").asText()).contains("cc-1010");
            assertThat(json(client.get("/api/v1/at-risk")).get("items")).isEmpty();
        });
    }

    @Test
    void the_rules_endpoint_shows_the_loaded_rule_set() {
        JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
            JsonNode rules = json(client.get("/api/v1/rules"));
            assertThat(rules.get("version").asText()).startsWith("sha256:");
            assertThat(rules.get("standards")).extracting(s -> s.get("id").asText()).containsExactly(
                    "first-response", "complaint-owner", "complaint-resolution", "update-frequency", "promise-kept", "courtesy",
                    "contact-frequency", "strategic-visit", "complaint-follow-up", "post-sale-follow-up", "satisfaction-survey",
                    "satisfaction-recovery");
            assertThat(rules.get("standards").get(6).get("scope").asText()).isEqualTo("HISTORY");
            assertThat(rules.get("files").has("tables/first-response-targets.csv")).isTrue();
            assertThat(rules.get("files").has("history/contact-frequency.drl")).isTrue();
            assertThat(rules.get("lastReload").get("ok").asBoolean()).isTrue();
            assertThat(json(client.get("/health")).get("status").asText()).isEqualTo("UP");
        });
    }
}
