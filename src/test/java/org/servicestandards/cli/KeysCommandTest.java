package org.servicestandards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.Role;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcApiKeyStore;
import org.servicestandards.store.JdbcAuditLog;
import picocli.CommandLine;

/** {@code keys create|list|revoke} on the store the service uses, and the first admin key. */
class KeysCommandTest {

    record Run(int exit, String out, String err) {
    }

    /** Runs the command line as {@code java -jar … args} would, its output captured. */
    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(args);
            return new Run(exit, capturedOut.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void a_key_is_printed_once_listed_without_its_secret_and_stops_working_when_revoked(@TempDir Path data) {
        Run created = run("keys", "create", "--role", "auditor", "--name", "Q3 audit", "--data", data.toString());
        assertThat(created.exit()).isZero();
        String secret = created.out().trim();
        assertThat(secret).matches("ssk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("Q3 audit").contains("[auditor]").contains("shown this once");
        String id = secret.substring(4, 16);

        Run listed = run("keys", "list", "--data", data.toString());
        assertThat(listed.out()).contains(id).contains("active").contains("auditor").contains("Q3 audit")
                .doesNotContain(secret.substring(17));

        try (Database database = Database.sqlite(data)) {
            AccessKeys keys = new AccessKeys(new JdbcApiKeyStore(database), new JdbcAuditLog(database, Clock.systemUTC()), Clock.systemUTC());
            assertThat(keys.authenticate(secret)).hasValueSatisfying(k -> assertThat(k.may(Role.AUDITOR)).isTrue());
        }
        assertThat(run("keys", "revoke", id, "--data", data.toString()).exit()).isZero();
        assertThat(run("keys", "revoke", id, "--data", data.toString()).exit()).isEqualTo(1);
        assertThat(run("keys", "list", "--data", data.toString()).out()).contains("revoked");
        try (Database database = Database.sqlite(data)) {
            assertThat(new AccessKeys(new JdbcApiKeyStore(database), new JdbcAuditLog(database, Clock.systemUTC()), Clock.systemUTC()).authenticate(secret)).isEmpty();
        }
    }

    @Test
    void an_unknown_role_or_a_missing_name_is_refused(@TempDir Path data) {
        Run unknown = run("keys", "create", "--role", "superuser", "--name", "x", "--data", data.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown role 'superuser'");
        assertThat(run("keys", "create", "--role", "auditor", "--data", data.toString()).exit()).isNotZero();
    }

    @Test
    void the_first_admin_key_is_made_once_or_taken_from_the_environment(@TempDir Path data) {
        try (Database database = Database.sqlite(data.resolve("made"))) {
            AccessKeys keys = new AccessKeys(new JdbcApiKeyStore(database), new JdbcAuditLog(database, Clock.systemUTC()), Clock.systemUTC());
            AccessKeys.Created first = keys.bootstrap(null).orElseThrow();
            assertThat(first.key().roles()).containsExactly(Role.ADMIN);
            assertThat(keys.authenticate(first.secret())).isPresent();
            assertThat(keys.bootstrap(null)).isEmpty();
        }
        try (Database database = Database.sqlite(data.resolve("preset"))) {
            AccessKeys keys = new AccessKeys(new JdbcApiKeyStore(database), new JdbcAuditLog(database, Clock.systemUTC()), Clock.systemUTC());
            assertThat(keys.bootstrap("an-operator-chosen-admin-key-1234").orElseThrow().secret())
                    .isEqualTo("an-operator-chosen-admin-key-1234");
            assertThat(keys.authenticate("an-operator-chosen-admin-key-1234"))
                    .hasValueSatisfying(k -> assertThat(k.may(Role.OFFICER)).isTrue());
            assertThat(keys.authenticate("an-operator-chosen-admin-key-123")).isEmpty();
        }
        try (Database database = Database.sqlite(data.resolve("short"))) {
            AccessKeys keys = new AccessKeys(new JdbcApiKeyStore(database), new JdbcAuditLog(database, Clock.systemUTC()), Clock.systemUTC());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> keys.bootstrap("short"))
                    .hasMessageContaining("at least 20 characters");
            assertThat(keys.list()).isEmpty();
        }
    }
}
