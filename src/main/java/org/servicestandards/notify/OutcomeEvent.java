package org.servicestandards.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

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

    /** The standards whose outcome in {@code verdict} is FAIL. */
    public static Set<String> failing(Verdict verdict) {
        Set<String> failing = new java.util.HashSet<>();
        verdict.outcomes().stream().filter(o -> o.outcome() == Outcome.FAIL).forEach(o -> failing.add(o.standard()));
        return failing;
    }

    /**
     * The events of a record's new verdict (the {@code verdictNo}th of its revision): one for each
     * outcome that is FAIL now and was not in {@code failingBefore}, the standards failing in the
     * verdict it replaces. An outcome that stays FAIL is no news.
     */
    public static List<OutcomeEvent> becameFailing(Interaction record, Verdict verdict, int verdictNo, Set<String> failingBefore) {
        List<OutcomeEvent> events = new ArrayList<>();
        for (StandardOutcome outcome : verdict.outcomes()) {
            if (outcome.outcome() == Outcome.FAIL && !failingBefore.contains(outcome.standard())) {
                events.add(new OutcomeEvent(FAILED, "failed|interaction|" + record.id() + "|" + outcome.standard() + "|"
                        + verdict.revision() + "|" + verdictNo, outcome.standard(), outcome.severity().name(), "interaction",
                        record.id(), record.customer().id(), record.agent().id(), null, verdict.asOf(), verdict.ruleset(),
                        outcome.findings()));
            }
        }
        return events;
    }

    /** The event of a history outcome that became FAIL as of its date. */
    public static OutcomeEvent failed(HistoryOutcome outcome) {
        return new OutcomeEvent(FAILED, "failed|" + outcome.subject().kind() + "|" + outcome.subject().id() + "|"
                + outcome.standard() + "|" + outcome.asOf().toEpochMilli(), outcome.standard(),
                outcome.severity() == null ? null : outcome.severity().name(), outcome.subject().kind(), outcome.subject().id(),
                outcome.customer(), answersFor(outcome), outcome.dueAt(), outcome.asOf(), outcome.ruleset(), outcome.findings());
    }

    /** Who answers for a history outcome in reports: the account manager, else the agent of the subject interaction. */
    public static String answersFor(HistoryOutcome outcome) {
        return outcome.accountManager() != null ? outcome.accountManager() : outcome.subject().agent();
    }

    /**
     * The warning of a PENDING outcome falling due at {@code dueAt}; {@code severity} is the
     * outcome's when it has one, else the standard's declared severity.
     */
    public static OutcomeEvent atRisk(String subjectKind, String subjectId, String standard, String severity, Instant dueAt,
                                      String customerId, String agentId, String ruleset, Instant asOf) {
        return new OutcomeEvent(AT_RISK, atRiskKey(subjectKind, subjectId, standard, dueAt.toEpochMilli()), standard, severity,
                subjectKind, subjectId, customerId, agentId, dueAt, asOf, ruleset, List.of());
    }

    /** Names one deadline of one subject's standard, so each deadline is warned of once. */
    public static String atRiskKey(String subjectKind, String subjectId, String standard, long dueAtMillis) {
        return "at-risk|" + subjectKind + "|" + subjectId + "|" + standard + "|" + dueAtMillis;
    }
}
