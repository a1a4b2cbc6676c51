package org.servicestandards.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.servicestandards.interaction.Pause;

/**
 * Laws of business time for random spans and pauses, over calendars in UTC, in Berlin across both
 * daylight-saving changes of 2026 with a lunch break and holidays, and in New York with a Saturday.
 * Instants are drawn from a window of 2026 that holds both European DST changes.
 */
class BusinessTimeProperties {

    private static final Instant WINDOW_START = Instant.parse("2026-03-20T00:00:00Z");
    private static final long WINDOW_MINUTES = Duration.ofDays(230).toMinutes();

    private static final List<BusinessCalendar> CALENDARS = List.of(
            BusinessCalendar.standardWeek(),
            calendar(ZoneId.of("Europe/Berlin"), "09:00-12:30, 13:15-17:00", "10:00-14:00",
                    Map.of(LocalDate.parse("2026-04-03"), "Good Friday", LocalDate.parse("2026-10-26"), "a Monday off")),
            calendar(ZoneId.of("America/New_York"), "08:00-18:00", "09:30-13:00", Map.of()));

    private static BusinessCalendar calendar(ZoneId zone, String weekdays, String saturday, Map<LocalDate, String> holidays) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String hours = day.getValue() <= 5 ? weekdays : day == DayOfWeek.SATURDAY ? saturday : null;
            List<OpeningHours> stretches = new ArrayList<>();
            if (hours != null) {
                for (String part : hours.split(",")) {
                    stretches.add(OpeningHours.parse(part));
                }
            }
            week.put(day, stretches);
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Whole minutes mostly, with a random second now and then, so boundaries are hit often.
        Arbitrary<Long> minutes = Arbitraries.longs().between(0, WINDOW_MINUTES);
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.just(0)), net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 59)));
        return Combinators.combine(minutes, seconds).as((m, s) -> WINDOW_START.plusSeconds(m * 60 + s));
    }

    @Provide
    Arbitrary<List<Interval>> pauses() {
        Arbitrary<Interval> pause = Combinators.combine(instants(), Arbitraries.longs().between(0, 60L * 24 * 4))
                .as((from, minutes) -> new Interval(from, from.plus(Duration.ofMinutes(minutes))));
        return pause.list().ofMaxSize(4);
    }

    private static List<Pause> asPauses(List<Interval> intervals) {
        return intervals.stream().map(i -> new Pause(i.start(), i.end(), "waiting")).toList();
    }

    @Property
    void business_time_is_never_negative_and_never_exceeds_elapsed_time(
            @ForAll @IntRange(min = 0, max = 2) int calendar, @ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("pauses") List<Interval> pauses) {
        BusinessCalendar cal = CALENDARS.get(calendar);
        Duration elapsed = b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;

        Duration raw = cal.businessTime(a, b, pauses);
        Duration withoutPauses = cal.businessTime(a, b, List.of());

        assertThat(raw).isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(withoutPauses);
        assertThat(withoutPauses).isLessThanOrEqualTo(elapsed);
        Stopwatch stopwatch = new Stopwatch(cal, b);
        for (Clock clock : Clock.values()) {
            assertThat(stopwatch.measure(clock, a, b, asPauses(pauses))).as(clock.name())
                    .isGreaterThanOrEqualTo(Duration.ZERO).isLessThanOrEqualTo(elapsed);
        }
    }

    @Property
    void business_time_is_additive_over_a_split_point(
            @ForAll @IntRange(min = 0, max = 2) int calendar, @ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("instants") Instant c, @ForAll("pauses") List<Interval> pauses) {
        BusinessCalendar cal = CALENDARS.get(calendar);
        List<Instant> sorted = new ArrayList<>(List.of(a, b, c));
        sorted.sort(null);
        Instant from = sorted.get(0);
        Instant split = sorted.get(1);
        Instant to = sorted.get(2);

        assertThat(cal.businessTime(from, split, pauses).plus(cal.businessTime(split, to, pauses)))
                .isEqualTo(cal.businessTime(from, to, pauses));
        Stopwatch stopwatch = new Stopwatch(cal, to);
        for (Clock clock : Clock.values()) {
            List<Pause> asPauses = asPauses(pauses);
            assertThat(stopwatch.measure(clock, from, split, asPauses).plus(stopwatch.measure(clock, split, to, asPauses)))
                    .as(clock.name()).isEqualTo(stopwatch.measure(clock, from, to, asPauses));
        }
    }

    @Property
    void the_deadline_for_the_business_time_up_to_t_is_the_last_instant_with_that_business_time(
            @ForAll @IntRange(min = 0, max = 2) int calendar, @ForAll("instants") Instant a, @ForAll("instants") Instant b,
            @ForAll("pauses") List<Interval> pauses) {
        BusinessCalendar cal = CALENDARS.get(calendar);
        Instant start = a.isBefore(b) ? a : b;
        Instant t = a.isBefore(b) ? b : a;

        Duration counted = cal.businessTime(start, t, pauses);
        Instant deadline = cal.businessDeadline(start, counted, pauses);

        assertThat(deadline).isNotNull().isAfterOrEqualTo(start);
        assertThat(cal.businessTime(start, deadline, pauses)).isEqualTo(counted);
        if (!counted.isZero()) {
            assertThat(cal.businessTime(start, deadline.plusMillis(1), pauses)).isGreaterThan(counted);
        }

        Stopwatch stopwatch = new Stopwatch(cal, t);
        for (Clock clock : Clock.values()) {
            List<Pause> asPauses = asPauses(pauses);
            Duration measured = stopwatch.measure(clock, start, t, asPauses);
            Instant due = stopwatch.dueAt(clock, start, measured, asPauses);
            assertThat(due).as(clock.name()).isNotNull();
            assertThat(stopwatch.measure(clock, start, due, asPauses)).as(clock.name()).isEqualTo(measured);
        }
    }

    @Property
    void a_deadline_is_the_last_instant_before_the_target_is_exceeded(
            @ForAll @IntRange(min = 0, max = 2) int calendar, @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 1, max = 60 * 40) int targetMinutes, @ForAll("pauses") List<Interval> pauses) {
        BusinessCalendar cal = CALENDARS.get(calendar);
        Duration target = Duration.ofMinutes(targetMinutes);

        Instant deadline = cal.businessDeadline(start, target, pauses);

        assertThat(deadline).isNotNull();
        assertThat(cal.businessTime(start, deadline, pauses)).isEqualTo(target);
        assertThat(cal.businessTime(start, deadline.plusMillis(1), pauses)).isGreaterThan(target);
    }
}
