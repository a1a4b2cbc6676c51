package org.servicestandards.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.records.StandardsService;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;

/**
 * The statements run once per record take their keys, on a store big enough for the planner to
 * choose (thousands of records, most of their outcomes current): before the store's statistics
 * are kept and after. A per-record statement that walked an index over every current outcome
 * would make each record cost more as the store grows.
 */
class QueryPlansTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    /** A phone inquiry opened {@code minutes} before now, answered after {@code answer} seconds or waiting. */
    private static String call(int n, int minutes, long answer) {
        Instant opened = NOW.minusSeconds(60L * minutes);
        return "{\"id\":\"cc-" + n + "\",\"customer\":{\"id\":\"c-" + (n % 300) + "\",\"tier\":\"STANDARD\"},"
                + "\"agent\":{\"id\":\"a-" + (n % 20) + "\",\"team\":\"t-" + (n % 3) + "\"},\"channel\":\"PHONE\",\"type\":\"INQUIRY\","
                + "\"openedAt\":\"" + opened + "\"" + (answer < 0 ? "" : ",\"firstResponseAt\":\"" + opened.plusSeconds(answer) + "\"") + "}";
    }

    private static void fill(StandardsService service) throws Exception {
        for (int start = 0; start < 4000; start += 500) {
            List<com.fasterxml.jackson.databind.JsonNode> records = new ArrayList<>();
            for (int n = start; n < start + 500; n++) {
                // One in ten still waiting (PENDING, most fallen due), the rest answered.
                records.add(Json.mapper().readTree(call(n, 10 + n % 5000, n % 10 == 0 ? -1 : n % 400)));
            }
            service.ingest(Batch.of(records), NOW);
        }
        // A thousand of them answered later: new revisions, their old outcomes no longer current.
        List<com.fasterxml.jackson.databind.JsonNode> revised = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            revised.add(Json.mapper().readTree(call(n, 10 + n % 5000, 30)));
        }
        service.ingest(Batch.of(revised), NOW);
    }

    /** A statement, and the index each table it reads must be searched by. */
    private record Expected(String sql, Object[] parameters, List<String> indexes) {
    }

    private static List<Expected> perRecord(Database.Kind kind) {
        boolean sqlite = kind == Database.Kind.SQLITE;
        String outcomesKey = sqlite ? "sqlite_autoindex_outcomes_1" : "outcomes_pkey";
        String verdictsKey = sqlite ? "sqlite_autoindex_verdicts_1" : "verdicts_pkey";
        String interactionsKey = sqlite ? "sqlite_autoindex_interactions_1" : "interactions_pkey";
        String revisionsKey = sqlite ? "sqlite_autoindex_revisions_1" : "revisions_pkey";
        return List.of(
                new Expected(JdbcInteractionStore.FAILING, new Object[] {"cc-7", 1, false}, List.of(outcomesKey)),
                new Expected(VerdictWriter.SUPERSEDE, new Object[] {false, "cc-7", 1, false}, List.of(outcomesKey)),
                new Expected(VerdictWriter.CURRENT_OUTCOMES, new Object[] {"cc-7", 1, false}, List.of(outcomesKey)),
                new Expected(JdbcInteractionStore.NEXT_VERDICT_NO, new Object[] {"cc-7", 1}, List.of(verdictsKey)),
                new Expected(JdbcInteractionStore.CURRENT_VERDICT, new Object[] {"cc-7"}, List.of(verdictsKey, interactionsKey)),
                // The keeper's query reads the fallen-due outcomes by deadline, then their revisions by key.
                new Expected(RejudgingReads.PENDING_FALLEN_DUE.replace(":current", "?").replace(":until", "?")
                        .replace(":after", "?").replace(":limit", "?"),
                        new Object[] {true, NOW.toEpochMilli(), "", 500}, List.of("outcomes_current_due", revisionsKey)));
    }

    /** The planner's account of {@code sql}: one line per step. */
    private static List<String> plan(Database database, String sql, Object[] parameters) throws Exception {
        String explain = (database.kind() == Database.Kind.SQLITE ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql;
        List<String> lines = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(explain)) {
            for (int k = 0; k < parameters.length; k++) {
                s.setObject(k + 1, parameters[k]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(database.kind() == Database.Kind.SQLITE ? 4 : 1));
                }
            }
        }
        return lines;
    }

    private static void assertPlans(Database database, String when) throws Exception {
        for (Expected expected : perRecord(database.kind())) {
            List<String> plan = plan(database, expected.sql(), expected.parameters());
            String shown = when + ": " + expected.sql() + "\n  " + String.join("\n  ", plan);
            for (String index : expected.indexes()) {
                assertThat(plan).as(shown).anyMatch(line -> line.contains(index));
            }
            // No table walked whole, and no index over every current outcome for one record's rows.
            assertThat(plan).as(shown).noneMatch(line -> line.matches("\\s*(->\\s*)?(SCAN|Seq Scan on) (outcomes|revisions|verdicts|interactions)\\b.*"));
            if (!expected.sql().equals(perRecord(database.kind()).get(5).sql())) {
                assertThat(plan).as(shown).noneMatch(line -> line.contains("outcomes_current"));
            }
        }
    }

    /**
     * The plan of a report's query (its parameters left unbound, which SQLite allows) on a filled
     * store with its statistics kept; the report for a month by agent and standard by default.
     */
    private static List<String> reportPlan(Path data, java.util.function.BiFunction<org.servicestandards.report.Filters,
            List<org.servicestandards.report.GroupBy>, String> query) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(database.kind() == Database.Kind.SQLITE,
                    "the plan of a query with parameters left unbound is read on SQLite");
            fill(Services.on(database, Clock.fixed(NOW, ZoneOffset.UTC)));
            database.keepStatistics();
            var month = org.servicestandards.report.Filters.between(Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"));
            String sql = query.apply(month, List.of(org.servicestandards.report.GroupBy.AGENT, org.servicestandards.report.GroupBy.STANDARD));
            return plan(database, sql.replaceAll(":[a-zA-Z0-9]+", "?"), new Object[0]);
        }
    }

    @Test
    void a_compliance_report_is_answered_from_the_covering_indexes(@TempDir Path data) throws Exception {
        List<String> plan = reportPlan(data, JdbcReports::complianceSql);
        assertThat(plan).as(String.join("\n", plan))
                .anyMatch(line -> line.contains("USING COVERING INDEX outcomes_current_opened (is_current=?"))
                .anyMatch(line -> line.contains("USING COVERING INDEX history_outcomes_opened (opened_at>?"));
    }

    @Test
    void a_counted_compliance_report_reads_the_counts_and_only_the_breached_pending_outcomes(@TempDir Path data) throws Exception {
        List<String> plan = reportPlan(data, (filters, groupBy) -> CountedCompliance.of(filters, groupBy).orElseThrow().sql());
        assertThat(plan).as(String.join("\n", plan))
                .anyMatch(line -> line.contains("USING INDEX sqlite_autoindex_report_counts_1 (rollup=? AND bucket>? AND bucket<?)"))
                .anyMatch(line -> line.contains("outcomes_current_due (is_current=? AND outcome=? AND due_at<?)"))
                .anyMatch(line -> line.contains("history_outcomes_due (outcome=? AND due_at<?)"))
                // Over whole days, no outcome is read by its opening.
                .noneMatch(line -> line.contains("outcomes_current_opened") || line.contains("history_outcomes_opened"));
    }

    /** Kept history outcomes, as sweeps keep them: a customer's a month over a year, one in three failed with a finding. */
    private static void fillHistory(Database database) {
        database.jdbi().useTransaction(h -> {
            var outcomes = h.prepareBatch("INSERT INTO history_outcomes (standard, subject_kind, subject_id, period, outcome, severity,"
                    + " as_of, judged_at, ruleset, opened_at, opened_week, opened_month, customer_id, agent_id, is_latest, digest, body)"
                    + " VALUES ('contact-frequency', 'customer', ?, ?, ?, ?, ?, ?, 'sha256:plans', ?, '2026-W01', ?, ?, 'am-1', ?, '', '{}')");
            var findings = h.prepareBatch("INSERT INTO history_findings (standard, subject_kind, subject_id, period, seq, rule, severity,"
                    + " message) VALUES ('contact-frequency', 'customer', ?, ?, 0, 'contact-frequency fails', 'MAJOR', 'no call')");
            for (int n = 0; n < 3000; n++) {
                String customer = "c-" + (n % 250);
                Instant opened = NOW.minusSeconds(86_400L * 30 * (n / 250) + n);
                String period = opened.toString().substring(0, 7);
                boolean failed = n % 3 == 0;
                outcomes.add(customer, period, failed ? "FAIL" : "PASS", failed ? "MAJOR" : null, opened.toEpochMilli(), opened.toEpochMilli(),
                        opened.toEpochMilli(), period, customer, n < 250);
                if (failed) {
                    findings.add(customer, period);
                }
            }
            outcomes.execute();
            findings.execute();
        });
    }

    /**
     * Thirty thousand more failed outcomes, each with two findings, written as the store keeps
     * them: enough that sorting a year of them would cost either planner more than reading a page.
     */
    private static void fillViolations(Database database) {
        database.jdbi().useTransaction(h -> {
            var outcomes = h.prepareBatch("INSERT INTO outcomes (interaction_id, revision, verdict_no, standard, outcome, severity,"
                    + " is_current, ruleset, opened_at, opened_week, opened_month, customer_id, tier, agent_id, team, channel)"
                    + " VALUES (?, 1, 1, 'first-response', 'FAIL', 'MAJOR', ?, 'sha256:plans', ?, '2026-W01', '2026-01', 'c-1', 'STANDARD',"
                    + " 'a-1', 't-1', 'PHONE')");
            var findings = h.prepareBatch("INSERT INTO findings (interaction_id, revision, verdict_no, standard, seq, rule, severity,"
                    + " message) VALUES (?, 1, 1, 'first-response', ?, 'first-response fails', 'MAJOR', 'late')");
            for (int n = 0; n < 30_000; n++) {
                String id = "bulk-" + n;
                outcomes.add(id, n % 10 != 0, NOW.minusSeconds(1000L * n).toEpochMilli());
                findings.add(id, 0);
                findings.add(id, 1);
            }
            outcomes.execute();
            findings.execute();
        });
    }

    /** {@code sql} with each {@code :name} a {@code ?}, and the values of the names in the order they appear. */
    private static List<String> boundPlan(Database database, String sql, java.util.Map<String, Object> values) throws Exception {
        List<Object> parameters = new ArrayList<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile(":([a-zA-Z0-9]+)").matcher(sql);
        while (names.find()) {
            assertThat(values).as(names.group(1)).containsKey(names.group(1));
            parameters.add(values.get(names.group(1)));
        }
        return plan(database, names.replaceAll("?"), parameters.toArray());
    }

    @Test
    void every_page_of_violations_is_a_range_of_their_index_with_nothing_sorted(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            fill(Services.on(database, Clock.fixed(NOW, ZoneOffset.UTC)));
            fillHistory(database);
            fillViolations(database);
            database.keepStatistics();
            boolean sqlite = database.kind() == Database.Kind.SQLITE;
            var year = org.servicestandards.report.Filters.between(NOW.minusSeconds(365 * 86_400L), NOW);
            var cursors = new java.util.ArrayList<org.servicestandards.report.ViolationCursor>();
            cursors.add(null);
            for (boolean history : new boolean[] {false, true}) {
                cursors.add(new org.servicestandards.report.ViolationCursor(NOW.minusSeconds(86_400).toEpochMilli(), history, "cc-7",
                        "first-response", history ? "customer" : "interaction", history ? "2026-11" : "", history ? 0 : 1,
                        history ? 0 : 1, 0));
            }
            for (var cursor : cursors) {
                for (boolean history : new boolean[] {false, true}) {
                    JdbcViolations.After after = history ? JdbcViolations.historyAfter(cursor) : JdbcViolations.interactionsAfter(cursor);
                    String sql = history ? JdbcViolations.historySql(year, after) : JdbcViolations.interactionsSql(year, after);
                    java.util.Map<String, Object> values = new java.util.HashMap<>(after.parameters());
                    values.putAll(java.util.Map.of("current", true, "from", year.from().toEpochMilli(), "to", year.to().toEpochMilli(),
                            "limit", 51));
                    List<String> plan = boundPlan(database, sql, values);
                    String shown = "after " + cursor + ": " + sql + "\n  " + String.join("\n  ", plan);
                    String index = history ? "history_outcomes_violations" : "outcomes_violations";
                    String findingsKey = sqlite ? (history ? "sqlite_autoindex_history_findings_1" : "sqlite_autoindex_findings_1")
                            : history ? "history_findings_pkey" : "findings_pkey";
                    if (sqlite) {
                        assertThat(plan).as(shown)
                                .anyMatch(line -> line.startsWith("SEARCH o USING INDEX " + index + " (" + (history ? "" : "is_current=? AND ")
                                        + "opened_at"))
                                .anyMatch(line -> line.startsWith("SEARCH f USING INDEX " + findingsKey))
                                .noneMatch(line -> line.contains("TEMP B-TREE") || line.startsWith("SCAN"));
                    } else {
                        // PostgreSQL keeps the index's order through the join and sorts only each
                        // outcome's own findings by their number (an incremental sort), never the range.
                        assertThat(plan).as(shown)
                                .anyMatch(line -> line.contains("Index Scan using " + index + " on " + (history ? "history_outcomes" : "outcomes")))
                                .anyMatch(line -> line.contains(findingsKey))
                                .noneMatch(line -> line.matches("\\s*(->\\s*)?(Sort|Seq Scan on \\w+ \\w+)\\s+\\(cost.*"));
                    }
                }
            }
        }
    }

    @Test
    void the_history_of_customers_scattered_over_the_register_is_read_by_their_keys(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            fill(Services.on(database, Clock.fixed(NOW, ZoneOffset.UTC)));
            database.keepStatistics();
            // The first and the last of the register and one between: a range from the first to
            // the last would read every customer's records.
            List<String> plan = plan(database, JdbcHistoryStore.HISTORY_RECORDS.replace("<ids>", "?, ?, ?"),
                    new Object[] {"c-0", "c-150", "c-99"});
            String shown = String.join("\n", plan);
            if (database.kind() == Database.Kind.SQLITE) {
                assertThat(plan).as(shown).anyMatch(line -> line.contains("USING INDEX interactions_customer (customer_id=?)"));
            } else {
                assertThat(plan).as(shown).anyMatch(line -> line.contains("interactions_customer"))
                        .anyMatch(line -> line.contains("customer_id)::text = ANY"));
            }
            assertThat(plan).as(shown).noneMatch(line -> line.matches("\\s*(->\\s*)?(SCAN|Seq Scan on) (revisions|interactions)\\b.*"));
        }
    }

    @Test
    void per_record_statements_take_their_keys_before_and_after_the_statistics_are_kept(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            fill(Services.on(database, Clock.fixed(NOW, ZoneOffset.UTC)));
            if (database.kind() == Database.Kind.SQLITE) {
                // No statistics kept yet: the planner knows nothing of these rows.
                assertPlans(database, "without statistics");
            }
            database.keepStatistics();
            assertPlans(database, "with statistics");
        }
    }
}
