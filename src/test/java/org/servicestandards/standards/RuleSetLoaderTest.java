package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.standards.load.RuleSetLoader;
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
    void the_shipped_rules_load_with_twelve_standards_and_a_stable_version() {
        RuleSet first = new RuleSetLoader().load(rules);
        RuleSet again = new RuleSetLoader().load(Path.of("rules"));
        assertThat(first.standards()).hasSize(12);
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
        Path drl = rules.resolve("standards/update-frequency.drl");
        Files.writeString(drl, Files.readString(drl).replace("$t : Target( standard == \"update-frequency\", $i : interaction )\nthen",
                "$t : Target( standard == \"update-frequency\", $i : interaction\nthen"));
        RuleSetException refused = refused();
        assertThat(refused.problems()).isNotEmpty();
        assertThat(refused.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("standards/update-frequency.drl"));
        assertThat(refused.problems().get(0).line()).isBetween(10, 16);
        assertThat(refused.problems().get(0).toString()).startsWith("standards/update-frequency.drl:");
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
                .replace("courtesy,INTERACTION,CRITICAL", "courtesy,INTERACTION,SEVERE")
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
        Path drl = rules.resolve("standards/update-frequency.drl");
        Files.writeString(drl, Files.readString(drl).replace("insert( new Applicable($i, \"update-frequency\") );",
                "insert( new Applicable($i, \"update-frequency\") ); Integer.parseInt(\"broken on purpose\");"));
        RuleSetException refused = refused();
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("standards/update-frequency.drl");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("update-frequency applies to cases with an update target", "broken on purpose");
        });
    }

    @Test
    void rules_may_not_reach_outside_the_domain_model() throws IOException {
        Path drl = rules.resolve("standards/update-frequency.drl");
        Files.writeString(drl, Files.readString(drl)
                .replace("import org.servicestandards.standards.facts.*;", "import org.servicestandards.standards.facts.*;\nimport java.io.File;")
                .replace("insert( new Applicable($i, \"update-frequency\") );", "insert( new Applicable($i, \"update-frequency\") ); System.exit(1);"));
        assertThat(refused().problems()).extracting(RuleProblem::toString).containsExactlyInAnyOrder(
                "standards/update-frequency.drl:7:1: import java.io.File: java.io.File is not in the vocabulary; rules may import "
                        + "the vocabulary (org.servicestandards.interaction, .standards.facts, .verdict, .calendar), java.time, String,"
                        + " Math, the boxed numbers, BigDecimal and the java.util collections (see rules/README.md)",
                "standards/update-frequency.drl:15:55: java.lang.System is not in the vocabulary; rules may use the vocabulary"
                        + " (org.servicestandards.interaction, .standards.facts, .verdict, .calendar), java.time, String, Math,"
                        + " the boxed numbers, BigDecimal and the java.util collections (see rules/README.md)");
    }

    @Test
    void words_inside_strings_and_comments_are_not_mistaken_for_code() throws IOException {
        Path drl = rules.resolve("standards/complaint-owner.dslr");
        Files.writeString(drl, Files.readString(drl).replace("(complaint.ownerId is missing or blank)",
                "(System.exit and java.io.File are only words here)") + "\n// a comment may say Runtime.getRuntime()\n");
        assertThat(new RuleSetLoader().load(rules).standards()).hasSize(12);
    }

    @Test
    void an_example_case_that_does_not_come_out_as_expected_refuses_the_rule_set() throws IOException {
        Path table = rules.resolve("tables/first-response-targets.csv");
        Files.writeString(table, Files.readString(table).replace("\"VIP\",\"PHONE\",\"ELAPSED\",\"no\",\"PT1M\"",
                "\"VIP\",\"PHONE\",\"ELAPSED\",\"no\",\"PT30S\""));
        assertThat(refused().problems()).extracting(RuleProblem::toString).containsExactly(
                "examples/first-response.yaml:17: record fr-vip-call-answered-in-a-minute, first-response: expected PASS, got FAIL MAJOR"
                        + " (first-response fails when the first answer came later than the target: first answer after PT1M"
                        + " (elapsed time), target PT30S)");
    }

    @Test
    void the_shipped_example_cases_run_on_every_load() {
        RuleSet loaded = new RuleSetLoader().load(rules);
        assertThat(loaded.exampleCases()).isEqualTo(13);
        assertThat(loaded.exampleExpectations()).isGreaterThanOrEqualTo(46);
    }

    @Test
    void a_history_period_changed_so_an_example_no_longer_holds_refuses_the_rule_set_naming_the_customer() throws IOException {
        Path table = rules.resolve("tables/history-periods.csv");
        Files.writeString(table, Files.readString(table).replace("\"contact-frequency\",\"STRATEGIC, VIP\",\"P30D\"",
                "\"contact-frequency\",\"STRATEGIC, VIP\",\"P5D\""));
        assertThat(refused().problems()).extracting(RuleProblem::toString).containsExactly(
                "examples/contact-frequency.yaml:19: customer cf-called-last-week, contact-frequency: expected PASS, got FAIL MAJOR"
                        + " (contact-frequency fails when the customer went longer than the period without an outbound call or visit:"
                        + " VIP customer cf-called-last-week: the last outbound call or visit was cf-call-1 on 2026-11-13T10:00:00Z,"
                        + " P7DT2H before 2026-11-20T12:00:00Z; the standard asks for one every P5D (due since 2026-11-18T10:00:00Z))",
                "examples/contact-frequency.yaml:23: customer cf-new-vip, contact-frequency: expected PASS, got FAIL MAJOR"
                        + " (contact-frequency fails when the customer went longer than the period without an outbound call or visit:"
                        + " VIP customer cf-new-vip: no outbound call or visit since 2026-11-11T00:00:00Z, when the customer became VIP,"
                        + " P9DT12H before 2026-11-20T12:00:00Z; the standard asks for one every P5D (due since 2026-11-16T00:00:00Z))");
    }

    @Test
    void a_customer_of_an_example_case_with_an_unreadable_tier_is_refused_at_its_line() throws IOException {
        Path example = rules.resolve("examples/contact-frequency.yaml");
        Files.writeString(example, Files.readString(example)
                .replace("cf-standard: { tiers: { \"2025-06-01T00:00:00Z\": STANDARD } }",
                        "cf-standard: { tiers: { \"last june\": GOLD } }"));
        assertThat(refused().problems()).extracting(RuleProblem::toString).containsExactly(
                "examples/contact-frequency.yaml:8: customer cf-standard: malformed instant 'last june';"
                        + " expected ISO-8601 with an offset, e.g. 2026-11-24T09:30:00Z",
                "examples/contact-frequency.yaml:8: customer cf-standard: 'GOLD' is not a tier; use STRATEGIC, VIP or STANDARD");
    }

    @Test
    void a_bad_tier_in_the_history_periods_table_is_refused_at_its_row() throws IOException {
        Path table = rules.resolve("tables/history-periods.csv");
        Files.writeString(table, Files.readString(table).replace("\"strategic-visit\",\"STRATEGIC\"", "\"strategic-visit\",\"STRATEGC\""));
        assertThat(refused().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("tables/history-periods.csv");
            assertThat(p.message()).contains("'STRATEGC' is not a tier");
        });
    }

    @Test
    void a_decision_table_kept_as_a_spreadsheet_judges_like_its_csv() throws Exception {
        Path csv = rules.resolve("tables/first-response-targets.csv");
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = new CsvMapper().readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv.toFile())) {
            it.forEachRemaining(rows::add);
        }
        String before = new RuleSetLoader().load(rules).rulesByPackage().get("tables").toString();
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(rules.resolve("tables/first-response-targets.xlsx"))) {
            XSSFSheet sheet = book.createSheet("first-response");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            // The object-type cell spans both CONDITION columns, as officers merge it in a spreadsheet.
            int patternRow = 5;
            sheet.getRow(patternRow).getCell(0).setCellValue("$i : Interaction");
            sheet.getRow(patternRow).getCell(1).setCellValue("");
            sheet.addMergedRegion(new CellRangeAddress(patternRow, patternRow, 0, 1));
            book.write(out);
        }
        Files.delete(csv);
        RuleSet fromSpreadsheet = new RuleSetLoader().load(rules);
        assertThat(fromSpreadsheet.rulesByPackage().get("tables").toString()).isEqualTo(before);
        assertThat(fromSpreadsheet.exampleCases()).isEqualTo(13);
    }
}
