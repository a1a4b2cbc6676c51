package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;
import org.servicestandards.verdict.Subject;

/**
 * Derived: how long a customer has gone without a qualifying contact, as of asOf. The clock runs
 * from the latest qualifying contact, or from when the customer came into a tier the standard
 * covers when that is later (a customer who became VIP last week is not owed last month's
 * call). {@code overdue} when the gap is longer than the period; {@code dueAt} is when the next
 * contact falls due.
 */
public record ContactGap(String standard, Subject subject, Tier tier, Duration period, Instant heldSince,
                         Interaction lastContact, Instant since, Duration gap, Instant dueAt, Instant asOf) {

    public boolean isOverdue() {
        return gap.compareTo(period) > 0;
    }

    /** What was judged: the last {@code period} before asOf, and the evidence. */
    public Checked checked() {
        Map<String, String> evidence = new LinkedHashMap<>();
        evidence.put("tier", tier.name());
        evidence.put("heldSince", heldSince.toString());
        if (lastContact != null) {
            evidence.put("lastContact", lastContact.id());
            evidence.put("lastContactAt", lastContact.openedAt().toString());
        }
        evidence.put("gap", HistoryJudging.text(gap));
        evidence.put("period", HistoryJudging.text(period));
        evidence.put(isOverdue() ? "dueSince" : "nextDueAt", dueAt.toString());
        return new Checked(subject, standard, asOf.minus(period), asOf, evidence);
    }

    /** The finding's message: what was missing, for how long, against which period. */
    public String describe(String contact) {
        String last = lastContact == null
                ? "no " + contact + " since " + heldSince + ", when the customer became " + tier
                : "the last " + contact + " was " + lastContact.id() + " on " + lastContact.openedAt();
        return tier + " customer " + subject.id() + ": " + last + ", " + HistoryJudging.text(gap)
                + " before " + asOf + "; the standard asks for one every " + HistoryJudging.text(period)
                + " (due since " + dueAt + ")";
    }
}
