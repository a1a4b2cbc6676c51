package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.servicestandards.calendar.BusinessCalendars;
import org.servicestandards.calendar.Clock;
import org.servicestandards.calendar.Stopwatch;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Pause;
import org.servicestandards.interaction.Promise;

/**
 * What rules know of the moment they judge at: {@code asOf} and the business calendars. Bound to
 * the global {@code judging}; its methods measure a record's times the way a target counts them,
 * in the calendar the record is counted in: the default, unless the rule set's calendar table
 * (package {@code calendars}, which fires before any other rule) named another for it.
 */
public final class Judging {

    private final BusinessCalendars calendars;
    private final Instant asOf;
    /** The stopwatches of the calendars other than the default, made as records are counted in them. */
    private final Map<String, Stopwatch> stopwatches = new HashMap<>();
    // By identity: the records in the session are the facts rules hold, and hashing a record is not free.
    private final Map<Interaction, String> countedIn = new IdentityHashMap<>();
    private final Set<Interaction> measured = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Stopwatch defaultStopwatch;

    public Judging(BusinessCalendars calendars, Instant asOf) {
        this.calendars = calendars;
        this.asOf = asOf;
        this.defaultStopwatch = new Stopwatch(calendars.defaultCalendar(), asOf);
    }

    public Instant getAsOf() {
        return asOf;
    }

    /**
     * Counts the record's business time in the calendar of this name: what the calendar table's
     * rows conclude. The first row that names one for a record holds; the rule set's validation
     * refuses a name it has no calendar of, and a choice made once the record's time has been
     * measured is refused here (the calendar table must fire first).
     */
    public void countIn(Interaction interaction, String calendar) {
        if (calendars.named(calendar).isEmpty()) {
            throw new IllegalArgumentException("there is no calendar '" + calendar + "'; the rule set has " + calendars.names());
        }
        if (measured.contains(interaction)) {
            throw new IllegalStateException("the calendar of " + interaction.id() + " was chosen after its time was measured:"
                    + " only the calendar table (package calendars) may choose it");
        }
        countedIn.putIfAbsent(interaction, calendar);
    }

    /** The name of the calendar the record's business time is counted in. */
    public String calendarOf(Interaction interaction) {
        return countedIn.getOrDefault(interaction, BusinessCalendars.DEFAULT);
    }

    /** How the target counts, for a finding's evidence: "elapsed time", or the business hours of the calendar used. */
    public String counting(Target target) {
        return target.clock() == Clock.BUSINESS_HOURS
                ? "business hours of calendar " + calendarOf(target.interaction())
                : "elapsed time";
    }

    /** Counted time between two instants of the record, as the target counts it. */
    public Duration measure(Target target, Instant from, Instant to) {
        return stopwatch(target).measure(target.clock(), from, to, pauses(target));
    }

    /** Counted time from an instant of the record until asOf. */
    public Duration measureToNow(Target target, Instant from) {
        return stopwatch(target).measureToNow(target.clock(), from, pauses(target));
    }

    private Stopwatch stopwatch(Target target) {
        measured.add(target.interaction());
        String name = calendarOf(target.interaction());
        return name.equals(BusinessCalendars.DEFAULT) ? defaultStopwatch
                : stopwatches.computeIfAbsent(name, n -> new Stopwatch(calendars.named(n).orElseThrow(), asOf));
    }

    /**
     * When the target, counted from {@code from}, falls due: the instant after which the outcome
     * is late if nothing more happens; null while a pause is open. Always after asOf: judged when
     * the counted time equals the target to the millisecond, it is late a millisecond on.
     */
    public Instant dueAt(Target target, Instant from) {
        Instant due = stopwatch(target).dueAt(target.clock(), from, target.limit(), pauses(target));
        return due == null || due.isAfter(asOf) ? due : asOf.plusMillis(1);
    }

    /** The record's promises that are late at asOf: kept after their due time, or still open past it. */
    public List<Promise> latePromises(Interaction interaction) {
        return interaction.promises().stream().filter(p -> p.isLateAt(asOf)).toList();
    }

    /** The record's promises still open before their due time at asOf. */
    public List<Promise> openPromises(Interaction interaction) {
        return interaction.promises().stream().filter(p -> p.isOpenAt(asOf)).toList();
    }

    /** How long a late promise is overdue at asOf (or was, when kept). */
    public Duration lateness(Promise promise) {
        Instant end = promise.fulfilledAt() != null ? promise.fulfilledAt() : asOf;
        return Duration.between(promise.dueAt(), end);
    }

    /**
     * The gaps between customer contacts from the first response (or opening) until closing (or
     * asOf): the first response, every update and the closing are contacts.
     */
    public ContactGaps contactGaps(Target target) {
        Interaction i = target.interaction();
        Instant start = i.firstResponseAt() != null ? i.firstResponseAt() : i.openedAt();
        Instant end = i.closedAt() != null ? i.closedAt() : asOf;
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
