package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.servicestandards.calendar.Stopwatch;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Pause;
import org.servicestandards.interaction.Promise;

/**
 * What rules know of the moment they judge at: {@code asOf} and the business calendar. Bound to
 * the global {@code judging}; its methods measure a record's times the way a target counts them.
 */
public final class Judging {

    private final Stopwatch stopwatch;

    public Judging(Stopwatch stopwatch) {
        this.stopwatch = stopwatch;
    }

    public Instant getAsOf() {
        return stopwatch.asOf();
    }

    /** Counted time between two instants of the record, as the target counts it. */
    public Duration measure(Target target, Instant from, Instant to) {
        return stopwatch.measure(target.clock(), from, to, pauses(target));
    }

    /** Counted time from an instant of the record until asOf. */
    public Duration measureToNow(Target target, Instant from) {
        return stopwatch.measureToNow(target.clock(), from, pauses(target));
    }

    /**
     * When the target, counted from {@code from}, falls due: the instant after which the outcome
     * is late if nothing more happens; null while a pause is open. Always after asOf: judged when
     * the counted time equals the target to the millisecond, it is late a millisecond on.
     */
    public Instant dueAt(Target target, Instant from) {
        Instant due = stopwatch.dueAt(target.clock(), from, target.limit(), pauses(target));
        return due == null || due.isAfter(stopwatch.asOf()) ? due : stopwatch.asOf().plusMillis(1);
    }

    /** The record's promises that are late at asOf: kept after their due time, or still open past it. */
    public List<Promise> latePromises(Interaction interaction) {
        return interaction.promises().stream().filter(p -> p.isLateAt(stopwatch.asOf())).toList();
    }

    /** The record's promises still open before their due time at asOf. */
    public List<Promise> openPromises(Interaction interaction) {
        return interaction.promises().stream().filter(p -> p.isOpenAt(stopwatch.asOf())).toList();
    }

    /** How long a late promise is overdue at asOf (or was, when kept). */
    public Duration lateness(Promise promise) {
        Instant end = promise.fulfilledAt() != null ? promise.fulfilledAt() : stopwatch.asOf();
        return Duration.between(promise.dueAt(), end);
    }

    /**
     * The gaps between customer contacts from the first response (or opening) until closing (or
     * asOf): the first response, every update and the closing are contacts.
     */
    public ContactGaps contactGaps(Target target) {
        Interaction i = target.interaction();
        Instant start = i.firstResponseAt() != null ? i.firstResponseAt() : i.openedAt();
        Instant end = i.closedAt() != null ? i.closedAt() : stopwatch.asOf();
        List<Instant> contacts = new ArrayList<>();
        contacts.add(start);
        // An update at asOf (or at closing) has happened: it is a contact.
        i.updates().stream().filter(u -> u.isAfter(start) && !u.isAfter(end)).sorted().forEach(contacts::add);
        Instant lastContact = contacts.get(contacts.size() - 1);
        if (end.isAfter(lastContact)) {
            contacts.add(end);
        }
        Duration longest = Duration.ZERO;
        Instant longestFrom = start;
        Instant longestTo = start;
        for (int k = 1; k < contacts.size(); k++) {
            Duration gap = measure(target, contacts.get(k - 1), contacts.get(k));
            if (gap.compareTo(longest) > 0) {
                longest = gap;
                longestFrom = contacts.get(k - 1);
                longestTo = contacts.get(k);
            }
        }
        boolean open = i.closedAt() == null;
        return new ContactGaps(i, longest, longestFrom, longestTo, open, open ? lastContact : end);
    }

    private static List<Pause> pauses(Target target) {
        return target.pausesStopClock() ? target.interaction().pauses() : List.of();
    }
}
