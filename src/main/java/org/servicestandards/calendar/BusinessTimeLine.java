package org.servicestandards.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Business time counted from a fixed origin: {@code open(t)} is the business time before the
 * instant {@code t}, so the business time between two instants is a subtraction and costs the
 * same for a minute as for eight thousand years. Whole weeks count by multiplication; what makes
 * a day differ from its weekday's nominal hours is summed ahead of time: holidays (a finite list)
 * and the days a zone's offset changes inside opening hours. Offset changes come from the zone's
 * history (a finite list) and, beyond it, from its yearly rules, whose dates and weekdays repeat
 * every 400 Gregorian years exactly, so one cycle of them is summed once and multiplied.
 */
final class BusinessTimeLine {

    /** 400 Gregorian years hold exactly this many days (20,871 weeks). */
    private static final long CYCLE_DAYS = 146_097;
    /** 1969-12-29, a Monday: whole weeks are counted from here. */
    private static final long ORIGIN_MONDAY = -3;

    private final ZoneId zone;
    private final LongFunction<List<Interval>> hoursOfDay;
    private final Duration week;
    /** Nominal business time of the first k days of a week from Monday, k = 0..7. */
    private final Duration[] weekPrefix = new Duration[8];
    private final Corrections holidays;
    private final Corrections offsetChanges;
    private final Cycle cycle;

    /**
     * @param hoursOfDay the open stretches of an epoch day as instants, ignoring holidays
     */
    BusinessTimeLine(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> week, Map<LocalDate, String> holidayDates,
                     LongFunction<List<Interval>> hoursOfDay) {
        this.zone = zone;
        this.hoursOfDay = hoursOfDay;
        weekPrefix[0] = Duration.ZERO;
        for (int k = 0; k < 7; k++) {
            weekPrefix[k + 1] = weekPrefix[k].plus(nominal(week.getOrDefault(DayOfWeek.of(k + 1), List.of())));
        }
        this.week = weekPrefix[7];
        // A holiday takes away what the day would have held, offset change and all.
        TreeMap<Long, Duration> off = new TreeMap<>();
        for (LocalDate day : holidayDates.keySet()) {
            off.put(day.toEpochDay(), actual(day.toEpochDay()).negated());
        }
        this.holidays = new Corrections(off);
        ZoneRules rules = zone.getRules();
        TreeMap<Long, Duration> changes = new TreeMap<>();
        List<ZoneOffsetTransition> history = rules.getTransitions();
        for (ZoneOffsetTransition transition : history) {
            addCorrections(transition, changes);
        }
        Cycle yearly = null;
        if (!rules.getTransitionRules().isEmpty()) {
            // The rules take over after the last recorded change, within that change's year.
            Instant last = history.isEmpty() ? Instant.MIN : history.get(history.size() - 1).getInstant();
            int firstYear = history.isEmpty() ? 1900 : LocalDate.ofInstant(last, ZoneOffset.UTC).getYear();
            for (int year = firstYear; year < firstYear + 2; year++) {
                for (ZoneOffsetTransitionRule rule : rules.getTransitionRules()) {
                    ZoneOffsetTransition transition = rule.createTransition(year);
                    if (transition.getInstant().isAfter(last)) {
                        addCorrections(transition, changes);
                    }
                }
            }
            yearly = new Cycle(firstYear + 2, rules.getTransitionRules());
        }
        this.offsetChanges = new Corrections(changes);
        this.cycle = yearly == null || yearly.total == null ? null : yearly;
    }

    /** Business time before {@code t}, from the origin. */
    Duration openBefore(Instant t) {
        long day = LocalDate.ofInstant(t, zone).toEpochDay();
        Duration total = beforeDay(day);
        if (holidays.at(day) == null) {
            for (Interval open : hoursOfDay.apply(day)) {
                if (!open.start().isBefore(t)) {
                    break;
                }
                total = total.plus(Duration.between(open.start(), open.end().isBefore(t) ? open.end() : t));
            }
        }
        return total;
    }

