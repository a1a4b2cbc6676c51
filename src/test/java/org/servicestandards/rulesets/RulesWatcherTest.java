package org.servicestandards.rulesets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.rulesets.ReloadCounts;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;

/**
 * The service picks up an officer's edits by itself: good ones replace the rule set, broken ones
 * are refused while the last good set keeps serving, and a burst of writes is one reload.
 * Waits are bounded by Awaitility; nothing asserts how fast a reload is.
 */
class RulesWatcherTest {

    private static final Duration QUICK = Duration.ofMillis(200);
    /** Far above a reload on a busy two-core machine, so only a watcher that never reloads fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path rules;
    RuleSets ruleSets;
    String shipped;

    @BeforeEach
    void load_a_copy_of_the_shipped_rules() {
        ShippedRulesCopy.into(rules);
        ruleSets = RuleSets.load(rules, Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC));
        shipped = ruleSets.current().version();
    }

    @Test
    void an_edited_threshold_is_loaded_without_a_request() {
        try (RulesWatcher watcher = RulesWatcher.start(ruleSets, QUICK)) {
            RuleEdits.setStandardPhoneTarget(rules, "PT4M");
            String edited = RuleEdits.versionOf(rules);

            await().atMost(PATIENCE).until(() -> ruleSets.current().version().equals(edited));
            assertThat(edited).isNotEqualTo(shipped);
            assertThat(ruleSets.lastLoad().trigger()).isEqualTo(LoadTrigger.WATCH);
            assertThat(ruleSets.lastLoad().ok()).isTrue();
            assertThat(ruleSets.reloadCounts().get(LoadTrigger.WATCH)).isEqualTo(new ReloadCounts(1, 0));
        }
    }

    @Test
    void a_broken_edit_is_refused_and_the_last_good_rule_set_keeps_serving_until_it_is_repaired() {
        try (RulesWatcher watcher = RulesWatcher.start(ruleSets, QUICK)) {
            RuleEdits.breakComplaintOwnerRules(rules);

            await().atMost(PATIENCE).until(() -> ruleSets.reloadCounts().get(LoadTrigger.WATCH).refused() == 1);
            LoadResult refusal = ruleSets.lastLoad();
            assertThat(refusal.ok()).isFalse();
            assertThat(refusal.trigger()).isEqualTo(LoadTrigger.WATCH);
            assertThat(refusal.problems()).isNotEmpty()
                    .allSatisfy(problem -> assertThat(problem.file()).isEqualTo(RuleEdits.COMPLAINT_OWNER_RULES));
            assertThat(ruleSets.current().version()).isEqualTo(shipped);

            RuleEdits.repairComplaintOwnerRules(rules);
            RuleEdits.setStandardPhoneTarget(rules, "PT4M");
            String repaired = RuleEdits.versionOf(rules);
            await().atMost(PATIENCE).until(() -> ruleSets.current().version().equals(repaired));
            assertThat(ruleSets.lastLoad().ok()).isTrue();
            assertThat(ruleSets.reloadCounts().get(LoadTrigger.WATCH)).isEqualTo(new ReloadCounts(1, 1));
        }
    }

    @Test
    void a_burst_of_writes_is_loaded_once() {
        try (RulesWatcher watcher = RulesWatcher.start(ruleSets, RulesWatcher.DEFAULT_QUIET_PERIOD)) {
            for (int write = 1; write <= 20; write++) {
                RuleEdits.setStandardPhoneTarget(rules, "PT" + write + "M");
                RuleEdits.breakComplaintOwnerRules(rules);
                RuleEdits.repairComplaintOwnerRules(rules);
            }
            String last = RuleEdits.versionOf(rules);

            await().atMost(PATIENCE).until(() -> ruleSets.current().version().equals(last));
            // Stray events of the burst that arrive late must not load (or refuse) anything more.
            await().during(RulesWatcher.DEFAULT_QUIET_PERIOD.multipliedBy(4)).atMost(PATIENCE)
                    .until(() -> ruleSets.reloadCounts().get(LoadTrigger.WATCH).equals(new ReloadCounts(1, 0)));
        }
    }

    @Test
    void rule_files_in_a_directory_created_after_the_start_are_watched() {
        try (RulesWatcher watcher = RulesWatcher.start(ruleSets, QUICK)) {
            Path extra = rules.resolve("extra/more/never-fires.drl");
            RuleEdits.write(extra, neverFiringRule("extra: a rule that never fires"));
            String added = RuleEdits.versionOf(rules);
            await().atMost(PATIENCE).until(() -> ruleSets.current().version().equals(added));

            RuleEdits.write(extra, neverFiringRule("extra: a rule renamed"));
            String renamed = RuleEdits.versionOf(rules);
            await().atMost(PATIENCE).until(() -> ruleSets.current().version().equals(renamed));
            assertThat(ruleSets.current().rulesByPackage().get("extra")).containsExactly("extra: a rule renamed");
        }
    }

    @Test
    void editor_backups_swap_and_lock_files_trigger_no_reload() {
        try (RulesWatcher watcher = RulesWatcher.start(ruleSets, QUICK)) {
            Path standards = rules.resolve("standards");
            RuleEdits.write(standards.resolve(".complaint-owner.drl.swp"), "not a rule");
            RuleEdits.write(standards.resolve("complaint-owner.drl~"), "not a rule");
            RuleEdits.write(standards.resolve("~$first-response-targets.csv"), "not a table");
            RuleEdits.write(standards.resolve("4913"), "");

            await().during(QUICK.multipliedBy(8)).atMost(PATIENCE)
                    .until(() -> ruleSets.reloadCounts().get(LoadTrigger.WATCH).equals(new ReloadCounts(0, 0)));
            assertThat(ruleSets.current().version()).isEqualTo(shipped);
        }
    }

    @Test
    void once_closed_the_watcher_stops_and_loads_nothing_more() {
        RulesWatcher watcher = RulesWatcher.start(ruleSets, QUICK);
        assertThat(watcher.isRunning()).isTrue();
        watcher.close();
        assertThat(watcher.isRunning()).isFalse();

        RuleEdits.setStandardPhoneTarget(rules, "PT4M");
        await().during(QUICK.multipliedBy(8)).atMost(PATIENCE)
                .until(() -> ruleSets.current().version().equals(shipped));
    }

    private static String neverFiringRule(String name) {
        return """
                package extra;

                import org.servicestandards.interaction.*;

                rule "%s"
                when
                    Interaction( id == "no record has this id" )
                then
                end
                """.formatted(name);
    }
}
