package org.servicestandards.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each compliance row against the period before it. */
class ComplianceTrendTest {

    private static ComplianceReport report(List<GroupBy> groupBy, ComplianceRow... rows) {
        return new ComplianceReport(Filters.between(null, null), groupBy, List.of(rows));
    }

    @Test
    void a_group_is_compared_with_itself_in_the_previous_period() {
        ComplianceReport now = report(List.of(GroupBy.TEAM), new ComplianceRow(Map.of("team", "digital"), 9, 1, 0, 0),
                new ComplianceRow(Map.of("team", "front-desk"), 1, 1, 0, 0));
        ComplianceReport before = report(List.of(GroupBy.TEAM), new ComplianceRow(Map.of("team", "digital"), 8, 2, 0, 0));
        List<ComplianceTrend.Row> trend = ComplianceTrend.of(now, before);
        assertThat(trend.get(0).previous().rate()).isEqualByComparingTo("0.8");
        assertThat(trend.get(0).change()).isEqualByComparingTo("0.1");
        assertThat(trend.get(1).previous()).isNull();
        assertThat(trend.get(1).change()).isNull();
        assertThat(ComplianceTrend.total(now, before).change()).isEqualByComparingTo(new BigDecimal("0.8333").subtract(new BigDecimal("0.8")));
    }

    @Test
    void a_week_follows_the_week_before_it_in_this_period_or_the_last_across_the_new_year() {
        ComplianceReport now = report(List.of(GroupBy.STANDARD, GroupBy.WEEK),
                new ComplianceRow(Map.of("standard", "courtesy", "week", "2027-W01"), 3, 1, 0, 0),
                new ComplianceRow(Map.of("standard", "courtesy", "week", "2027-W02"), 4, 0, 0, 0));
        ComplianceReport before = report(List.of(GroupBy.STANDARD, GroupBy.WEEK),
                new ComplianceRow(Map.of("standard", "courtesy", "week", "2026-W53"), 1, 1, 0, 0));
        List<ComplianceTrend.Row> trend = ComplianceTrend.of(now, before);
        assertThat(trend.get(0).previous().group()).containsEntry("week", "2026-W53");
        assertThat(trend.get(0).change()).isEqualByComparingTo("0.25");
        assertThat(trend.get(1).previous().group()).containsEntry("week", "2027-W01");
        assertThat(trend.get(1).change()).isEqualByComparingTo("0.25");
        assertThat(ComplianceTrend.predecessor(Map.of("month", "2026-01"))).containsEntry("month", "2025-12");
    }
}
