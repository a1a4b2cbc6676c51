package org.servicestandards.report;

import java.util.List;
import java.util.Map;

/** Compliance for a period, one row per group, and the total over all rows. */
public record ComplianceReport(Filters filters, List<GroupBy> groupBy, List<ComplianceRow> rows) {

    public ComplianceReport {
        groupBy = List.copyOf(groupBy);
        rows = List.copyOf(rows);
    }

    public ComplianceRow total() {
        ComplianceRow total = new ComplianceRow(Map.of(), 0, 0, 0, 0);
        for (ComplianceRow row : rows) {
            total = total.plus(row);
        }
        return total;
    }
}
