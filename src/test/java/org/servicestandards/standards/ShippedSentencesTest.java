package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicestandards.testing.EditedRules;
import org.servicestandards.testing.ShippedRules;

/**
 * complaint-owner is shipped in the sentences of standards/standards.dsl: it loads as their
 * expansion, an auditor reads the sentences behind its finding, and a broken sentence or an
 * expansion that reaches outside the vocabulary is reported at the sentence's line.
 */
class ShippedSentencesTest {

    private static final String FILE = "standards/complaint-owner.dslr";
    private static final String NO_OWNER = "complaint-owner fails when a complaint names no owner";

    @RegisterExtension
    final EditedRules rules = new EditedRules();

    private void edit(String from, String to) {
        rules.replace(FILE, from, to);
    }

    @Test
    void complaint_owner_is_written_in_sentences_and_its_finding_shows_them() {
        RuleSet shipped = ShippedRules.rules();
        assertThat(shipped.files()).containsKey(FILE).doesNotContainKey("standards/complaint-owner.drl");
        assertThat(shipped.rulesByPackage().get("standards")).contains("complaint-owner applies to complaints", NO_OWNER);
        assertThat(org.servicestandards.rulesets.RuleSets.ruleText(shipped.sources(), NO_OWNER)).hasValueSatisfying(text -> {
            assertThat(text.file()).isEqualTo(FILE);
            assertThat(text.line()).isEqualTo(17);
            assertThat(text.text()).contains("    - the complaint names no owner", "report a finding for complaint-owner saying");
        });
    }

    @Test
    void a_sentence_the_language_does_not_know_is_reported_at_its_line() {
        edit("    - the complaint names no owner", "    - the complaint was lost");

        RuleSetException refused = rules.refusal();
        assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
        assertThat(refused.problems().get(0).line()).isEqualTo(21);
        assertThat(refused.problems().get(0).message()).contains("the complaint was lost");
    }

    @Test
    void a_sentence_whose_expansion_leaves_the_vocabulary_is_refused_at_its_line() {
        edit("measured 0 against a target of 1", "measured System.exit(1) against a target of 1");

        rules.assertRefusedAt(FILE, 23, "java.lang.System is not in the vocabulary");
    }
}
