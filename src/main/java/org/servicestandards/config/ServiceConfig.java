package org.servicestandards.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The service's settings, read once at start and passed down. {@code databaseUrl} selects
 * PostgreSQL; without it the embedded SQLite store lives in {@code dataDirectory}. With
 * {@code watchRules} the service reloads the rules directory by itself once its files have been
 * quiet for {@code watchQuietPeriod}.
 */
public record ServiceConfig(int port, Path dataDirectory, Path rulesDirectory, String databaseUrl, String databaseUser,
                            String databasePassword, long maxBodyBytes, int maxBatchRecords, boolean watchRules,
                            Duration watchQuietPeriod) {

    public boolean usesPostgres() {
        return databaseUrl != null && !databaseUrl.isBlank();
    }
}
