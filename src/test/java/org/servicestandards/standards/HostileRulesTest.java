package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.testing.HostileRules;
import org.servicestandards.testing.ShippedRulesCopy;

/**
 * Rules reach only the vocabulary: every hostile candidate added to the rules directory is refused
 * at its file, line and column before anything of it runs; its proof file is never made.
 */
class HostileRulesTest {

    static List<String> candidates() {
        return HostileRules.candidates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("candidates")
    void a_hostile_candidate_in_the_rules_directory_is_refused_where_it_is_written_and_nothing_of_it_runs(String candidate,
            @TempDir Path rules, @TempDir Path sandbox) throws IOException {
        ShippedRulesCopy.into(rules);
        Path proof = sandbox.resolve("proof");
        String path = HostileRules.install(rules, candidate, proof);

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));

        assertThat(refused).as("refused").isNotNull();
        assertThat(Files.exists(proof)).as("the proof file").isFalse();
        assertThat(refused.problems()).as(refused.getMessage()).anySatisfy(problem -> {
            assertThat(problem.file()).isIn(path, path.replace(".dslr", ".dsl"));
            assertThat(problem.line()).isPositive();
            assertThat(problem.column()).isPositive();
            assertThat(problem.toString()).startsWith(problem.file() + ":" + problem.line() + ":" + problem.column() + ": ");
        });
    }
}
