package org.servicestandards.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;

/**
 * The compliance counted ahead says what counting the outcomes as they stand says, outcome for
 * outcome: after new records, revisions, the deadline keeper and history sweeps, for reports over
 * whole weeks, whole days and odd hours, open-ended or not, grouped and filtered every way, as of
 * instants before, among and after the deadlines.
 */
class ReportCountsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Instant START = Instant.parse("2026-09-28T00:00:00Z");
    private static final String[] AGENTS = {"a-1", "a-2", "a-3", "a-4"};
    private static final String[] TEAMS = {"front", "back", null};
    private static final String[] TIERS = {"STANDARD", "VIP", "STRATEGIC"};
    private static final String[] CHANNELS = {"PHONE", "EMAIL", "CHAT", "VISIT"};
    private static final String[] TYPES = {"INQUIRY", "COMPLAINT", "REQUEST", "SALE"};

    private static String record(SplittableRandom random, int n, Instant opened, int version) {
        String team = TEAMS[random.nextInt(TEAMS.length)];
        long answer = random.nextInt(6) == 0 ? -1 : random.nextInt(3 * 3600);
        String type = TYPES[random.nextInt(TYPES.length)];
        return "{\"id\":\"r-" + n + "\",\"customer\":{\"id\":\"c-" + (n % 40) + "\",\"tier\":\"" + TIERS[n % 40 % 3] + "\"},"
                + "\"agent\":{\"id\":\"" + AGENTS[random.nextInt(AGENTS.length)] + "\"" + (team == null ? "" : ",\"team\":\"" + team + "\"") + "},"
                + "\"channel\":\"" + CHANNELS[random.nextInt(CHANNELS.length)] + "\",\"type\":\"" + type + "\","
                + (type.equals("COMPLAINT") ? "\"complaint\":{\"ownerId\":\"a-1\"}," : "")
                + "\"openedAt\":\"" + opened + "\"" + (answer < 0 ? "" : ",\"firstResponseAt\":\"" + opened.plusSeconds(answer + version) + "\"")
                + "}";
    }

    private static Filters filters(SplittableRandom random) {
        Instant from = random.nextInt(5) == 0 ? null : instant(random);
        Instant to = random.nextInt(5) == 0 ? null : instant(random);
        if (from != null && to != null && to.isBefore(from)) {
            Instant swap = from;
            from = to;
            to = swap;
        }
        return new Filters(from, to,
                random.nextInt(4) == 0 ? "first-response" : null,
                random.nextInt(6) == 0 ? AGENTS[random.nextInt(AGENTS.length)] : null,
                random.nextInt(6) == 0 ? "front" : null,
                random.nextInt(6) == 0 ? TIERS[random.nextInt(TIERS.length)] : null,
                random.nextInt(6) == 0 ? CHANNELS[random.nextInt(CHANNELS.length)] : null,
                random.nextInt(8) == 0 ? "MAJOR" : null, null);
    }

    /** An instant in or around the data: at a week's start, a day's, or any second. */
    private static Instant instant(SplittableRandom random) {
        Instant at = START.plusSeconds(random.nextLong(-8L * 86400, 62L * 86400));
        return switch (random.nextInt(3)) {
            case 0 -> Instant.ofEpochMilli(ReportCounts.weekStart(ReportCounts.dayStart(at.toEpochMilli())));
            case 1 -> Instant.ofEpochMilli(ReportCounts.dayStart(at.toEpochMilli()));
            default -> at;
        };
    }

    private static List<GroupBy> groupBy(SplittableRandom random) {
        List<GroupBy> groups = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            GroupBy g = GroupBy.values()[random.nextInt(GroupBy.values().length)];
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        return groups;
    }

    /** Records, revisions, the keeper's judgements and history sweeps, at random; the random source, to go on with. */
    private static SplittableRandom fill(Database database) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RuleSets rules = RuleSets.load(Path.of("rules"), clock);
        StandardsService service = Services.on(database, clock, rules, new JdbcInteractionStore(database, clock));
        SplittableRandom random = new SplittableRandom(20261203);
        List<JsonNode> records = new ArrayList<>();
        List<Instant> opened = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            opened.add(START.plusSeconds(random.nextLong(0, 52L * 86400)));
            records.add(Json.mapper().readTree(record(random, n, opened.get(n), 0)));
        }
        // Judged as of their week's end, as a backfill would be: many PENDING, fallen due by now.
        service.ingest(Batch.of(records.subList(0, 200)), START.plusSeconds(30L * 86400));
        service.ingest(Batch.of(records.subList(200, 400)), NOW);
        // Revisions of some, twice within one batch for a few.
        List<JsonNode> revised = new ArrayList<>();
        for (int n = 0; n < 400; n += 7) {
            revised.add(Json.mapper().readTree(record(random, n, opened.get(n), 1)));
            if (n % 21 == 0) {
                revised.add(Json.mapper().readTree(record(random, n, opened.get(n), 2)));
            }
        }
        service.ingest(Batch.of(revised), NOW);
        // The keeper judges what fell due; the history standards are swept.
        service.judgeFallenDue(NOW);
        HistoryStandards history = new HistoryStandards(rules, new JdbcHistoryStore(database, clock), clock, 1);
        history.sweep(START.plusSeconds(35L * 86400));
        history.sweep(NOW);

        return random;
    }

    @Test
    void the_counts_kept_are_those_the_migration_counts_from_what_is_stored(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            fill(database);
            String kept = "SELECT rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome, opened_week, opened_month, n"
                    + " FROM report_counts WHERE n <> 0 ORDER BY rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome";
            List<String> maintained = database.jdbi().withHandle(h -> h.createQuery(kept).map((rs, ctx) -> row(rs)).list());
            StringBuilder migrations = new StringBuilder();
            for (String counts : List.of("V12__report_counts.sql", "V15__agent_month_counts.sql")) {
                migrations.append(new String(ReportCountsTest.class.getResourceAsStream("/db/migration/" + counts).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)).append(";\n");
            }
            String migration = migrations.toString();
            database.jdbi().useHandle(h -> {
                h.execute("DELETE FROM report_counts");
                for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (statement.strip().startsWith("INSERT")) {
                        h.execute(statement);
                    }
                }
            });
            List<String> recounted = database.jdbi().withHandle(h -> h.createQuery(kept).map((rs, ctx) -> row(rs)).list());
            assertThat(maintained).hasSizeGreaterThan(100).isEqualTo(recounted);
        }
    }

    private static String row(java.sql.ResultSet rs) throws java.sql.SQLException {
        StringBuilder row = new StringBuilder();
        for (int k = 1; k <= 12; k++) {
            row.append(rs.getString(k)).append('|');
        }
        return row.toString();
    }

    @Test
    void counted_compliance_equals_the_outcomes_counted_as_they_stand(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            SplittableRandom random = fill(database);
            JdbcReports reports = new JdbcReports(database);
            assertThat(reports.compliance(Filters.between(null, null), List.of(GroupBy.STANDARD), NOW, false).rows()).isNotEmpty();
            int counted = 0;
            for (int q = 0; q < 400; q++) {
                Filters f = filters(random);
                List<GroupBy> g = groupBy(random);
                Instant asOf = random.nextBoolean() ? NOW : instant(random);
                counted += CountedCompliance.of(f, g).isPresent() ? 1 : 0;
                ComplianceReport raw = reports.compliance(f, g, asOf, false);
                ComplianceReport fromCounts = reports.compliance(f, g, asOf, true);
                assertThat(fromCounts.rows()).as("%s by %s as of %s", f, g, asOf).isEqualTo(raw.rows());
            }
            // Most of the questions were answered from the counts, not the fallback.
            assertThat(counted).isGreaterThan(200);
        }
    }
}
