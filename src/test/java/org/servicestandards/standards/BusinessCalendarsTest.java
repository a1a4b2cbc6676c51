package org.servicestandards.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.servicestandards.testing.RecordBuilder.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.ShippedRules;
import org.servicestandards.testing.ShippedRulesCopy;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/**
 * Several business calendars: calendars/NAME.yaml beside calendar.yaml, and the calendar table
 * (tables/business-calendars.csv) that says which one each record's business hours count in.
 * 2026-11-16 is a Monday.
 */
class BusinessCalendarsTest {

    private static final Instant AS_OF = Instant.parse("2026-11-18T15:00:00Z");

    @TempDir
    Path rules;

    @BeforeEach
    void copyShippedRules() {
        ShippedRulesCopy.into(rules);
    }

    private static RecordBuilder vipEmail(String id, String team) {
        return record().id(id).tier(Tier.VIP).channel(Channel.EMAIL).team(team)
                .openedAt("2026-11-16T09:00:00Z").firstResponseAt("2026-11-16T11:30:00Z");
    }

    private static StandardOutcome firstResponse(Verdict verdict) {
        return verdict.outcomes().stream().filter(o -> o.standard().equals("first-response")).findFirst().orElseThrow();
    }

    @Test
    void two_teams_in_different_zones_are_judged_on_the_same_instants_by_their_own_hours() {
        RuleSet shipped = ShippedRules.rules();
        assertThat(shipped.calendars().names()).containsExactly("default", "moscow", "taipei");
        List<Interaction> records = List.of(vipEmail("utc", "support").build(), vipEmail("taipei", "taipei-desk").build());

        // One session for both, as a batch is judged: each record keeps its own calendar.
        List<Verdict> verdicts = new Engine().evaluate(shipped, records, AS_OF);

        StandardOutcome utc = firstResponse(verdicts.get(0));
        StandardOutcome taipei = firstResponse(verdicts.get(1));
        assertThat(utc.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(utc.findings().get(0).message())
                .isEqualTo("first answer after PT2H30M (business hours of calendar default), target PT2H");
        assertThat(taipei.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void the_evidence_of_a_late_answer_names_the_calendar_it_was_counted_in() {
        // Opened Monday 01:00 UTC (09:00 in Taipei), answered 04:00 UTC: three Taipei hours.
        Interaction late = record().id("late").tier(Tier.VIP).channel(Channel.EMAIL).team("taipei-desk")
                .openedAt("2026-11-16T01:00:00Z").firstResponseAt("2026-11-16T04:00:00Z").build();

        StandardOutcome outcome = firstResponse(new Engine().evaluate(ShippedRules.rules(), late, AS_OF));

        assertThat(outcome.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(outcome.findings().get(0).message())
                .isEqualTo("first answer after PT3H (business hours of calendar taipei), target PT2H");
    }

    @Test
    void a_record_of_a_region_is_counted_in_its_calendar_and_the_first_matching_row_holds() throws IOException {
        // A row above the others sends the taipei-desk team's e-mails to Moscow: the first row that
        // matches holds. (The shipped example of the Taipei desk no longer holds then.)
        Files.delete(rules.resolve("examples/business-calendars.yaml"));
        Path table = rules.resolve("tables/business-calendars.csv");
        Files.writeString(table, Files.readString(table).replace("\"taipei-desk\",\"\",\"\",\"\",\"taipei\"",
                "\"taipei-desk\",\"EMAIL\",\"\",\"\",\"moscow\"\n\"taipei-desk\",\"\",\"\",\"\",\"taipei\""));
        RuleSet changed = new RuleSetLoader().load(rules);
        Interaction apac = vipEmail("apac", "support").attribute("region", "APAC").build();
        Interaction desk = vipEmail("desk", "taipei-desk").build();

        List<Verdict> verdicts = new Engine().evaluate(changed, List.of(apac, desk), AS_OF);

        assertThat(firstResponse(verdicts.get(0)).outcome()).isEqualTo(Outcome.PASS);
        // Monday 12:00 to 14:30 in Moscow: 2 h 30 min of its hours.
        assertThat(firstResponse(verdicts.get(1)).findings().get(0).message())
                .isEqualTo("first answer after PT2H30M (business hours of calendar moscow), target PT2H");
    }

    @Test
    void validate_refuses_a_row_that_names_a_calendar_that_does_not_exist() throws IOException {
        Path table = rules.resolve("tables/business-calendars.csv");
        Files.writeString(table, Files.readString(table).replace("\"moscow-desk\",\"\",\"\",\"\",\"moscow\"",
                "\"moscow-desk\",\"\",\"\",\"\",\"tokyo\""));

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));

        assertThat(refused.problems()).extracting(RuleProblem::toString).containsExactly(
                "tables/business-calendars.csv:12:5: there is no calendar 'tokyo': the rule set has [default, moscow, taipei]"
                        + " (calendar.yaml is 'default', calendars/NAME.yaml is NAME)");
    }

    @Test
    void a_calendar_file_that_does_not_read_or_is_misnamed_is_refused_with_its_path() throws IOException {
        Files.writeString(rules.resolve("calendars/taipei.yaml"), "zone: Asia/Nowhere\nweek:\n  MONDAY: \"09:00-18:00\"\n");
        Files.writeString(rules.resolve("calendars/Default.yaml"), "zone: UTC\nweek:\n  MONDAY: \"09:00-18:00\"\n");

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));

        assertThat(refused.problems()).extracting(RuleProblem::file).containsExactlyInAnyOrder("calendars/taipei.yaml", "calendars/Default.yaml");
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p.message()).contains("Asia/Nowhere"));
    }

    @Test
    void only_the_calendar_table_may_choose_a_records_calendar() throws IOException {
        Path rule = rules.resolve("standards/first-response.drl");
        Files.writeString(rule, Files.readString(rule).replaceFirst("then\n", "then\n    judging.countIn(\\$i, \"taipei\");\n"));

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));

        // The call is on the line after the first rule's "then" (line 15), where countIn starts.
        assertThat(refused.problems()).extracting(RuleProblem::toString).contains(
                "standards/first-response.drl:16:13: only rules of package calendars (the calendar table) may choose a record's calendar:"
                        + " they fire before any rule measures time");
    }

    @Test
    void a_calendar_table_outside_its_agenda_group_is_refused_since_it_would_not_fire_first() throws IOException {
        Path table = rules.resolve("tables/business-calendars.csv");
        Files.writeString(table, Files.readString(table).replace("\"AGENDA-GROUP\",\"calendars\"\n", ""));

        RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> new RuleSetLoader().load(rules));

        assertThat(refused.problems()).extracting(RuleProblem::toString).containsExactly("tables/business-calendars.csv: the rules"
                + " of package calendars fire first only in the agenda group of that name: add the row \"AGENDA-GROUP\",\"calendars\""
                + " under \"RuleSet\",\"calendars\"");
    }
}
