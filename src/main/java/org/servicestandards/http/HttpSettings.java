package org.servicestandards.http;

/** Limits of the HTTP API. */
public record HttpSettings(long maxBodyBytes, int maxBatchRecords) {

    public static HttpSettings defaults() {
        return new HttpSettings(16L * 1024 * 1024, 10_000);
    }
}
