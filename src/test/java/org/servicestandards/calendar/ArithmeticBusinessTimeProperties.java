package org.servicestandards.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

/**
 * Business time by arithmetic agrees with counting day by day: over spans of up to three years
 * anywhere from 1970 to 2100 (so the zones' recorded history and their yearly rules both count)
 * and now and then up to the year 9997 (many 400-year cycles of the yearly rules on),
 * in zones whose clocks change inside opening hours (night shifts over the 01:00-03:00 changes of
 * Europe and America, Lord Howe's half-hour change), with holidays and pauses.
 */
class ArithmeticBusinessTimeProperties {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final long SPAN_MINUTES = Duration.ofDays(130 * 365L).toMinutes();
    private static final long FAR_MINUTES = Duration.between(EARLIEST, Instant.parse("9997-01-01T00:00:00Z")).toMinutes();

    private static final List<BusinessCalendar> CALENDARS = List.of(
            BusinessCalendar.standardWeek(),
            calendar(ZoneId.of("Europe/London"), "00:00-03:30, 09:00-17:00", "01:30-02:30", holidays()),
            calendar(ZoneId.of("America/New_York"), "01:00-04:00, 22:00-23:30", "", holidays()),
            calendar(ZoneId.of("Australia/Lord_Howe"), "01:00-03:00, 08:00-18:00", "00:00-23:59", holidays()),
            calendar(ZoneId.of("Europe/Berlin"), "09:00-12:30, 13:15-17:00", "10:00-14:00", holidays()),
            calendar(ZoneOffset.ofHoursMinutes(5, 30), "09:30-18:00", "", Map.of()));

    private static Map<LocalDate, String> holidays() {
        Map<LocalDate, String> holidays = new java.util.TreeMap<>();
        for (int year = 1970; year <= 2100; year += 3) {
            holidays.put(LocalDate.of(year, 12, 25), "Christmas");
            // The last Sunday of March and of October: holidays on the days the clocks change.
            holidays.put(LocalDate.of(year, 3, 31).with(java.time.temporal.TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)), "spring");
            holidays.put(LocalDate.of(year, 10, 31).with(java.time.temporal.TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY)), "autumn");
        }
        return holidays;
    }

    static BusinessCalendar calendar(ZoneId zone, String weekdays, String sunday, Map<LocalDate, String> holidays) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String hours = day.getValue() <= 5 ? weekdays : day == DayOfWeek.SUNDAY ? sunday : "";
            List<OpeningHours> stretches = new ArrayList<>();
            for (String part : hours.split(",")) {
                if (!part.isBlank()) {
                    stretches.add(OpeningHours.parse(part.trim()));
                }
            }
            week.put(day, stretches);
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, SPAN_MINUTES)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, FAR_MINUTES))).map(m -> EARLIEST.plusSeconds(m * 60));
    }

    @Provide
    Arbitrary<Duration> spans() {
        // Mostly within a week, sometimes up to three years, so both the edges and whole weeks count.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(0, 60L * 24 * 8).map(Duration::ofMinutes)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 60L * 24 * 365 * 3).map(Duration::ofMinutes)));
    }

    @Provide
    Arbitrary<List<Interval>> pausesNear() {
        Arbitrary<Interval> pause = Combinators.combine(Arbitraries.longs().between(-60L * 24, 60L * 24 * 30),
                        Arbitraries.longs().between(0, 60L * 24 * 3))
                .as((offset, minutes) -> new Interval(Instant.ofEpochSecond(offset * 60), Instant.ofEpochSecond((offset + minutes) * 60)));
        return pause.list().ofMaxSize(3);
    }

    private static List<Interval> shifted(List<Interval> pauses, Instant origin) {
        return pauses.stream().map(p -> new Interval(origin.plusSeconds(p.start().getEpochSecond()),
                origin.plusSeconds(p.end().getEpochSecond()))).toList();
    }

    @Property(tries = 400)
    void business_time_by_arithmetic_equals_business_time_counted_day_by_day(
            @ForAll @IntRange(min = 0, max = 5) int calendar, @ForAll("instants") Instant from, @ForAll("spans") Duration span,
            @ForAll("pausesNear") List<Interval> pauses) {
        BusinessCalendar cal = CALENDARS.get(calendar);
        List<Interval> excluded = shifted(pauses, from);
        Instant to = from.plus(span);

        assertThat(cal.businessTime(from, to, excluded)).isEqualTo(new DayByDayCalendar(cal).businessTime(from, to, excluded));
    }

    @Property(tries = 400)
    void a_deadline_by_arithmetic_equals_the_deadline_found_day_by_day(
            @ForAll @IntRange(min = 0, max = 5) int calendar, @ForAll("instants") Instant start,
            @ForAll @IntRange(min = 0, max = 60 * 24 * 60) int targetMinutes, @ForAll("pausesNear") List<Interval> pauses) {
        BusinessCalendar cal = CALENDARS.get(calendar);
        List<Interval> excluded = shifted(pauses, start);
        Duration target = Duration.ofMinutes(targetMinutes);

        assertThat(cal.businessDeadline(start, target, excluded))
                .isEqualTo(new DayByDayCalendar(cal).businessDeadline(start, target, excluded, 366 * 20));
    }
}
