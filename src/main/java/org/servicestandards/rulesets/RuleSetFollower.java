package org.servicestandards.rulesets;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.servicestandards.jobs.DaemonThreads;
import org.servicestandards.jobs.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks every {@code every} which version the store says serves the cluster and serves it here
 * when this node serves another, so every node converges on a version published anywhere within
 * about that long; and tells the store now and then what this node serves.
 *
 * <p>Polling, not LISTEN/NOTIFY: one indexed read of one row a second per node costs nothing, works
 * the same on both stores, and a node that missed a notification (its connection dropped) would
 * need the poll anyway.
 */
public final class RuleSetFollower implements AutoCloseable {

    public static final Duration DEFAULT_EVERY = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetFollower.class);
    /** How often the node tells the store what it serves when nothing changes. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("rule-set-follower"));
    private final JobRuns runs;

    private RuleSetFollower(Clock clock) {
        this.runs = new JobRuns(clock);
    }

    public static RuleSetFollower start(RuleSets ruleSets, Clock clock, Duration every) {
        RuleSetFollower follower = new RuleSetFollower(clock);
        long beatEvery = Math.max(1, HEARTBEAT.toMillis() / Math.max(1, every.toMillis()));
        long[] ticks = {0};
        follower.scheduler.scheduleWithFixedDelay(() -> {
            try {
                ruleSets.follow().ifPresent(result -> {
                    if (result.ok()) {
                        LOG.info("serving the cluster's rule set {}", result.version());
                    }
                });
                if (++ticks[0] % beatEvery == 0) {
                    ruleSets.heartbeat();
                }
                follower.runs.succeeded();
            } catch (RuntimeException e) {
                follower.runs.failed();
                LOG.warn("could not look which rule set serves the cluster; trying again in {}", every, e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return follower;
    }

    /** How its runs went. */
    public JobRuns runs() {
        return runs;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
