package org.servicestandards.http;

import org.servicestandards.notify.WebhookTargets;

/**
 * Limits of the HTTP API: body size, records per request, requests per key per minute; and where
 * a registered webhook may point (the same {@link WebhookTargets} the dispatcher checks before
 * each delivery).
 */
public record HttpSettings(long maxBodyBytes, int maxBatchRecords, long requestsPerMinute, WebhookTargets webhookTargets) {

    /** 6,000 requests a minute per key: 100 a second, far above any person, enough for a busy system's feed. */
    public static final long DEFAULT_REQUESTS_PER_MINUTE = 6_000;

    /** Webhooks to public addresses only. */
    public HttpSettings(long maxBodyBytes, int maxBatchRecords, long requestsPerMinute) {
        this(maxBodyBytes, maxBatchRecords, requestsPerMinute, WebhookTargets.publicOnly());
    }

    public HttpSettings(long maxBodyBytes, int maxBatchRecords) {
        this(maxBodyBytes, maxBatchRecords, DEFAULT_REQUESTS_PER_MINUTE);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(16L * 1024 * 1024, 10_000);
    }

    /** These settings with webhooks allowed to point at {@code targets}. */
    public HttpSettings withWebhookTargets(WebhookTargets targets) {
        return new HttpSettings(maxBodyBytes, maxBatchRecords, requestsPerMinute, targets);
    }
}
