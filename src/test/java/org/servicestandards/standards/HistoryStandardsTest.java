package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;

/** The five shipped history standards, judged over one customer's history as of an instant. */
class HistoryStandardsTest {

    private static final String AS_OF = "2026-11-20T12:00:00Z";

    /** A customer's history: tier periods and records, judged by the shipped rules. */
    private static final class History {
        private final Map<Instant, Tier> tiers = new LinkedHashMap<>();
        private final List<Interaction> records = new ArrayList<>();
        private String accountManager = "am-1";

        History tier(Tier tier, String since) {
            tiers.put(Instant.parse(since), tier);
            return this;
        }

        History with(RecordBuilder builder) {
            records.add(builder.customer("cust-1").build());
            return this;
        }

        List<HistoryOutcome> judge(String asOf) {
            return new HistoryEngine().judge(ShippedRules.rules(),
                    new CustomerHistory("cust-1", "Customer", accountManager, tiers, Instant.parse(asOf)), records);
        }

        List<HistoryOutcome> judge(String standard, String asOf) {
            return judge(asOf).stream().filter(o -> o.standard().equals(standard)).toList();
        }

        HistoryOutcome one(String standard, String asOf) {
            List<HistoryOutcome> outcomes = judge(standard, asOf);
            assertThat(outcomes).as(standard + " outcomes").hasSize(1);
            return outcomes.get(0);
        }
    }

    private static RecordBuilder outboundCall(String id, String at) {
        return record().id(id).channel(Channel.PHONE).outbound().type(InteractionType.FOLLOW_UP).openedAt(at);
    }

    @Nested
    class ContactFrequency {

        @Test
        void a_vip_called_29_days_ago_passes_with_the_next_call_due() {
            HistoryOutcome outcome = new History().tier(Tier.VIP, "2026-01-01T00:00:00Z")
                    .with(outboundCall("call-1", "2026-10-22T12:00:00Z")).one("contact-frequency", AS_OF);
            assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
            assertThat(outcome.subject().kind()).isEqualTo("customer");
            assertThat(outcome.subject().id()).isEqualTo("cust-1");
            assertThat(outcome.accountManager()).isEqualTo("am-1");
            assertThat(outcome.window()).isEqualTo(new HistoryOutcome.Window(Instant.parse("2026-10-21T12:00:00Z"), Instant.parse(AS_OF)));
            assertThat(outcome.evidence()).containsEntry("lastContact", "call-1").containsEntry("gap", "P29D")
                    .containsEntry("period", "P30D").containsEntry("nextDueAt", "2026-11-21T12:00:00Z");
        }

        @Test
        void exactly_30_days_is_within_the_period_and_one_second_more_fails_major() {
            History history = new History().tier(Tier.VIP, "2026-01-01T00:00:00Z").with(outboundCall("call-1", "2026-10-21T12:00:00Z"));
            assertThat(history.one("contact-frequency", AS_OF).outcome()).isEqualTo(Outcome.PASS);
            HistoryOutcome late = history.one("contact-frequency", "2026-11-20T12:00:01Z");
            assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(late.severity()).isEqualTo(Severity.MAJOR);
            assertThat(late.findings()).singleElement().satisfies(f -> {
                assertThat(f.measured()).isEqualTo("P30DT1S");
                assertThat(f.target()).isEqualTo("P30D");
                assertThat(f.message()).contains("call-1").contains("VIP");
                assertThat(f.rule()).startsWith("contact-frequency fails");
            });
            assertThat(late.evidence()).containsEntry("dueSince", "2026-11-20T12:00:00Z");
        }

        @Test
        void only_outbound_phone_calls_and_visits_count() {
            History history = new History().tier(Tier.STRATEGIC, "2026-01-01T00:00:00Z")
                    .with(record().id("inbound-call").channel(Channel.PHONE).openedAt("2026-11-19T10:00:00Z"))
                    .with(record().id("email").channel(Channel.EMAIL).outbound().openedAt("2026-11-19T10:00:00Z"))
                    .with(outboundCall("old-call", "2026-09-01T10:00:00Z"));
            HistoryOutcome outcome = history.one("contact-frequency", AS_OF);
            assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(outcome.evidence()).containsEntry("lastContact", "old-call");

            history.with(record().id("visit").channel(Channel.VISIT).outbound().openedAt("2026-11-01T10:00:00Z"));
            assertThat(history.one("contact-frequency", AS_OF).outcome()).isEqualTo(Outcome.PASS);
        }

