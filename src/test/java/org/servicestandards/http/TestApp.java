package org.servicestandards.http;

import io.javalin.Javalin;
import io.javalin.testtools.TestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.Role;
import org.servicestandards.app.Application;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.notify.DeliverySettings;
import org.servicestandards.records.StandardsService;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.testing.WebhookTargetCases;

/**
 * The application as {@code serve} builds it (shipped rules, SQLite in a temp directory or a
 * fresh PostgreSQL database) with a fixed clock, running jobs (imports, re-evaluations, sweeps)
 * but no other background work, for tests that drive its HTTP API on port 0.
 */
final class TestApp implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    final Application application;
    final StandardsService service;
    final AccessKeys keys;
    /** A key with every role, which {@link #asAdmin()} sends with every request. */
    final String adminKey;
    final Javalin app;

    TestApp(Path dataDirectory, HttpSettings settings) {
        this(dataDirectory, settings, Path.of("rules"));
    }

    TestApp(Path dataDirectory, HttpSettings settings, Path rules) {
        this(config(dataDirectory, settings, rules, List.of()));
    }

    TestApp(Path dataDirectory) {
        this(dataDirectory, HttpSettings.defaults());
    }

    TestApp(ApplicationConfig config) {
        this(config, true);
    }

    /** With {@code runJobs} false, jobs are started and wait: no node takes them up. */
    TestApp(ApplicationConfig config, boolean runJobs) {
        application = Application.open(config);
        service = application.service();
        keys = application.keys();
        adminKey = keys.create("test admin", Set.of(Role.ADMIN), "test").secret();
        app = application.http().javalin();
        if (runJobs) {
            application.runJobs();
        }
    }

    /**
     * The job a request answered {@code 202} with, once it has ended: polls its
     * {@code Location} until then (a minute at most).
     */
    static com.fasterxml.jackson.databind.JsonNode finished(io.javalin.testtools.HttpClient client, io.javalin.testtools.Response accepted)
            throws Exception {
        return finished(client, accepted, null);
    }

    /** {@link #finished(io.javalin.testtools.HttpClient, io.javalin.testtools.Response)}, read with {@code key} (null: the client's own). */
    static com.fasterxml.jackson.databind.JsonNode finished(io.javalin.testtools.HttpClient client, io.javalin.testtools.Response accepted,
                                                          String key) throws Exception {
        org.assertj.core.api.Assertions.assertThat(accepted.code()).as("a job was started").isEqualTo(202);
        String location = accepted.headers().get("Location").get(0);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        while (true) {
            com.fasterxml.jackson.databind.JsonNode job = InteractionsApiTest.json(key == null ? client.get(location)
                    : AccessApiTest.call(client, "GET", location, key));
            String state = job.get("state").asText();
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state)) {
                return job;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("job " + job + " has not ended in a minute");
            }
            Thread.sleep(20);
        }
    }

    /**
     * What a test's application is built from: the store of {@link TestDatabases}, the clock
     * stopped at {@link #NOW}, the rules not watched, and webhook names resolved as
     * {@link WebhookTargetCases} says (tests cannot reach DNS), receivers in {@code webhookAllow}
     * allowed.
     */
    static ApplicationConfig config(Path dataDirectory, HttpSettings settings, Path rules, List<String> webhookAllow) {
        return ApplicationConfig.defaults()
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withStore(TestDatabases.config(dataDirectory))
                .withRules(rules)
                .withWatch(ApplicationConfig.Watch.never())
                .withListen(new ApplicationConfig.Listen("127.0.0.1", 0))
                .withLimits(new ApplicationConfig.Limits(settings.maxBodyBytes(), settings.maxBatchRecords(),
                        settings.requestsPerMinute()))
                .withSweep(new ApplicationConfig.Sweep(LocalTime.of(2, 0), ZoneOffset.UTC, 2))
                .withWebhooks(new ApplicationConfig.Webhooks(webhookAllow, WebhookTargetCases.resolver(),
                        DeliverySettings.defaults()));
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
        application.close();
    }
}
