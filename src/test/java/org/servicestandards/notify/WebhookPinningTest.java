package org.servicestandards.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.notify.WebhookDispatcherTest.NOW;
import static org.servicestandards.notify.WebhookDispatcherTest.SECRET;
import static org.servicestandards.notify.WebhookDispatcherTest.SETTINGS;
import static org.servicestandards.notify.WebhookDispatcherTest.failed;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcWebhooks;
import org.servicestandards.testing.FakeResolver;
import org.servicestandards.testing.MutableClock;
import org.servicestandards.testing.TestCertificate;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.testing.WebhookReceiver.Received;
import org.servicestandards.testing.WebhookReceiver;

/**
 * A delivery goes only where the check at that delivery allows: the name is resolved again, the
 * connection goes to the address checked (with the name kept for Host, TLS server name and the
 * certificate), and a redirect is an answer, not a new target. Every receiver is on 127.0.0.1;
 * the public addresses in these tests are only ever answers of the fake resolver at registration.
 */
class WebhookPinningTest {

    @TempDir
    Path data;
    private final MutableClock clock = new MutableClock(NOW);
    private final FakeResolver resolver = new FakeResolver();
    private final WebhookTargets publicOnly = WebhookTargets.allowing(List.of(), resolver);
    private final WebhookTargets loopbackAllowed = WebhookTargets.allowing(List.of("127.0.0.1/32"), resolver);
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private Database database;
    private JdbcWebhooks webhooks;

    @BeforeEach
    void open() {
        database = TestDatabases.open(data);
        webhooks = new JdbcWebhooks(database, clock);
    }

    @AfterEach
    void close() {
        receiver.close();
        database.close();
    }

    private Webhook register(String url) {
        return webhooks.register(new WebhookRegistration(url, SECRET, null, null, null, null, "officer-1"));
    }

    private void enqueue(OutcomeEvent... events) {
        database.jdbi().useTransaction(h -> webhooks.enqueue(h, List.of(events)));
    }

    private WebhookDelivery onlyDelivery(Webhook webhook) {
        return webhooks.deliveries(webhook.id(), 10).get(0);
    }

    @Test
    void a_name_that_rebinds_to_loopback_after_registration_is_not_delivered_and_the_refusal_is_recorded()
            throws TargetRefused {
        String url = receiver.url("hooks.example.com");
        resolver.answer("hooks.example.com", "93.184.216.34");
        publicOnly.check(URI.create(url));
        Webhook webhook = register(url);
        resolver.answer("hooks.example.com", "127.0.0.1");
        enqueue(failed("cc-1", "first-response"));

        try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, publicOnly)) {
            assertThat(dispatcher.deliverDue()).isZero();
        }
        assertThat(receiver.received()).isEmpty();
        assertThat(resolver.lookups("hooks.example.com")).isEqualTo(2);
        WebhookDelivery delivery = onlyDelivery(webhook);
        assertThat(delivery.status()).isEqualTo(WebhookDelivery.PENDING);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastStatus()).isNull();
        assertThat(delivery.lastError()).startsWith("refused: hooks.example.com resolves to 127.0.0.1, a loopback address")
                .contains("--webhook-allow");
    }

    @Test
    void the_loopback_receiver_is_refused_until_the_operator_allows_it() {
        Webhook webhook = register(receiver.url());
        enqueue(failed("cc-1", "first-response"));
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, publicOnly)) {
            assertThat(dispatcher.deliverDue()).isZero();
        }
        assertThat(receiver.received()).isEmpty();
        assertThat(onlyDelivery(webhook).lastError()).startsWith("refused: 127.0.0.1 is a loopback address");

        clock.advance(Duration.ofSeconds(1));
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, loopbackAllowed)) {
            assertThat(dispatcher.deliverDue()).isEqualTo(1);
        }
        assertThat(receiver.acknowledged()).hasSize(1);
        assertThat(onlyDelivery(webhook).status()).isEqualTo(WebhookDelivery.DELIVERED);
    }

    @Test
    void a_redirect_is_a_failed_attempt_and_its_target_hears_nothing() {
        try (WebhookReceiver elsewhere = WebhookReceiver.start()) {
            Webhook webhook = register(receiver.url());
            receiver.redirectNext(elsewhere.url());
            enqueue(failed("cc-1", "first-response"));
            try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, loopbackAllowed)) {
                assertThat(dispatcher.deliverDue()).isZero();
            }
            assertThat(receiver.received()).hasSize(1);
            assertThat(elsewhere.received()).isEmpty();
            WebhookDelivery delivery = onlyDelivery(webhook);
            assertThat(delivery.status()).isEqualTo(WebhookDelivery.PENDING);
            assertThat(delivery.lastStatus()).isEqualTo(302);
            assertThat(delivery.lastError()).isEqualTo("HTTP 302");
        }
    }

    @Test
    void a_name_is_posted_to_at_the_address_checked_with_the_name_in_the_host_header() {
        resolver.answer("receiver.test", "127.0.0.1");
        register(receiver.url("receiver.test"));
        enqueue(failed("cc-1", "first-response"));
        try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, loopbackAllowed)) {
            assertThat(dispatcher.deliverDue()).isEqualTo(1);
        }
        Received request = receiver.received().get(0);
        assertThat(request.header("Host")).isEqualTo("receiver.test:" + receiver.port());
        assertThat(request.header("X-Standards-Signature")).startsWith("sha256=");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("User-Agent")).isEqualTo("service-standards-webhooks");
    }

    @Test
    void over_https_the_pinned_connection_presents_the_name_for_sni_and_checks_the_certificate_against_it() {
        TestCertificate certificate = TestCertificate.forHost("hooks.example.test", data);
        try (WebhookReceiver https = WebhookReceiver.startHttps(certificate.server())) {
            resolver.answer("hooks.example.test", "127.0.0.1").answer("other.example.test", "127.0.0.1");
            Webhook good = register(https.url("hooks.example.test"));
            Webhook wrongName = register(https.url("other.example.test"));
            enqueue(failed("cc-1", "first-response"));
            try (WebhookDispatcher dispatcher = new WebhookDispatcher(webhooks, Map::of, clock, SETTINGS, loopbackAllowed,
                    certificate.trusting())) {
                assertThat(dispatcher.deliverDue()).isEqualTo(1);
            }
            assertThat(https.received()).singleElement().satisfies(request -> {
                assertThat(request.serverName()).isEqualTo("hooks.example.test");
                assertThat(request.header("Host")).isEqualTo("hooks.example.test:" + https.port());
            });
            assertThat(onlyDelivery(good).status()).isEqualTo(WebhookDelivery.DELIVERED);
            // The same receiver under a name its certificate does not carry: the handshake fails, nothing is posted.
            WebhookDelivery refused = onlyDelivery(wrongName);
            assertThat(refused.status()).isEqualTo(WebhookDelivery.PENDING);
            assertThat(refused.lastError()).contains("SSLHandshakeException").contains("other.example.test");
        }
    }
}
