package org.servicestandards.service;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many requests each API key may make: a token bucket per key, {@code perMinute} requests
 * a minute with bursts of as many. A key over its limit is told how long to wait.
 */
public final class RateLimits {

    /** The most a bucket can refill: far above what one node serves. */
    public static final long MAX_PER_MINUTE = 1_000_000_000L;

    private final long perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(long perMinute) {
        if (perMinute <= 0 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("a rate limit must be from 1 to " + MAX_PER_MINUTE + " requests a minute, not "
                    + perMinute);
        }
        this.perMinute = perMinute;
    }

    /** Whether the key may make one more request now; if not, how long until it may. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    public Decision take(String keyId) {
        Bucket bucket = buckets.computeIfAbsent(keyId, id -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    public long perMinute() {
        return perMinute;
    }
}
