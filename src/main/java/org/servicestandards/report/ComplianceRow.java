package org.servicestandards.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Outcome counts for one group. {@code rate} is PASS / (PASS + FAIL) as a fraction with four
 * decimals, null when nothing was decided.
 */
public record ComplianceRow(Map<String, String> group, long pass, long fail, long pending, long notApplicable) {

    public BigDecimal rate() {
        long decided = pass + fail;
        return decided == 0 ? null : BigDecimal.valueOf(pass).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP);
    }

    public ComplianceRow plus(ComplianceRow other) {
        return new ComplianceRow(group, pass + other.pass, fail + other.fail, pending + other.pending,
                notApplicable + other.notApplicable);
    }
}
