package org.servicestandards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcRuleSetArchive;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;

/** {@code publish}: a build pipeline makes a rules directory the version every node serves. */
class PublishCommandTest {

    @Test
    void a_published_directory_serves_every_node_and_a_node_started_with_another_copy_does_not_undo_it(
            @TempDir Path data, @TempDir Path merged, @TempDir Path deployed) {
        ShippedRulesCopy.into(merged);
        ShippedRulesCopy.into(deployed);
        RuleEdits.setStandardPhoneTarget(merged, "PT5M");
        String version = RuleEdits.versionOf(merged);

        KeysCommandTest.Run published = KeysCommandTest.run("publish", "--rules", merged.toString(), "--data", data.toString(),
                "--as", "ci pipeline");
        assertThat(published.exit()).as(published.err()).isZero();
        assertThat(published.out()).contains(version);

        try (Database database = Database.sqlite(data)) {
            JdbcRuleSetArchive archive = new JdbcRuleSetArchive(database);
            assertThat(archive.serving().orElseThrow().version()).isEqualTo(version);
            assertThat(archive.serving().orElseThrow().publishedBy()).isEqualTo("ci pipeline");
            // A node deployed with the shipped copy serves what was published, and says its directory differs.
            RuleSets node = RuleSets.load(deployed, Clock.systemUTC(), archive, "node-1",
                    org.servicestandards.standards.load.RuleBaseCache.NONE);
            assertThat(node.current().version()).isEqualTo(version);
            assertThat(node.directoryVersion()).isNotEqualTo(version);
            assertThat(archive.serving().orElseThrow().version()).isEqualTo(version);
        }

        RuleEdits.breakComplaintOwnerRules(merged);
        KeysCommandTest.Run refused = KeysCommandTest.run("publish", "--rules", merged.toString(), "--data", data.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains(RuleEdits.COMPLAINT_OWNER_RULES);
        try (Database database = Database.sqlite(data)) {
            assertThat(new JdbcRuleSetArchive(database).serving().orElseThrow().version()).isEqualTo(version);
        }
    }
}
