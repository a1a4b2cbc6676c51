package org.servicestandards.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A connection pool with the schema migrated. SQLite (a file in the data directory, WAL with
 * {@code synchronous=FULL} so a committed write survives power loss) is the embedded default;
 * PostgreSQL serves production and several nodes.
 */
public final class Database implements AutoCloseable {

    public enum Kind { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Kind kind;
    private final Jdbi jdbi;
    // SQLite has one writer at a time; queueing this process's writers here beats spinning on SQLITE_BUSY.
    private final ReentrantLock writes = new ReentrantLock(true);

    private Database(HikariDataSource pool, Kind kind) {
        this.pool = pool;
        this.kind = kind;
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        this.jdbi = Jdbi.create(pool);
    }

    /** The embedded store: {@code standards.db} in the data directory. */
    public static Database sqlite(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        return sqlite("jdbc:sqlite:" + dataDirectory.resolve("standards.db").toAbsolutePath(), 4);
    }

    /** A private in-memory store, gone when closed: for offline checks. One connection holds it. */
    public static Database inMemory() {
        return sqlite("jdbc:sqlite::memory:", 1);
    }

    private static Database sqlite(String url, int connections) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        // A transaction takes the write lock when it begins; a deferred one that reads first and
        // writes later fails at once (SQLITE_BUSY) if another connection wrote in between.
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.enforceForeignKeys(true);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(source);
        hikari.setMaximumPoolSize(connections);
        hikari.setPoolName("standards-sqlite");
        return new Database(new HikariDataSource(hikari), Kind.SQLITE);
    }

    /** PostgreSQL at a JDBC URL. */
    public static Database postgres(String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("standards-postgres");
        return new Database(new HikariDataSource(hikari), Kind.POSTGRESQL);
    }

    /** Held by every writer of this database in this process. */
    public ReentrantLock writeLock() {
        return writes;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
