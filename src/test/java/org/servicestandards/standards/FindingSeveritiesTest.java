package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.servicestandards.testing.RecordBuilder.record;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * A finding's severity has one place an officer edits: standards.csv for a standard whose
 * findings all have one severity. Each edit is made to a copy of the shipped rules, with the
 * example cases that name the severity changed alike, as an officer would.
 */
class FindingSeveritiesTest {

    private static final String AS_OF = "2026-11-18T15:00:00Z";

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() {
        ShippedRulesCopy.into(rules);
    }

    /** Replaces text in a file of the copy, failing when the text is not there (an edit that changed nothing). */
    private void edit(String file, String from, String to) {
        Path path = rules.resolve(file);
        String text = RuleEdits.read(path);
        assertThat(text).as(file).contains(from);
        RuleEdits.write(path, text.replace(from, to));
    }

    /** Declares another severity for a standard in standards.csv, and changes its example case that names it alike. */
    private void redeclare(String standard, String scope, String from, String to) {
        edit("standards.csv", standard + "," + scope + "," + from + ",", standard + "," + scope + "," + to + ",");
        expectInExample(standard, from, to);
    }

    private void expectInExample(String standard, String from, String to) {
        edit("examples/" + standard + ".yaml", standard + ": FAIL " + from, standard + ": FAIL " + to);
    }

    private RuleSet loaded;

    /** One standard's outcome for the record, by the edited copy (loaded at the first judging). */
    private StandardOutcome judge(String standard, RecordBuilder record) {
        if (loaded == null) {
            loaded = new RuleSetLoader().load(rules);
        }
        return new Engine().evaluate(loaded, record.build(), Instant.parse(AS_OF)).outcome(standard);
    }

    @Test
    void the_severity_standards_csv_declares_is_the_severity_of_the_findings() {
        redeclare("complaint-owner", "INTERACTION", "MAJOR", "MINOR");
        redeclare("first-response", "INTERACTION", "MAJOR", "CRITICAL");

        StandardOutcome unowned = judge("complaint-owner", record().complaint(null, null));
        assertThat(unowned.severity()).isEqualTo(Severity.MINOR);
        assertThat(unowned.findings()).extracting(Finding::severity).containsExactly(Severity.MINOR);
        StandardOutcome late = judge("first-response", record().channel(Channel.PHONE).firstResponseAt("2026-11-16T10:04:00Z"));
        assertThat(late.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(late.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void a_severity_changed_in_standards_csv_alone_is_refused_by_the_example_cases_that_name_it() {
        edit("standards.csv", "complaint-owner,INTERACTION,MAJOR,", "complaint-owner,INTERACTION,MINOR,");

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));
        assertThat(refused.problems()).extracting(RuleProblem::toString).singleElement().asString()
                .startsWith("examples/complaint-owner.yaml:16: record co-nobody, complaint-owner: expected FAIL MAJOR, got FAIL MINOR");
    }

    @Test
    void a_history_standards_findings_have_the_severity_standards_csv_declares() {
        redeclare("strategic-visit", "HISTORY", "MINOR", "MAJOR");

        RuleSet loaded = new RuleSetLoader().load(rules);
        Instant asOf = Instant.parse("2026-11-20T12:00:00Z");
        List<HistoryOutcome> outcomes = new HistoryEngine().judge(loaded, new CustomerHistory("c-1", "Customer", null,
                Map.of(Instant.parse("2026-01-01T00:00:00Z"), Tier.STRATEGIC), asOf), List.of());
        assertThat(outcomes).filteredOn(o -> o.standard().equals("strategic-visit")).singleElement().satisfies(visit -> {
            assertThat(visit.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(visit.severity()).isEqualTo(Severity.MAJOR);
            assertThat(visit.findings()).extracting(Finding::severity).containsExactly(Severity.MAJOR);
        });
    }
}
