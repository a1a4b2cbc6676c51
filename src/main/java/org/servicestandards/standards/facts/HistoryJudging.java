package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.servicestandards.calendar.BusinessCalendar;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;
import org.servicestandards.verdict.Subject;

/**
 * What history rules know of the moment they judge at, bound to the global {@code history}:
 * asOf, and the measures the history standards share (the gap since the last qualifying
 * contact, the follow-up window of an interaction). Lists come back empty when the standard
 * does not apply, so a rule matching {@code from} them simply does not fire.
 */
public final class HistoryJudging {

    private static final Comparator<Interaction> BY_OPENING = Comparator.comparing(Interaction::openedAt)
            .thenComparing(Interaction::id);

    private final Instant asOf;
    private final BusinessCalendar calendar;

    /** History judging as of {@code asOf}; periods counted in business days count the open days of {@code calendar}. */
    public HistoryJudging(Instant asOf, BusinessCalendar calendar) {
        this.asOf = asOf;
        this.calendar = calendar;
    }

    public Instant getAsOf() {
        return asOf;
    }

    /**
     * The customer's gap since the latest of {@code contacts} (those that qualify), by the period
     * that covers the tier they hold at asOf; empty when none does.
     */
    public List<ContactGap> contactGap(CustomerHistory customer, List<HistoryPeriod> periods, List<Interaction> contacts) {
        Tier tier = customer.getTier();
        HistoryPeriod period = HistoryPeriod.forTier(periods, tier);
        if (period == null) {
            return List.of();
        }
        Instant heldSince = customer.heldSince(HistoryPeriod.tiers(periods));
        Interaction last = contacts.stream().filter(i -> !i.openedAt().isAfter(asOf)).max(BY_OPENING).orElse(null);
        Instant since = last != null && last.openedAt().isAfter(heldSince) ? last.openedAt() : heldSince;
        return List.of(new ContactGap(period.standard(), Subject.customer(customer.getId()), tier, period.length(), heldSince,
                last, since, Duration.between(since, asOf), since.plus(period.length()), asOf));
    }

    /**
     * The follow-up window of {@code subject}, opening at {@code from}, by the period that covers
     * the customer's tier then; empty when none does or when the window opens after asOf.
     */
    public List<FollowUpWindow> followUp(CustomerHistory customer, Interaction subject, Instant from,
                                         List<HistoryPeriod> periods, List<Interaction> followUps) {
        if (from == null || from.isAfter(asOf)) {
            return List.of();
        }
        Tier tier = customer.tierAt(from) != null ? customer.tierAt(from) : subject.tier();
        HistoryPeriod period = HistoryPeriod.forTier(periods, tier);
        if (period == null) {
            return List.of();
        }
        Instant dueAt = period.businessDays() ? calendar.businessDaysAfter(from, period.days()) : from.plus(period.length());
        if (dueAt == null) {
            return List.of();
        }
        List<Interaction> came = followUps.stream()
                .filter(f -> !f.openedAt().isBefore(from) && !f.openedAt().isAfter(asOf)).sorted(BY_OPENING).toList();
        Interaction inTime = came.stream().filter(f -> !f.openedAt().isAfter(dueAt)).findFirst().orElse(null);
        Interaction late = inTime != null ? null : came.stream().findFirst().orElse(null);
        return List.of(new FollowUpWindow(period.standard(), subject(subject), subject, from, period.length(), dueAt, inTime,
                late, asOf, period.describe()));
    }

    /** The subject an interaction makes, with what reports place it by. */
    public static Subject subject(Interaction interaction) {
        return new Subject(Subject.INTERACTION, interaction.id(), interaction.openedAt(), interaction.agent().id(),
                interaction.agent().team(), interaction.channel().name());
    }

    /** Evidence as text: durations in days, hours, minutes and seconds (P41DT2H, not PT986H), anything else as it prints. */
    public static String text(Object value) {
        if (value instanceof Duration duration) {
            if (duration.isZero()) {
                return "PT0S";
            }
            long days = duration.toDays();
            Duration rest = duration.minusDays(days);
            String time = rest.isZero() ? "" : rest.toString().substring(1);
            return (days == 0 ? "P" : "P" + days + "D") + time;
        }
        return Breach.evidence(value);
    }
}
