package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.at;
import static org.servicestandards.testing.RecordBuilder.record;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.interaction.Tier;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/**
 * first-response (SPEC §3): inbound, every channel but VISIT; elapsed in plain time except EMAIL
 * and WEB, which count Monday-Friday 09:00-18:00 UTC. Expectations are worked out by hand from the
 * SPEC's target table; 2026-11-16 is a Monday.
 */
class FirstResponseStandardTest {

    private static final String STANDARD = "first-response";
    private static final String LATE_ANSWER = "first-response fails when the first answer came later than the target";
    private static final String ABANDONED = "first-response fails when the interaction was closed without an answer";
    private static final String NO_ANSWER = "first-response fails when no answer came before the target passed";


    private static StandardOutcome judge(RecordBuilder builder, String asOf) {
        return ShippedRules.judge(STANDARD, builder, asOf);
    }

    private static RecordBuilder opened(Tier tier, Channel channel) {
        return record().tier(tier).channel(channel).openedAt("2026-11-16T10:00:00Z");
    }

    // --- targets in plain elapsed time: exactly at the target passes, one second over fails ---

    @ParameterizedTest(name = "{0} {1}: answer after {2}s passes")
    @CsvSource({
            "STRATEGIC, PHONE, 60", "STRATEGIC, CHAT, 120", "STRATEGIC, IN_PERSON, 180",
            "VIP, PHONE, 60", "VIP, CHAT, 120", "VIP, IN_PERSON, 300",
            "STANDARD, PHONE, 180", "STANDARD, CHAT, 300", "STANDARD, IN_PERSON, 600"})
    void answer_exactly_at_the_elapsed_target_passes(Tier tier, Channel channel, int seconds) {
        StandardOutcome outcome = judge(opened(tier, channel)
                .firstResponseAt(at("2026-11-16T10:00:00Z").plusSeconds(seconds).toString()), "2026-11-17T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.findings()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}: answer after {2}s + 1s fails")
    @CsvSource({
            "STRATEGIC, PHONE, 60, PT1M", "STRATEGIC, CHAT, 120, PT2M", "STRATEGIC, IN_PERSON, 180, PT3M",
            "VIP, PHONE, 60, PT1M", "VIP, CHAT, 120, PT2M", "VIP, IN_PERSON, 300, PT5M",
            "STANDARD, PHONE, 180, PT3M", "STANDARD, CHAT, 300, PT5M", "STANDARD, IN_PERSON, 600, PT10M"})
    void answer_one_second_over_the_elapsed_target_fails(Tier tier, Channel channel, int seconds, String target) {
        StandardOutcome outcome = judge(opened(tier, channel)
                .firstResponseAt(at("2026-11-16T10:00:00Z").plusSeconds(seconds + 1).toString()), "2026-11-17T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LATE_ANSWER);
            assertThat(finding.severity()).isEqualTo(Severity.MAJOR);
            assertThat(finding.target()).isEqualTo(target);
            assertThat(java.time.Duration.parse(finding.measured())).hasSeconds(seconds + 1L);
        });
    }

