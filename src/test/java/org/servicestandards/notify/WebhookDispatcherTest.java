package org.servicestandards.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.records.StandardsService;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcWebhooks;
import org.servicestandards.testing.FakeResolver;
import org.servicestandards.testing.MutableClock;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.testing.WebhookReceiver.Received;
import org.servicestandards.testing.WebhookReceiver;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Severity;

/**
 * Breach events reach real receivers on 127.0.0.1 (allowed as the operator would, with
 * {@code --webhook-allow 127.0.0.1/32}): signed, in order, retried until acknowledged, once;
 * only to addresses checked at the delivery itself, never by a redirect.
 */
class WebhookDispatcherTest {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    static final String SECRET = "s3cret-shared-with-the-receiver";
    /** Retries after 1 s, 3 s, 9 s, ...; given up after 5 attempts. */
    static final DeliverySettings SETTINGS = new DeliverySettings(Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(1), 5, Duration.ofSeconds(5), Duration.ofSeconds(5));

    @TempDir
    Path data;
    private final MutableClock clock = new MutableClock(NOW);
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final FakeResolver resolver = new FakeResolver();
    /** What {@code serve --webhook-allow 127.0.0.1/32} makes of the test receivers' address. */
    private final WebhookTargets loopbackAllowed = WebhookTargets.allowing(List.of("127.0.0.1/32"), resolver);
    private Database database;
    private JdbcWebhooks webhooks;
    private WebhookDispatcher dispatcher;

