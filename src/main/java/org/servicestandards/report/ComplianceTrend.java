package org.servicestandards.report;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each row of a compliance report against the period before it: the same group in the
 * previous period of the same length, or, for a row of a week or month, the week or month
 * before it (same other groups), so a weekly series shows its own trend. {@code change} is the
 * rate minus the previous rate, in fractions (0.05 = five points better); null when either
 * rate is unknown.
 */
public final class ComplianceTrend {

    /** A row with the one it is compared to. */
    public record Row(ComplianceRow row, ComplianceRow previous, BigDecimal change) {
    }

    private ComplianceTrend() {
    }

    /** The rows of {@code current} against {@code previous} (the same report over the period before). */
    public static List<Row> of(ComplianceReport current, ComplianceReport previous) {
        Map<Map<String, String>, ComplianceRow> earlier = new HashMap<>();
        previous.rows().forEach(r -> earlier.put(r.group(), r));
        // Only a series of weeks or months looks into this period too.
        Map<Map<String, String>, ComplianceRow> series = new HashMap<>();
        if (current.groupBy().contains(GroupBy.WEEK) || current.groupBy().contains(GroupBy.MONTH)) {
            series.putAll(earlier);
            current.rows().forEach(r -> series.put(r.group(), r));
        }
        return current.rows().stream().map(row -> {
            Map<String, String> predecessor = predecessor(row.group());
            // A week or month follows the one before it, in this period or the last; any other
            // group is compared with itself in the last period.
            ComplianceRow before = predecessor.equals(row.group()) ? earlier.get(predecessor) : series.get(predecessor);
            return new Row(row, before, change(row, before));
        }).toList();
    }

    /** The total of {@code current} against the total of {@code previous}. */
    public static Row total(ComplianceReport current, ComplianceReport previous) {
        ComplianceRow before = previous.rows().isEmpty() ? null : previous.total();
        return new Row(current.total(), before, change(current.total(), before));
    }

    private static BigDecimal change(ComplianceRow row, ComplianceRow before) {
        return before == null || row.rate() == null || before.rate() == null ? null : row.rate().subtract(before.rate());
    }

    /** The group a row is compared to: the same group, with its week or month one earlier. */
    static Map<String, String> predecessor(Map<String, String> group) {
        if (!group.containsKey(GroupBy.WEEK.key()) && !group.containsKey(GroupBy.MONTH.key())) {
            return group;
        }
        Map<String, String> before = new LinkedHashMap<>(group);
        before.computeIfPresent(GroupBy.WEEK.key(), (k, week) -> previousWeek(week));
        before.computeIfPresent(GroupBy.MONTH.key(), (k, month) -> previousMonth(month));
        return before;
    }

    private static String previousWeek(String week) {
        try {
            int year = Integer.parseInt(week.substring(0, 4));
            int number = Integer.parseInt(week.substring(6));
            LocalDate monday = LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        } catch (RuntimeException e) {
            return week;
        }
    }

    private static String previousMonth(String month) {
        try {
            return YearMonth.parse(month).minusMonths(1).toString();
        } catch (DateTimeParseException e) {
            return month;
        }
    }
}
