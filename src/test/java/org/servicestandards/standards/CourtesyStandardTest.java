package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.servicestandards.testing.RecordBuilder.allCourteous;
import static org.servicestandards.testing.RecordBuilder.record;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.servicestandards.interaction.Channel;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * courtesy (SPEC §3): the friendliness checklist by channel. Every channel: greeting and
 * warmFarewell (mandatory), addressedByName, explained, offeredHelp; PHONE, CHAT, IN_PERSON, VISIT
 * add listenedAttentively and askedQuestions; IN_PERSON and VISIT add eyeContact and smile.
 * Rudeness is CRITICAL, a mandatory item false MAJOR, a score below 80 % MINOR.
 */
class CourtesyStandardTest {

    private static final String STANDARD = "courtesy";
    private static final String RUDE = "courtesy finds a critical fault when rudeness was reported";
    private static final String MANDATORY_MISSED = "courtesy finds a major fault when a mandatory item was missed";
    private static final String LOW_SCORE = "courtesy finds a minor fault when the score is below the pass mark";


    private static StandardOutcome judge(RecordBuilder builder) {
        return ShippedRules.judge(STANDARD, builder, "2026-11-16T12:00:00Z");
    }

    private static RecordBuilder on(Channel channel) {
        return record().channel(channel);
    }

    // --- NOT_APPLICABLE ---

    @Test
    void record_without_a_courtesy_review_is_not_applicable() {
        StandardOutcome outcome = judge(on(Channel.PHONE));

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.score()).isNull();
    }

    @Test
    void review_that_assessed_nothing_is_not_applicable() {
        StandardOutcome outcome = judge(on(Channel.CHAT).courtesyNotAssessed());

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.score()).isNull();
    }

    @Test
    void review_with_rudeness_false_and_no_items_is_not_applicable() {
        StandardOutcome outcome = judge(on(Channel.CHAT).courtesy("rudeness", false));

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
    }

    @Test
    void items_that_do_not_apply_on_the_channel_do_not_make_the_standard_apply() {
        // Eye contact and smile are face-to-face items; on the phone they are ignored.
        StandardOutcome outcome = judge(on(Channel.PHONE).courtesy("eyeContact", false).courtesy("smile", true));

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.findings()).isEmpty();
    }

    // --- PASS and the score ---

    @ParameterizedTest
    @EnumSource(Channel.class)
    void every_applicable_item_kept_passes_with_a_score_of_100(Channel channel) {
        StandardOutcome outcome = judge(on(channel).courtesy(allCourteous()));

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.score()).isEqualByComparingTo("100");
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void inapplicable_items_assessed_false_do_not_lower_the_score() {
        StandardOutcome outcome = judge(on(Channel.EMAIL).courtesy(allCourteous())
                .courtesy("eyeContact", false).courtesy("smile", false)
                .courtesy("listenedAttentively", false).courtesy("askedQuestions", false));

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.score()).isEqualByComparingTo("100");
    }

    @Test
    void score_of_exactly_80_passes() {
        // EMAIL has five items; four of five kept is 80 %.
        StandardOutcome outcome = judge(on(Channel.EMAIL).courtesy(allCourteous()).courtesy("explained", false));

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.score()).isEqualByComparingTo("80");
    }

    @Test
    void only_assessed_items_count_toward_the_score() {
        // Two items assessed on the phone, both kept: 100 %, the other five were not assessed.
        StandardOutcome outcome = judge(on(Channel.PHONE).courtesy("greeting", true).courtesy("explained", true));

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.score()).isEqualByComparingTo("100");
    }

    // --- FAIL and severities ---

    @Test
    void score_below_80_is_a_minor_fault_and_the_score_is_shown() {
        // IN_PERSON has nine items; seven of nine is 77.8 %.
        StandardOutcome outcome = judge(on(Channel.IN_PERSON).courtesy(allCourteous())
                .courtesy("eyeContact", false).courtesy("smile", false));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MINOR);
        assertThat(outcome.score()).isEqualByComparingTo(new BigDecimal("77.8"));
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::target)
                .containsExactly(tuple(LOW_SCORE, Severity.MINOR, "80"));
        assertThat(outcome.findings().get(0).measured()).isEqualTo("77.8");
    }

    @Test
    void three_of_five_on_email_is_60_percent_and_fails_minor() {
        StandardOutcome outcome = judge(on(Channel.EMAIL).courtesy(allCourteous())
                .courtesy("addressedByName", false).courtesy("offeredHelp", false));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MINOR);
        assertThat(outcome.score()).isEqualByComparingTo("60");
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured).containsExactly(tuple(LOW_SCORE, "60"));
    }

    @Test
    void missed_greeting_is_a_major_fault_though_the_score_is_high() {
        // Six of seven phone items kept: 85.7 %, above the pass mark, but greeting is mandatory.
        StandardOutcome outcome = judge(on(Channel.PHONE).courtesy(allCourteous()).courtesy("greeting", false));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.score()).isEqualByComparingTo(new BigDecimal("85.7"));
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple(MANDATORY_MISSED, Severity.MAJOR));
        assertThat(outcome.findings().get(0).message()).contains("greeting");
    }

    @Test
    void missed_warm_farewell_is_a_major_fault() {
        StandardOutcome outcome = judge(on(Channel.VISIT).courtesy(allCourteous()).courtesy("warmFarewell", false));

        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(MANDATORY_MISSED);
        assertThat(outcome.findings().get(0).message()).contains("warmFarewell");
    }

    @Test
    void both_mandatory_items_missed_are_two_major_findings_and_a_minor_one_for_the_score() {
        // WEB: greeting and warmFarewell false, three others kept: 60 %.
        StandardOutcome outcome = judge(on(Channel.WEB).courtesy(allCourteous())
                .courtesy("greeting", false).courtesy("warmFarewell", false));

        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.score()).isEqualByComparingTo("60");
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
                tuple(MANDATORY_MISSED, Severity.MAJOR), tuple(MANDATORY_MISSED, Severity.MAJOR),
                tuple(LOW_SCORE, Severity.MINOR));
    }

    @Test
    void rudeness_is_critical_even_when_every_item_was_kept() {
        StandardOutcome outcome = judge(on(Channel.IN_PERSON).courtesy(allCourteous()).courtesy("rudeness", true));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(outcome.score()).isEqualByComparingTo("100");
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity)
                .containsExactly(tuple(RUDE, Severity.CRITICAL));
    }

    @Test
    void rudeness_with_no_items_assessed_fails_with_no_score() {
        StandardOutcome outcome = judge(on(Channel.CHAT).courtesy("rudeness", true));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(outcome.score()).isNull();
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(RUDE);
    }

    @Test
    void rudeness_with_only_inapplicable_items_assessed_fails_with_no_score() {
        StandardOutcome outcome = judge(on(Channel.EMAIL).courtesy("smile", true).courtesy("rudeness", true));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.score()).isNull();
    }

    @Test
    void rude_agent_who_missed_the_greeting_and_scored_low_has_all_three_findings_worst_first() {
        // CHAT: greeting, addressedByName, explained false; four others kept: 4 of 7 = 57.1 %.
        StandardOutcome outcome = judge(on(Channel.CHAT).courtesy(allCourteous()).courtesy("rudeness", true)
                .courtesy("greeting", false).courtesy("addressedByName", false).courtesy("explained", false));

        assertThat(outcome.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(outcome.score()).isEqualByComparingTo(new BigDecimal("57.1"));
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
                tuple(RUDE, Severity.CRITICAL), tuple(MANDATORY_MISSED, Severity.MAJOR), tuple(LOW_SCORE, Severity.MINOR));
    }
}
