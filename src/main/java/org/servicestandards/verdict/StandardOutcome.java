package org.servicestandards.verdict;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One standard's outcome for one record. {@code severity} is the worst finding's when FAIL;
 * {@code dueAt} is when a PENDING outcome falls due (absent while the clock is stopped);
 * {@code score} is set by standards that score, such as courtesy.
 */
public record StandardOutcome(String standard, Outcome outcome, Severity severity, Instant dueAt,
                              BigDecimal score, List<Finding> findings) {

    public StandardOutcome {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static StandardOutcome notApplicable(String standard) {
        return new StandardOutcome(standard, Outcome.NOT_APPLICABLE, null, null, null, List.of());
    }
}
