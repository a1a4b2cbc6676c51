package org.servicestandards.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How many requests each API key may make: at most {@code perMinute} in any 60 seconds, exactly.
 * Each key keeps the instants of its admitted requests of the last minute (a sliding-window log);
 * a request is admitted while fewer than the limit were admitted in the 60 s before it, and a
 * refused one is told when the oldest of them leaves the window. A token bucket (as before) lets
 * a key spend its full bucket and then what refills in the same minute, nearly twice the limit;
 * no library offers an exact sliding window, and the log costs only the requests of one minute.
 *
 * <p>Several nodes hold one limit between them: {@link #share} tells the store (through
 * {@link Shared}) how many requests of each key this node admitted in the last minute and learns
 * the other nodes' counts, and a request is admitted only while this node's count and theirs stay
 * under the limit. The others' counts are as old as the last exchange (a second), so the
 * cluster may admit what the other nodes admit within that second beyond the limit; bucket4j's
 * JDBC backends would make every request a database write instead.
 */
public final class RateLimits {

    /** The most requests a minute a limit may allow: far above what one node serves. */
    public static final long MAX_PER_MINUTE = 1_000_000_000L;
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    private final long perMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    /** What the other nodes admitted of each key in their last minute, as of the last exchange. */
    private volatile Map<String, Long> others = Map.of();

    /** Where nodes exchange their counts: the store, in a cluster. */
    public interface Shared {
        /** Keeps this node's counts of the last minute, by key, and answers the other nodes' sums, by key. */
        Map<String, Long> exchange(Map<String, Long> mine);
    }

    public RateLimits(long perMinute) {
        this(perMinute, System::nanoTime);
    }

    /** With {@code nanoTime} a monotonic clock in nanoseconds, as {@link System#nanoTime()}. */
    public RateLimits(long perMinute, LongSupplier nanoTime) {
        if (perMinute <= 0 || perMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException("a rate limit must be from 1 to " + MAX_PER_MINUTE + " requests a minute, not "
                    + perMinute);
        }
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Whether the key may make one more request now; if not, how long until it may. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    public Decision take(String keyId) {
        Window window = windows.computeIfAbsent(keyId, id -> new Window());
        synchronized (window) {
            long now = nanoTime.getAsLong();
            window.forgetBefore(now - WINDOW_NANOS);
            long elsewhere = others.getOrDefault(keyId, 0L);
            if (window.size() + elsewhere < perMinute) {
                window.add(now);
                return new Decision(true, Duration.ZERO);
            }
            if (window.size() < perMinute) {
                // Refused for what other nodes admitted: their counts come again within a second.
                return new Decision(false, Duration.ofSeconds(1));
            }
            return new Decision(false, Duration.ofNanos(window.oldest() + WINDOW_NANOS - now));
        }
    }

    public long perMinute() {
        return perMinute;
    }

    /**
     * Exchanges counts with the other nodes through {@code shared}: this node's admissions of the
     * last minute go out, theirs come back.
     */
    public void share(Shared shared) {
        Map<String, Long> mine = new java.util.HashMap<>();
        long now = nanoTime.getAsLong();
        windows.forEach((key, window) -> {
            synchronized (window) {
                window.forgetBefore(now - WINDOW_NANOS);
                if (window.size() > 0) {
                    mine.put(key, (long) window.size());
                }
            }
        });
        others = Map.copyOf(shared.exchange(mine));
    }

    /**
     * The admission times of one key, oldest first, in a ring that grows as needed, so a key that
     * makes few requests costs little whatever its limit.
     */
    private static final class Window {
        private long[] times = new long[16];
        private int head;
        private int size;

        int size() {
            return size;
        }

        long oldest() {
            return times[head];
        }

        /** Drops the admissions at or before {@code cutoff}: they are 60 s or more ago. */
        void forgetBefore(long cutoff) {
            while (size > 0 && times[head] - cutoff <= 0) {
                head = (head + 1) % times.length;
                size--;
            }
        }

        void add(long time) {
            if (size == times.length) {
                long[] grown = new long[times.length * 2];
                for (int k = 0; k < size; k++) {
                    grown[k] = times[(head + k) % times.length];
                }
                times = grown;
                head = 0;
            }
            times[(head + size) % times.length] = time;
            size++;
        }
    }
}
