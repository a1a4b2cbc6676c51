package org.servicestandards.store;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.store.ReportCounts.Rollup;

/**
 * The compliance query answered from {@code report_counts}: the whole ISO weeks of the range from
 * the weekly rollup (when the report is not by month), the other whole UTC days from a daily one,
 * and only the hours at the range's ends from the outcomes themselves. A PENDING outcome counted
 * ahead whose deadline has passed by asOf is moved from pending to failed, read from the index of
 * PENDING outcomes by deadline; so the report says what the raw count says, outcome for outcome.
 * Empty when no rollup keeps what the report groups or filters by, or when it asks for one rule
 * set's verdicts: then the outcomes are counted as they stand.
 */
final class CountedCompliance {

    /** The query and its parameters beyond the filters' dimensions ({@code :asOf}, {@code :current}, the ranges). */
    record Plan(String sql, Map<String, Object> parameters) {
    }

    /**
     * One stretch of the range, [from, to) in epoch milliseconds, read from a rollup or (null) the
     * outcomes; counted {@code sign} times: -1 takes days off a whole month.
     */
    private record Piece(Rollup rollup, long from, long to, int sign) {

        Piece(Rollup rollup, long from, long to) {
            this(rollup, from, to, 1);
        }
    }

    /** From how many days on the month holding them is read, less its other days, rather than the days themselves. */
    private static final long MOST_OF_A_MONTH = 15 * ReportCounts.DAY;

    private static final String COLUMNS = "standard, agent_id, team, tier, channel, opened_week, opened_month";

    private CountedCompliance() {
    }

    static Optional<Plan> of(Filters filters, List<GroupBy> groupBy) {
        if (filters.ruleset() != null) {
            return Optional.empty();
        }
        Set<GroupBy> needed = EnumSet.noneOf(GroupBy.class);
        needed.addAll(groupBy);
        if (filters.standard() != null) {
            needed.add(GroupBy.STANDARD);
        }
        if (filters.agent() != null) {
            needed.add(GroupBy.AGENT);
        }
        if (filters.team() != null) {
            needed.add(GroupBy.TEAM);
        }
        if (filters.tier() != null) {
            needed.add(GroupBy.TIER);
        }
        if (filters.channel() != null) {
            needed.add(GroupBy.CHANNEL);
        }
        long from = filters.from() == null ? Long.MIN_VALUE : filters.from().toEpochMilli();
        long to = filters.to() == null ? Long.MAX_VALUE : filters.to().toEpochMilli();
        long firstDay = from == Long.MIN_VALUE ? from : ceilDay(from);
        long endDay = to == Long.MAX_VALUE ? to : ReportCounts.dayStart(to);
        if (firstDay >= endDay) {
            return Optional.empty();
        }
        List<Piece> pieces = new ArrayList<>();
        if (!needed.contains(GroupBy.AGENT) && Rollup.SEGMENT_DAY.dimensions.containsAll(needed)) {
            long firstWeek = firstDay == Long.MIN_VALUE ? firstDay : ceilWeek(firstDay);
            long endWeek = endDay == Long.MAX_VALUE ? endDay : ReportCounts.weekStart(endDay);
            if (!needed.contains(GroupBy.MONTH) && firstWeek < endWeek) {
                pieces.add(new Piece(Rollup.SEGMENT_DAY, firstDay, firstWeek));
                pieces.add(new Piece(Rollup.SEGMENT_WEEK, firstWeek, endWeek));
                pieces.add(new Piece(Rollup.SEGMENT_DAY, endWeek, endDay));
            } else {
                pieces.add(new Piece(Rollup.SEGMENT_DAY, firstDay, endDay));
            }
        } else if (filters.severity() == null && Rollup.AGENT_MONTH.dimensions.containsAll(needed)
                && firstDay != Long.MIN_VALUE && endDay != Long.MAX_VALUE) {
            pieces.addAll(byMonths(firstDay, endDay));
        } else if (filters.severity() == null && Rollup.AGENT_DAY.dimensions.containsAll(needed)) {
            pieces.add(new Piece(Rollup.AGENT_DAY, firstDay, endDay));
        } else {
            return Optional.empty();
        }
        pieces.add(new Piece(null, from, firstDay));
        pieces.add(new Piece(null, endDay, to));
        return Optional.of(plan(filters, groupBy, pieces, firstDay, endDay));
    }

    /**
     * The whole days [firstDay, endDay) by agent: whole months from the monthly rollup, the days
     * before and after them from the daily one; where those days are most of their month, that
     * month less its other days, so a month's worth of days costs a month's rows, not thirty days'.
     */
    private static List<Piece> byMonths(long firstDay, long endDay) {
        List<Piece> pieces = new ArrayList<>();
        long firstMonth = ReportCounts.monthStart(firstDay) == firstDay ? firstDay : ReportCounts.nextMonthStart(firstDay);
        long endMonth = ReportCounts.monthStart(endDay);
        if (firstMonth >= endMonth) {
            // Within one month, or across one month's end: each side of it on its own.
            long split = Math.min(firstMonth, endDay);
            days(pieces, firstDay, split);
            days(pieces, split, endDay);
            return pieces;
        }
        days(pieces, firstDay, firstMonth);
        pieces.add(new Piece(Rollup.AGENT_MONTH, firstMonth, endMonth));
        days(pieces, endMonth, endDay);
        return pieces;
    }