    @BeforeEach
    void open() {
        database = TestDatabases.open(data);
        webhooks = new JdbcWebhooks(database, clock);
        dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, loopbackAllowed);
    }

    @AfterEach
    void close() {
        dispatcher.close();
        receiver.close();
        database.close();
    }

    private Webhook register(String url, List<String> standards) {
        return webhooks.register(new WebhookRegistration(url, SECRET, standards, null, null, null, "officer-1"));
    }

    static OutcomeEvent failed(String interaction, String standard) {
        return new OutcomeEvent(OutcomeEvent.FAILED, "failed|" + interaction + "|" + standard, standard, "MAJOR", "interaction",
                interaction, "cust-1", "agent-1", null, NOW, "sha256:abc",
                List.of(new Finding("answered late", Severity.MAJOR, "answered after PT4M", "PT4M", "PT3M")));
    }

    private void enqueue(OutcomeEvent... events) {
        database.jdbi().useTransaction(h -> webhooks.enqueue(h, List.of(events)));
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static List<String> subjects(List<Received> requests) {
        return requests.stream().map(r -> {
            try {
                return Json.mapper().readTree(r.bytes()).get("subject").get("id").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    @Test
    void a_breach_is_posted_signed_with_the_secret_and_never_sent_again_once_acknowledged() throws Exception {
        Webhook webhook = register(receiver.url(), null);
        enqueue(failed("cc-1", "first-response"));

        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(receiver.received()).hasSize(1);
        Received request = receiver.received().get(0);
        JsonNode body = Json.mapper().readTree(request.bytes());
        assertThat(request.header("X-Standards-Signature")).isEqualTo(hmac(SECRET, request.bytes()));
        assertThat(request.header("X-Standards-Signature")).isNotEqualTo(hmac("another-secret-entirely", request.bytes()));
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("X-Standards-Event")).isEqualTo("outcome.failed");
        assertThat(request.header("X-Standards-Delivery")).isEqualTo(body.get("id").asText());
        assertThat(request.header("X-Standards-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(request.body()).doesNotContain(SECRET);
        assertThat(body.get("type").asText()).isEqualTo("outcome.failed");
        assertThat(body.get("standard").asText()).isEqualTo("first-response");
        assertThat(body.get("subject").get("kind").asText()).isEqualTo("interaction");
        assertThat(body.get("findings").get(0).get("measured").asText()).isEqualTo("PT4M");

        clock.advance(Duration.ofHours(3));
        assertThat(dispatcher.deliverDue()).isZero();
        enqueue(failed("cc-1", "first-response"));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(1);
        WebhookDelivery delivery = webhooks.deliveries(webhook.id(), 10).get(0);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastStatus()).isEqualTo(200);
        assertThat(delivery.deliveredAt()).isEqualTo(NOW);
    }

    @Test
    void a_receiver_that_fails_gets_the_event_again_with_backoff_and_exactly_once_after_it_recovers() {
        Webhook webhook = register(receiver.url(), null);
        receiver.failNext(2, 500).dropNext(1);
        enqueue(failed("cc-1", "first-response"));

        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(1);
        WebhookDelivery waiting = webhooks.deliveries(webhook.id(), 1).get(0);
        assertThat(waiting.status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(waiting.lastError()).isEqualTo("HTTP 500");
        assertThat(waiting.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1));

        clock.advance(Duration.ofMillis(999));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(receiver.received()).hasSize(2);
        assertThat(webhooks.deliveries(webhook.id(), 1).get(0).nextAttemptAt()).isEqualTo(NOW.plusSeconds(1 + 3));

        clock.advance(Duration.ofSeconds(3));
        assertThat(dispatcher.deliverDue()).isZero();
        WebhookDelivery dropped = webhooks.deliveries(webhook.id(), 1).get(0);
        assertThat(dropped.lastStatus()).isNull();
        assertThat(dropped.lastError()).isNotBlank();
        assertThat(dropped.nextAttemptAt()).isEqualTo(NOW.plusSeconds(1 + 3 + 9));

        clock.advance(Duration.ofSeconds(9));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(receiver.received()).hasSize(4);
        assertThat(receiver.acknowledged()).hasSize(1);
        // Every attempt is the same event, byte for byte, under the same delivery id.
        assertThat(receiver.received().stream().map(Received::body).distinct()).hasSize(1);
        assertThat(receiver.received().stream().map(r -> r.header("X-Standards-Delivery")).distinct()).hasSize(1);
        WebhookDelivery delivered = webhooks.deliveries(webhook.id(), 1).get(0);
        assertThat(delivered.status()).isEqualTo(WebhookDelivery.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(4);
    }

    @Test
    void each_receiver_hears_its_events_in_order_and_a_broken_one_holds_up_no_other() {
        WebhookReceiver broken = WebhookReceiver.start();
        try (broken) {
            register(receiver.url(), null);
            register(broken.url(), null);
            broken.failNext(2, 503);
            enqueue(failed("cc-1", "first-response"), failed("cc-2", "first-response"));
            enqueue(failed("cc-3", "first-response"));

            assertThat(dispatcher.deliverDue()).isEqualTo(3);
            assertThat(subjects(receiver.received())).containsExactly("cc-1", "cc-2", "cc-3");
            // Only the first of the broken receiver's queue was tried; the rest wait behind it.
            assertThat(subjects(broken.received())).containsExactly("cc-1");

            clock.advance(Duration.ofSeconds(1));
            assertThat(dispatcher.deliverDue()).isZero();
            clock.advance(Duration.ofSeconds(3));
            assertThat(dispatcher.deliverDue()).isEqualTo(3);
            assertThat(subjects(broken.acknowledged())).containsExactly("cc-1", "cc-2", "cc-3");
            assertThat(subjects(receiver.received())).containsExactly("cc-1", "cc-2", "cc-3");
        }
    }

    @Test
    void a_receiver_that_never_recovers_is_given_up_on_and_the_failed_delivery_kept_for_inspection() {
        Webhook webhook = register(receiver.url(), null);
        receiver.failNext(5, 500);
        enqueue(failed("cc-1", "first-response"));
        enqueue(failed("cc-2", "first-response"));
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(dispatcher.deliverDue()).isZero();
            clock.advance(dispatcher.backoff(attempt));
        }
        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(27));
        assertThat(dispatcher.backoff(5)).isEqualTo(Duration.ofMinutes(1));

        // The fifth attempt fails too and is the last; the one given up no longer holds the queue,
        // so the next event goes out at once, and the failed one is never tried again.
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(subjects(receiver.received())).containsExactly("cc-1", "cc-1", "cc-1", "cc-1", "cc-1", "cc-2");
        List<WebhookDelivery> deliveries = webhooks.deliveries(webhook.id(), 10);
        assertThat(deliveries).extracting(WebhookDelivery::status).containsExactly(WebhookDelivery.DELIVERED, WebhookDelivery.FAILED);
        assertThat(deliveries.get(1).attempts()).isEqualTo(5);
        assertThat(deliveries.get(1).lastError()).isEqualTo("HTTP 500");
        assertThat(deliveries.get(1).nextAttemptAt()).isNull();
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_retried() {
        try (WebhookDispatcher impatient = new WebhookDispatcher(webhooks, Map::of, clock, new DeliverySettings(
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(1), 5,
                Duration.ofSeconds(1), Duration.ofMillis(200)), loopbackAllowed)) {
            Webhook webhook = register(receiver.url(), null);
            receiver.delayNext(Duration.ofSeconds(2));
            enqueue(failed("cc-1", "first-response"));
            assertThat(impatient.deliverDue()).isZero();
            assertThat(webhooks.deliveries(webhook.id(), 1).get(0).lastError()).isEqualTo("no answer within PT0.2S");
            clock.advance(Duration.ofSeconds(1));
            assertThat(impatient.deliverDue()).isEqualTo(1);
        }
    }

    @Test
    void a_connection_refused_is_retried_like_any_failure() {
        WebhookReceiver gone = WebhookReceiver.start();
        String url = gone.url();
        gone.close();
        Webhook webhook = register(url, null);
        enqueue(failed("cc-1", "first-response"));
        assertThat(dispatcher.deliverDue()).isZero();
        WebhookDelivery delivery = webhooks.deliveries(webhook.id(), 1).get(0);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).contains("Connect");
    }

    @Test
    void events_not_delivered_before_a_restart_go_out_after_it_and_delivered_ones_do_not(@TempDir Path file) {
        try (Database before = Database.sqlite(file)) {
            JdbcWebhooks store = new JdbcWebhooks(before, clock);
            store.register(new WebhookRegistration(receiver.url(), SECRET, null, null, null, null, null));
            before.jdbi().useTransaction(h -> store.enqueue(h, List.of(failed("cc-1", "first-response"))));
            try (WebhookDispatcher first = new WebhookDispatcher(store, Map::of, clock, SETTINGS, loopbackAllowed)) {
                assertThat(first.deliverDue()).isEqualTo(1);
                receiver.failNext(1, 500);
                before.jdbi().useTransaction(h -> store.enqueue(h, List.of(failed("cc-2", "first-response"),
                        failed("cc-3", "first-response"))));
                assertThat(first.deliverDue()).isZero();
            }
        }
        clock.advance(Duration.ofMinutes(5));
        try (Database after = Database.sqlite(file);
             WebhookDispatcher second = new WebhookDispatcher(new JdbcWebhooks(after, clock), Map::of, clock, SETTINGS,
                     loopbackAllowed)) {
            assertThat(second.deliverDue()).isEqualTo(2);
            assertThat(second.deliverDue()).isZero();
        }
        assertThat(subjects(receiver.acknowledged())).containsExactly("cc-1", "cc-2", "cc-3");
    }

    @Test
    void a_deleted_webhook_is_sent_nothing_more() {
        Webhook webhook = register(receiver.url(), null);
        enqueue(failed("cc-1", "first-response"));
        webhooks.deactivate(webhook.id());
        enqueue(failed("cc-2", "first-response"));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void a_stored_call_still_waiting_for_an_answer_is_warned_of_before_it_breaches() throws Exception {
        StandardsService service = Services.on(database, clock);
        webhooks.register(new WebhookRegistration(receiver.url(), SECRET, List.of("first-response"), List.of("MAJOR"),
                List.of("at-risk"), Duration.ofMinutes(2), null));
        service.ingest(Batch.of(List.of(Json.mapper().readTree("{\"id\": \"cc-9001\", \"customer\": {\"id\": \"c-1\"},"
                + " \"agent\": {\"id\": \"a-1\"}, \"channel\": \"PHONE\", \"type\": \"INQUIRY\","
                + " \"openedAt\": \"2026-11-20T15:00:00Z\"}"))), NOW);
        try (WebhookDispatcher watching = new WebhookDispatcher(webhooks,
                () -> WebhookDispatcher.declaredSeverities(service.ruleSets()), clock, SETTINGS, loopbackAllowed)) {
            // Due at 15:03; a two-minute warning goes out from 15:01, once.
            assertThat(watching.scanAtRisk()).isZero();
            clock.set(Instant.parse("2026-11-20T15:01:00Z"));
            assertThat(watching.scanAtRisk()).isEqualTo(1);
            assertThat(watching.scanAtRisk()).isZero();
            assertThat(watching.deliverDue()).isEqualTo(1);
            clock.set(Instant.parse("2026-11-20T15:02:00Z"));
            assertThat(watching.scanAtRisk()).isZero();
            assertThat(watching.deliverDue()).isZero();

            Received warning = receiver.received().get(0);
            assertThat(warning.header("X-Standards-Event")).isEqualTo("outcome.at-risk");
            JsonNode body = Json.mapper().readTree(warning.bytes());
            assertThat(body.get("subject").get("id").asText()).isEqualTo("cc-9001");
            assertThat(body.get("dueAt").asText()).isEqualTo("2026-11-20T15:03:00Z");
            assertThat(body.get("severity").asText()).isEqualTo("MAJOR");
            assertThat(body.get("customerId").asText()).isEqualTo("c-1");
            assertThat(body.get("ruleset").asText()).startsWith("sha256:");
        }
    }

    @Test
    void a_stored_breach_and_a_deadline_passing_reach_the_receiver_once_each_signed() throws Exception {
        StandardsService service = Services.on(database, clock, RuleSets.load(Path.of("rules"), clock),
                new JdbcInteractionStore(database, clock, webhooks));
        webhooks.register(new WebhookRegistration(receiver.url(), SECRET, List.of("first-response"), null, List.of("failed"), null, null));
        String late = "{\"id\": \"cc-1\", \"customer\": {\"id\": \"c-1\"}, \"agent\": {\"id\": \"a-1\"}, \"channel\": \"PHONE\","
                + " \"type\": \"INQUIRY\", \"openedAt\": \"2026-11-20T14:00:00Z\", \"firstResponseAt\": \"2026-11-20T14:10:00Z\"}";
        String waiting = "{\"id\": \"cc-2\", \"customer\": {\"id\": \"c-1\"}, \"agent\": {\"id\": \"a-1\"}, \"channel\": \"PHONE\","
                + " \"type\": \"INQUIRY\", \"openedAt\": \"2026-11-20T15:00:00Z\"}";
        service.ingest(Batch.of(List.of(Json.mapper().readTree(late), Json.mapper().readTree(waiting))), NOW);
        service.ingest(Batch.of(List.of(Json.mapper().readTree(late))), NOW);
        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        clock.set(Instant.parse("2026-11-20T15:04:00Z"));
        service.judgeFallenDue(clock.instant());
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        assertThat(dispatcher.deliverDue()).isZero();

        assertThat(subjects(receiver.received())).containsExactly("cc-1", "cc-2");
        for (Received breach : receiver.received()) {
            assertThat(breach.header("X-Standards-Event")).isEqualTo("outcome.failed");
            assertThat(breach.header("X-Standards-Signature")).isEqualTo(hmac(SECRET, breach.bytes()));
            JsonNode body = Json.mapper().readTree(breach.bytes());
            assertThat(body.get("standard").asText()).isEqualTo("first-response");
            assertThat(body.get("findings").get(0).get("target").asText()).isEqualTo("PT3M");
        }
    }

    @Test
    void a_history_standard_that_becomes_fail_in_the_sweep_reaches_the_receiver() throws Exception {
        RuleSets rules = RuleSets.load(Path.of("rules"), clock);
        HistoryStandards history = new HistoryStandards(rules, new org.servicestandards.store.JdbcHistoryStore(database, clock, webhooks),
                clock, 1);
        StandardsService service = new StandardsService(rules, new JdbcInteractionStore(database, clock, webhooks),
                new org.servicestandards.store.JdbcCustomerRegister(database, clock), history, new org.servicestandards.store.JdbcReports(database));
        webhooks.register(new WebhookRegistration(receiver.url(), SECRET, List.of("contact-frequency"), List.of("MAJOR"), null, null,
                null));
        service.putCustomer("vip-1", new org.servicestandards.interaction.CustomerUpdate(org.servicestandards.interaction.Tier.VIP,
                Instant.parse("2026-01-01T00:00:00Z"), null, "am-1"), NOW);
        history.sweep(NOW);
        history.sweep(NOW.plus(Duration.ofDays(1)));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        JsonNode body = Json.mapper().readTree(receiver.received().get(0).bytes());
        assertThat(body.get("subject").get("kind").asText()).isEqualTo("customer");
        assertThat(body.get("subject").get("id").asText()).isEqualTo("vip-1");
        assertThat(body.get("agentId").asText()).isEqualTo("am-1");
        assertThat(body.get("findings").get(0).get("target").asText()).isEqualTo("P30D");
        history.close();
    }
}
