package org.servicestandards.standards.facts;

import org.kie.api.runtime.rule.RuleContext;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.Subject;

/**
 * Judged: a finding against a history standard about a subject (a customer or an interaction),
 * with the evidence. A null {@code severity} is the one {@code standards.csv} declares for the
 * standard, which the engine gives the finding.
 */
public record HistoryBreach(Subject subject, String standard, String rule, Severity severity, String message,
                            String measured, String target) implements Shortfall {

    /**
     * A breach found by the rule firing in {@code context}, of the severity {@code standards.csv}
     * declares for the standard; durations are written in days and hours (P41DT2H).
     */
    public static HistoryBreach of(Subject subject, String standard, RuleContext context,
                                   String message, Object measured, Object target) {
        return of(subject, standard, context, null, message, measured, target);
    }

    /** A breach of a severity an officers' table gives the finding; null is the declared severity. */
    public static HistoryBreach of(Subject subject, String standard, RuleContext context, Severity severity,
                                   String message, Object measured, Object target) {
        return new HistoryBreach(subject, standard, context.getRule().getName(), severity, message,
                HistoryJudging.text(measured), HistoryJudging.text(target));
    }
}
