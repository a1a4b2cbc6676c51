package org.servicestandards.cli;

import java.nio.file.Path;
import org.servicestandards.app.StoreConfig;
import picocli.CommandLine.Option;

/** Which store a command works on: the embedded one in a data directory, or PostgreSQL. */
final class StoreOptions {

    @Option(names = "--data", defaultValue = "${env:STANDARDS_DATA:-./data}",
            description = "Directory of the embedded SQLite store (env STANDARDS_DATA; default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--database-url", defaultValue = "${env:STANDARDS_DATABASE_URL}",
            description = "PostgreSQL JDBC URL instead of the embedded store (env STANDARDS_DATABASE_URL).")
    String databaseUrl;

    @Option(names = "--database-user", defaultValue = "${env:STANDARDS_DATABASE_USER}",
            description = "PostgreSQL user (env STANDARDS_DATABASE_USER).")
    String databaseUser;

    /** The store these options name; the PostgreSQL password comes from STANDARDS_DATABASE_PASSWORD. */
    StoreConfig config() {
        return StoreConfig.of(data, databaseUrl, databaseUser, System.getenv("STANDARDS_DATABASE_PASSWORD"));
    }
}
