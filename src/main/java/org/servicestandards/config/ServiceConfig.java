package org.servicestandards.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service's settings, read once at start and passed down. {@code databaseUrl} selects
 * PostgreSQL; without it the embedded SQLite store lives in {@code dataDirectory}. With
 * {@code watchRules} the service reloads the rules directory by itself once its files have been
 * quiet for {@code watchQuietPeriod}. {@code webhookAllow} lists the internal receivers the
 * operator allows (address ranges in CIDR notation or host names); webhooks go to public
 * addresses and to these only.
 */
public record ServiceConfig(int port, Path dataDirectory, Path rulesDirectory, String databaseUrl, String databaseUser,
                            String databasePassword, long maxBodyBytes, int maxBatchRecords, boolean watchRules,
                            Duration watchQuietPeriod, List<String> webhookAllow) {

    public ServiceConfig {
        webhookAllow = webhookAllow == null ? List.of()
                : webhookAllow.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    public boolean usesPostgres() {
        return databaseUrl != null && !databaseUrl.isBlank();
    }
}
