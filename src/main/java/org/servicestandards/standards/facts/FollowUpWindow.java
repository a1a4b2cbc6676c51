package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Subject;

/**
 * Derived: the window in which an interaction (a resolved complaint, a sale) must be followed
 * up, from {@code from} until {@code dueAt}, and the follow-up that came in it, if any. A
 * follow-up after the window is kept as {@code lateFollowUp}, for the evidence; {@code periodText}
 * says the period as the table does ("P7D", "2 business days").
 */
public record FollowUpWindow(String standard, Subject subject, Interaction of, Instant from, Duration period,
                             Instant dueAt, Interaction followUp, Interaction lateFollowUp, Instant asOf, String periodText) {

    /** No follow-up came in the window, and the window has closed. */
    public boolean isMissed() {
        return followUp == null && asOf.isAfter(dueAt);
    }

    /** No follow-up yet, and the window is still open. */
    public boolean isAwaited() {
        return followUp == null && !asOf.isAfter(dueAt);
    }

    /** How long after the window opened the follow-up came (the late one when none was in time); null when none came. */
    public Duration after() {
        Interaction came = followUp != null ? followUp : lateFollowUp;
        return came == null ? null : Duration.between(from, came.openedAt());
    }

    /** How long the subject waited for its follow-up: until the late one came, or until asOf. */
    public Duration waited() {
        return lateFollowUp != null ? Duration.between(from, lateFollowUp.openedAt()) : Duration.between(from, asOf);
    }

    public Checked checked() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("from", from.toString());
        evidence.put("period", periodText);
        evidence.put("dueAt", dueAt.toString());
        Interaction came = followUp != null ? followUp : lateFollowUp;
        if (came != null) {
            evidence.put(followUp != null ? "followUp" : "lateFollowUp", came.id());
            evidence.put(followUp != null ? "followUpAt" : "lateFollowUpAt", came.openedAt().toString());
            evidence.put("after", HistoryJudging.text(after()));
        }
        return new Checked(subject, standard, from, dueAt, evidence);
    }

    /** The finding's message for a missed window. */
    public String describe(String what) {
        String came = lateFollowUp == null ? "none has come"
                : "the first came late, " + lateFollowUp.id() + " on " + lateFollowUp.openedAt() + " ("
                        + HistoryJudging.text(after()) + " after)";
        return what + " " + subject.id() + " got no follow-up within " + periodText + " of " + from
                + " (due by " + dueAt + "); " + came;
    }
}
