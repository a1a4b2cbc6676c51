package org.servicestandards.records;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.servicestandards.jobs.DaemonThreads;
import org.servicestandards.jobs.JobRuns;
import org.servicestandards.jobs.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges stored PENDING outcomes again as their deadlines pass, and customers' history standards
 * again as their records come in, on a schedule, so the violations, the at-risk list and anything
 * reading the store stay current. Reading never judges: until this runs, compliance counts a
 * breached PENDING outcome as FAIL by itself, and the at-risk list shows it as overdue.
 */
public final class DeadlineKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineKeeper.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("deadline-keeper"));

    private final JobRuns runs;

    private DeadlineKeeper(Clock clock) {
        this.runs = new JobRuns(clock);
    }

    /** The lease that makes one node of the cluster the keeper at a time. */
    public static final String JOB = "deadline-keeper";

    /**
     * Runs every {@code every} on the node that holds the keeper's lease; the others stand by and
     * take it over within three intervals of the holder going quiet.
     */
    public static DeadlineKeeper start(StandardsService service, Clock clock, Duration every, Leases leases) {
        DeadlineKeeper keeper = new DeadlineKeeper(clock);
        Duration ttl = every.multipliedBy(3);
        keeper.scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (!leases.hold(JOB, ttl)) {
                    return;
                }
                int judged = service.judgeFallenDue(clock.instant());
                if (judged > 0) {
                    LOG.info("{} records and customers judged again as their deadlines passed", judged);
                }
                int changed = service.history().judgeChanged(clock.instant());
                if (changed > 0) {
                    LOG.debug("the history standards of {} customers judged again as their records came in", changed);
                }
                keeper.runs.succeeded();
            } catch (RuntimeException e) {
                keeper.runs.failed();
                LOG.error("judging passed deadlines failed; trying again in {}", every, e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return keeper;
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
