package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRulesCopy;

/** A rule set that never settles fails its evaluation after a bounded number of firings instead of hanging. */
class RunawayRulesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/runaway-rules");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path rules;

    private void add(String fixture) throws IOException {
        ShippedRulesCopy.into(rules);
        Files.copy(FIXTURES.resolve(fixture), rules.resolve("standards/" + fixture));
    }

    @Test
    void a_rule_that_inserts_forever_is_refused_at_load_naming_its_file_and_line() throws IOException {
        add("inserts-forever.drl");
        RuleSetException refused = assertTimeoutPreemptively(PATIENCE,
                () -> catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules)));
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("standards/inserts-forever.drl");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).contains("complaint-owner runaway inserts what makes it fire again", "never settled");
        });
    }

    @Test
    void a_record_on_which_the_rules_loop_fails_its_evaluation_with_the_rule_named() throws IOException {
        add("inserts-forever-on-a-flag.drl");
        RuleSet loaded = new RuleSetLoader().load(rules);
        var looping = RecordBuilder.record().id("loops").type(InteractionType.COMPLAINT).attribute("loop", true).build();
        JudgingException failed = assertTimeoutPreemptively(PATIENCE, () -> catchThrowableOfType(JudgingException.class,
                () -> new Engine().evaluate(loaded, looping, Instant.parse("2026-11-20T12:00:00Z"))));
        assertThat(failed.rule()).isEqualTo("complaint-owner runaway loops on records flagged to loop");
        assertThat(failed.getMessage()).contains("fired more than " + FiringLimit.of(1) + " times");
    }

    @Test
    void the_bound_grows_with_the_facts_judged() {
        assertThat(FiringLimit.of(0)).isEqualTo(FiringLimit.AT_LEAST);
        assertThat(FiringLimit.of(1_000)).isEqualTo(FiringLimit.AT_LEAST + 1_000 * FiringLimit.PER_FACT);
        assertThat(FiringLimit.of(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }
}
