package org.servicestandards.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The limit means what README says: no more than N requests in any 60 s for one key. */
class RateLimitsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_key_that_spent_its_minute_waits_until_its_first_request_is_a_minute_old() {
        AtomicLong now = new AtomicLong(1_000 * SECOND);
        RateLimits limits = new RateLimits(5, now::get);
        for (int k = 0; k < 5; k++) {
            assertThat(limits.take("k").allowed()).isTrue();
            now.addAndGet(10 * SECOND);
        }
        // 50 s after the first request: five in the last minute, and nothing refills early.
        RateLimits.Decision refused = limits.take("k");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));

        now.addAndGet(10 * SECOND - 1);
        assertThat(limits.take("k").allowed()).as("one nanosecond before the first request is a minute old").isFalse();
        now.addAndGet(1);
        assertThat(limits.take("k").allowed()).isTrue();
        assertThat(limits.take("k").allowed()).as("the second request is still within the minute").isFalse();
        assertThat(limits.take("other").allowed()).isTrue();
    }

    @Test
    void a_burst_then_a_steady_stream_never_gets_twice_the_limit_into_one_minute() {
        AtomicLong now = new AtomicLong(0);
        RateLimits limits = new RateLimits(6_000, now::get);
        List<Long> admitted = new ArrayList<>();
        // The whole limit at once, then one request every 5 ms for two minutes: a token bucket
        // refilling 100 a second would admit 6,000 more within the first minute.
        for (int k = 0; k < 6_000; k++) {
            if (limits.take("k").allowed()) {
                admitted.add(now.get());
            }
        }
        for (int k = 0; k < 24_000; k++) {
            now.addAndGet(5_000_000L);
            if (limits.take("k").allowed()) {
                admitted.add(now.get());
            }
        }
        assertThat(mostInAnyMinute(admitted)).isEqualTo(6_000);
    }

    @Property(tries = 200)
    void no_minute_holds_more_than_the_limit_and_a_refusal_comes_only_when_it_is_full(
            @ForAll @IntRange(min = 1, max = 20) int limit, @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AtomicLong now = new AtomicLong(random.nextLong(-1_000 * SECOND, 1_000 * SECOND));
        RateLimits limits = new RateLimits(limit, now::get);
        List<Long> admitted = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            now.addAndGet(random.nextLong(0, 12 * SECOND / limit + 1));
            RateLimits.Decision decision = limits.take("k");
            long inLastMinute = admitted.stream().filter(t -> t > now.get() - 60 * SECOND).count();
            assertThat(decision.allowed()).isEqualTo(inLastMinute < limit);
            if (decision.allowed()) {
                admitted.add(now.get());
            } else {
                // Retry-After names the moment the oldest admission of the window leaves it.
                long oldest = admitted.stream().filter(t -> t > now.get() - 60 * SECOND).min(Long::compare).orElseThrow();
                assertThat(decision.retryAfter().toNanos()).isEqualTo(oldest + 60 * SECOND - now.get());
            }
        }
        assertThat(mostInAnyMinute(admitted)).isLessThanOrEqualTo(limit);
    }

    /** The most admissions in any half-open 60 s window (t - 60 s, t]. */
    private static long mostInAnyMinute(List<Long> admitted) {
        long most = 0;
        int first = 0;
        for (int last = 0; last < admitted.size(); last++) {
            while (admitted.get(first) <= admitted.get(last) - 60 * SECOND) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }
}
