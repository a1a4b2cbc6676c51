package org.servicestandards.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.report.ComplianceRow;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.store.Database;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.verdict.Outcome;

/** A stored PENDING outcome is judged again once its deadline passes, even across a restart. */
class DeadlinesPassTest {

    private static final Instant POSTED = Instant.parse("2026-11-20T15:00:00Z");

    private static StandardsService service(Database database) {
        Clock clock = Clock.fixed(POSTED, ZoneOffset.UTC);
        return Services.on(database, clock);
    }

    /** A call waiting for an answer since 15:00; a standard-tier call must be answered within 3 minutes. */
    private static JsonNode waitingCall() throws Exception {
        return Json.mapper().readTree("{\"id\": \"cc-9001\", \"customer\": {\"id\": \"c-1\"}, \"agent\": {\"id\": \"a-1\"},"
                + " \"channel\": \"PHONE\", \"type\": \"INQUIRY\", \"openedAt\": \"2026-11-20T15:00:00Z\"}");
    }

    @Test
    void a_pending_outcome_whose_deadline_passed_is_judged_again_and_fails(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = service(database);
            RecordResult stored = service.ingest(Batch.of(List.of(waitingCall())), POSTED).get(0);
            assertThat(stored.verdict().outcome("first-response").outcome()).isEqualTo(Outcome.PENDING);
            assertThat(stored.verdict().outcome("first-response").dueAt()).isEqualTo(Instant.parse("2026-11-20T15:03:00Z"));

            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:02:59Z"))).isZero();
            // Exactly at the deadline the call is still within target: nothing to judge again.
            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:03:00Z"))).isZero();
            assertThat(service.find("cc-9001").orElseThrow().revisions().get(0).verdicts()).hasSize(1);
            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:03:01Z"))).isEqualTo(1);
            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:03:02Z"))).isZero();

            var verdicts = service.find("cc-9001").orElseThrow().revisions().get(0).verdicts();
            assertThat(verdicts).hasSize(2);
            assertThat(verdicts.get(1).outcome("first-response").outcome()).isEqualTo(Outcome.FAIL);
            assertThat(service.atRisk(Instant.parse("2026-11-20T15:03:01Z"), Instant.parse("2026-11-21T00:00:00Z"), 10)).isEmpty();
            var row = service.compliance(Filters.between(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z")),
                    List.of(GroupBy.STANDARD), POSTED).rows().stream().filter(r -> r.group().get("standard").equals("first-response"))
                    .findFirst().orElseThrow();
            assertThat(row.fail()).isEqualTo(1);
            assertThat(row.pending()).isZero();
        }
    }

    /** A complaint answered at once, then waiting on the customer since 14:30: its clock is stopped, nothing falls due. */
    private static JsonNode pausedComplaint() throws Exception {
        return Json.mapper().readTree("{\"id\": \"hd-9002\", \"customer\": {\"id\": \"c-2\"}, \"agent\": {\"id\": \"a-1\"},"
                + " \"channel\": \"EMAIL\", \"type\": \"COMPLAINT\", \"openedAt\": \"2026-11-20T14:00:00Z\","
                + " \"firstResponseAt\": \"2026-11-20T14:01:00Z\", \"complaint\": {\"ownerId\": \"a-1\"},"
                + " \"pauses\": [{\"from\": \"2026-11-20T14:30:00Z\"}]}");
    }

    private static ComplianceRow row(StandardsService service, String standard, String asOf) {
        return service.compliance(Filters.between(Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-21T00:00:00Z")),
                List.of(GroupBy.STANDARD), Instant.parse(asOf)).rows().stream()
                .filter(r -> r.group().get("standard").equals(standard)).findFirst().orElseThrow();
    }

    @Test
    void compliance_counts_a_pending_outcome_whose_deadline_passed_as_failed_before_it_is_judged_again(@TempDir Path data)
            throws Exception {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = service(database);
            service.ingest(Batch.of(List.of(waitingCall(), pausedComplaint())), POSTED);
            assertThat(service.find("hd-9002").orElseThrow().revisions().get(0).verdicts().get(0)
                    .outcome("complaint-resolution").dueAt()).isNull();

            ComplianceRow atDeadline = row(service, "first-response", "2026-11-20T15:03:00Z");
            assertThat(List.of(atDeadline.pass(), atDeadline.fail(), atDeadline.pending())).containsExactly(1L, 0L, 1L);
            ComplianceRow past = row(service, "first-response", "2026-11-20T15:03:01Z");
            assertThat(List.of(past.pass(), past.fail(), past.pending())).containsExactly(1L, 1L, 0L);
            // Without a deadline an outcome stays pending however late it is read.
            assertThat(row(service, "complaint-resolution", "2026-12-31T00:00:00Z").pending()).isEqualTo(1);
            // Counting judged nothing again and stored nothing.
            assertThat(service.find("cc-9001").orElseThrow().revisions().get(0).verdicts()).hasSize(1);
            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:03:01Z"))).isEqualTo(1);
        }
    }

