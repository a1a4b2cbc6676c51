package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.servicestandards.testing.RecordBuilder.at;
import static org.servicestandards.testing.RecordBuilder.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.interaction.Tier;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * complaint-resolution (SPEC §3): resolved within STRATEGIC 2, VIP 3, STANDARD 5 days of calendar
 * time from openedAt, pauses not counted. Complaints here open Monday 2026-11-16 10:00 UTC.
 */
class ComplaintResolutionStandardTest {

    private static final String STANDARD = "complaint-resolution";
    private static final String RESOLVED_LATE =
            "complaint-resolution fails when the complaint was resolved later than the target";
    private static final String UNRESOLVED = "complaint-resolution fails when the complaint is unresolved past the target";
    private static final String OPENED = "2026-11-16T10:00:00Z";


    private static StandardOutcome judge(RecordBuilder builder, String asOf) {
        return ShippedRules.judge(STANDARD, builder, asOf);
    }

    private static RecordBuilder complaint(Tier tier, String resolvedAt) {
        return record().tier(tier).channel(Channel.EMAIL).openedAt(OPENED).complaint("agent-7", resolvedAt);
    }

    @ParameterizedTest(name = "{0} resolved at {1}")
    @CsvSource({
            "STRATEGIC, 2026-11-18T10:00:00Z", "VIP, 2026-11-19T10:00:00Z", "STANDARD, 2026-11-21T10:00:00Z"})
    void complaint_resolved_exactly_at_the_target_passes(Tier tier, String resolvedAt) {
        StandardOutcome outcome = judge(complaint(tier, resolvedAt), "2026-12-31T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} resolved at {1}")
    @CsvSource({
            "STRATEGIC, 2026-11-18T10:00:01Z, PT48H",
            "VIP, 2026-11-19T10:00:01Z, PT72H",
            "STANDARD, 2026-11-21T10:00:01Z, PT120H"})
    void complaint_resolved_one_second_after_the_target_fails_major(Tier tier, String resolvedAt, String target) {
        StandardOutcome outcome = judge(complaint(tier, resolvedAt), "2026-12-31T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::measured, Finding::target)
                .containsExactly(tuple(RESOLVED_LATE, Severity.MAJOR, target.replace("H", "H1S"), target));
    }

    @Test
    void a_day_waiting_on_the_customer_is_not_counted() {
        // STANDARD, resolved after 6 days of which 1 day was paused: 5 days counted.
        StandardOutcome outcome = judge(complaint(Tier.STANDARD, "2026-11-22T10:00:00Z")
                .pause("2026-11-17T10:00:00Z", "2026-11-18T10:00:00Z"), "2026-12-31T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void overlapping_pauses_are_not_counted_twice() {
        // Pauses 17th 10:00-18th 10:00 and 18th 00:00-12:00 cover 26 h together, not 36 h.
        StandardOutcome late = judge(complaint(Tier.STRATEGIC, "2026-11-19T12:00:01Z")
                .pause("2026-11-17T10:00:00Z", "2026-11-18T10:00:00Z")
                .pause("2026-11-18T00:00:00Z", "2026-11-18T12:00:00Z"), "2026-12-31T00:00:00Z");
        // 74 h 1 s elapsed - 26 h paused = 48 h 1 s > 48 h.
        assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(late.findings()).extracting(Finding::measured).containsExactly("PT48H1S");
    }

    @Test
    void calendar_time_counts_nights_and_weekends() {
        // VIP opened Friday 2026-11-20 10:00, resolved Monday 10:00:01: 72 h 1 s of calendar time.
        StandardOutcome outcome = judge(record().tier(Tier.VIP).openedAt("2026-11-20T10:00:00Z")
                .complaint("agent-7", "2026-11-23T10:00:01Z"), "2026-12-31T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::measured).containsExactly("PT72H1S");
    }

    @Test
    void unresolved_complaint_within_the_target_is_pending_with_its_due_time() {
        StandardOutcome outcome = judge(complaint(Tier.VIP, null), "2026-11-17T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-19T10:00:00Z"));
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void unresolved_complaint_with_asof_exactly_at_the_target_is_pending() {
        StandardOutcome outcome = judge(complaint(Tier.STRATEGIC, null), "2026-11-18T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        // Still within the target at asOf, so due after it: never at or before asOf.
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-18T10:00:00.001Z"));
    }

    @Test
    void finished_pause_moves_the_due_time_later_by_its_length() {
        StandardOutcome outcome = judge(complaint(Tier.STRATEGIC, null)
                .pause("2026-11-16T12:00:00Z", "2026-11-16T18:30:00Z"), "2026-11-17T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-18T16:30:00Z"));
    }

    @Test
    void open_pause_keeps_the_complaint_pending_without_a_due_time() {
        // Opened Monday, paused since Tuesday 10:00 and still waiting on the customer on the 30th.
        StandardOutcome outcome = judge(complaint(Tier.STRATEGIC, null).pause("2026-11-17T10:00:00Z", null),
                "2026-11-30T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isNull();
    }

    @Test
    void open_pause_that_began_after_the_target_passed_does_not_save_the_complaint() {
        StandardOutcome outcome = judge(complaint(Tier.STRATEGIC, null).pause("2026-11-18T11:00:00Z", null),
                "2026-11-30T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured)
                .containsExactly(tuple(UNRESOLVED, "PT49H"));
    }

    @Test
    void unresolved_complaint_one_second_past_the_target_fails_major() {
        StandardOutcome outcome = judge(complaint(Tier.STANDARD, null), "2026-11-21T10:00:01Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.dueAt()).isNull();
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured, Finding::target)
                .containsExactly(tuple(UNRESOLVED, "PT120H1S", "PT120H"));
    }

    @Test
    void closed_but_unresolved_complaint_fails_once_the_target_passed() {
        StandardOutcome outcome = judge(complaint(Tier.VIP, null).closedAt("2026-11-16T11:00:00Z"),
                "2026-11-20T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(UNRESOLVED);
    }

    @Test
    void request_is_not_a_complaint_and_has_no_resolution_standard() {
        StandardOutcome outcome = judge(record().type(InteractionType.REQUEST).openedAt(OPENED), "2026-12-31T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.dueAt()).isNull();
    }
}
