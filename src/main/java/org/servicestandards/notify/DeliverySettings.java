package org.servicestandards.notify;

import java.time.Duration;
import java.util.List;

/**
 * How often the outbox is polled and the at-risk scan runs; the first retry waits
 * {@code backoffBase}, each later one three times longer, at most {@code backoffCap}; after
 * {@code maxAttempts} failed attempts a delivery is given up (kept as FAILED). Resolving the
 * receiver's name may take {@code connectTimeout}, and so may connecting; the whole exchange,
 * connecting included, {@code requestTimeout}.
 */
public record DeliverySettings(Duration pollEvery, Duration scanEvery, Duration backoffBase, Duration backoffCap,
                               int maxAttempts, Duration connectTimeout, Duration requestTimeout) {

    public DeliverySettings {
        for (Duration d : List.of(pollEvery, scanEvery, backoffBase, backoffCap, connectTimeout, requestTimeout)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("webhook dispatcher durations must be positive, not " + d);
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + maxAttempts);
        }
    }

    public static DeliverySettings defaults() {
        return new DeliverySettings(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(1),
                12, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }
}