    @Test
    void deadlines_that_passed_while_the_service_was_down_are_judged_after_a_restart(@TempDir Path data) throws Exception {
        try (Database database = Database.sqlite(data)) {
            service(database).ingest(Batch.of(List.of(waitingCall())), POSTED);
        }
        assertThat(Files.exists(data.resolve("standards.db"))).isTrue();
        try (Database reopened = Database.sqlite(data)) {
            StandardsService restarted = service(reopened);
            assertThat(restarted.judgeFallenDue(Instant.parse("2026-11-21T09:00:00Z"))).isEqualTo(1);
            assertThat(restarted.find("cc-9001").orElseThrow().revisions().get(0).verdicts().get(1)
                    .outcome("first-response").outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Test
    void records_whose_verdict_comes_out_unchanged_hold_up_none_after_them(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            Clock clock = Clock.fixed(POSTED, ZoneOffset.UTC);
            InteractionStore real = new org.servicestandards.store.JdbcInteractionStore(database, clock);
            // The first 500 records (a whole page of the keeper's) come out as their verdict
            // stands, as a rule that keeps an outcome PENDING past its deadline would have them.
            InteractionStore unchangedFirstPage = (InteractionStore) java.lang.reflect.Proxy.newProxyInstance(
                    InteractionStore.class.getClassLoader(), new Class<?>[] {InteractionStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("appendVerdicts")) {
                            @SuppressWarnings("unchecked")
                            List<InteractionStore.Rejudged> rejudged = (List<InteractionStore.Rejudged>) args[0];
                            args = new Object[] {rejudged.stream().filter(r -> r.record().id().compareTo("cc-0500") >= 0).toList()};
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            StandardsService service = Services.on(database, clock,
                    org.servicestandards.rulesets.RuleSets.load(Path.of("rules"), clock), unchangedFirstPage);
            List<JsonNode> calls = new java.util.ArrayList<>();
            for (int n = 0; n <= 500; n++) {
                calls.add(Json.mapper().readTree(waitingCall().toString().replace("cc-9001", String.format("cc-%04d", n))));
            }
            service.ingest(Batch.of(calls), POSTED);

            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:03:01Z"))).isEqualTo(1);
            assertThat(service.find("cc-0500").orElseThrow().revisions().get(0).verdicts().get(1)
                    .outcome("first-response").outcome()).isEqualTo(Outcome.FAIL);
        }
    }

    @Test
    void a_stale_verdict_another_keeper_replaced_meanwhile_is_not_replaced_again(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            Clock clock = Clock.fixed(POSTED, ZoneOffset.UTC);
            InteractionStore real = new org.servicestandards.store.JdbcInteractionStore(database, clock);
            StandardsService other = Services.on(database, clock);
            // This keeper reads the stale verdict; before it stores its own, the other node's
            // keeper judges the same call four seconds later and stores its verdict.
            boolean[] overtaken = {false};
            InteractionStore overtakenStore = (InteractionStore) java.lang.reflect.Proxy.newProxyInstance(
                    InteractionStore.class.getClassLoader(), new Class<?>[] {InteractionStore.class}, (proxy, method, args) -> {
                        try {
                            Object answer = method.invoke(real, args);
                            if (method.getName().equals("pendingFallenDue") && !overtaken[0]) {
                                overtaken[0] = true;
                                assertThat(other.judgeFallenDue(Instant.parse("2026-11-20T15:03:05Z"))).isEqualTo(1);
                            }
                            return answer;
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            StandardsService service = Services.on(database, clock,
                    org.servicestandards.rulesets.RuleSets.load(Path.of("rules"), clock), overtakenStore);
            service.ingest(Batch.of(List.of(waitingCall())), POSTED);

            assertThat(service.judgeFallenDue(Instant.parse("2026-11-20T15:03:01Z"))).isZero();
            var verdicts = service.find("cc-9001").orElseThrow().revisions().get(0).verdicts();
            assertThat(verdicts).hasSize(2);
            assertThat(verdicts.get(1).outcome("first-response").outcome()).isEqualTo(Outcome.FAIL);
        }
    }
}
