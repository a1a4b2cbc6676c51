package org.servicestandards.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * When the business is open: weekly hours in a time zone, less holidays. Counts business time
 * between instants and finds the instant a business-time target falls due, at a cost that does
 * not grow with the span ({@link BusinessTimeLine}). Local opening times are resolved in the zone
 * on each day, so daylight-saving changes inside opening hours count as the clock shows them.
 */
public final class BusinessCalendar {

    /** How far ahead a deadline is searched for before it is taken as never falling due. */
    private static final int HORIZON_DAYS = 366 * 20;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> week;
    private final Map<LocalDate, String> holidays;
    private final BusinessTimeLine line;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Map<LocalDate, String> holidays) {
        this.zone = zone;
        EnumMap<DayOfWeek, List<OpeningHours>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, hours) -> copy.put(day, inOrder(day, hours)));
        if (copy.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("the week has no opening hours at all");
        }
        this.week = copy;
        this.holidays = new TreeMap<>(holidays);
        this.line = new BusinessTimeLine(zone, this.week, this.holidays, this::hoursOf);
    }

    /**
     * A day's stretches sorted by opening time (deadlines walk them in order); overlapping ones
     * are refused, since an hour in two stretches would count twice.
     */
    private static List<OpeningHours> inOrder(DayOfWeek day, List<OpeningHours> hours) {
        List<OpeningHours> sorted = new ArrayList<>(hours);
        sorted.sort(java.util.Comparator.comparing(OpeningHours::start));
        for (int k = 1; k < sorted.size(); k++) {
            if (sorted.get(k).start().isBefore(sorted.get(k - 1).end())) {
                throw new IllegalArgumentException(day + ": opening hours " + sorted.get(k - 1) + " and "
                        + sorted.get(k) + " overlap");
            }
        }
        return List.copyOf(sorted);
    }

    /** Monday to Friday, 09:00-18:00, in UTC, without holidays. */
    public static BusinessCalendar standardWeek() {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day.getValue() <= 5 ? List.of(OpeningHours.parse("09:00-18:00")) : List.of());
        }
        return new BusinessCalendar(ZoneOffset.UTC, week, Map.of());
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<OpeningHours>> week() {
        return week;
    }

    public Map<LocalDate, String> holidays() {
        return holidays;
    }

    /** Business time within [from, to) that none of the {@code excluded} intervals covers. */
    public Duration businessTime(Instant from, Instant to, List<Interval> excluded) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = line.openBefore(to).minus(line.openBefore(from));
        // Callers may pass pauses as recorded: overlapping and unordered.
        for (Interval pause : Interval.union(excluded)) {
            Interval counted = clip(pause, new Interval(from, to));
            if (counted != null) {
                total = total.minus(line.openBefore(counted.end()).minus(line.openBefore(counted.start())));
            }
        }
        return total;
    }

    /**
     * The instant after which business time counted from {@code start}, less the excluded
     * intervals, exceeds {@code amount}: where it is reached while counting goes on, or the next
     * instant counting resumes when it is reached exactly as counting stops (at a closing, at a
     * pause). Null when it never does within twenty years.
     */
    public Instant businessDeadline(Instant start, Duration amount, List<Interval> excluded) {
        if (amount.isZero() || amount.isNegative()) {
            // Nothing to count: reached at once, even outside business hours.
            return start;
        }
        Duration remaining = amount;
        Instant cursor = start;
        Instant horizon = start.plus(Duration.ofDays(HORIZON_DAYS + 1));
        for (Interval pause : Interval.union(excluded)) {
            if (!pause.end().isAfter(cursor)) {
                continue;
            }
            if (cursor.isAfter(horizon)) {
                return null;
            }
            if (pause.start().isAfter(cursor)) {
                Duration available = line.openBefore(pause.start()).minus(line.openBefore(cursor));
                if (remaining.compareTo(available) < 0) {
                    return line.reach(cursor, remaining, horizonFrom(start, cursor));
                }
                remaining = remaining.minus(available);
            }
            cursor = pause.end();
        }
        return cursor.isAfter(horizon) ? null : line.reach(cursor, remaining, horizonFrom(start, cursor));
    }

    /**
     * The instant {@code days} business days after {@code from}: the same local time on the
     * {@code days}-th open day after {@code from}'s local date (a day with opening hours that is
     * no holiday), so a rating on Friday afternoon with two business days to answer it is due on
     * Tuesday afternoon. Null when there are not that many open days within twenty years.
     */
    public Instant businessDaysAfter(Instant from, int days) {
        if (days <= 0) {
            return from;
        }
        ZonedDateTime start = from.atZone(zone);
        LocalDate day = start.toLocalDate();
        int counted = 0;
        for (int n = 0; n < HORIZON_DAYS; n++) {
            day = day.plusDays(1);
            if (!openIntervals(day).isEmpty() && ++counted == days) {
                return ZonedDateTime.of(day, start.toLocalTime(), zone).toInstant();
            }
        }
        return null;
    }

    /** Days left of the twenty-year search from {@code start} when counting resumes at {@code cursor}. */
    private long horizonFrom(Instant start, Instant cursor) {
        long used = cursor.atZone(zone).toLocalDate().toEpochDay() - start.atZone(zone).toLocalDate().toEpochDay();
        return Math.max(1, HORIZON_DAYS - used);
    }

    /** The open stretches of a local date as instants; none on holidays. */
    List<Interval> openIntervals(LocalDate day) {
        return holidays.containsKey(day) ? List.of() : hoursOf(day.toEpochDay());
    }

    /**
     * A weekday's opening hours on an epoch day as instants, holiday or not, kept within the
     * instants of that local day (a zone that skips a day gives that day nothing).
     */
    private List<Interval> hoursOf(long epochDay) {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        List<OpeningHours> hours = week.getOrDefault(day.getDayOfWeek(), List.of());
        if (hours.isEmpty()) {
            return List.of();
        }
        Interval whole = new Interval(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
        List<Interval> intervals = new ArrayList<>(hours.size());
        for (OpeningHours h : hours) {
            Interval open = clip(new Interval(ZonedDateTime.of(day, h.start(), zone).toInstant(),
                    ZonedDateTime.of(day, h.end(), zone).toInstant()), whole);
            if (open != null) {
                intervals.add(open);
            }
        }
        return intervals;
    }

    static Interval clip(Interval interval, Interval bounds) {
        Instant start = interval.start().isAfter(bounds.start()) ? interval.start() : bounds.start();
        Instant end = interval.end().isBefore(bounds.end()) ? interval.end() : bounds.end();
        return end.isAfter(start) ? new Interval(start, end) : null;
    }

    /** How much of {@code interval} the (disjoint) excluded intervals cover. */
    static Duration covered(Interval interval, List<Interval> excluded) {
        Duration covered = Duration.ZERO;
        for (Interval e : excluded) {
            covered = covered.plus(interval.overlap(e));
        }
        return covered;
    }

    /** The parts of {@code interval} outside the sorted, disjoint excluded intervals. */
    static List<Interval> subtract(Interval interval, List<Interval> excluded) {
        List<Interval> pieces = new ArrayList<>(2);
        Instant cursor = interval.start();
        for (Interval e : excluded) {
            if (!e.end().isAfter(cursor) || !e.start().isBefore(interval.end())) {
                continue;
            }
            if (e.start().isAfter(cursor)) {
                pieces.add(new Interval(cursor, e.start()));
            }
            cursor = e.end().isAfter(cursor) ? e.end() : cursor;
        }
        if (interval.end().isAfter(cursor)) {
            pieces.add(new Interval(cursor, interval.end()));
        }
        return pieces;
    }
}
