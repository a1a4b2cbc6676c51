package org.servicestandards.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;
import org.servicestandards.notify.DueDelivery;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.notify.Webhook;
import org.servicestandards.notify.WebhookDelivery;
import org.servicestandards.notify.WebhookRegistration;
import org.servicestandards.testing.MutableClock;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Severity;

/** Webhooks are kept without ever showing their secret; the outbox holds one delivery per event per receiver that wants it. */
class JdbcWebhooksTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final String SECRET = "a-secret-of-some-length";
    private static final Map<String, String> DECLARED = Map.of("first-response", "MAJOR", "complaint-follow-up", "MAJOR",
            "courtesy", "MAJOR");

    @TempDir
    Path data;
    private Database database;
    private MutableClock clock;
    private JdbcWebhooks webhooks;

    @BeforeEach
    void open() {
        database = TestDatabases.open(data);
        clock = new MutableClock(NOW);
        webhooks = new JdbcWebhooks(database, clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static OutcomeEvent failed(String interaction, String standard, Severity severity) {
        return new OutcomeEvent(OutcomeEvent.FAILED, "failed|interaction|" + interaction + "|" + standard + "|1", standard,
                severity.name(), "interaction", interaction, "cust-1", "agent-1", null, NOW, "sha256:abc",
                List.of(new Finding("a rule", severity, "too late", "PT2H", "PT1H")));
    }

    private Webhook register(List<String> standards, List<String> severities, List<String> events, Duration warnBefore) {
        return webhooks.register(new WebhookRegistration("http://127.0.0.1:9/hook", SECRET, standards, severities, events,
                warnBefore, null));
    }

    private void enqueue(OutcomeEvent... events) {
        database.jdbi().useTransaction(h -> webhooks.enqueue(h, Arrays.asList(events)));
    }

    private List<String> keys(Webhook webhook) {
        return webhooks.deliveries(webhook.id(), 100).stream().map(WebhookDelivery::key).sorted().toList();
    }

    @Test
    void a_webhook_is_registered_listed_found_and_deactivated_never_showing_its_secret() throws Exception {
        Webhook webhook = register(null, null, null, null);
        assertThat(webhook.events()).containsExactly("failed", "at-risk");
        assertThat(webhook.warnBefore()).isEqualTo(Duration.ofHours(1));
        assertThat(webhook.standards()).isEmpty();
        assertThat(webhook.createdAt()).isEqualTo(NOW);
        assertThat(webhook.active()).isTrue();
        assertThat(Arrays.stream(Webhook.class.getRecordComponents()).map(c -> c.getName())).doesNotContain("secret");
        assertThat(Json.mapper().writeValueAsString(webhook)).doesNotContain(SECRET).contains("\"warnBefore\":\"PT1H\"");
        assertThat(new WebhookRegistration("http://x", SECRET, null, null, null, null, null).toString()).doesNotContain(SECRET);

        assertThat(webhooks.list()).containsExactly(webhook);
        assertThat(webhooks.find(webhook.id())).contains(webhook);
        assertThat(webhooks.deactivate(webhook.id())).isTrue();
        assertThat(webhooks.list()).isEmpty();
        assertThat(webhooks.find(webhook.id()).orElseThrow().active()).isFalse();
        assertThat(webhooks.deactivate("no-such-webhook")).isFalse();
    }

    @Test
    void each_webhook_gets_the_events_its_filters_let_through() {
        Webhook all = register(null, null, null, null);
        Webhook firstResponse = register(List.of("first-response"), null, null, null);
        Webhook critical = register(null, List.of("CRITICAL"), null, null);
        Webhook warningsOnly = register(null, null, List.of("at-risk"), null);
        Webhook deleted = register(null, null, null, null);
        webhooks.deactivate(deleted.id());

        enqueue(failed("i-1", "first-response", Severity.MAJOR), failed("i-1", "courtesy", Severity.CRITICAL));

        assertThat(keys(all)).hasSize(2);
        assertThat(keys(firstResponse)).containsExactly("failed|interaction|i-1|first-response|1");
        assertThat(keys(critical)).containsExactly("failed|interaction|i-1|courtesy|1");
        assertThat(keys(warningsOnly)).isEmpty();
        assertThat(keys(deleted)).isEmpty();
    }

    @Test
    void the_same_change_enqueued_twice_is_one_delivery() {
        Webhook webhook = register(null, null, null, null);
        enqueue(failed("i-1", "first-response", Severity.MAJOR));
        enqueue(failed("i-1", "first-response", Severity.MAJOR), failed("i-1", "first-response", Severity.MAJOR));
        List<WebhookDelivery> deliveries = webhooks.deliveries(webhook.id(), 10);
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(deliveries.get(0).attempts()).isZero();
        assertThat(deliveries.get(0).nextAttemptAt()).isEqualTo(NOW);
    }

    @Test
    void the_event_body_names_the_outcome_its_subject_and_the_evidence() throws Exception {
        Webhook webhook = register(null, null, null, null);
        enqueue(failed("i-1", "first-response", Severity.MAJOR));
        DueDelivery due = webhooks.claimDue(NOW, NOW.plusSeconds(60), 10).get(0);
        assertThat(due.secret()).isEqualTo(SECRET);
        assertThat(due.toString()).doesNotContain(SECRET);
        assertThat(due.payload()).isEqualTo("{\"id\":\"" + due.eventId() + "\",\"type\":\"outcome.failed\","
                + "\"occurredAt\":\"2026-11-20T15:00:00Z\",\"standard\":\"first-response\",\"severity\":\"MAJOR\","
                + "\"subject\":{\"kind\":\"interaction\",\"id\":\"i-1\"},\"customerId\":\"cust-1\",\"agentId\":\"agent-1\","
                + "\"asOf\":\"2026-11-20T15:00:00Z\",\"ruleset\":\"sha256:abc\",\"findings\":[{\"rule\":\"a rule\","
                + "\"severity\":\"MAJOR\",\"message\":\"too late\",\"measured\":\"PT2H\",\"target\":\"PT1H\"}]}");
        assertThat(due.webhookId()).isEqualTo(webhook.id());
        // Claimed: not handed out again while the lease runs.
        assertThat(webhooks.claimDue(NOW, NOW.plusSeconds(60), 10)).isEmpty();
        assertThat(webhooks.claimDue(NOW.plusSeconds(60), NOW.plusSeconds(120), 10)).hasSize(1);
    }

    private void pendingOutcome(Handle h, String interaction, String standard, Instant dueAt, boolean current) {
        h.execute("INSERT INTO verdicts (interaction_id, revision, verdict_no, ruleset, as_of, evaluated_at, body)"
                + " VALUES (?, 1, 1, 'sha256:abc', ?, ?, '{}') ON CONFLICT DO NOTHING", interaction,
                NOW.minusSeconds(600).toEpochMilli(), NOW.toEpochMilli());
        h.execute("INSERT INTO outcomes (interaction_id, revision, verdict_no, standard, outcome, severity, due_at, score,"
                + " is_current, ruleset, opened_at, opened_week, opened_month, customer_id, tier, agent_id, team, channel)"
                + " VALUES (?, 1, 1, ?, 'PENDING', NULL, ?, NULL, ?, 'sha256:abc', ?, '2026-W47', '2026-11', 'cust-1', 'VIP',"
                + " 'agent-1', 'team-1', 'PHONE')", interaction, standard, dueAt.toEpochMilli(), current,
                NOW.minusSeconds(600).toEpochMilli());
    }

    private void pendingHistory(Handle h, String kind, String subject, String standard, Instant dueAt) {
        h.execute("INSERT INTO history_outcomes (standard, subject_kind, subject_id, period, outcome, severity, due_at,"
                + " as_of, judged_at, ruleset, opened_at, opened_week, opened_month, customer_id, agent_id, is_latest, digest, body)"
                + " VALUES (?, ?, ?, '-', 'PENDING', NULL, ?, ?, ?, 'sha256:abc', ?, '2026-W47', '2026-11', 'cust-2',"
                + " 'agent-2', TRUE, 'digest', '{}')", standard, kind, subject, dueAt.toEpochMilli(), NOW.toEpochMilli(), NOW.toEpochMilli(),
                NOW.minusSeconds(86_400).toEpochMilli());
    }

    @Test
    void a_pending_outcome_entering_a_webhooks_warning_window_is_warned_of_once_per_deadline() throws Exception {
        Webhook hour = register(null, null, null, null);
        Webhook tenMinutes = register(null, null, List.of("at-risk"), Duration.ofMinutes(10));
        Webhook failuresOnly = register(null, null, List.of("failed"), null);
        Webhook minorOnly = register(null, List.of("MINOR"), null, null);
        Webhook complaints = register(List.of("complaint-follow-up"), null, null, null);
        database.jdbi().useTransaction(h -> {
            pendingOutcome(h, "i-1", "first-response", NOW.plus(Duration.ofMinutes(30)), true);
            pendingOutcome(h, "i-2", "first-response", NOW.plus(Duration.ofHours(2)), true);
            pendingOutcome(h, "i-3", "first-response", NOW.minusSeconds(60), true);
            pendingOutcome(h, "i-4", "first-response", NOW.plus(Duration.ofMinutes(20)), false);
            pendingHistory(h, "interaction", "c-1", "complaint-follow-up", NOW.plus(Duration.ofMinutes(45)));
        });

        assertThat(webhooks.enqueueAtRisk(NOW, DECLARED)).isEqualTo(3);
        assertThat(keys(complaints)).containsExactly(
                "at-risk|interaction|c-1|complaint-follow-up|" + NOW.plus(Duration.ofMinutes(45)).toEpochMilli());
        assertThat(keys(hour)).containsExactly(
                "at-risk|interaction|c-1|complaint-follow-up|" + NOW.plus(Duration.ofMinutes(45)).toEpochMilli(),
                "at-risk|interaction|i-1|first-response|" + NOW.plus(Duration.ofMinutes(30)).toEpochMilli());
        assertThat(keys(tenMinutes)).isEmpty();
        assertThat(keys(failuresOnly)).isEmpty();
        assertThat(keys(minorOnly)).isEmpty();
        assertThat(webhooks.enqueueAtRisk(NOW, DECLARED)).isZero();

        DueDelivery warning = webhooks.claimDue(NOW, NOW.plusSeconds(60), 10).stream()
                .filter(d -> d.webhookId().equals(hour.id())).findFirst().orElseThrow();
        JsonNode body = Json.mapper().readTree(warning.payload());
        assertThat(body.get("type").asText()).isEqualTo("outcome.at-risk");
        assertThat(body.get("severity").asText()).isEqualTo("MAJOR");
        assertThat(body.get("dueAt").asText()).isIn("2026-11-20T15:30:00Z", "2026-11-20T15:45:00Z");
        assertThat(body.get("findings")).isEmpty();

        // The ten-minute webhook hears of each deadline once it is ten minutes away.
        assertThat(webhooks.enqueueAtRisk(NOW.plus(Duration.ofMinutes(25)), DECLARED)).isEqualTo(1);
        assertThat(webhooks.enqueueAtRisk(NOW.plus(Duration.ofMinutes(36)), DECLARED)).isEqualTo(1);
        assertThat(webhooks.enqueueAtRisk(NOW.plus(Duration.ofMinutes(37)), DECLARED)).isZero();
        assertThat(keys(tenMinutes)).hasSize(2);

        // A deadline moved (a new revision) is a new deadline, warned of again.
        database.jdbi().useTransaction(h -> h.execute("UPDATE outcomes SET due_at = ? WHERE interaction_id = 'i-2'",
                NOW.plus(Duration.ofMinutes(50)).toEpochMilli()));
        assertThat(webhooks.enqueueAtRisk(NOW.plus(Duration.ofMinutes(36)), DECLARED)).isEqualTo(1);
        assertThat(keys(hour)).hasSize(3);
    }
}
