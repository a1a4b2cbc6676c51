package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.verdict.Verdict;

class EngineTest {

    private static final Instant AS_OF = Instant.parse("2026-11-20T15:00:00Z");
    private static RuleSet rules;

    @BeforeAll
    static void load() {
        rules = new RuleSetLoader().load(Path.of("rules"));
    }

    @Test
    void records_judged_together_get_the_same_verdicts_as_judged_alone() {
        Interaction late = record().id("a").firstResponseAt("2026-11-16T10:05:00Z").build();
        Interaction complaint = record().id("b").complaint(null, null).build();
        List<Verdict> together = new Engine().evaluate(rules, List.of(late, complaint), AS_OF);
        assertThat(together).containsExactly(new Engine().evaluate(rules, late, AS_OF), new Engine().evaluate(rules, complaint, AS_OF));
    }

    @Test
    void the_same_record_twice_in_one_batch_gets_the_same_verdict_twice() {
        Interaction first = record().id("a").complaint("owner", null).firstResponseAt("2026-11-16T10:01:00Z").build();
        Interaction again = record().id("a").complaint("owner", null).firstResponseAt("2026-11-16T10:01:00Z").build();
        List<Verdict> verdicts = new Engine().evaluate(rules, List.of(first, again), AS_OF);
        assertThat(verdicts.get(1)).isEqualTo(verdicts.get(0));
        assertThat(verdicts.get(0).outcome("complaint-owner").outcome().name()).isEqualTo("PASS");
    }

    @Test
    void an_empty_batch_gives_no_verdicts() {
        assertThat(new Engine().evaluate(rules, List.of(), AS_OF)).isEmpty();
    }
}
