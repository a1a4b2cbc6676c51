package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.servicestandards.testing.RecordBuilder.at;
import static org.servicestandards.testing.RecordBuilder.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.interaction.Tier;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * update-frequency (SPEC §3): while a COMPLAINT or REQUEST is open, no gap between customer
 * contacts may exceed STRATEGIC/VIP 8, STANDARD 16 business hours (Monday-Friday 09:00-18:00 UTC),
 * pauses not counted. Cases here are answered Monday 2026-11-16 10:00 unless stated.
 */
class UpdateFrequencyStandardTest {

    private static final String STANDARD = "update-frequency";
    private static final String SILENT_TOO_LONG =
            "update-frequency fails when the customer heard nothing for longer than the target";


    private static StandardOutcome judge(RecordBuilder builder, String asOf) {
        return ShippedRules.judge(STANDARD, builder, asOf);
    }

    private static RecordBuilder vipComplaint() {
        return record().tier(Tier.VIP).openedAt("2026-11-16T09:30:00Z").complaint("agent-7", null)
                .firstResponseAt("2026-11-16T10:00:00Z");
    }

    private static RecordBuilder standardRequest() {
        return record().type(InteractionType.REQUEST).openedAt("2026-11-16T09:30:00Z")
                .firstResponseAt("2026-11-16T10:00:00Z");
    }

    // --- closed cases: PASS or FAIL ---

    @Test
    void vip_complaint_with_every_gap_exactly_eight_business_hours_passes() {
        // Monday 10:00-18:00 = 8 h; the night is closed; Tuesday 09:00-17:00 = 8 h.
        StandardOutcome outcome = judge(vipComplaint().update("2026-11-17T09:00:00Z").closedAt("2026-11-17T17:00:00Z"),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.dueAt()).isNull();
    }

