package org.servicestandards.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background job run every so often on a daemon thread of its own: a run that throws is
 * counted and logged, and the next one comes all the same.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final ScheduledExecutorService scheduler;
    private final JobRuns runs;

    private Periodic(String name, Clock clock) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(name));
        this.runs = new JobRuns(clock);
    }

    /**
     * Runs {@code task} after {@code first}, then {@code every} after each run ends. {@code what}
     * says in the log what failed ("judging passed deadlines", say).
     */
    public static Periodic start(String name, Clock clock, Duration first, Duration every, String what, Runnable task) {
        Periodic job = new Periodic(name, clock);
        job.scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
                job.runs.succeeded();
            } catch (RuntimeException e) {
                job.runs.failed();
                LOG.error("{} failed; trying again in {}", what, every, e);
            }
        }, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return job;
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
