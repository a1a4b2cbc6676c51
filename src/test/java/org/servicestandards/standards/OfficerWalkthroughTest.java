package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.testing.ShippedRulesCopy;

/** The walkthrough of rules/README.md, done as an officer would: a new standard in the rule language of sentences. */
class OfficerWalkthroughTest {

    private static final String DECLARATION = "visit-satisfaction,INTERACTION,MAJOR,Visits to strategic customers leave them"
            + " satisfied,\"«登門拜訪» (seed 003); «Посещение клиентов» (seed 004)\"\n";

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() throws IOException {
        ShippedRulesCopy.into(rules);
        Files.writeString(rules.resolve("standards.csv"), DECLARATION, StandardOpenOption.APPEND);
        Files.copy(Path.of("src/test/resources/walkthrough/visit-satisfaction.dslr"), rules.resolve("standards/visit-satisfaction.dslr"));
        Files.copy(Path.of("src/test/resources/walkthrough/visit-satisfaction.yaml"), rules.resolve("examples/visit-satisfaction.yaml"));
    }

    @Test
    void a_new_standard_written_in_sentences_loads_and_passes_its_example_cases() {
        RuleSet loaded = new RuleSetLoader().load(rules);
        assertThat(loaded.standards()).extracting(StandardDefinition::id).endsWith("visit-satisfaction");
        assertThat(loaded.rulesByPackage().get("standards")).contains(
                "visit-satisfaction finds a major fault when a strategic customer rated a visit below 4");
        assertThat(loaded.exampleCases()).isEqualTo(14);
    }

    @Test
    void a_sentence_the_language_does_not_know_is_reported_at_its_line() throws IOException {
        Path dslr = rules.resolve("standards/visit-satisfaction.dslr");
        Files.writeString(dslr, Files.readString(dslr).replace("    - the satisfaction is below 4", "    - the weather was fine"));
        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(refused.problems()).isNotEmpty();
        assertThat(refused.problems().get(0).file()).isEqualTo("standards/visit-satisfaction.dslr");
        assertThat(refused.problems().get(0).line()).isEqualTo(21);
    }
}
