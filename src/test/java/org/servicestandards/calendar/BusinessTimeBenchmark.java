package org.servicestandards.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What business time costs by the span it covers: by arithmetic (the service's) over a day, a
 * year and 8,000 years, in UTC and in a London calendar whose night shift spans the clock
 * changes; beside the day-by-day count the service used before, over a day and a year, measured
 * in the same run. Run with {@code bench/jmh.sh BusinessTimeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BusinessTimeBenchmark {

    private static final Instant FROM = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant DAY_FROM = Instant.parse("2026-11-16T08:00:00Z");
    private static final Instant DAY_TO = Instant.parse("2026-11-17T08:00:00Z");
    private static final Instant YEAR_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant YEAR_TO = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    private static final List<Interval> PAUSES = List.of(new Interval(Instant.parse("2026-11-16T12:00:00Z"),
            Instant.parse("2026-11-16T13:00:00Z")));

    private final BusinessCalendar utc = BusinessCalendar.standardWeek();
    private final BusinessCalendar london = nightShift();
    private final DayByDayCalendar utcDayByDay = new DayByDayCalendar(utc);

    private static BusinessCalendar nightShift() {
        Map<LocalDate, String> holidays = new TreeMap<>();
        for (int year = 2020; year <= 2030; year++) {
            holidays.put(LocalDate.of(year, 12, 25), "Christmas");
        }
        return ArithmeticBusinessTimeProperties.calendar(ZoneId.of("Europe/London"), "00:00-03:30, 09:00-17:00", "01:30-02:30",
                holidays);
    }

    @Benchmark
    public Duration arithmeticDay() {
        return utc.businessTime(DAY_FROM, DAY_TO, PAUSES);
    }

    @Benchmark
    public Duration arithmeticYear() {
        return utc.businessTime(YEAR_FROM, YEAR_TO, PAUSES);
    }

    @Benchmark
    public Duration arithmetic8000Years() {
        return utc.businessTime(FROM, LAST, PAUSES);
    }

    @Benchmark
    public Duration arithmetic8000YearsLondonNightShift() {
        return london.businessTime(FROM, LAST, PAUSES);
    }

    @Benchmark
    public Instant arithmeticDeadlineOf60BusinessDays() {
        return utc.businessDeadline(DAY_FROM, Duration.ofHours(9 * 60), PAUSES);
    }

    @Benchmark
    public Duration baselineDayByDayDay() {
        return utcDayByDay.businessTime(DAY_FROM, DAY_TO, PAUSES);
    }

    @Benchmark
    public Duration baselineDayByDayYear() {
        return utcDayByDay.businessTime(YEAR_FROM, YEAR_TO, PAUSES);
    }

    @Benchmark
    public Instant baselineDayByDayDeadlineOf60BusinessDays() {
        return utcDayByDay.businessDeadline(DAY_FROM, Duration.ofHours(9 * 60), PAUSES, 366 * 20);
    }
}
