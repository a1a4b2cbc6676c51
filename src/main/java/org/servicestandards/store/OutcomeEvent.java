package org.servicestandards.store;

import java.time.Instant;
import java.util.List;
import org.servicestandards.verdict.Finding;

/**
 * Something receivers of notifications want to hear of: an outcome that became FAIL
 * ({@link #FAILED}), or a PENDING outcome whose deadline is close ({@link #AT_RISK}). The subject
 * is an interaction or a customer. {@code key} names the change itself, so the same change
 * enqueued twice is delivered once.
 */
public record OutcomeEvent(String type, String key, String standard, String severity, String subjectKind,
                           String subjectId, String customerId, String agentId, Instant dueAt, Instant asOf,
                           String ruleset, List<Finding> findings) {

    public static final String FAILED = "outcome.failed";
    public static final String AT_RISK = "outcome.at-risk";

    public OutcomeEvent {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}
