package org.servicestandards.report;

import java.time.Instant;
import java.util.List;

/**
 * A compliance report beside the period just before it, as long as it: each row with the row it
 * is compared to ({@link ComplianceTrend}), and the total with the total before. What auditors
 * read, as JSON or CSV.
 */
public record ComplianceComparison(ComplianceReport report, Filters previous, List<ComplianceTrend.Row> rows,
                                   ComplianceTrend.Row total) {

    public ComplianceComparison {
        rows = List.copyOf(rows);
    }

    /** Where compliance is counted: the stored outcomes of the period {@code filters} cover, their deadlines judged at {@code asOf}. */
    @FunctionalInterface
    public interface Counts {
        ComplianceReport compliance(Filters filters, List<GroupBy> groupBy, Instant asOf);
    }

    /** The report of {@code filters}, grouped by {@code groupBy} and counted as of {@code asOf}, against the period before. */
    public static ComplianceComparison of(Filters filters, List<GroupBy> groupBy, Instant asOf, Counts counts) {
        ComplianceReport report = counts.compliance(filters, groupBy, asOf);
        Filters before = filters.periodBefore();
        ComplianceReport previous = counts.compliance(before, groupBy, asOf);
        return new ComplianceComparison(report, before, ComplianceTrend.of(report, previous), ComplianceTrend.total(report, previous));
    }
}
