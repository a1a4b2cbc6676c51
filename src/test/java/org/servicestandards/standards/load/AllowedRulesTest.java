package org.servicestandards.standards.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.testing.ShippedRulesCopy;

/** The verifier refuses what reaches outside the vocabulary, not what an officer may reasonably write. */
class AllowedRulesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/allowed-rules");

    @TempDir
    Path rules;

    @Test
    void every_shipped_rule_file_verifies_against_the_vocabulary() {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleSources.RuleSource> sources = RuleSources.read(RuleSetLoader.read(Path.of("rules")), problems);
        assertThat(problems).isEmpty();
        assertThat(sources).extracting(RuleSources.RuleSource::path).contains("standards/courtesy.drl",
                "standards/complaint-owner.dslr", "history/contact-frequency.drl", "tables/first-response-targets.csv");
    }

    @Test
    void an_officers_rule_with_durations_math_lists_declared_facts_and_the_common_operators_loads() throws IOException {
        ShippedRulesCopy.into(rules);
        Files.createDirectories(rules.resolve("standards/extra"));
        Files.copy(FIXTURES.resolve("officer-rule.drl"), rules.resolve("standards/extra/officer-rule.drl"));
        RuleSet loaded = new RuleSetLoader().load(rules);
        assertThat(loaded.rulesByPackage().get("standards.extra")).containsExactly(
                "officer-escalation notes long complaints of important customers", "officer-escalation reads its own facts");
    }

    @Test
    void a_rule_written_in_every_sentence_of_the_shipped_language_loads() throws IOException {
        ShippedRulesCopy.into(rules);
        Files.copy(FIXTURES.resolve("officer-sentences.dslr"), rules.resolve("standards/officer-sentences.dslr"));
        RuleSet loaded = new RuleSetLoader().load(rules);
        assertThat(loaded.rulesByPackage().get("standards")).contains("officer-sentences uses every sentence of the language",
                "officer-sentences knows the other sentences too");
    }

    @Test
    void a_refusal_in_a_sentence_file_points_at_the_sentence_the_officer_wrote() {
        String dslr = "package standards;\n\nimport org.servicestandards.interaction.*;\n\nrule \"x\"\nwhen\n    there is a record\n"
                + "    - with a twist\nthen\n    leak\nend\n";
        String dsl = "[when]there is a record=$i : Interaction()\n[when]- with a twist=id != null\n"
                + "[then]leak=System.exit(1);\n";
        List<RuleProblem> problems = new ArrayList<>();
        RuleSources.read(Map.of("standards/x.dslr", dslr.getBytes(), "standards/x.dsl", dsl.getBytes()), problems);
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("standards/x.dslr");
            assertThat(problem.line()).isEqualTo(10);
            assertThat(problem.column()).isEqualTo(5);
            assertThat(problem.message()).startsWith("java.lang.System is not in the vocabulary");
        });
    }
}
