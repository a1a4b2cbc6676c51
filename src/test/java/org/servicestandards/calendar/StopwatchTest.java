package org.servicestandards.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicestandards.interaction.Pause;

/**
 * The stopwatch the standards measure with: elapsed or business time (Monday-Friday 09:00-18:00
 * UTC), less pauses; a pause with no end runs until asOf, and while one is open no deadline is
 * named. 2026-11-16 is a Monday.
 */
class StopwatchTest {

    private static final String AS_OF = "2026-11-18T12:00:00Z";
    private static final Stopwatch STOPWATCH = new Stopwatch(BusinessCalendar.standardWeek(), at(AS_OF));

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** Pauses as from/to pairs; a null {@code to} leaves the pause open. */
    private static List<Pause> pauses(String... fromTo) {
        List<Pause> pauses = new ArrayList<>();
        for (int k = 0; k < fromTo.length; k += 2) {
            pauses.add(new Pause(at(fromTo[k]), fromTo[k + 1] == null ? null : at(fromTo[k + 1]), "waiting"));
        }
        return pauses;
    }

    private static Duration measure(Clock clock, String from, String to, List<Pause> pauses) {
        return STOPWATCH.measure(clock, at(from), at(to), pauses);
    }

    // --- measuring ---

    @Test
    void elapsed_time_counts_every_second_day_and_night() {
        assertThat(measure(Clock.ELAPSED, "2026-11-20T17:00:00Z", "2026-11-23T10:00:00Z", List.of()))
                .isEqualTo(Duration.ofHours(65));
    }

    @Test
    void business_time_counts_opening_hours_only() {
        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-20T17:00:00Z", "2026-11-23T10:00:00Z", List.of()))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void a_reversed_span_measures_zero() {
        assertThat(measure(Clock.ELAPSED, "2026-11-16T12:00:00Z", "2026-11-16T10:00:00Z", List.of())).isZero();
        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T12:00:00Z", "2026-11-16T10:00:00Z", List.of())).isZero();
    }

    @Test
    void a_pause_inside_the_span_is_taken_off() {
        List<Pause> lunch = pauses("2026-11-16T12:00:00Z", "2026-11-16T13:30:00Z");

        assertThat(measure(Clock.ELAPSED, "2026-11-16T10:00:00Z", "2026-11-16T16:00:00Z", lunch))
                .isEqualTo(Duration.parse("PT4H30M"));
        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T10:00:00Z", "2026-11-16T16:00:00Z", lunch))
                .isEqualTo(Duration.parse("PT4H30M"));
    }

    @Test
    void overlapping_pauses_are_taken_off_once() {
        // 10:00-11:00, 10:30-12:00 and 11:30-11:45 cover 10:00-12:00 together.
        List<Pause> overlapping = pauses("2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z",
                "2026-11-16T10:30:00Z", "2026-11-16T12:00:00Z", "2026-11-16T11:30:00Z", "2026-11-16T11:45:00Z");

        assertThat(measure(Clock.ELAPSED, "2026-11-16T09:00:00Z", "2026-11-16T15:00:00Z", overlapping))
                .isEqualTo(Duration.ofHours(4));
        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T09:00:00Z", "2026-11-16T15:00:00Z", overlapping))
                .isEqualTo(Duration.ofHours(4));
    }

    @Test
    void pauses_given_out_of_order_are_taken_off_the_same() {
        List<Pause> unordered = pauses("2026-11-16T14:00:00Z", "2026-11-16T15:00:00Z",
                "2026-11-16T10:00:00Z", "2026-11-16T11:00:00Z");

        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T09:00:00Z", "2026-11-16T18:00:00Z", unordered))
                .isEqualTo(Duration.ofHours(7));
    }

