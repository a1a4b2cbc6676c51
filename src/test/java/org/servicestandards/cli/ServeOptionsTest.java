package org.servicestandards.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code serve}'s options become in the configuration, read without starting anything. */
class ServeOptionsTest {

    private static List<String> webhookAllow(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config().webhooks().allow();
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
}
