package org.servicestandards.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Business-hours arithmetic and the calendar file. Expected values are counted by hand; 2026-11-16
 * is a Monday; Europe/Berlin changes to summer time on Sunday 2026-03-29 (02:00 -> 03:00) and back
 * on Sunday 2026-10-25; America/New_York on Sunday 2026-03-08 and Sunday 2026-11-01.
 */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Monday to Friday with the given stretches ("09:00-13:00, 14:00-18:00"), closed at weekends. */
    static BusinessCalendar weekdays(ZoneId zone, String hours, Map<LocalDate, String> holidays) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day.getValue() <= 5 ? stretches(hours) : List.of());
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    static List<OpeningHours> stretches(String hours) {
        List<OpeningHours> stretches = new ArrayList<>();
        for (String part : hours.split(",")) {
            stretches.add(OpeningHours.parse(part));
        }
        return stretches;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static final BusinessCalendar STANDARD = BusinessCalendar.standardWeek();

    private static Duration businessTime(BusinessCalendar calendar, String from, String to) {
        return calendar.businessTime(at(from), at(to), List.of());
    }

    private static Instant deadline(BusinessCalendar calendar, String start, String amount) {
        return calendar.businessDeadline(at(start), Duration.parse(amount), List.of());
    }

    @Nested
    class BusinessTime {

        @Test
        void a_weekday_has_nine_business_hours_and_a_week_forty_five() {
            assertThat(businessTime(STANDARD, "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z")).isEqualTo(Duration.ofHours(9));
            assertThat(businessTime(STANDARD, "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z")).isEqualTo(Duration.ofHours(45));
        }

        @Test
        void time_within_one_open_stretch_counts_in_full() {
            assertThat(businessTime(STANDARD, "2026-11-16T10:00:00Z", "2026-11-16T12:30:15Z"))
                    .isEqualTo(Duration.parse("PT2H30M15S"));
        }

        @Test
        void the_night_does_not_count() {
            assertThat(businessTime(STANDARD, "2026-11-16T17:00:00Z", "2026-11-17T10:00:00Z")).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void the_weekend_does_not_count() {
            assertThat(businessTime(STANDARD, "2026-11-20T17:00:00Z", "2026-11-23T10:00:00Z")).isEqualTo(Duration.ofHours(2));
        }

        @Test
        void time_entirely_outside_business_hours_is_zero() {
            assertThat(businessTime(STANDARD, "2026-11-21T10:00:00Z", "2026-11-22T20:00:00Z")).isZero();
            assertThat(businessTime(STANDARD, "2026-11-16T18:00:00Z", "2026-11-17T09:00:00Z")).isZero();
        }

        @Test
        void an_empty_or_reversed_span_is_zero() {
            assertThat(businessTime(STANDARD, "2026-11-16T10:00:00Z", "2026-11-16T10:00:00Z")).isZero();
            assertThat(businessTime(STANDARD, "2026-11-16T12:00:00Z", "2026-11-16T10:00:00Z")).isZero();
        }

        @Test
        void holidays_do_not_count() {
            // Thursday 24 and Friday 25 December are holidays: Wednesday 17-18 + Monday 9-10.
            BusinessCalendar christmas = weekdays(ZoneOffset.UTC, "09:00-18:00",
                    Map.of(LocalDate.parse("2026-12-24"), "Christmas Eve", LocalDate.parse("2026-12-25"), "Christmas"));

            assertThat(businessTime(christmas, "2026-12-23T17:00:00Z", "2026-12-28T10:00:00Z")).isEqualTo(Duration.ofHours(2));
            assertThat(businessTime(christmas, "2026-12-24T10:00:00Z", "2026-12-24T16:00:00Z")).isZero();
        }

        @Test
        void the_lunch_break_between_two_stretches_does_not_count() {
            BusinessCalendar split = weekdays(ZoneOffset.UTC, "09:00-13:00, 14:00-18:00", Map.of());

            assertThat(businessTime(split, "2026-11-16T12:00:00Z", "2026-11-16T15:00:00Z")).isEqualTo(Duration.ofHours(2));
            assertThat(businessTime(split, "2026-11-16T13:10:00Z", "2026-11-16T13:50:00Z")).isZero();
            assertThat(businessTime(split, "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z")).isEqualTo(Duration.ofHours(8));
        }

        @Test
        void excluded_intervals_are_taken_off_once_even_when_they_overlap() {
            // 10:00-12:00 and 11:00-13:00 together cover 10:00-13:00: 9 h - 3 h.
            List<Interval> excluded = List.of(new Interval(at("2026-11-16T10:00:00Z"), at("2026-11-16T12:00:00Z")),
                    new Interval(at("2026-11-16T11:00:00Z"), at("2026-11-16T13:00:00Z")));

            assertThat(STANDARD.businessTime(at("2026-11-16T00:00:00Z"), at("2026-11-17T00:00:00Z"), excluded))
                    .isEqualTo(Duration.ofHours(6));
        }

        @Test
        void excluded_intervals_outside_business_hours_take_nothing_off() {
            List<Interval> night = List.of(new Interval(at("2026-11-16T18:00:00Z"), at("2026-11-17T09:00:00Z")));

            assertThat(STANDARD.businessTime(at("2026-11-16T17:00:00Z"), at("2026-11-17T10:00:00Z"), night))
                    .isEqualTo(Duration.ofHours(2));
        }
    }

    @Nested
    class Deadlines {

        @Test
        void deadline_within_the_same_day() {
            assertThat(deadline(STANDARD, "2026-11-16T10:00:00Z", "PT2H")).isEqualTo(at("2026-11-16T12:00:00Z"));
        }

        @Test
        void deadline_that_uses_up_the_day_falls_at_the_next_opening() {
            // Reached exactly at closing: nothing more is counted overnight, so it is late only once counting resumes.
            assertThat(deadline(STANDARD, "2026-11-16T10:00:00Z", "PT8H")).isEqualTo(at("2026-11-17T09:00:00Z"));
            assertThat(deadline(STANDARD, "2026-11-16T10:00:00Z", "PT7H59M")).isEqualTo(at("2026-11-16T17:59:00Z"));
        }

        @Test
        void deadline_carries_over_the_night_and_the_weekend() {
            assertThat(deadline(STANDARD, "2026-11-16T17:00:00Z", "PT2H")).isEqualTo(at("2026-11-17T10:00:00Z"));
            assertThat(deadline(STANDARD, "2026-11-20T15:00:00Z", "PT8H")).isEqualTo(at("2026-11-23T14:00:00Z"));
            assertThat(deadline(STANDARD, "2026-11-16T09:00:00Z", "PT45H")).isEqualTo(at("2026-11-23T09:00:00Z"));
        }

        @Test
        void deadline_started_outside_business_hours_counts_from_the_next_opening() {
            assertThat(deadline(STANDARD, "2026-11-21T10:00:00Z", "PT1H")).isEqualTo(at("2026-11-23T10:00:00Z"));
            assertThat(deadline(STANDARD, "2026-11-16T07:00:00Z", "PT30M")).isEqualTo(at("2026-11-16T09:30:00Z"));
            assertThat(deadline(STANDARD, "2026-11-16T18:00:00Z", "PT1S")).isEqualTo(at("2026-11-17T09:00:01Z"));
        }

        @Test
        void zero_business_time_is_reached_at_the_start() {
            assertThat(deadline(STANDARD, "2026-11-16T10:00:00Z", "PT0S")).isEqualTo(at("2026-11-16T10:00:00Z"));
            assertThat(deadline(STANDARD, "2026-11-21T10:00:00Z", "PT0S")).isEqualTo(at("2026-11-21T10:00:00Z"));
        }

        @Test
        void deadline_skips_holidays() {
            BusinessCalendar christmas = weekdays(ZoneOffset.UTC, "09:00-18:00",
                    Map.of(LocalDate.parse("2026-12-24"), "Christmas Eve", LocalDate.parse("2026-12-25"), "Christmas"));

            assertThat(deadline(christmas, "2026-12-23T17:00:00Z", "PT2H")).isEqualTo(at("2026-12-28T10:00:00Z"));
        }

        @Test
        void deadline_skips_the_lunch_break() {
            BusinessCalendar split = weekdays(ZoneOffset.UTC, "09:00-13:00, 14:00-18:00", Map.of());

            assertThat(deadline(split, "2026-11-16T12:30:00Z", "PT1H")).isEqualTo(at("2026-11-16T14:30:00Z"));
            assertThat(deadline(split, "2026-11-16T11:00:00Z", "PT2H")).isEqualTo(at("2026-11-16T14:00:00Z"));
            assertThat(deadline(split, "2026-11-16T13:30:00Z", "PT6H")).isEqualTo(at("2026-11-17T11:00:00Z"));
        }

        @Test
        void stretches_written_afternoon_first_are_walked_in_time_order() {
            BusinessCalendar split = weekdays(ZoneOffset.UTC, "14:00-18:00, 09:00-13:00", Map.of());

            assertThat(deadline(split, "2026-11-16T08:00:00Z", "PT1H")).isEqualTo(at("2026-11-16T10:00:00Z"));
            assertThat(split.week().get(DayOfWeek.MONDAY))
                    .containsExactly(OpeningHours.parse("09:00-13:00"), OpeningHours.parse("14:00-18:00"));
        }

        @Test
        void deadline_skips_excluded_intervals() {
            List<Interval> excluded = List.of(new Interval(at("2026-11-16T11:00:00Z"), at("2026-11-16T12:00:00Z")),
                    new Interval(at("2026-11-16T11:30:00Z"), at("2026-11-16T13:00:00Z")));

            assertThat(STANDARD.businessDeadline(at("2026-11-16T10:00:00Z"), Duration.ofHours(3), excluded))
                    .isEqualTo(at("2026-11-16T15:00:00Z"));
        }

        @Test
        void deadline_never_reached_is_null() {
            BusinessCalendar everything = weekdays(ZoneOffset.UTC, "09:00-18:00", Map.of());
            List<Interval> forever = List.of(new Interval(at("2026-11-16T00:00:00Z"), Instant.MAX));

            assertThat(everything.businessDeadline(at("2026-11-16T10:00:00Z"), Duration.ofHours(1), forever)).isNull();
        }
    }

    @Nested
    class ZonesAndDaylightSaving {

        @Test
        void opening_hours_are_local_to_the_zone_on_both_sides_of_the_spring_change() {
            BusinessCalendar berlin = weekdays(BERLIN, "09:00-18:00", Map.of());

            // Friday 27 March, CET (+01:00): 09:00 local is 08:00Z.
            assertThat(businessTime(berlin, "2026-03-27T07:30:00Z", "2026-03-27T09:00:00Z")).isEqualTo(Duration.ofHours(1));
            // Monday 30 March, CEST (+02:00): 09:00 local is 07:00Z.
            assertThat(businessTime(berlin, "2026-03-30T06:30:00Z", "2026-03-30T08:00:00Z")).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void business_time_over_the_spring_weekend_in_berlin() {
            BusinessCalendar berlin = weekdays(BERLIN, "09:00-18:00", Map.of());

            // Friday 17:00 CET (16:00Z) to Monday 10:00 CEST (08:00Z): one hour each side.
            assertThat(businessTime(berlin, "2026-03-27T16:00:00Z", "2026-03-30T08:00:00Z")).isEqualTo(Duration.ofHours(2));
            // The local week Monday 23 00:00 CET to Monday 30 00:00 CEST still holds 45 business hours.
            assertThat(businessTime(berlin, "2026-03-22T23:00:00Z", "2026-03-29T22:00:00Z")).isEqualTo(Duration.ofHours(45));
        }

        @Test
        void deadline_over_the_spring_change_in_berlin() {
            BusinessCalendar berlin = weekdays(BERLIN, "09:00-18:00", Map.of());

            // Friday 17:30 CET + 1 h: half an hour on Friday, half an hour from Monday 09:00 CEST (07:00Z).
            assertThat(deadline(berlin, "2026-03-27T16:30:00Z", "PT1H")).isEqualTo(at("2026-03-30T07:30:00Z"));
        }

        @Test
        void a_night_stretch_is_an_hour_shorter_on_the_spring_change_and_longer_in_autumn() {
            Map<DayOfWeek, List<OpeningHours>> sundays = new EnumMap<>(DayOfWeek.class);
            sundays.put(DayOfWeek.SUNDAY, stretches("01:00-04:00"));
            BusinessCalendar berlin = new BusinessCalendar(BERLIN, sundays, Map.of());

            // 29 March: 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z.
            assertThat(businessTime(berlin, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")).isEqualTo(Duration.ofHours(2));
            assertThat(deadline(berlin, "2026-03-28T12:00:00Z", "PT1H59M")).isEqualTo(at("2026-03-29T01:59:00Z"));
            // 25 October: 01:00 CEST = 23:00Z the day before, 04:00 CET = 03:00Z.
            assertThat(businessTime(berlin, "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z")).isEqualTo(Duration.ofHours(4));
            assertThat(deadline(berlin, "2026-10-24T12:00:00Z", "PT3H59M")).isEqualTo(at("2026-10-25T02:59:00Z"));
            // An ordinary Sunday: 3 h.
            assertThat(businessTime(berlin, "2026-11-14T12:00:00Z", "2026-11-15T12:00:00Z")).isEqualTo(Duration.ofHours(3));
        }

        @Test
        void new_york_opens_an_hour_earlier_in_utc_after_the_spring_change() {
            BusinessCalendar newYork = weekdays(NEW_YORK, "09:00-18:00", Map.of());

            // Friday 6 March 17:00 EST = 22:00Z; Monday 9 March 10:00 EDT = 14:00Z.
            assertThat(businessTime(newYork, "2026-03-06T22:00:00Z", "2026-03-09T14:00:00Z")).isEqualTo(Duration.ofHours(2));
            assertThat(deadline(newYork, "2026-03-06T22:30:00Z", "PT1H")).isEqualTo(at("2026-03-09T13:30:00Z"));
            // Autumn: Friday 30 October 17:30 EDT = 21:30Z; Monday 2 November 09:30 EST = 14:30Z.
            assertThat(deadline(newYork, "2026-10-30T21:30:00Z", "PT1H")).isEqualTo(at("2026-11-02T14:30:00Z"));
        }

        @Test
        void a_local_day_that_starts_on_the_previous_utc_date_is_counted() {
            // Tokyo (+09:00): Monday 09:00-11:00 local is Sunday 00:00Z-02:00Z.
            BusinessCalendar tokyo = weekdays(ZoneId.of("Asia/Tokyo"), "09:00-18:00", Map.of());
            assertThat(businessTime(tokyo, "2026-11-15T23:00:00Z", "2026-11-16T02:00:00Z")).isEqualTo(Duration.ofHours(2));

            // Los Angeles (-08:00): Friday 16:00-18:00 local is Saturday 00:00Z-02:00Z.
            BusinessCalendar losAngeles = weekdays(ZoneId.of("America/Los_Angeles"), "09:00-18:00", Map.of());
            assertThat(businessTime(losAngeles, "2026-11-21T00:00:00Z", "2026-11-21T03:00:00Z")).isEqualTo(Duration.ofHours(2));
            assertThat(deadline(losAngeles, "2026-11-21T00:00:00Z", "PT1H59M")).isEqualTo(at("2026-11-21T01:59:00Z"));
        }

        @Test
        void holidays_are_local_dates_of_the_zone() {
            // Tuesday 17 November is a holiday in Tokyo, i.e. 16 November 15:00Z to 17 November 15:00Z;
            // Wednesday opens at 09:00 JST = 18 November 00:00Z.
            BusinessCalendar tokyo = weekdays(ZoneId.of("Asia/Tokyo"), "09:00-18:00",
                    Map.of(LocalDate.parse("2026-11-17"), "a holiday"));

            assertThat(businessTime(tokyo, "2026-11-16T20:00:00Z", "2026-11-17T12:00:00Z")).isZero();
            assertThat(businessTime(tokyo, "2026-11-17T20:00:00Z", "2026-11-18T01:00:00Z")).isEqualTo(Duration.ofHours(1));
        }
    }

    @Nested
    class Construction {

        @Test
        void a_week_with_no_opening_hours_at_all_is_refused() {
            Map<DayOfWeek, List<OpeningHours>> closed = new EnumMap<>(DayOfWeek.class);
            closed.put(DayOfWeek.MONDAY, List.of());

            assertThatThrownBy(() -> new BusinessCalendar(ZoneOffset.UTC, closed, Map.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no opening hours");
        }

        @Test
        void overlapping_stretches_in_one_day_are_refused_so_no_hour_counts_twice() {
            assertThatThrownBy(() -> weekdays(ZoneOffset.UTC, "09:00-13:00, 12:00-18:00", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MONDAY").hasMessageContaining("09:00-13:00").hasMessageContaining("12:00-18:00");
        }

        @Test
        void stretches_that_only_touch_are_allowed() {
            BusinessCalendar touching = weekdays(ZoneOffset.UTC, "09:00-13:00, 13:00-18:00", Map.of());

            assertThat(businessTime(touching, "2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z")).isEqualTo(Duration.ofHours(9));
        }

        @Test
        void opening_hours_must_end_after_they_start() {
            assertThatThrownBy(() -> OpeningHours.parse("18:00-09:00")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("18:00-09:00");
        }

        @Test
        void the_standard_week_is_monday_to_friday_nine_to_six_utc_without_holidays() {
            assertThat(STANDARD.zone()).isEqualTo(ZoneOffset.UTC);
            assertThat(STANDARD.holidays()).isEmpty();
            assertThat(STANDARD.week().get(DayOfWeek.MONDAY)).containsExactly(OpeningHours.parse("09:00-18:00"));
            assertThat(STANDARD.week().get(DayOfWeek.SATURDAY)).isEmpty();
        }
    }

    @Nested
    class CalendarFileParsing {

        @Test
        void a_good_file_gives_zone_week_and_holidays() {
            BusinessCalendar calendar = CalendarFile.parse("""
                    # Berlin office
                    zone: Europe/Berlin
                    week:
                      MONDAY: "09:00-13:00, 14:00-18:00"
                      tuesday: "09:00-18:00"
                      SATURDAY: "10:00-14:00"
                      SUNDAY: closed
                    holidays:
                      2026-12-24: Christmas Eve
                    """);

            assertThat(calendar.zone()).isEqualTo(BERLIN);
            assertThat(calendar.week().get(DayOfWeek.MONDAY))
                    .containsExactly(OpeningHours.parse("09:00-13:00"), OpeningHours.parse("14:00-18:00"));
            assertThat(calendar.week().get(DayOfWeek.TUESDAY)).containsExactly(OpeningHours.parse("09:00-18:00"));
            assertThat(calendar.week().get(DayOfWeek.SUNDAY)).isEmpty();
            assertThat(calendar.week().getOrDefault(DayOfWeek.WEDNESDAY, List.of())).isEmpty();
            assertThat(calendar.holidays()).containsExactly(Map.entry(LocalDate.parse("2026-12-24"), "Christmas Eve"));
            // Monday 16 November in Berlin (+01:00): 8 h; Wednesday is closed; Saturday 4 h.
            assertThat(businessTime(calendar, "2026-11-15T23:00:00Z", "2026-11-16T23:00:00Z")).isEqualTo(Duration.ofHours(8));
            assertThat(businessTime(calendar, "2026-11-17T23:00:00Z", "2026-11-18T23:00:00Z")).isZero();
            assertThat(businessTime(calendar, "2026-11-20T23:00:00Z", "2026-11-21T23:00:00Z")).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void the_shipped_calendar_is_the_standard_week() throws Exception {
            BusinessCalendar shipped = CalendarFile.parse(java.nio.file.Files.readString(java.nio.file.Path.of("rules/calendar.yaml")));

            assertThat(shipped.zone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(shipped.holidays()).isEmpty();
            for (DayOfWeek day : DayOfWeek.values()) {
                assertThat(shipped.week().getOrDefault(day, List.of()))
                        .isEqualTo(day.getValue() <= 5 ? List.of(OpeningHours.parse("09:00-18:00")) : List.of());
            }
        }

        @Test
        void a_missing_zone_means_utc() {
            BusinessCalendar calendar = CalendarFile.parse("""
                    week:
                      MONDAY: "09:00-18:00"
                    """);

            assertThat(calendar.zone().normalized()).isEqualTo(ZoneOffset.UTC);
        }

        @Test
        void an_unknown_zone_is_named() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    zone: Mars/Olympus_Mons
                    week:
                      MONDAY: "09:00-18:00"
                    """)).isInstanceOf(CalendarFile.CalendarException.class)
                    .hasMessageContaining("zone").hasMessageContaining("Mars/Olympus_Mons");
        }

        @Test
        void bad_opening_hours_are_named_with_their_day() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    zone: UTC
                    week:
                      MONDAY: "9am-6pm"
                    """)).isInstanceOf(CalendarFile.CalendarException.class)
                    .hasMessageContaining("MONDAY").hasMessageContaining("9am-6pm");
        }

        @Test
        void opening_hours_that_end_before_they_start_are_named() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      FRIDAY: "09:00-13:00, 18:00-14:00"
                    """)).isInstanceOf(CalendarFile.CalendarException.class)
                    .hasMessageContaining("FRIDAY").hasMessageContaining("18:00-14:00");
        }

        @Test
        void overlapping_stretches_are_named() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      THURSDAY: "09:00-13:00, 12:00-18:00"
                    """)).isInstanceOf(CalendarFile.CalendarException.class)
                    .hasMessageContaining("THURSDAY").hasMessageContaining("overlap");
        }

        @Test
        void hours_given_as_a_list_are_not_silently_read_as_closed() {
            // A YAML list instead of the comma-separated text must not close the day without a word.
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      MONDAY: ["09:00-13:00", "14:00-18:00"]
                      TUESDAY: "09:00-18:00"
                    """)).isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("MONDAY");
        }

        @Test
        void holidays_given_as_a_list_are_not_silently_ignored() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      MONDAY: "09:00-18:00"
                    holidays:
                      - 2026-12-24
                    """)).isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("holidays");
        }

        @Test
        void an_unknown_key_is_named() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    timezone: Europe/Berlin
                    week:
                      MONDAY: "09:00-18:00"
                    """)).isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("timezone");
        }

        @Test
        void an_unknown_day_is_named() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      MONDY: "09:00-18:00"
                    """)).isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("MONDY");
        }

        @Test
        void a_bad_holiday_date_is_named() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      MONDAY: "09:00-18:00"
                    holidays:
                      2026-13-01: Nonsense
                    """)).isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("2026-13-01");
        }

        @Test
        void a_week_with_every_day_closed_is_refused() {
            assertThatThrownBy(() -> CalendarFile.parse("""
                    week:
                      MONDAY: closed
                    """)).isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("no opening hours");
        }

        @Test
        void a_file_that_is_not_a_map_is_refused() {
            assertThatThrownBy(() -> CalendarFile.parse("- just\n- a list\n"))
                    .isInstanceOf(CalendarFile.CalendarException.class).hasMessageContaining("zone");
        }

        @Test
        void broken_yaml_reports_the_line() {
            assertThatThrownBy(() -> CalendarFile.parse("zone: UTC\nweek:\n  MONDAY: \"09:00-18:00\n  TUESDAY: [\n"))
                    .isInstanceOf(CalendarFile.CalendarException.class)
                    .satisfies(e -> assertThat(((CalendarFile.CalendarException) e).line()).isPositive());
        }
    }

    @Test
    void business_days_after_an_instant_skip_closed_days_and_holidays_and_keep_the_local_time() {
        // 2026-11-13 is a Friday.
        assertThat(STANDARD.businessDaysAfter(at("2026-11-13T16:00:00Z"), 2)).isEqualTo(at("2026-11-17T16:00:00Z"));
        assertThat(STANDARD.businessDaysAfter(at("2026-11-14T11:00:00Z"), 1)).isEqualTo(at("2026-11-16T11:00:00Z"));
        assertThat(STANDARD.businessDaysAfter(at("2026-11-13T16:00:00Z"), 0)).isEqualTo(at("2026-11-13T16:00:00Z"));
        BusinessCalendar withHoliday = weekdays(BERLIN, "09:00-17:00", Map.of(LocalDate.parse("2026-11-16"), "a closed Monday"));
        // Friday 16:00 in Berlin (15:00 UTC): the Monday is closed, so Tuesday then Wednesday.
        assertThat(withHoliday.businessDaysAfter(at("2026-11-13T15:00:00Z"), 2)).isEqualTo(at("2026-11-18T15:00:00Z"));
    }
}
