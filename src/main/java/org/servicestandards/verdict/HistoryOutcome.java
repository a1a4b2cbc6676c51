package org.servicestandards.verdict;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One history standard's outcome for one subject, judged over the customer's stored history as
 * of {@code asOf} by the rule set {@code ruleset}: the window judged, the evidence (the last
 * qualifying contact, the gap, the target), the findings when FAIL and, when PENDING, when it
 * falls due. {@code tier} is the customer's tier at asOf.
 */
public record HistoryOutcome(String standard, Subject subject, String customer, String accountManager, String tier,
                             Outcome outcome, Severity severity, Instant dueAt, Window window,
                             Map<String, String> evidence, List<Finding> findings, Instant asOf, String ruleset) {

    /** The stretch of time a history standard looked at. */
    public record Window(Instant from, Instant to) {
    }

    public HistoryOutcome {
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