        @Test
        void a_customer_who_became_vip_last_week_is_not_failed_for_last_month() {
            History history = new History().tier(Tier.STANDARD, "2025-01-01T00:00:00Z").tier(Tier.VIP, "2026-11-13T00:00:00Z");
            HistoryOutcome outcome = history.one("contact-frequency", AS_OF);
            assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
            assertThat(outcome.evidence()).containsEntry("heldSince", "2026-11-13T00:00:00Z")
                    .containsEntry("nextDueAt", "2026-12-13T00:00:00Z").doesNotContainKey("lastContact");
            // A month on, still uncalled: now it fails, counted from the day they became VIP.
            HistoryOutcome later = history.one("contact-frequency", "2026-12-14T00:00:00Z");
            assertThat(later.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(later.findings().get(0).measured()).isEqualTo("P31D");
            assertThat(later.findings().get(0).message()).contains("no outbound call or visit since 2026-11-13T00:00:00Z");
        }

        @Test
        void moving_between_covered_tiers_keeps_the_clock_running() {
            History history = new History().tier(Tier.VIP, "2026-01-01T00:00:00Z").tier(Tier.STRATEGIC, "2026-11-15T00:00:00Z")
                    .with(outboundCall("call-1", "2026-10-01T12:00:00Z"));
            assertThat(history.one("contact-frequency", AS_OF).outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void standard_customers_and_customers_judged_before_their_first_tier_are_not_judged() {
            assertThat(new History().tier(Tier.STANDARD, "2026-01-01T00:00:00Z").judge("contact-frequency", AS_OF)).isEmpty();
            assertThat(new History().tier(Tier.VIP, "2026-12-01T00:00:00Z").judge("contact-frequency", AS_OF)).isEmpty();
            assertThat(new History().tier(Tier.VIP, "2025-01-01T00:00:00Z").tier(Tier.STANDARD, "2026-11-01T00:00:00Z")
                    .judge("contact-frequency", AS_OF)).isEmpty();
        }

        @Test
        void records_opened_after_as_of_are_not_part_of_the_history_judged() {
            History history = new History().tier(Tier.VIP, "2026-01-01T00:00:00Z").with(outboundCall("future-call", "2026-11-21T09:00:00Z"));
            assertThat(history.one("contact-frequency", AS_OF).outcome()).isEqualTo(Outcome.FAIL);
            assertThat(history.one("contact-frequency", "2026-11-21T10:00:00Z").outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Nested
    class StrategicVisit {

        @Test
        void strategic_customers_need_a_visit_every_90_days_minor() {
            History history = new History().tier(Tier.STRATEGIC, "2026-01-01T00:00:00Z")
                    .with(record().id("visit-1").channel(Channel.VISIT).outbound().openedAt("2026-08-22T12:00:00Z"));
            assertThat(history.one("strategic-visit", AS_OF).outcome()).isEqualTo(Outcome.PASS);
            HistoryOutcome late = history.one("strategic-visit", "2026-11-20T12:00:01Z");
            assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(late.severity()).isEqualTo(Severity.MINOR);
            assertThat(late.findings().get(0).target()).isEqualTo("P90D");
        }

        @Test
        void vip_customers_are_not_judged_by_it() {
            assertThat(new History().tier(Tier.VIP, "2025-01-01T00:00:00Z").judge("strategic-visit", AS_OF)).isEmpty();
        }
    }

    @Nested
    class SatisfactionSurvey {

        @Test
        void vip_customers_need_a_survey_every_183_days() {
            History history = new History().tier(Tier.VIP, "2025-01-01T00:00:00Z")
                    .with(record().id("survey-1").channel(Channel.EMAIL).outbound().type(InteractionType.SURVEY).openedAt("2026-05-21T12:00:00Z"));
            assertThat(history.one("satisfaction-survey", AS_OF).outcome()).isEqualTo(Outcome.PASS);
            HistoryOutcome late = history.one("satisfaction-survey", "2026-11-21T12:00:00Z");
            assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(late.severity()).isEqualTo(Severity.MINOR);
            assertThat(late.findings().get(0).measured()).isEqualTo("P184D");
        }
    }

    /** satisfaction-recovery, written in sentences: a rating of 1 or 2 followed up within two business days. 2026-11-13 is a Friday. */
    @Nested
    class SatisfactionRecovery {

        private History rated(int satisfaction) {
            return new History().tier(Tier.STANDARD, "2025-01-01T00:00:00Z")
                    .with(record().id("low-1").channel(Channel.PHONE).openedAt("2026-11-13T15:50:00Z")
                            .closedAt("2026-11-13T16:00:00Z").satisfaction(satisfaction));
        }

        @Test
        void the_weekend_does_not_count_towards_the_two_business_days() {
            HistoryOutcome waiting = rated(1).one("satisfaction-recovery", "2026-11-16T12:00:00Z");
            assertThat(waiting.outcome()).isEqualTo(Outcome.PENDING);
            // Friday 16:00 and two business days: Tuesday 16:00, not Sunday.
            assertThat(waiting.dueAt()).isEqualTo(Instant.parse("2026-11-17T16:00:00Z"));

            HistoryOutcome called = rated(2).with(outboundCall("call-1", "2026-11-17T15:00:00Z")
                    .relatesTo("low-1")).one("satisfaction-recovery", AS_OF);
            assertThat(called.outcome()).isEqualTo(Outcome.PASS);
            assertThat(called.evidence()).containsEntry("period", "2 business days").containsEntry("followUp", "call-1");
        }

        @Test
        void no_follow_up_fails_major_naming_the_business_days_and_a_good_rating_is_not_judged() {
            HistoryOutcome missed = rated(2).one("satisfaction-recovery", "2026-11-17T16:00:01Z");
            assertThat(missed.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(missed.severity()).isEqualTo(Severity.MAJOR);
            assertThat(missed.findings().get(0).message()).isEqualTo("low-rated interaction low-1 got no follow-up within"
                    + " 2 business days of 2026-11-13T16:00:00Z (due by 2026-11-17T16:00:00Z); none has come");
            assertThat(missed.findings().get(0).target()).isEqualTo("2 business days");
            assertThat(rated(3).judge("satisfaction-recovery", AS_OF)).isEmpty();
        }
    }

    @Nested
    class ComplaintFollowUp {

        private History complaint() {
            return new History().tier(Tier.STANDARD, "2025-01-01T00:00:00Z")
                    .with(record().id("cmp-1").type(InteractionType.COMPLAINT).agent("agent-7")
                            .openedAt("2026-11-02T09:00:00Z").complaint("owner-1", "2026-11-10T12:00:00Z"));
        }

        @Test
        void pending_while_the_seven_days_run_due_at_their_end() {
            HistoryOutcome outcome = complaint().one("complaint-follow-up", "2026-11-15T00:00:00Z");
            assertThat(outcome.outcome()).isEqualTo(Outcome.PENDING);
            assertThat(outcome.dueAt()).isEqualTo(Instant.parse("2026-11-17T12:00:00Z"));
            assertThat(new History().tier(Tier.STANDARD, "2025-01-01T00:00:00Z")
                    .with(record().id("cmp-1").type(InteractionType.COMPLAINT).complaint("owner-1", "2026-11-19T12:00:00Z"))
                    .one("complaint-follow-up", AS_OF).dueAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
            assertThat(outcome.subject().kind()).isEqualTo("interaction");
            assertThat(outcome.subject().id()).isEqualTo("cmp-1");
            assertThat(outcome.subject().agent()).isEqualTo("agent-7");
        }

        @Test
        void a_follow_up_within_seven_days_of_resolution_passes_with_its_evidence() {
            HistoryOutcome outcome = complaint()
                    .with(outboundCall("fu-1", "2026-11-17T12:00:00Z").relatesTo("cmp-1"))
                    .one("complaint-follow-up", AS_OF);
            assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
            assertThat(outcome.evidence()).containsEntry("followUp", "fu-1").containsEntry("after", "P7D");
            assertThat(outcome.window()).isEqualTo(new HistoryOutcome.Window(Instant.parse("2026-11-10T12:00:00Z"),
                    Instant.parse("2026-11-17T12:00:00Z")));
        }

        @Test
        void no_follow_up_in_time_fails_major_and_a_late_one_is_named_as_evidence() {
            HistoryOutcome none = complaint().one("complaint-follow-up", "2026-11-17T12:00:00Z");
            assertThat(none.outcome()).isEqualTo(Outcome.PENDING);
            HistoryOutcome missed = complaint().one("complaint-follow-up", "2026-11-17T12:00:01Z");
            assertThat(missed.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(missed.severity()).isEqualTo(Severity.MAJOR);
            assertThat(missed.findings().get(0).message()).contains("none has come");

            HistoryOutcome late = complaint().with(outboundCall("fu-late", "2026-11-18T12:00:00Z").relatesTo("cmp-1"))
                    .one("complaint-follow-up", AS_OF);
            assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(late.evidence()).containsEntry("lateFollowUp", "fu-late");
            assertThat(late.findings().get(0).measured()).isEqualTo("P8D");
            assertThat(late.findings().get(0).target()).isEqualTo("P7D");
        }

        @Test
        void follow_ups_before_resolution_or_about_another_interaction_do_not_count() {
            HistoryOutcome outcome = complaint()
                    .with(outboundCall("fu-early", "2026-11-09T12:00:00Z").relatesTo("cmp-1"))
                    .with(outboundCall("fu-other", "2026-11-12T12:00:00Z").relatesTo("cmp-2"))
                    .with(outboundCall("not-a-follow-up", "2026-11-12T12:00:00Z").type(InteractionType.INQUIRY).relatesTo("cmp-1"))
                    .one("complaint-follow-up", "2026-11-18T00:00:00Z");
            assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        }

        @Test
        void an_unresolved_complaint_is_not_judged_yet() {
            assertThat(new History().tier(Tier.VIP, "2025-01-01T00:00:00Z")
                    .with(record().id("cmp-1").type(InteractionType.COMPLAINT).complaint("owner-1", null))
                    .judge("complaint-follow-up", AS_OF)).isEmpty();
            // Resolved after asOf: not solved yet as of then.
            assertThat(complaint().judge("complaint-follow-up", "2026-11-10T11:00:00Z")).isEmpty();
        }
    }

    @Nested
    class PostSaleFollowUp {

        @Test
        void a_sale_is_followed_up_within_seven_days_of_its_end_minor() {
            History history = new History().tier(Tier.STANDARD, "2025-01-01T00:00:00Z")
                    .with(record().id("sale-1").type(InteractionType.SALE).channel(Channel.IN_PERSON)
                            .openedAt("2026-11-10T10:00:00Z").closedAt("2026-11-10T11:00:00Z"));
            HistoryOutcome pending = history.one("post-sale-follow-up", "2026-11-12T00:00:00Z");
            assertThat(pending.outcome()).isEqualTo(Outcome.PENDING);
            assertThat(pending.dueAt()).isEqualTo(Instant.parse("2026-11-17T11:00:00Z"));
            HistoryOutcome failed = history.one("post-sale-follow-up", AS_OF);
            assertThat(failed.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(failed.severity()).isEqualTo(Severity.MINOR);
            history.with(outboundCall("thanks", "2026-11-13T10:00:00Z").relatesTo("sale-1"));
            assertThat(history.one("post-sale-follow-up", AS_OF).outcome()).isEqualTo(Outcome.PASS);
        }
    }

    @Test
    void the_same_history_and_as_of_give_the_same_outcomes_in_the_same_order() {
        History history = new History().tier(Tier.STRATEGIC, "2025-01-01T00:00:00Z");
        for (int k = 0; k < 20; k++) {
            history.with(record().id("sale-" + k).type(InteractionType.SALE).openedAt("2026-11-" + (10 + k % 9) + "T10:00:00Z"));
        }
        List<HistoryOutcome> first = history.judge(AS_OF);
        assertThat(first).extracting(HistoryOutcome::standard).startsWith("contact-frequency", "strategic-visit");
        for (int k = 0; k < 5; k++) {
            java.util.Collections.shuffle(history.records, new java.util.Random(k));
            assertThat(history.judge(AS_OF)).isEqualTo(first);
        }
    }
}
