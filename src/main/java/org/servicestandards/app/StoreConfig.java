package org.servicestandards.app;

import java.nio.file.Path;
import java.util.Objects;

/** Where the service keeps what it is told: the embedded SQLite store, PostgreSQL, or a private in-memory store. */
public sealed interface StoreConfig {

    /** SQLite in {@code standards.db} in a data directory: the embedded default. */
    record Embedded(Path dataDirectory) implements StoreConfig {
        public Embedded {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        @Override
        public String describe() {
            return "SQLite in " + dataDirectory;
        }
    }

    /** PostgreSQL at a JDBC URL; user and password may be null when the URL carries them. */
    record Postgres(String url, String user, String password) implements StoreConfig {
        public Postgres {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("a PostgreSQL store needs a JDBC URL");
            }
        }

        @Override
        public String describe() {
            return "PostgreSQL";
        }

        @Override
        public String toString() {
            return "Postgres[url=" + url + ", user=" + user + "]";
        }
    }

    /** A private store gone when the application closes: for offline checks. */
    record InMemory() implements StoreConfig {
        @Override
        public String describe() {
            return "in-memory SQLite";
        }
    }

    /** PostgreSQL when a URL is given, else the embedded store in {@code dataDirectory}: the one place this is chosen. */
    static StoreConfig of(Path dataDirectory, String databaseUrl, String user, String password) {
        return databaseUrl != null && !databaseUrl.isBlank() ? new Postgres(databaseUrl, user, password)
                : new Embedded(dataDirectory);
    }

    /** How logs name this store. */
    String describe();
}
