package org.servicestandards.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.interaction.Tier;
import org.servicestandards.json.Json;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.ComplianceRow;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Violation;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;

/** The history standards over the store: on demand, by the sweep, as deadlines pass and as records come in. */
class HistoryStandardsServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    /** The service and its history standards on one store. */
    private record App(StandardsService service, HistoryStandards history) implements AutoCloseable {
        static App on(Database database) {
            return on(database, Clock.fixed(NOW, ZoneOffset.UTC));
        }

        static App on(Database database, Clock clock) {
            RuleSets rules = RuleSets.load(Path.of("rules"), clock);
            HistoryStandards history = new HistoryStandards(rules, new JdbcHistoryStore(database, clock), clock, 2);
            return new App(new StandardsService(rules, new JdbcInteractionStore(database, clock),
                    new JdbcCustomerRegister(database, clock), history, new org.servicestandards.store.JdbcReports(database)), history);
        }

        void post(String... records) {
            List<JsonNode> nodes = new ArrayList<>();
            for (String record : records) {
                try {
                    nodes.add(Json.mapper().readTree(record));
                } catch (Exception e) {
                    throw new IllegalArgumentException(record, e);
                }
            }
            service.ingest(Batch.of(nodes), NOW).forEach(r -> assertThat(r.errors()).as(r.id()).isEmpty());
        }

        void customer(String id, Tier tier, String since, String accountManager) {
            service.putCustomer(id, new CustomerUpdate(tier, Instant.parse(since), null, accountManager), NOW);
        }

        List<HistoryOutcome> judge(String customer, String asOf) {
            return history.customer(customer, Instant.parse(asOf)).orElseThrow();
        }

        @Override
        public void close() {
            history.close();
        }
    }

    private static String record(String id, String customer, String tier, String channel, String direction, String type,
                                 String openedAt, String extra) {
        return "{\"id\": \"" + id + "\", \"customer\": {\"id\": \"" + customer + "\", \"tier\": \"" + tier + "\"},"
                + " \"agent\": {\"id\": \"agent-1\", \"team\": \"team-a\"}, \"channel\": \"" + channel + "\", \"direction\": \""
                + direction + "\", \"type\": \"" + type + "\", \"openedAt\": \"" + openedAt + "\"" + extra + "}";
    }

    private static String complaint(String id, String customer, String resolvedAt) {
        return record(id, customer, "STANDARD", "EMAIL", "INBOUND", "COMPLAINT", "2026-11-02T09:00:00Z",
                ", \"firstResponseAt\": \"2026-11-02T09:30:00Z\", \"closedAt\": \"" + resolvedAt + "\","
                        + " \"complaint\": {\"ownerId\": \"owner-1\", \"resolvedAt\": \"" + resolvedAt + "\"}");
    }

    private static String followUp(String id, String customer, String relatesTo, String openedAt) {
        return record(id, customer, "STANDARD", "PHONE", "OUTBOUND", "FOLLOW_UP", openedAt, ", \"firstResponseAt\": \""
                + openedAt + "\", \"closedAt\": \"" + openedAt + "\", \"relatesTo\": \"" + relatesTo + "\"");
    }

    private static String call(String id, String customer, String tier, String openedAt) {
        return record(id, customer, tier, "PHONE", "OUTBOUND", "INQUIRY", openedAt,
                ", \"firstResponseAt\": \"" + openedAt + "\", \"closedAt\": \"" + openedAt + "\"");
    }

    private static Filters november() {
        return Filters.between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static ComplianceRow row(StandardsService service, Filters filters, String standard) {
        return service.compliance(filters, List.of(GroupBy.STANDARD), NOW).rows().stream()
                .filter(r -> r.group().get("standard").equals(standard)).findFirst().orElse(null);
    }

    @Test
    void history_is_judged_on_demand_from_the_stored_records_and_the_register(@TempDir Path data) {
        try (Database database = TestDatabases.open(data); App app = App.on(database)) {
            app.customer("vip-1", Tier.VIP, "2026-01-01T00:00:00Z", "am-1");
            app.post(call("call-1", "vip-1", "VIP", "2026-10-01T10:00:00Z"));
            List<HistoryOutcome> outcomes = app.judge("vip-1", "2026-11-20T12:00:00Z");
            HistoryOutcome contact = outcomes.stream().filter(o -> o.standard().equals("contact-frequency")).findFirst().orElseThrow();
            assertThat(contact.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(contact.accountManager()).isEqualTo("am-1");
            assertThat(contact.evidence()).containsEntry("lastContact", "call-1");
            assertThat(app.judge("vip-1", "2026-10-20T12:00:00Z").stream().filter(o -> o.standard().equals("contact-frequency"))
                    .findFirst().orElseThrow().outcome()).isEqualTo(Outcome.PASS);
            // The same stored data and asOf, the same answer.
            assertThat(app.judge("vip-1", "2026-11-20T12:00:00Z")).isEqualTo(outcomes);
            assertThat(app.history.customer("nobody", NOW)).isEmpty();
        }
    }

    @Test
    void pages_of_customers_in_id_order_with_filters_and_a_cursor(@TempDir Path data) {
        try (Database database = TestDatabases.open(data); App app = App.on(database)) {
            for (int k = 0; k < 7; k++) {
                app.customer("vip-" + k, Tier.VIP, "2026-01-01T00:00:00Z", k % 2 == 0 ? "am-even" : "am-odd");
            }
            app.post(call("call-3", "vip-3", "VIP", "2026-11-19T10:00:00Z"));
            Instant asOf = Instant.parse("2026-11-20T12:00:00Z");
            HistoryPage failing = app.history.page(new HistoryQuery(asOf, null, "contact-frequency", "FAIL", null, null, 100));
            assertThat(failing.items()).extracting(o -> o.subject().id())
                    .containsExactly("vip-0", "vip-1", "vip-2", "vip-4", "vip-5", "vip-6");
            assertThat(failing.next()).isNull();

            List<String> seen = new ArrayList<>();
            String after = null;
            do {
                HistoryPage page = app.history.page(new HistoryQuery(asOf, null, "contact-frequency", null, null, after, 3));
                assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
                page.items().forEach(o -> seen.add(o.subject().id()));
                after = page.next();
            } while (after != null);
            assertThat(seen).containsExactly("vip-0", "vip-1", "vip-2", "vip-3", "vip-4", "vip-5", "vip-6");

            HistoryPage odd = app.history.page(new HistoryQuery(asOf, null, "contact-frequency", null, "am-odd", null, 100));
            assertThat(odd.items()).extracting(o -> o.subject().id()).containsExactly("vip-1", "vip-3", "vip-5");
            assertThat(app.history.page(new HistoryQuery(asOf, "vip-3", null, null, null, null, 100)).items())
                    .extracting(HistoryOutcome::standard).containsExactly("contact-frequency", "satisfaction-survey");
        }
    }

    @Test
    void the_sweep_keeps_outcomes_that_reports_and_violations_count_by_account_manager(@TempDir Path data) {
        try (Database database = TestDatabases.open(data); App app = App.on(database)) {
            app.customer("vip-1", Tier.VIP, "2026-01-01T00:00:00Z", "am-1");
            app.customer("vip-2", Tier.VIP, "2026-01-01T00:00:00Z", "am-2");
            app.post(call("call-2", "vip-2", "VIP", "2026-11-10T10:00:00Z"));
            HistoryStandards.Sweep sweep = app.history.sweep(Instant.parse("2026-11-20T02:00:00Z"));
            assertThat(sweep.customers()).isEqualTo(2);
            assertThat(sweep.outcomes()).isEqualTo(4);

            ComplianceRow contact = row(app.service, november(), "contact-frequency");
            assertThat(contact.pass()).isEqualTo(1);
            assertThat(contact.fail()).isEqualTo(1);
            Map<String, ComplianceRow> byAgent = new java.util.HashMap<>();
            app.service.compliance(new Filters(november().from(), november().to(), "contact-frequency", null, null, null, null, null,
                    null), List.of(GroupBy.AGENT), NOW).rows().forEach(r -> byAgent.put(r.group().get("agent"), r));
            assertThat(byAgent.get("am-1").fail()).isEqualTo(1);
            assertThat(byAgent.get("am-2").pass()).isEqualTo(1);

            List<Violation> violations = app.service.violations(new Filters(november().from(), november().to(), "contact-frequency",
                    null, null, null, null, null, null), 1, 50).items();
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.subjectKind()).isEqualTo("customer");
                assertThat(v.interactionId()).isEqualTo("vip-1");
                assertThat(v.revision()).isNull();
                assertThat(v.agent()).isEqualTo("am-1");
                assertThat(v.target()).isEqualTo("P30D");
                assertThat(v.message()).contains("no outbound call or visit");
            });

            // Sweeping again the same day changes nothing; next month's sweep adds that month.
            app.history.sweep(Instant.parse("2026-11-21T02:00:00Z"));
            assertThat(row(app.service, november(), "contact-frequency").fail()).isEqualTo(1);
            app.history.sweep(Instant.parse("2026-12-01T02:00:00Z"));
            ComplianceRow both = row(app.service, Filters.between(Instant.parse("2026-11-01T00:00:00Z"),
                    Instant.parse("2027-01-01T00:00:00Z")), "contact-frequency");
            assertThat(both.pass() + both.fail()).isEqualTo(4);
            assertThat(app.history.lastSweep()).contains(Instant.parse("2026-12-01T02:00:00Z"));
        }
    }

    @Test
    void a_pending_follow_up_is_at_risk_then_fails_when_its_deadline_passes_even_after_a_restart(@TempDir Path data) {
        Database database = Database.sqlite(data);
        try (App app = App.on(database)) {
            app.post(complaint("cmp-1", "std-1", "2026-11-15T12:00:00Z"));
            app.history.sweep(NOW);
            assertThat(app.service.atRisk(NOW, Instant.parse("2026-11-23T00:00:00Z"), 10))
                    .anySatisfy(a -> {
                        assertThat(a.standard()).isEqualTo("complaint-follow-up");
                        assertThat(a.interactionId()).isEqualTo("cmp-1");
                        assertThat(a.subjectKind()).isEqualTo("interaction");
                        assertThat(a.dueAt()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
                    });
            assertThat(app.history.judgeFallenDue(Instant.parse("2026-11-22T12:00:00Z"))).isZero();
        } finally {
            database.close();
        }
        try (Database reopened = Database.sqlite(data); App restarted = App.on(reopened)) {
            assertThat(restarted.service.judgeFallenDue(Instant.parse("2026-11-22T12:00:01Z"))).isEqualTo(1);
            ComplianceRow row = row(restarted.service, november(), "complaint-follow-up");
            assertThat(row.fail()).isEqualTo(1);
            assertThat(row.pending()).isZero();
            assertThat(restarted.service.atRisk(NOW, Instant.parse("2026-11-30T00:00:00Z"), 10))
                    .noneMatch(a -> a.standard().equals("complaint-follow-up"));
            assertThat(restarted.history.judgeFallenDue(Instant.parse("2026-11-23T00:00:00Z"))).isZero();
        }
    }

    @Test
    void a_follow_up_coming_in_turns_the_kept_outcome_to_pass_when_changed_histories_are_judged(@TempDir Path data) {
        try (Database database = TestDatabases.open(data); App app = App.on(database)) {
            app.post(complaint("cmp-1", "std-1", "2026-11-15T12:00:00Z"));
            assertThat(app.history.judgeChanged(NOW)).isEqualTo(1);
            assertThat(row(app.service, november(), "complaint-follow-up").pending()).isEqualTo(1);
            assertThat(app.history.judgeChanged(NOW)).isZero();

            app.post(followUp("fu-1", "std-1", "cmp-1", "2026-11-18T10:00:00Z"));
            assertThat(app.history.judgeChanged(NOW)).isEqualTo(1);
            ComplianceRow row = row(app.service, november(), "complaint-follow-up");
            assertThat(row.pass()).isEqualTo(1);
            assertThat(row.pending()).isZero();
        }
    }

    @Test
    void two_sweeps_one_node_runs_at_once_take_turns_and_the_first_answers_the_second(@TempDir Path data) throws Exception {
        org.servicestandards.testing.MutableClock clock = new org.servicestandards.testing.MutableClock(NOW);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (Database database = TestDatabases.open(data); App app = App.on(database, clock)) {
            app.customer("vip-1", Tier.VIP, "2026-01-01T00:00:00Z", "am-1");
            Instant asOf = Instant.parse("2026-11-20T02:00:00Z");
            Instant asked = clock.instant();
            clock.advance(java.time.Duration.ofMinutes(1));
            // Both asked for at once, as two job threads of one node take them up: this node holds
            // the cluster's lease for either. The second starts while the first is at its first page.
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<HistoryStandards.Sweep>> second =
                    new java.util.concurrent.atomic.AtomicReference<>();
            HistoryStandards.Sweep first = app.history.sweep(asOf, asked, customers -> {
                if (second.get() == null) {
                    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                    second.set(pool.submit(() -> {
                        started.countDown();
                        return app.history.sweep(asOf, asked, more -> true);
                    }));
                    try {
                        started.await();
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return true;
            });
            assertThat(first.outcomes()).isPositive();
            assertThat(second.get().get(1, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(first);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_sweep_asked_for_before_the_same_sweep_finished_is_answered_by_it(@TempDir Path data) {
        org.servicestandards.testing.MutableClock clock = new org.servicestandards.testing.MutableClock(NOW);
        try (Database database = TestDatabases.open(data); App app = App.on(database, clock)) {
            app.customer("vip-1", Tier.VIP, "2026-01-01T00:00:00Z", "am-1");
            Instant asOf = Instant.parse("2026-11-20T02:00:00Z");
            Instant asked = clock.instant();
            clock.advance(java.time.Duration.ofMinutes(1));
            HistoryStandards.Sweep first = app.history.sweep(asOf);
            assertThat(first.outcomes()).isPositive();
            // A job asked for before that sweep finished, and run after it (on another node,
            // whose runner looked later): the finished sweep answers it.
            clock.advance(java.time.Duration.ofMinutes(1));
            assertThat(app.history.sweep(asOf, asked, customers -> true)).isEqualTo(first);
            // The same as a job: created before that sweep finished, run after it.
            org.servicestandards.jobs.Job job = new org.servicestandards.store.JdbcJobStore(database, clock)
                    .create(SweepWork.KIND, Map.of("asOf", asOf.toString()), "test", null, false, asked);
            Map<String, Object> kept = new java.util.HashMap<>();
            new SweepWork(app.history).run(job, new org.servicestandards.jobs.JobWork.Progress() {
                @Override
                public String cursor() {
                    return "";
                }

                @Override
                public long done() {
                    return 0;
                }

                @Override
                public boolean checkpoint(String cursor, long done, Long total, Map<String, Object> result) {
                    kept.putAll(result);
                    return true;
                }

                @Override
                public boolean holding() {
                    return true;
                }
            });
            assertThat(kept.get("outcomes")).isEqualTo(first.outcomes());
            // Asked for after it finished: swept again, and nothing has changed to keep.
            HistoryStandards.Sweep again = app.history.sweep(asOf, clock.instant(), customers -> true);
            assertThat(again.customers()).isEqualTo(first.customers());
            assertThat(again.outcomes()).isZero();
        }
    }

    @Test
    void a_customer_the_standard_no_longer_applies_to_loses_this_months_outcome(@TempDir Path data) {
        try (Database database = TestDatabases.open(data); App app = App.on(database)) {
            app.customer("vip-1", Tier.VIP, "2026-01-01T00:00:00Z", "am-1");
            app.history.sweep(NOW);
            assertThat(row(app.service, november(), "contact-frequency").fail()).isEqualTo(1);
            app.customer("vip-1", Tier.STANDARD, "2026-11-20T06:00:00Z", null);
            app.history.sweep(NOW.plusSeconds(3600));
            assertThat(row(app.service, november(), "contact-frequency")).isNull();
        }
    }

    @Test
    void a_failed_complaint_whose_record_moves_to_another_customer_is_judged_again_under_the_new_one(@TempDir Path data) {
        // Once, the keeper failed every 30 s for good on this: the moved complaint's findings
        // were kept under its key, and writing the new judgement's findings collided with them.
        try (Database database = TestDatabases.open(data); App app = App.on(database)) {
            app.post(complaint("cmp-1", "std-1", "2026-11-02T12:00:00Z"));
            assertThat(app.history.judgeChanged(NOW)).isEqualTo(1);
            assertThat(row(app.service, november(), "complaint-follow-up").fail()).isEqualTo(1);

            app.post(complaint("cmp-1", "std-2", "2026-11-02T12:00:00Z"));
            app.history.judgeChanged(NOW);
            assertThat(app.history.judgeChanged(NOW)).as("nothing is left to judge").isZero();

            ComplianceRow row = row(app.service, november(), "complaint-follow-up");
            assertThat(row.fail()).isEqualTo(1);
            assertThat(row.pass() + row.pending()).isZero();
            Filters failures = november();
            assertThat(app.service.violations(failures, 1, 50).items())
                    .filteredOn(v -> v.standard().equals("complaint-follow-up"))
                    .singleElement().satisfies(v -> assertThat(v.customer()).isEqualTo("std-2"));
        }
    }

    @Test
    void a_customer_whose_outcomes_the_store_refuses_holds_up_no_other_and_is_counted(@TempDir Path data) {
        try (Database database = TestDatabases.open(data)) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            JdbcHistoryStore real = new JdbcHistoryStore(database, clock);
            // A store that cannot keep anything of one customer, as a corrupt row or a full disk would.
            org.servicestandards.history.HistoryStore refusing = org.servicestandards.testing.Refusing.store(
                    org.servicestandards.history.HistoryStore.class, real, "save", (method, args) -> ((Map<?, ?>) args[0]).containsKey("std-bad"));
            RuleSets rules = RuleSets.load(Path.of("rules"), clock);
            try (HistoryStandards history = new HistoryStandards(rules, refusing, clock, 2)) {
                StandardsService service = new StandardsService(rules, new JdbcInteractionStore(database, clock),
                        new JdbcCustomerRegister(database, clock), history, new org.servicestandards.store.JdbcReports(database));
                App app = new App(service, history);
                app.post(complaint("cmp-bad", "std-bad", "2026-11-15T12:00:00Z"), complaint("cmp-good", "std-good", "2026-11-15T12:00:00Z"));
                real.save(Map.of("std-bad", app.judge("std-bad", "2026-11-20T12:00:00Z"),
                        "std-good", app.judge("std-good", "2026-11-20T12:00:00Z")), NOW);

                assertThat(history.judgeFallenDue(Instant.parse("2026-11-23T00:00:00Z"))).isEqualTo(2);

                assertThat(history.unkeptCustomers()).isEqualTo(1);
                ComplianceRow row = row(service, november(), "complaint-follow-up");
                assertThat(row.fail()).as("std-good's complaint, fallen due").isEqualTo(1);
                assertThat(row.pending()).as("std-bad's, which could not be kept").isEqualTo(1);
            }
        }
    }
}
