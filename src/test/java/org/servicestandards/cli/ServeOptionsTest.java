package org.servicestandards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicestandards.app.ApplicationConfig;
import picocli.CommandLine;

/** What {@code serve}'s options become in the configuration, read without starting anything. */
class ServeOptionsTest {

    private static ApplicationConfig config(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config();
    }

    private static List<String> webhookAllow(String... args) {
        return config(args).webhooks().allow();
    }

    @Test
    void webhook_allow_takes_entries_repeated_and_comma_separated() {
        assertThat(webhookAllow("--webhook-allow", "10.0.0.0/8, hooks.internal", "--webhook-allow", "127.0.0.1/32"))
                .containsExactly("10.0.0.0/8", "hooks.internal", "127.0.0.1/32");
    }

    @Test
    void without_webhook_allow_nothing_internal_is_allowed() {
        // Unset, STANDARDS_WEBHOOK_ALLOW defaults to empty, which allows nothing.
        assumeTrue(System.getenv("STANDARDS_WEBHOOK_ALLOW") == null, "STANDARDS_WEBHOOK_ALLOW is set");
        assertThat(webhookAllow()).isEmpty();
    }

    @Test
    void compiled_rules_are_kept_in_the_data_directory_unless_told_elsewhere() {
        assumeTrue(System.getenv("STANDARDS_RULE_CACHE") == null, "STANDARDS_RULE_CACHE is set");
        assertThat(config("--data", "/srv/standards").ruleCache()).contains(Path.of("/srv/standards/rule-cache"));
        assertThat(config("--data", "/srv/standards", "--rule-cache", "/var/cache/standards").ruleCache())
                .contains(Path.of("/var/cache/standards"));
    }
}
