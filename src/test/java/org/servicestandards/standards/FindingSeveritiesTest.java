package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.servicestandards.testing.RecordBuilder.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.testing.EditedRules;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;

/**
 * A finding's severity has one place an officer edits: standards.csv for a standard whose
 * findings all have one severity, and a table's cell for the findings of courtesy and promise-kept
 * that differ from it. Each edit is made to a copy of the shipped rules, with the example cases
 * that name the severity changed alike, as an officer would.
 */
class FindingSeveritiesTest {

    private static final String AS_OF = "2026-11-18T15:00:00Z";

    @RegisterExtension
    final EditedRules rules = new EditedRules();

    private void edit(String file, String from, String to) {
        rules.replace(file, from, to);
    }

    /** Declares another severity for a standard in standards.csv, and changes its example case that names it alike. */
    private void redeclare(String standard, String scope, String from, String to) {
        edit("standards.csv", standard + "," + scope + "," + from + ",", standard + "," + scope + "," + to + ",");
        expectInExample(standard, from, to);
    }

    private void expectInExample(String standard, String from, String to) {
        edit("examples/" + standard + ".yaml", standard + ": FAIL " + from, standard + ": FAIL " + to);
    }

    private StandardOutcome judge(String standard, RecordBuilder record) {
        return rules.judge(standard, record, AS_OF);
    }

    @Test
    void the_severity_standards_csv_declares_is_the_severity_of_the_findings() {
        redeclare("complaint-owner", "INTERACTION", "MAJOR", "MINOR");
        redeclare("first-response", "INTERACTION", "MAJOR", "CRITICAL");
        // The calendars' example case names first-response's severity too.
        edit("examples/business-calendars.yaml", "first-response: FAIL MAJOR", "first-response: FAIL CRITICAL");

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

        assertThat(rules.refusal().problems()).extracting(RuleProblem::toString).singleElement().asString()
                .startsWith("examples/complaint-owner.yaml:16: record co-nobody, complaint-owner: expected FAIL MAJOR, got FAIL MINOR");
    }

    @Test
    void a_history_standards_findings_have_the_severity_standards_csv_declares() {
        redeclare("strategic-visit", "HISTORY", "MINOR", "MAJOR");

        Instant asOf = Instant.parse("2026-11-20T12:00:00Z");
        List<HistoryOutcome> outcomes = new HistoryEngine().judge(rules.load(), new CustomerHistory("c-1", "Customer", null,
                Map.of(Instant.parse("2026-01-01T00:00:00Z"), Tier.STRATEGIC), asOf), List.of());
        assertThat(outcomes).filteredOn(o -> o.standard().equals("strategic-visit")).singleElement().satisfies(visit -> {
            assertThat(visit.outcome()).isEqualTo(Outcome.FAIL);
            assertThat(visit.severity()).isEqualTo(Severity.MAJOR);
            assertThat(visit.findings()).extracting(Finding::severity).containsExactly(Severity.MAJOR);
        });
    }

    @Test
    void rudeness_has_the_severity_standards_csv_declares_for_courtesy() {
        redeclare("courtesy", "INTERACTION", "CRITICAL", "MAJOR");

        StandardOutcome rude = judge("courtesy", record().courtesy("rudeness", true));
        assertThat(rude.severity()).isEqualTo(Severity.MAJOR);
        assertThat(rude.findings()).extracting(Finding::rule, Finding::severity).containsExactly(
                tuple("courtesy finds a critical fault when rudeness was reported", Severity.MAJOR));
    }

