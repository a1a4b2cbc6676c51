package org.servicestandards.config;

import java.nio.file.Path;

/**
 * The service's settings, read once at start and passed down. {@code databaseUrl} selects
 * PostgreSQL; without it the embedded SQLite store lives in {@code dataDirectory}.
 */
public record ServiceConfig(int port, Path dataDirectory, Path rulesDirectory, String databaseUrl, String databaseUser,
                            String databasePassword, long maxBodyBytes, int maxBatchRecords) {

    public boolean usesPostgres() {
        return databaseUrl != null && !databaseUrl.isBlank();
    }
}