    @Test
    void late_strategic_phone_answer_reports_measured_and_target_as_iso_durations() {
        StandardOutcome outcome = judge(opened(Tier.STRATEGIC, Channel.PHONE).firstResponseAt("2026-11-16T10:02:30Z"),
                "2026-11-16T11:00:00Z");

        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured, Finding::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LATE_ANSWER, "PT2M30S", "PT1M"));
    }

    // --- EMAIL and WEB count business hours ---

    @Test
    void standard_email_answered_after_exactly_one_business_day_passes() {
        // Monday 10:00-18:00 is 8 business hours; the night does not count.
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.EMAIL).firstResponseAt("2026-11-16T18:00:00Z"),
                "2026-11-20T12:00:00Z");
        StandardOutcome nextMorning = judge(opened(Tier.STANDARD, Channel.EMAIL).firstResponseAt("2026-11-17T09:00:00Z"),
                "2026-11-20T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(nextMorning.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void standard_email_answered_one_business_second_late_fails_first_response() {
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.EMAIL).firstResponseAt("2026-11-17T09:00:01Z"),
                "2026-11-20T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(LATE_ANSWER);
            assertThat(finding.measured()).isEqualTo("PT8H1S");
            assertThat(finding.target()).isEqualTo("PT8H");
        });
    }

    @Test
    void late_vip_email_reply_fails_first_response() {
        // Opened Monday 17:00, answered Tuesday 10:30: 1 h on Monday + 1.5 h on Tuesday = 2.5 h > 2 h.
        StandardOutcome outcome = judge(record().tier(Tier.VIP).channel(Channel.EMAIL).openedAt("2026-11-16T17:00:00Z")
                .firstResponseAt("2026-11-17T10:30:00Z"), "2026-11-18T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured, Finding::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LATE_ANSWER, "PT2H30M", "PT2H"));
    }

    @Test
    void vip_email_over_the_night_within_two_business_hours_passes() {
        // 17:00-18:00 Monday + 09:00-10:00 Tuesday = 2 h, though 17 hours went by.
        StandardOutcome outcome = judge(record().tier(Tier.VIP).channel(Channel.EMAIL).openedAt("2026-11-16T17:00:00Z")
                .firstResponseAt("2026-11-17T10:00:00Z"), "2026-11-18T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void strategic_web_form_sent_on_saturday_starts_counting_at_monday_opening() {
        // Saturday 2026-11-21 11:00; the clock starts Monday 09:00, so 09:59:59 and 10:00 are within 1 h.
        RecordBuilder saturday = record().tier(Tier.STRATEGIC).channel(Channel.WEB).openedAt("2026-11-21T11:00:00Z");

        assertThat(judge(saturday.firstResponseAt("2026-11-23T10:00:00Z"), "2026-11-24T00:00:00Z").outcome())
                .isEqualTo(Outcome.PASS);
        StandardOutcome late = judge(record().tier(Tier.STRATEGIC).channel(Channel.WEB).openedAt("2026-11-21T11:00:00Z")
                .firstResponseAt("2026-11-23T10:00:01Z"), "2026-11-24T00:00:00Z");
        assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(late.findings()).extracting(Finding::measured).containsExactly("PT1H1S");
    }

    @Test
    void email_opened_at_night_is_pending_until_an_hour_after_the_next_opening() {
        // Opened Monday 22:00; nothing counts until Tuesday 09:00, so at Tuesday 09:30 half the hour is used.
        StandardOutcome outcome = judge(record().tier(Tier.STRATEGIC).channel(Channel.EMAIL)
                .openedAt("2026-11-16T22:00:00Z"), "2026-11-17T09:30:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-17T10:00:00Z"));
    }

    @Test
    void pending_standard_email_falls_due_after_eight_business_hours_over_the_weekend() {
        // Friday 2026-11-20 15:00: 3 h on Friday, 5 h on Monday -> Monday 14:00.
        StandardOutcome outcome = judge(record().channel(Channel.EMAIL).openedAt("2026-11-20T15:00:00Z"),
                "2026-11-21T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-23T14:00:00Z"));
        assertThat(outcome.findings()).isEmpty();
    }

    // --- no answer yet ---

    @Test
    void phone_call_waiting_within_the_target_is_pending_with_its_due_time() {
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.PHONE), "2026-11-16T10:02:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-16T10:03:00Z"));
    }

    @Test
    void no_answer_with_asof_exactly_at_the_target_is_still_pending() {
        StandardOutcome outcome = judge(opened(Tier.VIP, Channel.CHAT), "2026-11-16T10:02:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        // Still within the target at asOf, so due after it: never at or before asOf.
        assertThat(outcome.dueAt()).isEqualTo(at("2026-11-16T10:02:00.001Z"));
    }

    @Test
    void no_answer_one_second_after_the_target_fails() {
        StandardOutcome outcome = judge(opened(Tier.VIP, Channel.CHAT), "2026-11-16T10:02:01Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.dueAt()).isNull();
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured, Finding::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NO_ANSWER, "PT2M1S", "PT2M"));
    }

    @Test
    void unanswered_email_past_eight_business_hours_fails_though_only_the_night_went_by_since() {
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.EMAIL), "2026-11-17T09:00:01Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(NO_ANSWER);
    }

    @Test
    void call_abandoned_without_an_answer_fails_even_within_the_target() {
        // The customer hung up after 30 s; the 3 min target had not passed, but nobody answered.
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.PHONE).closedAt("2026-11-16T10:00:30Z"),
                "2026-11-16T10:01:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(ABANDONED);
            assertThat(finding.measured()).isEqualTo("PT30S");
            assertThat(finding.target()).isEqualTo("PT3M");
        });
    }

    @Test
    void answered_call_that_was_later_closed_is_judged_on_the_answer() {
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.PHONE).firstResponseAt("2026-11-16T10:01:00Z")
                .closedAt("2026-11-16T10:20:00Z"), "2026-11-16T11:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void pauses_do_not_stop_the_first_response_clock() {
        StandardOutcome outcome = judge(opened(Tier.STANDARD, Channel.PHONE)
                .pause("2026-11-16T10:00:30Z", "2026-11-16T10:05:00Z")
                .firstResponseAt("2026-11-16T10:06:00Z"), "2026-11-16T11:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(Finding::measured).containsExactly("PT6M");
    }

    // --- where the standard does not apply ---

    @Test
    void staff_visit_has_no_first_response_standard() {
        StandardOutcome outcome = judge(opened(Tier.STRATEGIC, Channel.VISIT), "2026-11-20T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.dueAt()).isNull();
    }

    @Test
    void outbound_call_has_no_first_response_standard_even_unanswered() {
        StandardOutcome outcome = judge(opened(Tier.VIP, Channel.PHONE).outbound(), "2026-11-20T10:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.findings()).isEmpty();
    }

    // --- the verdict as a whole ---

    @Test
    void every_verdict_lists_the_six_standards_in_the_order_of_standards_csv() {
        List<String> declared = List.of("first-response", "complaint-owner", "complaint-resolution",
                "update-frequency", "promise-kept", "courtesy");
        Interaction bare = record().channel(Channel.VISIT).outbound().build();
        Interaction busy = record().channel(Channel.EMAIL).complaint(null, null)
                .promise("p1", "2026-11-16T12:00:00Z", null, null).courtesy(RecordBuilder.allCourteous()).build();
        Interaction request = record().id("rec-2").type(InteractionType.REQUEST).build();

        for (Interaction interaction : List.of(bare, busy, request)) {
            Verdict verdict = new Engine().evaluate(ShippedRules.rules(), interaction, at("2026-11-17T10:00:00Z"));
            assertThat(verdict.outcomes()).extracting(StandardOutcome::standard).containsExactlyElementsOf(declared);
        }
        assertThat(ShippedRules.rules().standards(StandardScope.INTERACTION)).extracting(StandardDefinition::id)
                .containsExactlyElementsOf(declared);
    }

    @Test
    void a_record_no_standard_applies_to_is_not_applicable_everywhere() {
        Verdict verdict = new Engine().evaluate(ShippedRules.rules(), record().channel(Channel.VISIT).outbound().build(),
                at("2026-11-17T10:00:00Z"));

        assertThat(verdict.outcomes()).extracting(StandardOutcome::outcome).containsOnly(Outcome.NOT_APPLICABLE);
    }

    // --- a span no caller can make costly: the earliest and latest instants a record may hold ---

    @Test
    void an_email_answered_eight_thousand_years_late_fails_by_the_business_hours_of_every_weekday_between() {
        RecordBuilder record = record().tier(Tier.STANDARD).channel(Channel.EMAIL).type(InteractionType.INQUIRY)
                .openedAt("1970-01-01T00:00:00Z").firstResponseAt("9999-12-31T23:59:59Z");

        // Guards against the day-by-day walk coming back (it took seconds); the cost itself is in BENCHMARKS.md.
        StandardOutcome outcome = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> ShippedRules.judge(STANDARD, record, "9999-12-31T23:59:59Z"));

        long weekdays = 0;
        long days = java.time.LocalDate.parse("9999-12-31").toEpochDay() + 1;
        for (long day = 0; day < days; day++) {
            // Epoch day 0, 1970-01-01, was a Thursday.
            weekdays += Math.floorMod(day + 3, 7) < 5 ? 1 : 0;
        }
        java.time.Duration expected = java.time.Duration.ofHours(9 * weekdays);
        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).singleElement().satisfies(finding ->
                assertThat(java.time.Duration.parse(finding.measured())).isEqualTo(expected));
    }
}
