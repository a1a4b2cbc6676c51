package org.servicestandards.standards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.servicestandards.standards.facts.Deadline;
import org.servicestandards.standards.facts.Score;
import org.servicestandards.standards.facts.Shortfall;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * What the rules concluded about one subject under one standard, and the one law that turns it
 * into an outcome: not applicable without an applicable fact, FAIL on any breach (severity = the
 * worst), PENDING on any pending fact (due at the earliest), PASS otherwise. A breach of no
 * severity of its own has the one the standard is declared with.
 */
final class Conclusion {

    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule).thenComparing(Finding::message);

    boolean applicable;
    final List<Shortfall> breaches = new ArrayList<>(2);
    final List<Deadline> pending = new ArrayList<>(2);
    Score score;

    boolean isApplicable() {
        return applicable || !breaches.isEmpty() || !pending.isEmpty();
    }

    StandardOutcome outcome(String standard, Severity declared) {
        if (!isApplicable()) {
            return StandardOutcome.notApplicable(standard);
        }
        BigDecimal percent = score == null ? null : score.percent();
        if (!breaches.isEmpty()) {
            Severity worst = null;
            List<Finding> findings = new ArrayList<>(breaches.size());
            for (Shortfall breach : breaches) {
                Severity severity = breach.severity() != null ? breach.severity() : declared;
                if (severity.isWorseThan(worst)) {
                    worst = severity;
                }
                findings.add(new Finding(breach.rule(), severity, breach.message(), breach.measured(), breach.target()));
            }
            findings.sort(FINDING_ORDER);
            return new StandardOutcome(standard, Outcome.FAIL, worst, null, percent, findings);
        }
        if (!pending.isEmpty()) {
            Instant dueAt = null;
            for (Deadline deadline : pending) {
                if (deadline.dueAt() != null && (dueAt == null || deadline.dueAt().isBefore(dueAt))) {
                    dueAt = deadline.dueAt();
                }
            }
            return new StandardOutcome(standard, Outcome.PENDING, null, dueAt, percent, List.of());
        }
        return new StandardOutcome(standard, Outcome.PASS, null, null, percent, List.of());
    }
}
