package org.servicestandards.http;

/** Limits of the HTTP API: body size, records per request, requests per key per minute. */
public record HttpSettings(long maxBodyBytes, int maxBatchRecords, long requestsPerMinute) {

    /** 6,000 requests a minute per key: 100 a second, far above any person, enough for a busy system's feed. */
    public static final long DEFAULT_REQUESTS_PER_MINUTE = 6_000;

    public HttpSettings(long maxBodyBytes, int maxBatchRecords) {
        this(maxBodyBytes, maxBatchRecords, DEFAULT_REQUESTS_PER_MINUTE);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(16L * 1024 * 1024, 10_000);
    }
}
