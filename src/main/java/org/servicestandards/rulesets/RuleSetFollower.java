package org.servicestandards.rulesets;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.servicestandards.jobs.Periodic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks every {@code every} which version the store says serves the cluster and serves it here
 * when this node serves another, so every node converges on a version published anywhere within
 * about that long; and tells the store now and then what this node serves.
 *
 * <p>Polling, not LISTEN/NOTIFY: one read of one row a second per node costs nothing, works the
 * same on both stores, and a node that missed a notification (its connection dropped) would need
 * the poll anyway.
 */
public final class RuleSetFollower {

    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetFollower.class);
    /** How often the node tells the store what it serves when nothing changes. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private RuleSetFollower() {
    }

    public static Periodic start(RuleSets ruleSets, Clock clock, Duration every) {
        long beatEvery = Math.max(1, HEARTBEAT.toMillis() / Math.max(1, every.toMillis()));
        AtomicLong ticks = new AtomicLong();
        return Periodic.start("rule-set-follower", clock, every, every, "looking which rule set serves the cluster", () -> {
            ruleSets.follow().filter(LoadResult::ok)
                    .ifPresent(result -> LOG.info("serving the cluster's rule set {}", result.version()));
            if (ticks.incrementAndGet() % beatEvery == 0) {
                ruleSets.heartbeat();
            }
        });
    }
}
