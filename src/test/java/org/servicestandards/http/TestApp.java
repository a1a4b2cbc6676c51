package org.servicestandards.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import io.javalin.testtools.TestConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.servicestandards.access.Role;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.notify.WebhookTargets;
import org.servicestandards.service.AccessKeys;
import org.servicestandards.service.HistoryStandards;
import org.servicestandards.service.RuleSets;
import org.servicestandards.service.StandardsService;
import org.servicestandards.store.Database;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.testing.WebhookTargetCases;
import org.servicestandards.store.JdbcApiKeyStore;
import org.servicestandards.store.JdbcAuditLog;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcRuleSetArchive;
import org.servicestandards.store.JdbcWebhooks;

/** The real app (shipped rules, SQLite in a temp directory) with a fixed clock, for tests on port 0. */
final class TestApp implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    final Database database;
    final StandardsService service;
    final HistoryStandards history;
    final AccessKeys keys;
    final JdbcAuditLog audit;
    /** A key with every role, which {@link #asAdmin()} sends with every request. */
    final String adminKey;
    final Javalin app;

    TestApp(Path dataDirectory, HttpSettings settings) {
        this(dataDirectory, settings, Path.of("rules"));
    }

    TestApp(Path dataDirectory, HttpSettings settings, Path rules) {
        this(dataDirectory, settings, rules, false);
    }

    /** With {@code webhooks}, the webhook routes keep webhooks in the store instead of answering 503. */
    TestApp(Path dataDirectory, HttpSettings settings, Path rules, boolean webhooks) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        database = TestDatabases.open(dataDirectory);
        RuleSets ruleSets = RuleSets.load(rules, clock, new JdbcRuleSetArchive(database));
        history = new HistoryStandards(ruleSets, new JdbcHistoryStore(database, clock), clock, 2);
        service = new StandardsService(ruleSets, new JdbcInteractionStore(database, clock), new JdbcCustomerRegister(database, clock),
                history);
        audit = new JdbcAuditLog(database, clock);
        keys = new AccessKeys(new JdbcApiKeyStore(database), audit, clock);
        adminKey = keys.create("test admin", Set.of(Role.ADMIN), "test").secret();
        // Webhook names resolve as the cases say: tests cannot reach DNS.
        app = webhooks
                ? HttpApi.create(service, settings.withWebhookTargets(WebhookTargets.allowing(List.of(), WebhookTargetCases.resolver())),
                        clock, ServiceMetrics.of(service), new JdbcWebhooks(database, clock), keys, audit)
                : HttpApi.create(service, settings, clock, keys, audit);
    }

    TestApp(Path dataDirectory) {
        this(dataDirectory, HttpSettings.defaults());
    }

    /** Requests carry the admin key. */
    TestConfig asAdmin() {
        return as(adminKey);
    }

    /** Requests carry {@code key}. */
    static TestConfig as(String key) {
        return new TestConfig(true, true, java.net.http.HttpClient.newHttpClient(), Map.of("Authorization", "Bearer " + key));
    }

    /** A new key with the given roles. */
    String key(Role... roles) {
        return keys.create("test " + java.util.Arrays.toString(roles), Set.of(roles), "test").secret();
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/api", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        history.close();
        database.close();
    }
}
