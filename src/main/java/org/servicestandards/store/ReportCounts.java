package org.servicestandards.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.servicestandards.report.GroupBy;

/**
 * The counts of {@code report_counts} (migrations V12 and V15) that one transaction changes: each
 * outcome that becomes current, or stops being current, adds or takes one from its row in every
 * rollup. Applied once, at the end of the transaction, one upsert per row in key order, so two
 * transactions counting the same rows queue for each other and never deadlock.
 */
final class ReportCounts {

    static final long DAY = 86_400_000L;

    /** What a rollup's buckets are: UTC days, ISO weeks (Monday 00:00 UTC) or UTC months. */
    enum Span { DAY, WEEK, MONTH }

    /** A rollup: which dimensions it keeps, and whether its buckets are days, ISO weeks or months. */
    enum Rollup {
        AGENT_DAY("ad", Span.DAY, Set.of(GroupBy.STANDARD, GroupBy.AGENT, GroupBy.TEAM, GroupBy.WEEK, GroupBy.MONTH), false),
        /** By agent and standard alone, a month a bucket: a month's report by agent reads a row per agent, standard and outcome. */
        AGENT_MONTH("am", Span.MONTH, Set.of(GroupBy.STANDARD, GroupBy.AGENT, GroupBy.MONTH), false),
        SEGMENT_DAY("sd", Span.DAY, Set.of(GroupBy.STANDARD, GroupBy.TEAM, GroupBy.TIER, GroupBy.CHANNEL, GroupBy.WEEK, GroupBy.MONTH), true),
        SEGMENT_WEEK("sw", Span.WEEK, Set.of(GroupBy.STANDARD, GroupBy.TEAM, GroupBy.TIER, GroupBy.CHANNEL, GroupBy.WEEK), true);

        final String code;
        final Span span;
        final Set<GroupBy> dimensions;
        final boolean severity;

        Rollup(String code, Span span, Set<GroupBy> dimensions, boolean severity) {
            this.code = code;
            this.span = span;
            this.dimensions = EnumSet.copyOf(dimensions);
            this.severity = severity;
        }

        boolean keeps(GroupBy dimension) {
            return dimensions.contains(dimension);
        }

        /** The start of the day, week or month {@code millis} falls in. */
        long bucket(long millis) {
            long day = dayStart(millis);
            return switch (span) {
                case DAY -> day;
                case WEEK -> weekStart(day);
                case MONTH -> monthStart(day);
            };
        }
    }

    /** The counted dimensions of one outcome. */
    record Dimensions(String standard, String outcome, String severity, String agent, String team, String tier, String channel,
                      long openedAt, String week, String month) {

        /** The columns {@link #COLUMNS} of a row of outcomes or history_outcomes. */
        static Dimensions read(ResultSet rs) throws SQLException {
            return new Dimensions(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10));
        }
    }

    /** What {@link Dimensions#read} reads, in order. */
    static final String COLUMNS = "standard, outcome, severity, agent_id, team, tier, channel, opened_at, opened_week, opened_month";

    private record Key(String rollup, long bucket, String standard, String agent, String team, String tier, String channel,
                       String severity, String outcome) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::rollup).thenComparingLong(Key::bucket)
            .thenComparing(Key::standard).thenComparing(Key::agent).thenComparing(Key::team).thenComparing(Key::tier)
            .thenComparing(Key::channel).thenComparing(Key::severity).thenComparing(Key::outcome);

    private static final class Change {
        final String week;
        final String month;
        long n;

        Change(String week, String month) {
            this.week = week;
            this.month = month;
        }
    }

    private static final Rollup[] ROLLUPS = Rollup.values();

    // Hashed while counting (a dozen rows a record, each in every rollup), sorted once to be written.
    private final Map<Key, Change> changes = new HashMap<>();

    /** Counts {@code outcome} once more ({@code by} 1) or once less ({@code by} -1) in every rollup. */
    void count(Dimensions outcome, int by) {
        for (Rollup rollup : ROLLUPS) {
            Key key = new Key(rollup.code, rollup.bucket(outcome.openedAt()), outcome.standard(),
                    rollup.keeps(GroupBy.AGENT) ? blank(outcome.agent()) : "", rollup.keeps(GroupBy.TEAM) ? blank(outcome.team()) : "",
                    rollup.keeps(GroupBy.TIER) ? blank(outcome.tier()) : "", rollup.keeps(GroupBy.CHANNEL) ? blank(outcome.channel()) : "",
                    rollup.severity ? blank(outcome.severity()) : "", outcome.outcome());
            changes.computeIfAbsent(key, k -> new Change(rollup.keeps(GroupBy.WEEK) ? outcome.week() : "",
                    rollup.keeps(GroupBy.MONTH) ? outcome.month() : "")).n += by;
        }
    }

    /** Writes the changes counted so far, in key order, and forgets them. */
    void apply(Handle h) {
        Rows upserts = Rows.of(h, "INSERT INTO report_counts (rollup, bucket, standard, agent_id, team, tier, channel,"
                + " severity, outcome, opened_week, opened_month, n) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome)"
                + " DO UPDATE SET n = report_counts.n + excluded.n");
        List<Map.Entry<Key, Change>> inOrder = new ArrayList<>(changes.entrySet());
        inOrder.sort(Map.Entry.comparingByKey(ORDER));
        for (Map.Entry<Key, Change> entry : inOrder) {
            Key k = entry.getKey();
            Change change = entry.getValue();
            if (change.n != 0) {
                upserts.add(k.rollup(), k.bucket(), k.standard(), k.agent(), k.team(), k.tier(), k.channel(), k.severity(),
                        k.outcome(), change.week, change.month, change.n);
            }
        }
        upserts.execute();
        changes.clear();
    }

    /** Counts once less every row {@code select} (which reads {@link #COLUMNS}) finds. */
    void uncount(Handle h, String select, Object... parameters) {
        var query = h.createQuery(select);
        for (int k = 0; k < parameters.length; k++) {
            query.bind(k, parameters[k]);
        }
        List<Dimensions> found = query.map((rs, ctx) -> Dimensions.read(rs)).list();
        found.forEach(d -> count(d, -1));
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    /** The start of the UTC day of {@code millis}. */
    static long dayStart(long millis) {
        return Math.floorDiv(millis, DAY) * DAY;
    }

    /** The start of the UTC month of the day starting at {@code day}. */
    static long monthStart(long day) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(day, DAY));
        return date.withDayOfMonth(1).toEpochDay() * DAY;
    }

    /** The start of the UTC month after the one of the day starting at {@code day}. */
    static long nextMonthStart(long day) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(day, DAY));
        return date.withDayOfMonth(1).plusMonths(1).toEpochDay() * DAY;
    }

    /** The start of the ISO week (Monday 00:00 UTC) of the day starting at {@code day}. */
    static long weekStart(long day) {
        // 1970-01-01, day 0, was a Thursday: three days after a Monday.
        return day - Math.floorMod(Math.floorDiv(day, DAY) + 3, 7) * DAY;
    }
}