    @Test
    void vip_complaint_silent_one_business_second_too_long_fails_major() {
        StandardOutcome outcome = judge(vipComplaint().closedAt("2026-11-17T09:00:01Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::measured, Finding::target)
                .containsExactly(tuple(SILENT_TOO_LONG, Severity.MAJOR, "PT8H1S", "PT8H"));
    }

    @Test
    void standard_request_may_go_sixteen_business_hours_between_contacts() {
        StandardOutcome exactly = judge(standardRequest().closedAt("2026-11-17T17:00:00Z"), "2026-11-30T00:00:00Z");
        StandardOutcome over = judge(standardRequest().closedAt("2026-11-17T17:00:01Z"), "2026-11-30T00:00:00Z");

        assertThat(exactly.outcome()).isEqualTo(Outcome.PASS);
        assertThat(over.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(over.findings()).extracting(Finding::rule, Finding::measured, Finding::target)
                .containsExactly(tuple(SILENT_TOO_LONG, "PT16H1S", "PT16H"));
    }

    @Test
    void strategic_complaint_has_the_eight_hour_target_too() {
        StandardOutcome outcome = judge(record().tier(Tier.STRATEGIC).complaint("agent-7", null)
                .firstResponseAt("2026-11-16T10:00:00Z").closedAt("2026-11-17T10:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::measured, Finding::target)
                .containsExactly(tuple("PT9H", "PT8H"));
    }

    @Test
    void weekend_does_not_count_between_contacts() {
        // Friday 10:00-18:00 = 8 h, Monday 09:00-17:00 = 8 h: 16 h over 79 hours of calendar time.
        StandardOutcome outcome = judge(record().type(InteractionType.REQUEST).openedAt("2026-11-20T09:00:00Z")
                .firstResponseAt("2026-11-20T10:00:00Z").closedAt("2026-11-23T17:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void a_long_early_gap_fails_though_later_updates_came_often() {
        StandardOutcome outcome = judge(vipComplaint().update("2026-11-17T10:00:00Z").update("2026-11-17T11:00:00Z")
                .closedAt("2026-11-17T12:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::measured).containsExactly("PT9H");
    }

    @Test
    void updates_given_out_of_order_are_judged_in_time_order() {
        StandardOutcome outcome = judge(vipComplaint().update("2026-11-17T09:00:00Z").update("2026-11-16T14:00:00Z")
                .closedAt("2026-11-17T17:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void time_waiting_on_the_customer_is_not_counted() {
        // Monday 10:00 to Tuesday 11:00 is 10 business hours; the 2 h pause leaves 8 h.
        StandardOutcome paused = judge(vipComplaint().pause("2026-11-16T12:00:00Z", "2026-11-16T14:00:00Z")
                .closedAt("2026-11-17T11:00:00Z"), "2026-11-30T00:00:00Z");
        StandardOutcome unpaused = judge(vipComplaint().closedAt("2026-11-17T11:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(paused.outcome()).isEqualTo(Outcome.PASS);
        assertThat(unpaused.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(unpaused.findings()).extracting(Finding::measured).containsExactly("PT10H");
    }

    @Test
    void a_pause_over_the_night_only_removes_its_business_hours() {
        // Pause Monday 17:00 - Tuesday 10:00 covers 1 h + 1 h of business time: 11 h - 2 h = 9 h.
        StandardOutcome outcome = judge(vipComplaint().pause("2026-11-16T17:00:00Z", "2026-11-17T10:00:00Z")
                .closedAt("2026-11-17T12:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::measured).containsExactly("PT9H");
    }

    @Test
    void overlapping_pauses_are_removed_once() {
        // 12:00-14:00 and 13:00-15:00 cover 3 h together, not 4 h: 11 h 1 s - 3 h = 8 h 1 s, over the target.
        StandardOutcome outcome = judge(vipComplaint().pause("2026-11-16T12:00:00Z", "2026-11-16T14:00:00Z")
                .pause("2026-11-16T13:00:00Z", "2026-11-16T15:00:00Z").closedAt("2026-11-17T12:00:01Z"),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::measured).containsExactly("PT8H1S");
    }

    // --- open cases: PENDING or FAIL at asOf ---

    @Test
    void open_case_within_the_gap_is_pending_until_eight_business_hours_after_the_last_contact() {
        // Last contact Monday 15:00: 3 h on Monday, 5 h on Tuesday -> Tuesday 14:00.
        StandardOutcome outcome = judge(vipComplaint().update("2026-11-16T15:00:00Z"), "2026-11-16T17:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-17T14:00:00Z"));
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void open_case_over_the_weekend_falls_due_on_monday() {
        StandardOutcome outcome = judge(record().tier(Tier.VIP).type(InteractionType.REQUEST)
                .openedAt("2026-11-20T16:00:00Z").firstResponseAt("2026-11-20T17:00:00Z"), "2026-11-21T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-23T16:00:00Z"));
    }

    @Test
    void open_case_without_a_first_answer_counts_from_opening() {
        StandardOutcome outcome = judge(record().tier(Tier.VIP).openedAt("2026-11-16T10:00:00Z")
                .complaint("agent-7", null), "2026-11-16T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        // The 8 business hours are used up at Monday's close: due at Tuesday's opening.
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-17T09:00:00Z"));
    }

    @Test
    void finished_pause_moves_the_due_time_later() {
        // From Monday 10:00, with 16:00-17:00 paused: 7 h on Monday, 1 h on Tuesday -> Tuesday 10:00.
        StandardOutcome outcome = judge(vipComplaint().pause("2026-11-16T16:00:00Z", "2026-11-16T17:00:00Z"),
                "2026-11-16T17:30:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-17T10:00:00Z"));
    }

    @Test
    void open_pause_stops_the_clock_and_names_no_due_time() {
        // Paused since Monday 16:00 and still paused on Wednesday: only 6 business hours counted.
        StandardOutcome outcome = judge(vipComplaint().pause("2026-11-16T16:00:00Z", null), "2026-11-18T16:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isNull();
    }

    @Test
    void open_case_silent_past_the_target_at_asof_fails() {
        StandardOutcome outcome = judge(vipComplaint(), "2026-11-17T09:00:01Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.dueAt()).isNull();
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured)
                .containsExactly(tuple(SILENT_TOO_LONG, "PT8H1S"));
    }

    @Test
    void open_case_exactly_at_the_target_at_asof_is_still_pending() {
        StandardOutcome outcome = judge(vipComplaint(), "2026-11-17T09:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
    }

    // --- where the standard does not apply ---

    @ParameterizedTest
    @EnumSource(value = InteractionType.class, names = {"COMPLAINT", "REQUEST"}, mode = EnumSource.Mode.EXCLUDE)
    void only_complaints_and_requests_need_updates(InteractionType type) {
        StandardOutcome outcome = judge(record().type(type).openedAt("2026-11-16T10:00:00Z"), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.findings()).isEmpty();
    }
}
