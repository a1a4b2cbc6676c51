package org.servicestandards.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
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

    /**
     * A write the database refused because another transaction got there first (a row changed
     * under it, a key inserted meanwhile): {@link #write} runs the work again on what is now true.
     */
    static final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Conflict(String what) {
            super(what, null, false, false);
        }
    }

    static final int ATTEMPTS = 8;

    /**
     * Runs {@code work} in one transaction and commits it. The database decides between writers:
     * on PostgreSQL a serialization failure, a deadlock, a unique key taken meanwhile or a
     * {@link Conflict} rolls the transaction back and runs it again (with a short random pause),
     * so no caller sees a race as an error; SQLite has one writer, and this process's writers
     * queue for it here rather than spin on {@code SQLITE_BUSY}.
     */
    <T> T write(HandleCallback<T, RuntimeException> work) {
        if (kind == Kind.SQLITE) {
            writes.lock();
            try {
                return jdbi.inTransaction(work);
            } finally {
                writes.unlock();
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** {@link #write} for work that answers nothing. */
    void use(java.util.function.Consumer<org.jdbi.v3.core.Handle> work) {
        write(h -> {
            work.accept(h);
            return null;
        });
    }

    /** Whether {@code e} is a race another attempt may win: a conflict, a serialization failure, a deadlock or a key taken. */
    static boolean retryable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Conflict) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.equals("40001") || state.equals("40P01") || state.equals("23505")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    /**
     * Brings the query planner's statistics up to date, so per-record statements keep to their
     * keys and reports to their indexes as the store grows ({@link StoreStatistics} runs it): on
     * SQLite {@code PRAGMA optimize} over every table (it analyzes only where the statistics have
     * gone stale, within a bounded sample, so it is cheap when little changed); on PostgreSQL
     * {@code ANALYZE}, beside what autovacuum does on its own schedule.
     */
    public void keepStatistics() {
        use(h -> h.execute(kind == Kind.SQLITE ? "PRAGMA optimize=0x10002" : "ANALYZE"));
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
