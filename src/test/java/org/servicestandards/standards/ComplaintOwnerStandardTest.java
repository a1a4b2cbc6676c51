package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/** complaint-owner (SPEC §3): a COMPLAINT fails (MAJOR) when complaint.ownerId is missing or blank. */
class ComplaintOwnerStandardTest {

    private static final String STANDARD = "complaint-owner";
    private static final String NO_OWNER = "complaint-owner fails when a complaint names no owner";


    private static StandardOutcome judge(RecordBuilder builder) {
        return ShippedRules.judge(STANDARD, builder, "2026-11-16T12:00:00Z");
    }

    @Test
    void complaint_with_an_owner_passes() {
        StandardOutcome outcome = judge(record().complaint("agent-7", null));

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
        assertThat(outcome.severity()).isNull();
        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void complaint_without_an_owner_fails_major() {
        StandardOutcome outcome = judge(record().complaint(null, null));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.severity()).isEqualTo(Severity.MAJOR);
        assertThat(outcome.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(NO_OWNER);
            assertThat(finding.severity()).isEqualTo(Severity.MAJOR);
            assertThat(finding.message()).contains("ownerId");
        });
    }

    @ParameterizedTest(name = "owner ''{0}''")
    @ValueSource(strings = {"", " ", "\t", "   \n"})
    void complaint_with_a_blank_owner_fails(String blank) {
        StandardOutcome outcome = judge(record().complaint(blank, null));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(f -> f.rule()).containsExactly(NO_OWNER);
    }

    @Test
    void complaint_record_with_no_complaint_block_names_no_owner_and_fails() {
        StandardOutcome outcome = judge(record().type(InteractionType.COMPLAINT));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings()).extracting(f -> f.rule()).containsExactly(NO_OWNER);
    }

    @Test
    void resolved_complaint_with_an_owner_still_passes() {
        StandardOutcome outcome = judge(record().complaint("agent-7", "2026-11-16T11:00:00Z"));

        assertThat(outcome.outcome()).isEqualTo(Outcome.PASS);
    }

    @ParameterizedTest
    @EnumSource(value = InteractionType.class, names = "COMPLAINT", mode = EnumSource.Mode.EXCLUDE)
    void other_interaction_types_have_no_owner_standard(InteractionType type) {
        StandardOutcome outcome = judge(record().type(type));

        assertThat(outcome.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(outcome.findings()).isEmpty();
    }
}
