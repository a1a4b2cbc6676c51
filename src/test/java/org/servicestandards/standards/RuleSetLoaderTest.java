package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.testing.ShippedRulesCopy;

/** A broken rule file is a tested case: every problem comes back located for the officer. */
class RuleSetLoaderTest {

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() {
        ShippedRulesCopy.into(rules);
    }

    private RuleSetException refused() {
        return catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
    }

    @Test
    void the_shipped_rules_load_with_six_standards_and_a_stable_version() {
        RuleSet first = new RuleSetLoader().load(rules);
        RuleSet again = new RuleSetLoader().load(Path.of("rules"));
        assertThat(first.standards()).hasSize(6);
        assertThat(first.version()).isEqualTo(again.version()).startsWith("sha256:");
        assertThat(first.rulesByPackage().get("standards")).contains("first-response fails when the first answer came later than the target");
        assertThat(first.files()).containsKeys("standards.csv", "calendar.yaml", "standards/courtesy.drl", "tables/courtesy-items.csv");
    }

    @Test
    void any_change_to_a_file_changes_the_version() throws IOException {
        String before = new RuleSetLoader().load(rules).version();
        Path table = rules.resolve("tables/first-response-targets.csv");
        Files.writeString(table, Files.readString(table).replace("\"VIP\",\"EMAIL\",\"BUSINESS_HOURS\",\"no\",\"PT2H\"",
                "\"VIP\",\"EMAIL\",\"BUSINESS_HOURS\",\"no\",\"PT90M\""));
        assertThat(new RuleSetLoader().load(rules).version()).isNotEqualTo(before);
    }

    @Test
    void a_drl_syntax_error_is_reported_with_its_file_and_line() throws IOException {
        Path drl = rules.resolve("standards/complaint-owner.drl");
        Files.writeString(drl, Files.readString(drl).replace("$i : Interaction( type == InteractionType.COMPLAINT )\nthen",
                "$i : Interaction( type == InteractionType.COMPLAINT\nthen"));
        RuleSetException refused = refused();
        assertThat(refused.problems()).isNotEmpty();
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("standards/complaint-owner.drl"));
        assertThat(refused.problems().get(0).line()).isBetween(10, 16);
        assertThat(refused.problems().get(0).toString()).startsWith("standards/complaint-owner.drl:");
    }

    @Test
    void a_bad_cell_in_a_decision_table_is_reported_with_its_table_row() throws IOException {
        Path table = rules.resolve("tables/first-response-targets.csv");
        Files.writeString(table, Files.readString(table).replace("\"VIP\",\"PHONE\"", "\"VIP\",\"FAX\""));
        RuleSetException refused = refused();
        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("tables/first-response-targets.csv");
            assertThat(p.line()).isEqualTo(14);
        });
    }

    @Test
    void a_standard_without_a_principle_or_with_an_unknown_severity_is_refused() throws IOException {
        Path standards = rules.resolve("standards.csv");
        Files.writeString(standards, Files.readString(standards)
                .replace("courtesy,INTERACTION,MAJOR", "courtesy,INTERACTION,SEVERE")
                .replaceAll("(?m)^(complaint-owner,INTERACTION,MAJOR,Every complaint has an owner,).*$", "$1"));
        assertThat(refused().problems()).extracting(RuleProblem::toString).containsExactlyInAnyOrder(
                "standards.csv:3: standard 'complaint-owner' names no source principle",
                "standards.csv:7: severity 'SEVERE' must be one of [CRITICAL, MAJOR, MINOR]");
    }

    @Test
    void a_missing_standards_file_and_a_bad_calendar_are_both_reported() throws IOException {
        Files.delete(rules.resolve("standards.csv"));
        Files.writeString(rules.resolve("calendar.yaml"), "zone: Mars/Olympus\n");
        assertThat(refused().problems()).extracting(RuleProblem::file).containsExactlyInAnyOrder("standards.csv", "calendar.yaml");
    }

    @Test
    void editor_backups_hidden_files_and_examples_are_not_part_of_the_rule_set() throws IOException {
        String before = new RuleSetLoader().load(rules).version();
        Files.writeString(rules.resolve("standards/.courtesy.drl.swp"), "garbage");
        Files.writeString(rules.resolve("standards/courtesy.drl~"), "garbage");
        Files.createDirectories(rules.resolve("examples"));
        Files.writeString(rules.resolve("examples/case.csv"), "garbage");
        assertThat(new RuleSetLoader().load(rules).version()).isEqualTo(before);
    }

    @Test
    void a_table_cell_that_compiles_but_cannot_run_is_refused_at_load_with_its_row() throws IOException {
        Path table = rules.resolve("tables/complaint-resolution-targets.csv");
        Files.writeString(table, Files.readString(table).replace("\"P3D\"", "\"three days\""));
        RuleSetException refused = refused();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tables/complaint-resolution-targets.csv");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("'three days' is not an ISO-8601 duration");
        });
    }

    @Test
    void a_rule_that_throws_while_judging_is_refused_at_load_with_its_line() throws IOException {
        Path drl = rules.resolve("standards/complaint-owner.drl");
        Files.writeString(drl, Files.readString(drl).replace("insert( new Applicable($i, \"complaint-owner\") );",
                "insert( new Applicable($i, \"complaint-owner\") ); if (true) { throw new IllegalStateException(\"broken on purpose\"); }"));
        RuleSetException refused = refused();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("standards/complaint-owner.drl");
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("complaint-owner applies to complaints", "broken on purpose");
        });
    }
}