    @Test
    void a_pause_over_the_edges_of_business_hours_takes_off_only_its_business_part() {
        // Pause Monday 17:00 to Tuesday 11:00: 1 h on Monday and 2 h on Tuesday are business time.
        List<Pause> overnight = pauses("2026-11-16T17:00:00Z", "2026-11-17T11:00:00Z");

        // Monday 16:00 to Tuesday 12:00 is 2 h + 3 h of business time; 3 h of it paused.
        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T16:00:00Z", "2026-11-17T12:00:00Z", overnight))
                .isEqualTo(Duration.ofHours(2));
        assertThat(measure(Clock.ELAPSED, "2026-11-16T16:00:00Z", "2026-11-17T12:00:00Z", overnight))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void a_pause_reaching_past_either_end_of_the_span_is_cut_to_the_span() {
        List<Pause> early = pauses("2026-11-16T08:00:00Z", "2026-11-16T10:00:00Z");
        List<Pause> late = pauses("2026-11-16T11:00:00Z", "2026-11-16T20:00:00Z");

        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T09:30:00Z", "2026-11-16T12:00:00Z", early))
                .isEqualTo(Duration.ofHours(2));
        assertThat(measure(Clock.ELAPSED, "2026-11-16T09:30:00Z", "2026-11-16T12:00:00Z", early))
                .isEqualTo(Duration.ofHours(2));
        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T09:30:00Z", "2026-11-16T12:00:00Z", late))
                .isEqualTo(Duration.parse("PT1H30M"));
    }

    @Test
    void a_pause_covering_the_whole_span_leaves_nothing() {
        List<Pause> all = pauses("2026-11-16T00:00:00Z", "2026-11-17T00:00:00Z");

        assertThat(measure(Clock.BUSINESS_HOURS, "2026-11-16T10:00:00Z", "2026-11-16T12:00:00Z", all)).isZero();
        assertThat(measure(Clock.ELAPSED, "2026-11-16T10:00:00Z", "2026-11-16T12:00:00Z", all)).isZero();
    }

    @Test
    void an_open_pause_runs_until_asof() {
        // asOf is Wednesday 12:00; paused since Wednesday 10:00: from Wednesday 09:00, 1 h counts.
        List<Pause> open = pauses("2026-11-18T10:00:00Z", null);

        assertThat(STOPWATCH.measureToNow(Clock.ELAPSED, at("2026-11-18T09:00:00Z"), open)).isEqualTo(Duration.ofHours(1));
        assertThat(STOPWATCH.measureToNow(Clock.BUSINESS_HOURS, at("2026-11-18T09:00:00Z"), open))
                .isEqualTo(Duration.ofHours(1));
        // Measured to an instant before asOf, the open pause still takes off what it covers.
        assertThat(measure(Clock.ELAPSED, "2026-11-18T09:00:00Z", "2026-11-18T11:00:00Z", open)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void an_open_pause_that_starts_after_asof_takes_nothing_off() {
        List<Pause> future = pauses("2026-11-18T14:00:00Z", null);

        assertThat(STOPWATCH.measureToNow(Clock.ELAPSED, at("2026-11-18T10:00:00Z"), future))
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void measure_to_now_counts_until_asof() {
        assertThat(STOPWATCH.measureToNow(Clock.BUSINESS_HOURS, at("2026-11-17T17:00:00Z"), List.of()))
                .isEqualTo(Duration.ofHours(4));
        assertThat(STOPWATCH.measureToNow(Clock.ELAPSED, at("2026-11-17T17:00:00Z"), List.of()))
                .isEqualTo(Duration.ofHours(19));
    }

    // --- deadlines ---

    @Test
    void elapsed_deadline_without_pauses_is_the_start_plus_the_target() {
        assertThat(STOPWATCH.dueAt(Clock.ELAPSED, at("2026-11-20T17:00:00Z"), Duration.ofDays(2), List.of()))
                .isEqualTo(at("2026-11-22T17:00:00Z"));
    }

    @Test
    void finished_pauses_push_an_elapsed_deadline_back_by_their_covered_length() {
        List<Pause> overlapping = pauses("2026-11-16T11:00:00Z", "2026-11-16T12:00:00Z",
                "2026-11-16T11:30:00Z", "2026-11-16T13:00:00Z");

        assertThat(STOPWATCH.dueAt(Clock.ELAPSED, at("2026-11-16T10:00:00Z"), Duration.ofHours(3), overlapping))
                .isEqualTo(at("2026-11-16T15:00:00Z"));
    }

    @Test
    void a_pause_before_the_start_does_not_move_the_deadline() {
        List<Pause> before = pauses("2026-11-16T06:00:00Z", "2026-11-16T08:00:00Z");

        assertThat(STOPWATCH.dueAt(Clock.ELAPSED, at("2026-11-16T10:00:00Z"), Duration.ofHours(1), before))
                .isEqualTo(at("2026-11-16T11:00:00Z"));
        assertThat(STOPWATCH.dueAt(Clock.BUSINESS_HOURS, at("2026-11-16T10:00:00Z"), Duration.ofHours(1), before))
                .isEqualTo(at("2026-11-16T11:00:00Z"));
    }

    @Test
    void business_deadline_skips_nights_and_pauses() {
        // From Monday 10:00, 8 business hours with 12:00-13:00 paused: 7 h Monday, 1 h Tuesday.
        List<Pause> lunch = pauses("2026-11-16T12:00:00Z", "2026-11-16T13:00:00Z");

        assertThat(STOPWATCH.dueAt(Clock.BUSINESS_HOURS, at("2026-11-16T10:00:00Z"), Duration.ofHours(8), lunch))
                .isEqualTo(at("2026-11-17T10:00:00Z"));
    }

    @Test
    void business_deadline_with_a_pause_over_the_night() {
        // From Monday 16:00, 4 h; paused Monday 17:00 to Tuesday 10:00: 1 h Monday, 3 h from Tuesday 10:00.
        List<Pause> overnight = pauses("2026-11-16T17:00:00Z", "2026-11-17T10:00:00Z");

        assertThat(STOPWATCH.dueAt(Clock.BUSINESS_HOURS, at("2026-11-16T16:00:00Z"), Duration.ofHours(4), overnight))
                .isEqualTo(at("2026-11-17T13:00:00Z"));
    }

    @Test
    void an_open_pause_names_no_deadline() {
        List<Pause> open = pauses("2026-11-16T11:00:00Z", "2026-11-16T11:30:00Z", "2026-11-18T10:00:00Z", null);

        assertThat(STOPWATCH.dueAt(Clock.ELAPSED, at("2026-11-16T10:00:00Z"), Duration.ofDays(5), open)).isNull();
        assertThat(STOPWATCH.dueAt(Clock.BUSINESS_HOURS, at("2026-11-16T10:00:00Z"), Duration.ofHours(8), open)).isNull();
    }

    @Test
    void deadline_and_measure_agree_on_the_target() {
        List<Pause> some = pauses("2026-11-16T17:30:00Z", "2026-11-17T09:30:00Z", "2026-11-17T12:00:00Z", "2026-11-17T12:15:00Z");
        Instant start = at("2026-11-16T15:00:00Z");

        for (Clock clock : Clock.values()) {
            Instant due = STOPWATCH.dueAt(clock, start, Duration.ofHours(6), some);
            assertThat(STOPWATCH.measure(clock, start, due, some)).as(clock.name()).isEqualTo(Duration.ofHours(6));
            assertThat(STOPWATCH.measure(clock, start, due.minusSeconds(1), some)).as(clock.name())
                    .isLessThan(Duration.ofHours(6));
        }
    }
}
