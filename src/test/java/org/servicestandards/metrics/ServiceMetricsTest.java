package org.servicestandards.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.records.InteractionStore;
import org.servicestandards.records.StandardsService;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;

/** Verdicts stored by standard and outcome, and how long the store takes, by operation. */
class ServiceMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    @Test
    void stored_verdicts_are_counted_by_standard_and_outcome_and_store_calls_are_timed(@TempDir Path data) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Database database = TestDatabases.open(data)) {
            RuleSets rules = RuleSets.load(Path.of("rules"), clock);
            ServiceMetrics metrics = new ServiceMetrics(rules);
            StandardsService service = Services.on(database, clock, rules,
                    metrics.timed(InteractionStore.class, new JdbcInteractionStore(database, clock)),
                    metrics.timed(CustomerRegister.class, new JdbcCustomerRegister(database, clock)));
            metrics.service(service);
            JsonNode late = Json.mapper().readTree("{\"id\": \"cc-1\", \"customer\": {\"id\": \"c-1\"}, \"agent\": {\"id\": \"a-1\"},"
                    + " \"channel\": \"PHONE\", \"type\": \"INQUIRY\", \"openedAt\": \"2026-11-20T14:00:00Z\","
                    + " \"firstResponseAt\": \"2026-11-20T14:10:00Z\"}");
            service.ingest(Batch.of(List.of(late)), NOW);
            service.ingest(Batch.of(List.of(late)), NOW);

            String scrape = metrics.scrape();
            // The same record twice is stored once: counted once.
            assertThat(scrape).contains("standards_verdicts_total{outcome=\"FAIL\",standard=\"first-response\"} 1.0")
                    .contains("standards_verdicts_total{outcome=\"NOT_APPLICABLE\",standard=\"complaint-owner\"} 1.0")
                    .contains("standards_store_seconds_count{operation=\"save\",store=\"InteractionStore\"} 2");

            // What the store throws comes through as it was, and is timed too.
            CustomerRegister register = metrics.timed(CustomerRegister.class, new JdbcCustomerRegister(database, clock));
            assertThatThrownBy(() -> register.put("c-2", null, NOW, null, null)).isInstanceOf(NullPointerException.class);
            assertThat(metrics.scrape()).contains("standards_store_seconds_count{operation=\"put\",store=\"CustomerRegister\"} 1");
        }
    }

    @Test
    void a_background_job_that_fails_on_every_tick_shows_in_the_metrics(@TempDir Path data) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (Database database = TestDatabases.open(data)) {
            RuleSets rules = RuleSets.load(Path.of("rules"), clock);
            ServiceMetrics metrics = new ServiceMetrics(rules);
            InteractionStore real = new JdbcInteractionStore(database, clock);
            // A store that refuses what the keeper asks of it, as a broken database would.
            InteractionStore refusing = org.servicestandards.testing.Refusing.store(InteractionStore.class, real, "pendingFallenDue",
                    (method, args) -> true);
            StandardsService service = Services.on(database, clock, rules, refusing);
            try (org.servicestandards.records.DeadlineKeeper keeper = org.servicestandards.records.DeadlineKeeper.start(service, clock,
                    java.time.Duration.ofMillis(20), org.servicestandards.jobs.Leases.alone())) {
                metrics.job("deadline-keeper", keeper.runs());
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                        .until(() -> keeper.runs().failedCount() >= 3);
                assertThat(metrics.scrape())
                        .containsPattern("standards_background_runs_total\\{job=\"deadline-keeper\",result=\"failed\"} [1-9][0-9]*\\.0")
                        .contains("standards_background_runs_total{job=\"deadline-keeper\",result=\"ok\"} 0.0")
                        .contains("standards_background_last_success_seconds{job=\"deadline-keeper\"} NaN");
            }
        }
    }
}