    /** The days [from, to), all in one month, from the daily rollup or as their month less its other days. */
    private static void days(List<Piece> pieces, long from, long to) {
        if (from >= to) {
            return;
        }
        if (to - from <= MOST_OF_A_MONTH) {
            pieces.add(new Piece(Rollup.AGENT_DAY, from, to));
            return;
        }
        long month = ReportCounts.monthStart(from);
        long next = ReportCounts.nextMonthStart(from);
        pieces.add(new Piece(Rollup.AGENT_MONTH, month, next));
        pieces.add(new Piece(Rollup.AGENT_DAY, month, from, -1));
        pieces.add(new Piece(Rollup.AGENT_DAY, to, next, -1));
    }

    private static Plan plan(Filters filters, List<GroupBy> groupBy, List<Piece> pieces, long countedFrom, long countedTo) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("current", true);
        String dimensions = JdbcReports.dimensions(filters, false);
        List<String> selects = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.from() >= piece.to()) {
                continue;
            }
            String range = range("p" + selects.size(), piece.from(), piece.to(), piece.rollup() == null ? "o.opened_at" : "o.bucket",
                    parameters);
            if (piece.rollup() != null) {
                parameters.put("r" + selects.size(), piece.rollup().code);
                selects.add("SELECT standard, NULLIF(agent_id, '') AS agent_id, NULLIF(team, '') AS team, NULLIF(tier, '') AS tier,"
                        + " NULLIF(channel, '') AS channel, opened_week, opened_month, outcome, " + (piece.sign() < 0 ? "-n" : "n")
                        + " AS n FROM report_counts o"
                        + " WHERE o.rollup = :r" + selects.size() + range + dimensions);
            } else {
                // The ends of the range, outcome by outcome; a PENDING one past its deadline has breached.
                String outcome = "CASE WHEN outcome = 'PENDING' AND due_at < :asOf THEN 'FAIL' ELSE outcome END";
                selects.add("SELECT " + COLUMNS + ", " + outcome + " AS outcome, 1 AS n FROM outcomes o WHERE o.is_current = :current"
                        + range + dimensions);
                selects.add("SELECT " + COLUMNS + ", " + outcome + " AS outcome, 1 AS n FROM history_outcomes o WHERE 1 = 1"
                        + range + dimensions);
            }
        }
        // Counted ahead as PENDING, breached by asOf: one pending less, one failure more. Read by
        // deadline (opened_at + 0 keeps the planner from walking the whole range by opening instead).
        String counted = range("c", countedFrom, countedTo, "o.opened_at + 0", parameters) + dimensions;
        for (String moved : List.of("'PENDING' AS outcome, -1 AS n", "'FAIL' AS outcome, 1 AS n")) {
            selects.add("SELECT " + COLUMNS + ", " + moved + " FROM outcomes o WHERE o.is_current = :current AND o.outcome = 'PENDING'"
                    + " AND o.due_at < :asOf" + counted);
            selects.add("SELECT " + COLUMNS + ", " + moved + " FROM history_outcomes o WHERE o.outcome = 'PENDING'"
                    + " AND o.due_at < :asOf" + counted);
        }
        List<String> columns = groupBy.stream().map(JdbcReports::column).toList();
        String grouped = String.join(", ", columns);
        String sql = "SELECT " + (columns.isEmpty() ? "" : grouped + ", ")
                + "SUM(CASE WHEN outcome = 'PASS' THEN n ELSE 0 END), SUM(CASE WHEN outcome = 'FAIL' THEN n ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'PENDING' THEN n ELSE 0 END), SUM(CASE WHEN outcome = 'NOT_APPLICABLE' THEN n ELSE 0 END)"
                + " FROM (" + String.join(" UNION ALL ", selects) + ") o"
                // A group whose every outcome stopped being current is counted at zero: no row, as in the raw count.
                + (columns.isEmpty() ? "" : " GROUP BY " + grouped + " HAVING SUM(n) > 0 ORDER BY " + grouped);
        return new Plan(sql, parameters);
    }

    /** The conditions of [from, to) on {@code column}, unbounded ends left out; their parameters named after {@code name}. */
    private static String range(String name, long from, long to, String column, Map<String, Object> parameters) {
        StringBuilder range = new StringBuilder();
        if (from != Long.MIN_VALUE) {
            range.append(" AND ").append(column).append(" >= :").append(name).append("from");
            parameters.put(name + "from", from);
        }
        if (to != Long.MAX_VALUE) {
            range.append(" AND ").append(column).append(" < :").append(name).append("to");
            parameters.put(name + "to", to);
        }
        return range.toString();
    }

    private static long ceilDay(long millis) {
        long day = ReportCounts.dayStart(millis);
        return day == millis ? day : day + ReportCounts.DAY;
    }

    private static long ceilWeek(long day) {
        long week = ReportCounts.weekStart(day);
        return week == day ? week : week + 7 * ReportCounts.DAY;
    }
}
