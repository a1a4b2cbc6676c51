package org.servicestandards.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.servicestandards.interaction.Pause;

/**
 * Measures the time a standard counts: elapsed or business time, with or without the record's
 * pauses. A pause with no end runs until {@code asOf}; while one is open the clock is stopped,
 * so no deadline can be named.
 */
public final class Stopwatch {

    private final BusinessCalendar calendar;
    private final Instant asOf;

    public Stopwatch(BusinessCalendar calendar, Instant asOf) {
        this.calendar = calendar;
        this.asOf = asOf;
    }

    public Instant asOf() {
        return asOf;
    }

    public BusinessCalendar calendar() {
        return calendar;
    }

    /** Counted time from {@code from} to {@code to}; {@code pauses} is empty when pauses count. */
    public Duration measure(Clock clock, Instant from, Instant to, List<Pause> pauses) {
        List<Interval> excluded = excluded(pauses);
        if (clock == Clock.BUSINESS_HOURS) {
            return calendar.businessTime(from, to, excluded);
        }
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Interval span = new Interval(from, to);
        return span.length().minus(BusinessCalendar.covered(span, excluded));
    }

    /** Counted time from {@code from} until {@code asOf}. */
    public Duration measureToNow(Clock clock, Instant from, List<Pause> pauses) {
        return measure(clock, from, asOf, pauses);
    }

    /**
     * The instant after which the counted time from {@code from} exceeds {@code target}: where
     * it is reached while the clock runs, or where the clock starts again when it is reached as
     * the clock stops. Null while a pause is open (the clock is stopped) or when it never falls due.
     */
    public Instant dueAt(Clock clock, Instant from, Duration target, List<Pause> pauses) {
        for (Pause pause : pauses) {
            if (pause.isOpen()) {
                return null;
            }
        }
        if (target.isZero() || target.isNegative()) {
            return from;
        }
        List<Interval> excluded = excluded(pauses);
        if (clock == Clock.BUSINESS_HOURS) {
            return calendar.businessDeadline(from, target, excluded);
        }
        Duration remaining = target;
        for (Interval piece : BusinessCalendar.subtract(new Interval(from, Instant.MAX), excluded)) {
            if (remaining.compareTo(piece.length()) < 0) {
                return piece.start().plus(remaining);
            }
            remaining = remaining.minus(piece.length());
        }
        return null;
    }

    private List<Interval> excluded(List<Pause> pauses) {
        if (pauses.isEmpty()) {
            return List.of();
        }
        List<Interval> intervals = new ArrayList<>(pauses.size());
        for (Pause pause : pauses) {
            Instant end = pause.isOpen() ? (asOf.isAfter(pause.from()) ? asOf : pause.from()) : pause.to();
            intervals.add(new Interval(pause.from(), end));
        }
        return Interval.union(intervals);
    }
}
