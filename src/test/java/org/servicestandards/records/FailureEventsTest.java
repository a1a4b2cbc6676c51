package org.servicestandards.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.Outbox;
import org.servicestandards.testing.TestDatabases;

/** The store tells the outbox, in the transaction that stores it, of every outcome that becomes FAIL, and only then. */
class FailureEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private final List<OutcomeEvent> events = new ArrayList<>();
    private final Outbox recording = (handle, enqueued) -> events.addAll(enqueued);

    private StandardsService service(Database database) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RuleSets rules = RuleSets.load(Path.of("rules"), clock);
        return new StandardsService(rules, new JdbcInteractionStore(database, clock, recording), new JdbcCustomerRegister(database, clock),
                new HistoryStandards(rules, new JdbcHistoryStore(database, clock, recording), clock, 1), new org.servicestandards.store.JdbcReports(database));
    }

    private static JsonNode call(String firstResponseAt, String closedAt) throws Exception {
        return Json.mapper().readTree("{\"id\": \"cc-1\", \"customer\": {\"id\": \"c-1\"}, \"agent\": {\"id\": \"a-1\"},"
                + " \"channel\": \"PHONE\", \"type\": \"INQUIRY\", \"openedAt\": \"2026-11-20T14:00:00Z\""
                + (firstResponseAt == null ? "" : ", \"firstResponseAt\": \"" + firstResponseAt + "\"")
                + (closedAt == null ? "" : ", \"closedAt\": \"" + closedAt + "\"") + "}");
    }

    @Test
    void a_record_stored_failing_is_one_event_and_stays_one_while_it_keeps_failing(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = service(database);
            service.ingest(Batch.of(List.of(call("2026-11-20T14:10:00Z", null))), NOW);
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(OutcomeEvent.FAILED);
                assertThat(e.standard()).isEqualTo("first-response");
                assertThat(e.severity()).isEqualTo("MAJOR");
                assertThat(e.subjectKind()).isEqualTo("interaction");
                assertThat(e.subjectId()).isEqualTo("cc-1");
                assertThat(e.customerId()).isEqualTo("c-1");
                assertThat(e.agentId()).isEqualTo("a-1");
                assertThat(e.findings()).isNotEmpty();
            });
            service.ingest(Batch.of(List.of(call("2026-11-20T14:10:00Z", null))), NOW);
            service.ingest(Batch.of(List.of(call("2026-11-20T14:10:00Z", "2026-11-20T14:30:00Z"))), NOW);
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void a_pending_outcome_that_breaches_when_its_deadline_passes_is_an_event(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = service(database);
            service.ingest(Batch.of(List.of(Json.mapper().readTree("{\"id\": \"cc-2\", \"customer\": {\"id\": \"c-1\"}, \"agent\": {\"id\": \"a-1\"},"
                    + " \"channel\": \"PHONE\", \"type\": \"INQUIRY\", \"openedAt\": \"2026-11-20T15:00:00Z\"}"))), NOW);
            assertThat(events).isEmpty();
            service.judgeFallenDue(Instant.parse("2026-11-20T15:03:01Z"));
            assertThat(events).singleElement().satisfies(e -> assertThat(e.key()).startsWith("failed|interaction|cc-2|first-response|1|2"));
            service.judgeFallenDue(Instant.parse("2026-11-20T15:10:00Z"));
            assertThat(events).hasSize(1);
        }
    }

    @Test
    void a_history_outcome_that_becomes_fail_is_an_event_naming_the_customer(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = service(database);
            service.putCustomer("vip-1", new org.servicestandards.interaction.CustomerUpdate(org.servicestandards.interaction.Tier.VIP,
                    Instant.parse("2026-01-01T00:00:00Z"), null, "am-1"), NOW);
            HistoryStandards history = service.history();
            history.sweep(NOW);
            assertThat(events).extracting(OutcomeEvent::standard).containsExactly("contact-frequency", "satisfaction-survey");
            assertThat(events.get(0).subjectKind()).isEqualTo("customer");
            assertThat(events.get(0).subjectId()).isEqualTo("vip-1");
            assertThat(events.get(0).agentId()).isEqualTo("am-1");
            history.sweep(NOW.plusSeconds(86_400));
            assertThat(events).hasSize(2);
            history.close();
        }
    }
}
