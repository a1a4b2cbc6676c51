package org.servicestandards.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.servicestandards.report.ComplianceComparison;
import org.servicestandards.report.ComplianceRow;
import org.servicestandards.report.ComplianceTrend;
import org.servicestandards.report.GroupBy;

/** Schema ComplianceReport: the period, how it is grouped and filtered, the period compared with, the rows and their total. */
record ComplianceResponse(Instant from, Instant to, List<String> groupBy, Map<String, String> filters, Period previous,
                          List<Row> rows, Row total) {

    static ComplianceResponse of(ComplianceComparison comparison) {
        var report = comparison.report();
        return new ComplianceResponse(report.filters().from(), report.filters().to(),
                report.groupBy().stream().map(GroupBy::key).toList(), report.filters().given(),
                new Period(comparison.previous().from(), comparison.previous().to()),
                comparison.rows().stream().map(Row::of).toList(), Row.of(comparison.total()));
    }

    record Period(Instant from, Instant to) {
    }

    /** Schema ComplianceRow: the group's keys, in the order grouped by, then its counts and how it compares. */
    record Row(@JsonAnyGetter Map<String, String> group, long pass, long fail, long pending, long notApplicable,
               BigDecimal rate, Previous previous, BigDecimal change) {

        static Row of(ComplianceTrend.Row trend) {
            ComplianceRow row = trend.row();
            ComplianceRow before = trend.previous();
            return new Row(row.group(), row.pass(), row.fail(), row.pending(), row.notApplicable(), row.rate(),
                    before == null ? null : new Previous(before.pass(), before.fail(), before.rate()), trend.change());
        }
    }

    /** The row this one is compared with. */
    record Previous(long pass, long fail, BigDecimal rate) {
    }
}
