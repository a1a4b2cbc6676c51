package org.servicestandards.notify;

import java.time.Instant;

/**
 * One event for one receiver, as inspected: {@code status} PENDING (waiting for its next
 * attempt at {@code nextAttemptAt}), DELIVERED (acknowledged with a 2xx at {@code deliveredAt};
 * never sent again) or FAILED (given up after {@code attempts} attempts). {@code lastStatus} and
 * {@code lastError} tell what the latest attempt met.
 */
public record WebhookDelivery(String id, String eventId, String type, String key, String status, int attempts,
                              Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus,
                              String lastError, Instant deliveredAt) {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
