package org.servicestandards.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.servicestandards.app.Offline;
import org.servicestandards.app.StoreConfig;
import org.servicestandards.store.Database;

/**
 * The store a test runs on: SQLite in the test's directory, or, when
 * {@code STANDARDS_TEST_POSTGRES_URL} names a PostgreSQL server (e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres?user=postgres}), a fresh database on it, so
 * the same tests prove the same behaviour on both. The PostgreSQL databases are left behind for
 * inspection; drop the server's {@code t_…} databases when done.
 */
public final class TestDatabases {

    private static final String POSTGRES = System.getenv("STANDARDS_TEST_POSTGRES_URL");

    private TestDatabases() {
    }

    /** The store a test's application runs on: SQLite in {@code directory}, or a fresh PostgreSQL database. */
    public static StoreConfig config(Path directory) {
        if (POSTGRES == null || POSTGRES.isBlank()) {
            return new StoreConfig.Embedded(directory);
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(POSTGRES); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + POSTGRES, e);
        }
        return new StoreConfig.Postgres(POSTGRES.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"), null, null);
    }

    /** The store of {@link #config}, opened, for tests of one part on its own. */
    public static Database open(Path directory) {
        return Offline.openStore(config(directory));
    }
}
