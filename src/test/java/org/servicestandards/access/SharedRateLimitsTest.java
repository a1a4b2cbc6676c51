package org.servicestandards.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcRateCounts;
import org.servicestandards.testing.TestDatabases;

/** Two nodes hold one limit between them through the store. */
class SharedRateLimitsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void what_one_node_admitted_counts_against_the_limit_on_the_other(@TempDir Path data) {
        try (Database database = TestDatabases.open(data)) {
            AtomicLong now = new AtomicLong(1_000 * SECOND);
            RateLimits a = new RateLimits(10, now::get);
            RateLimits b = new RateLimits(10, now::get);
            JdbcRateCounts storeA = new JdbcRateCounts(database, Clock.systemUTC(), "a");
            JdbcRateCounts storeB = new JdbcRateCounts(database, Clock.systemUTC(), "b");
            for (int k = 0; k < 6; k++) {
                assertThat(a.take("key").allowed()).isTrue();
            }
            a.share(storeA);
            b.share(storeB);

            for (int k = 0; k < 4; k++) {
                assertThat(b.take("key").allowed()).as("request %d on b", k).isTrue();
            }
            RateLimits.Decision refused = b.take("key");
            assertThat(refused.allowed()).isFalse();
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(b.take("another key").allowed()).isTrue();

            // A learns B's four too: the key has spent its minute on both.
            b.share(storeB);
            a.share(storeA);
            assertThat(a.take("key").allowed()).isFalse();

            // A minute on, A's six leave its window; once it says so, B admits again.
            now.addAndGet(61 * SECOND);
            a.share(storeA);
            b.share(storeB);
            assertThat(b.take("key").allowed()).isTrue();
        }
    }
}