    @Test
    void a_missed_mandatory_item_has_the_severity_of_its_row_in_the_courtesy_items_table() {
        edit("tables/courtesy-items.csv", "\"MAJOR\",\"greeting\"", "\"MINOR\",\"greeting\"");
        edit("tables/courtesy-items.csv", "\"IN_PERSON, VISIT\",\"no\",\"smile\"", "\"IN_PERSON, VISIT\",\"CRITICAL\",\"smile\"");

        StandardOutcome missed = judge("courtesy", record().channel(Channel.IN_PERSON).courtesy(RecordBuilder.allCourteous())
                .courtesy("greeting", false).courtesy("warmFarewell", false).courtesy("smile", false));
        assertThat(missed.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(missed.findings()).filteredOn(f -> f.message().startsWith("mandatory item"))
                .extracting(Finding::severity, Finding::message).containsExactlyInAnyOrder(
                tuple(Severity.CRITICAL, "mandatory item 'smile' was not done"),
                tuple(Severity.MAJOR, "mandatory item 'warmFarewell' was not done"),
                tuple(Severity.MINOR, "mandatory item 'greeting' was not done"));
    }

    @Test
    void a_score_below_the_pass_mark_has_the_severity_of_the_tiers_row_in_the_pass_mark_table() {
        edit("tables/courtesy-pass-mark.csv", "\"VIP\",\"80\",\"MINOR\"", "\"VIP\",\"80\",\"MAJOR\"");

        RecordBuilder lowScore = record().channel(Channel.EMAIL).courtesy("greeting", true).courtesy("warmFarewell", true)
                .courtesy("addressedByName", false).courtesy("explained", false).courtesy("offeredHelp", false);
        assertThat(judge("courtesy", lowScore.tier(Tier.VIP)).findings()).extracting(Finding::severity)
                .containsExactly(Severity.MAJOR);
        assertThat(judge("courtesy", lowScore.tier(Tier.STANDARD)).findings()).extracting(Finding::severity)
                .containsExactly(Severity.MINOR);
    }

    @Test
    void a_late_promise_has_the_declared_severity_or_when_the_customer_was_told_in_time_the_tables() {
        edit("tables/promise-kept-severities.csv", "\"MINOR\"", "\"CRITICAL\"");
        expectInExample("promise-kept", "MINOR", "CRITICAL");
        redeclare("promise-kept", "INTERACTION", "MAJOR", "MINOR");

        StandardOutcome late = judge("promise-kept", record()
                .promise("told", "2026-11-17T12:00:00Z", "2026-11-17T13:00:00Z", "2026-11-17T11:00:00Z")
                .promise("forgotten", "2026-11-17T12:00:00Z", null, null));
        assertThat(late.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(late.findings()).extracting(Finding::severity, Finding::message).containsExactlyInAnyOrder(
                tuple(Severity.CRITICAL, "promise 'told' due 2026-11-17T12:00:00Z is PT1H late; the customer was told of the"
                        + " delay in time"),
                tuple(Severity.MINOR, "promise 'forgotten' due 2026-11-17T12:00:00Z is PT27H late and the customer was not"
                        + " told in time"));
    }

    @Test
    void a_severity_cell_that_names_no_severity_is_refused_at_load_with_its_row() {
        edit("tables/courtesy-pass-mark.csv", "\"VIP\",\"80\",\"MINOR\"", "\"VIP\",\"80\",\"SEVERE\"");

        rules.assertRefusedAt("tables/courtesy-pass-mark.csv", 10, "'SEVERE' is not a severity; use CRITICAL, MAJOR or MINOR");
    }

    @Test
    void a_mandatory_item_marked_yes_is_refused_asking_for_the_severity_of_a_miss() {
        edit("tables/courtesy-items.csv", "\"MAJOR\",\"greeting\"", "\"yes\",\"greeting\"");

        rules.assertRefusedAt("tables/courtesy-items.csv", 9, "'yes' for greeting: a mandatory item names the severity of the"
                + " finding a miss is (CRITICAL, MAJOR or MINOR); an item that is not mandatory says no");
    }

    @Test
    void no_shipped_rule_writes_a_severity_of_its_own() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            List<Path> rulesFiles = files.filter(f -> f.toString().matches(".*\\.(drl|dslr|dsl)$")).toList();
            assertThat(rulesFiles).isNotEmpty();
            for (Path file : rulesFiles) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("Severity.");
            }
        }
    }
}
