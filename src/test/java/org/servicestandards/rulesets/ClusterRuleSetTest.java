package org.servicestandards.rulesets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcRuleSetArchive;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;
import org.servicestandards.testing.TestDatabases;

/**
 * Two nodes, each with its own copy of {@code rules/}, on one store: the store decides which rule
 * set serves, a node's old copy never takes the cluster back, and going back is a rollback.
 */
class ClusterRuleSetTest {

    @TempDir
    Path data;
    @TempDir
    Path rulesA;
    @TempDir
    Path rulesB;

    private Database database;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        database = TestDatabases.open(data);
        ShippedRulesCopy.into(rulesA);
        ShippedRulesCopy.into(rulesB);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private RuleSets node(Path rules, String name) {
        return RuleSets.load(rules, clock, new JdbcRuleSetArchive(database), name, org.servicestandards.standards.load.RuleBaseCache.NONE);
    }

    @Test
    void a_rule_set_loaded_on_one_node_is_served_by_the_other_once_it_follows() {
        RuleSets a = node(rulesA, "a");
        RuleSets b = node(rulesB, "b");
        String shipped = a.current().version();
        assertThat(b.current().version()).isEqualTo(shipped);

        RuleEdits.setStandardPhoneTarget(rulesA, "PT4M");
        LoadResult reload = a.reload(LoadTrigger.REQUEST);
        assertThat(reload.ok()).isTrue();
        String edited = a.current().version();
        assertThat(edited).isNotEqualTo(shipped);
        assertThat(a.clusterServing().orElseThrow().version()).isEqualTo(edited);

        assertThat(b.follow()).hasValueSatisfying(load -> {
            assertThat(load.trigger()).isEqualTo(LoadTrigger.CLUSTER);
            assertThat(load.version()).isEqualTo(edited);
        });
        assertThat(b.current().version()).isEqualTo(edited);
        assertThat(b.follow()).as("nothing more to do").isEmpty();
        // B's own directory still holds the shipped rules, and the store shows it.
        assertThat(b.nodes()).extracting(RuleSetArchive.NodeServing::node, RuleSetArchive.NodeServing::version,
                RuleSetArchive.NodeServing::directoryVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", edited, edited),
                        org.assertj.core.groups.Tuple.tuple("b", edited, shipped));
    }

    @Test
    void a_node_started_with_an_old_copy_serves_the_clusters_version_and_its_directory_never_takes_the_cluster_back() {
        RuleSets a = node(rulesA, "a");
        String shipped = a.current().version();
        RuleEdits.setStandardPhoneTarget(rulesA, "PT4M");
        String edited = a.reload(LoadTrigger.REQUEST).version();

        // B starts with the shipped copy, a version that has served before.
        RuleSets b = node(rulesB, "b");
        assertThat(b.current().version()).isEqualTo(edited);
        assertThat(b.directoryVersion()).isEqualTo(shipped);
        assertThat(b.lastLoad().ok()).isFalse();
        assertThat(b.lastLoad().problems().get(0).toString()).contains("has served before").contains("rollback");
        assertThat(a.clusterServing().orElseThrow().version()).isEqualTo(edited);

        // Reloading B's directory on request is refused the same way.
        LoadResult again = b.reload(LoadTrigger.REQUEST);
        assertThat(again.ok()).isFalse();
        assertThat(b.current().version()).isEqualTo(edited);
        assertThat(a.clusterServing().orElseThrow().version()).isEqualTo(edited);

        // A new edit of B's directory is a new version: it goes live everywhere.
        RuleEdits.setStandardPhoneTarget(rulesB, "PT5M");
        LoadResult newer = b.reload(LoadTrigger.WATCH);
        assertThat(newer.ok()).isTrue();
        assertThat(a.follow()).hasValueSatisfying(load -> assertThat(load.version()).isEqualTo(newer.version()));
    }

    @Test
    void going_back_is_an_explicit_rollback_that_every_node_follows() {
        RuleSets a = node(rulesA, "a");
        RuleSets b = node(rulesB, "b");
        String shipped = a.current().version();
        RuleEdits.setStandardPhoneTarget(rulesA, "PT4M");
        a.reload(LoadTrigger.REQUEST);
        b.follow();

        assertThat(b.rollback("sha256:never-served", "officer")).isEmpty();
        LoadResult back = b.rollback(shipped, "officer").orElseThrow();
        assertThat(back.ok()).isTrue();
        assertThat(back.trigger()).isEqualTo(LoadTrigger.ROLLBACK);
        assertThat(b.current().version()).isEqualTo(shipped);
        RuleSetArchive.Serving serving = a.clusterServing().orElseThrow();
        assertThat(serving.version()).isEqualTo(shipped);
        assertThat(serving.publishedBy()).isEqualTo("officer");
        assertThat(serving.trigger()).isEqualTo("ROLLBACK");
        assertThat(a.follow()).hasValueSatisfying(load -> assertThat(load.version()).isEqualTo(shipped));
        // A's directory, still holding the edit, does not undo the rollback when it is reloaded.
        assertThat(a.reload(LoadTrigger.WATCH).ok()).isFalse();
        assertThat(a.current().version()).isEqualTo(shipped);
    }

    @Test
    void uploaded_files_are_published_when_they_hold_and_refused_with_their_problems_when_not() {
        RuleSets a = node(rulesA, "a");
        RuleSets b = node(rulesB, "b");
        String shipped = a.current().version();
        RuleEdits.setStandardPhoneTarget(rulesB, "PT7M");
        Map<String, byte[]> files = RuleSetLoader.read(rulesB);

        LoadResult published = a.publish(files, "officer");
        assertThat(published.ok()).isTrue();
        assertThat(published.trigger()).isEqualTo(LoadTrigger.PUBLISH);
        assertThat(b.follow()).hasValueSatisfying(load -> assertThat(load.version()).isEqualTo(published.version()));

        RuleEdits.breakComplaintOwnerRules(rulesB);
        LoadResult refused = a.publish(RuleSetLoader.read(rulesB), "officer");
        assertThat(refused.ok()).isFalse();
        assertThat(refused.problems()).isNotEmpty();
        assertThat(a.current().version()).isEqualTo(published.version()).isNotEqualTo(shipped);
        assertThat(a.clusterServing().orElseThrow().version()).isEqualTo(published.version());
    }

    @Test
    void a_node_whose_rules_do_not_compile_starts_on_the_clusters_version() {
        RuleSets a = node(rulesA, "a");
        RuleEdits.breakComplaintOwnerRules(rulesB);

        RuleSets b = node(rulesB, "b");
        assertThat(b.current().version()).isEqualTo(a.current().version());
        assertThat(b.lastLoad().ok()).isFalse();
        assertThat(b.reloadCounts().get(LoadTrigger.START).refused()).isEqualTo(1);
    }
}