    /**
     * The instant after which more than {@code amount} of business time has passed since
     * {@code from}: where {@code amount} is reached while the counting goes on, or, when it is
     * reached exactly at a closing, the next opening (nothing more is counted in between, so
     * nothing is late before it). {@code amount} zero gives the first open instant at or after
     * {@code from}. Null when that is more than {@code horizonDays} days on.
     */
    Instant reach(Instant from, Duration amount, long horizonDays) {
        Duration target = openBefore(from).plus(amount);
        long low = LocalDate.ofInstant(from, zone).toEpochDay();
        long limit = low + horizonDays - 1;
        // The day that holds the target: the first whose end passes it. Gallop from an estimate
        // of the weeks it takes, then halve.
        long high = low;
        long step = Math.max(1, amount.getSeconds() / Math.max(1, week.getSeconds()) * 7 + 1);
        while (beforeDay(high + 1).compareTo(target) <= 0) {
            if (high >= limit) {
                return null;
            }
            low = high + 1;
            high = Math.min(limit, high + step);
            step *= 2;
        }
        while (low < high) {
            long mid = low + (high - low) / 2;
            if (beforeDay(mid + 1).compareTo(target) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        Duration left = target.minus(beforeDay(low));
        for (Interval open : hoursOfDay.apply(low)) {
            Duration length = open.length();
            if (left.compareTo(length) < 0) {
                return open.start().plus(left);
            }
            left = left.minus(length);
        }
        throw new IllegalStateException("business time " + target + " not found on epoch day " + low);
    }

    /** Business time of every day before the epoch day {@code day}, from the origin. */
    private Duration beforeDay(long day) {
        long days = day - ORIGIN_MONDAY;
        Duration total = week.multipliedBy(Math.floorDiv(days, 7)).plus(weekPrefix[(int) Math.floorMod(days, 7)]);
        total = total.plus(holidays.before(day)).plus(offsetChanges.before(day));
        return cycle == null ? total : total.plus(cycle.before(day));
    }

    /** What a day really holds, in instants: its weekday's hours as resolved in the zone that day. */
    private Duration actual(long day) {
        Duration total = Duration.ZERO;
        for (Interval open : hoursOfDay.apply(day)) {
            total = total.plus(open.length());
        }
        return total;
    }

    private Duration nominalOf(long day) {
        int weekday = (int) Math.floorMod(day - ORIGIN_MONDAY, 7);
        return weekPrefix[weekday + 1].minus(weekPrefix[weekday]);
    }

    private static Duration nominal(List<OpeningHours> hours) {
        Duration total = Duration.ZERO;
        for (OpeningHours h : hours) {
            total = total.plus(Duration.between(h.start(), h.end()));
        }
        return total;
    }

    /** The days a change of offset touches, with how much each differs from its weekday's hours. */
    private void addCorrections(ZoneOffsetTransition transition, Map<Long, Duration> into) {
        Instant at = transition.getInstant();
        long first = LocalDate.ofInstant(at, transition.getOffsetBefore()).toEpochDay();
        long last = LocalDate.ofInstant(at, transition.getOffsetAfter()).toEpochDay();
        for (long day = Math.min(first, last); day <= Math.max(first, last); day++) {
            Duration difference = actual(day).minus(nominalOf(day));
            if (!difference.isZero()) {
                into.put(day, difference);
            }
        }
    }

    /** Differences from the nominal week on single days, summed ahead for any day. */
    private static final class Corrections {
        private final long[] days;
        private final Duration[] prefix;
        private final Map<Long, Duration> byDay;

        Corrections(TreeMap<Long, Duration> byDay) {
            this.byDay = byDay;
            days = new long[byDay.size()];
            prefix = new Duration[byDay.size() + 1];
            prefix[0] = Duration.ZERO;
            int k = 0;
            for (Map.Entry<Long, Duration> entry : byDay.entrySet()) {
                days[k] = entry.getKey();
                prefix[k + 1] = prefix[k].plus(entry.getValue());
                k++;
            }
        }

        /** The sum of the differences of days before {@code day}. */
        Duration before(long day) {
            int found = Arrays.binarySearch(days, day);
            return prefix[found >= 0 ? found : -found - 1];
        }

        Duration at(long day) {
            return byDay.get(day);
        }
    }

    /** The offset changes of a zone's yearly rules from {@code firstYear} on, one 400-year cycle summed. */
    private final class Cycle {
        private final long start;
        private final Duration total;
        private final Corrections oneCycle;

        Cycle(int firstYear, List<ZoneOffsetTransitionRule> rules) {
            start = LocalDate.of(firstYear, 1, 1).toEpochDay();
            TreeMap<Long, Duration> relative = new TreeMap<>();
            for (int year = firstYear; year < firstYear + 400; year++) {
                for (ZoneOffsetTransitionRule rule : rules) {
                    TreeMap<Long, Duration> days = new TreeMap<>();
                    addCorrections(rule.createTransition(year), days);
                    days.forEach((day, difference) -> relative.merge(day - start, difference, Duration::plus));
                }
            }
            oneCycle = new Corrections(relative);
            total = relative.isEmpty() ? null : oneCycle.before(Long.MAX_VALUE);
        }

        /** The differences of the cycles' days before {@code day}. */
        Duration before(long day) {
            long q = Math.floorDiv(day - start, CYCLE_DAYS);
            // Cycles before q-1 lie wholly before the day; q-1, q and q+1 (whose first change may
            // fall a day before its new year) may straddle it.
            Duration sum = total.multipliedBy(Math.max(0, q - 1));
            for (long k = Math.max(0, q - 1); k <= q + 1; k++) {
                sum = sum.plus(oneCycle.before(day - start - k * CYCLE_DAYS));
            }
            return sum;
        }
    }
}
