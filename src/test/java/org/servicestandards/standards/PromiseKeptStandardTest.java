package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.servicestandards.testing.RecordBuilder.at;
import static org.servicestandards.testing.RecordBuilder.record;

import org.junit.jupiter.api.Test;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * promise-kept (SPEC §3): a promise is late when kept after dueAt or still open once dueAt has
 * passed; late with delayNoticeAt &lt;= dueAt is MINOR, otherwise MAJOR. Promises here fall due
 * 2026-11-18 12:00 UTC.
 */
class PromiseKeptStandardTest {

    private static final String STANDARD = "promise-kept";
    private static final String WARNED = "promise-kept finds a minor fault in a late promise the customer was warned of in time";
    private static final String NOT_WARNED =
            "promise-kept finds a major fault in a late promise the customer was not warned of in time";
    private static final String DUE = "2026-11-18T12:00:00Z";


    private static StandardOutcome judge(RecordBuilder builder, String asOf) {
        return ShippedRules.judge(STANDARD, builder, asOf);
    }

    @Test
    void record_without_promises_is_not_applicable() {
        StandardOutcome outcome = judge(record(), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void promise_kept_before_it_was_due_passes() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, "2026-11-17T09:00:00Z", null),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.dueAt()).isNull();
    }

    @Test
    void promise_kept_exactly_when_due_passes() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, DUE, null), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void promise_kept_one_second_late_without_warning_fails_major() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, "2026-11-18T12:00:01Z", null),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::measured, Finding::target)
                .containsExactly(tuple(NOT_WARNED, Severity.MAJOR, "PT1S", "PT0S"));
        assertThat(outcome.findings().get(0).message()).contains("call-back");
    }

    @Test
    void late_promise_the_customer_was_warned_of_in_time_is_a_minor_fault() {
        StandardOutcome outcome = judge(record().promise("refund", DUE, "2026-11-19T12:00:00Z", "2026-11-18T08:00:00Z"),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MINOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::measured)
                .containsExactly(tuple(WARNED, Severity.MINOR, "PT24H"));
    }

    @Test
    void warning_given_exactly_at_the_due_time_is_in_time() {
        StandardOutcome outcome = judge(record().promise("refund", DUE, "2026-11-19T12:00:00Z", DUE),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.severity()).isEqualTo(Severity.MINOR);
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(WARNED);
    }

    @Test
    void warning_given_one_second_after_the_due_time_is_too_late_and_major() {
        StandardOutcome outcome = judge(record().promise("refund", DUE, "2026-11-19T12:00:00Z", "2026-11-18T12:00:01Z"),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(NOT_WARNED);
    }

    @Test
    void a_warning_does_not_fail_a_promise_that_was_kept_in_time() {
        StandardOutcome outcome = judge(record().promise("refund", DUE, "2026-11-18T11:00:00Z", "2026-11-18T08:00:00Z"),
                "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void open_promise_before_its_due_time_is_pending_until_then() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, null, null), "2026-11-17T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at(DUE));
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void open_promise_with_asof_exactly_at_its_due_time_is_pending() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, null, null), DUE);

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void open_promise_one_second_past_its_due_time_fails_major() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, null, null), "2026-11-18T12:00:01Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured)
                .containsExactly(tuple(NOT_WARNED, "PT1S"));
    }

    @Test
    void open_overdue_promise_the_customer_was_warned_of_is_minor() {
        StandardOutcome outcome = judge(record().promise("call-back", DUE, null, "2026-11-18T10:00:00Z"),
                "2026-11-18T15:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MINOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::measured)
                .containsExactly(tuple(WARNED, "PT3H"));
    }

    @Test
    void several_open_promises_are_pending_until_the_earliest_falls_due() {
        StandardOutcome outcome = judge(record()
                .promise("visit", "2026-11-20T12:00:00Z", null, null)
                .promise("call-back", DUE, null, null)
                .promise("brochure", "2026-11-17T09:00:00Z", "2026-11-17T08:00:00Z", null), "2026-11-17T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(outcome.dueAt()).isEqualTo(at(DUE));
    }

    @Test
    void one_late_promise_fails_the_standard_while_others_are_still_open() {
        StandardOutcome outcome = judge(record()
                .promise("visit", "2026-11-20T12:00:00Z", null, null)
                .promise("call-back", DUE, null, null), "2026-11-19T12:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.dueAt()).isNull();
        assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(NOT_WARNED);
    }

    @Test
    void severity_is_the_worst_of_several_late_promises() {
        StandardOutcome outcome = judge(record()
                .promise("refund", DUE, "2026-11-19T12:00:00Z", "2026-11-18T08:00:00Z")
                .promise("call-back", DUE, "2026-11-18T14:00:00Z", null), "2026-11-30T00:00:00Z");

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).extracting(Finding::rule, Finding::severity, Finding::measured)
                .containsExactly(tuple(NOT_WARNED, Severity.MAJOR, "PT2H"), tuple(WARNED, Severity.MINOR, "PT24H"));
    }
}
