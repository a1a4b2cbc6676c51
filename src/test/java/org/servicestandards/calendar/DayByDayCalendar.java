package org.servicestandards.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Business time counted the slow, obvious way: every day of the span, every open stretch, every
 * pause. The arithmetic of {@link BusinessCalendar} must agree with it wherever both can run.
 */
final class DayByDayCalendar {

    private final BusinessCalendar calendar;

    DayByDayCalendar(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    Duration businessTime(Instant from, Instant to, List<Interval> excluded) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        excluded = Interval.union(excluded);
        Interval span = new Interval(from, to);
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(calendar.zone()).toLocalDate();
        for (LocalDate day = from.atZone(calendar.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Interval open : calendar.openIntervals(day)) {
                Interval counted = BusinessCalendar.clip(open, span);
                if (counted != null) {
                    total = total.plus(counted.length()).minus(BusinessCalendar.covered(counted, excluded));
                }
            }
        }
        return total;
    }

    Instant businessDeadline(Instant start, Duration amount, List<Interval> excluded, int horizonDays) {
        if (amount.isZero() || amount.isNegative()) {
            return start;
        }
        excluded = Interval.union(excluded);
        Duration remaining = amount;
        LocalDate day = start.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < horizonDays; i++, day = day.plusDays(1)) {
            for (Interval open : calendar.openIntervals(day)) {
                if (!open.end().isAfter(start)) {
                    continue;
                }
                Interval from = open.start().isBefore(start) ? new Interval(start, open.end()) : open;
                for (Interval piece : BusinessCalendar.subtract(from, excluded)) {
                    if (remaining.compareTo(piece.length()) < 0) {
                        return piece.start().plus(remaining);
                    }
                    remaining = remaining.minus(piece.length());
                }
            }
        }
        return null;
    }
}
