package org.servicestandards.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.servicestandards.jobs.DaemonThreads;
import org.servicestandards.jobs.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the history standards' sweep once a day at a configured time of day, as of that time.
 * Every node looks each minute whether the latest scheduled sweep has finished: a sweep missed
 * while the service was down runs when it starts again, a sweep whose node died mid-way runs on
 * another once its lease has run out, and the lease lets one node sweep at a time.
 */
public final class HistorySweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistorySweeper.class);
    private static final Duration RETRY = Duration.ofMinutes(5);
    private static final Duration LOOK_EVERY = Duration.ofMinutes(1);

    private final HistoryStandards history;
    private final Clock clock;
    private final LocalTime at;
    private final ZoneId zone;
    private final JobRuns runs;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("history-sweeper"));
    private Instant failedAt;

    private HistorySweeper(HistoryStandards history, Clock clock, LocalTime at, ZoneId zone) {
        this.history = history;
        this.clock = clock;
        this.at = at;
        this.zone = zone;
        this.runs = new JobRuns(clock);
    }

    /** Sweeps daily at {@code at} in {@code zone}, and now if the latest such time has no finished sweep. */
    public static HistorySweeper start(HistoryStandards history, Clock clock, LocalTime at, ZoneId zone) {
        HistorySweeper sweeper = new HistorySweeper(history, clock, at, zone);
        sweeper.scheduler.scheduleWithFixedDelay(sweeper::look, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** The latest scheduled sweep time at or before {@code now}. */
    static Instant latestDue(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime today = now.atZone(zone).with(at);
        return (today.toInstant().isAfter(now) ? today.minusDays(1).with(at) : today).toInstant();
    }

    /** The next scheduled sweep time after {@code now}. */
    static Instant nextDue(Instant now, LocalTime at, ZoneId zone) {
        return latestDue(now, at, zone).atZone(zone).plusDays(1).with(at).toInstant();
    }

    private void look() {
        Instant now = clock.instant();
        if (failedAt != null && now.isBefore(failedAt.plus(RETRY))) {
            return;
        }
        Instant due = latestDue(now, at, zone);
        try {
            if (history.lastSweep().map(last -> last.isBefore(due)).orElse(true)) {
                run(due);
            }
        } catch (RuntimeException e) {
            runs.failed();
            failedAt = now;
            LOG.error("the history sweep as of {} failed; trying again in {}", due, RETRY, e);
        }
    }

    /** How its sweeps went. */
    public JobRuns runs() {
        return runs;
    }

    private void run(Instant asOf) {
        long started = System.nanoTime();
        HistoryStandards.Sweep sweep = history.sweep(asOf);
        LOG.info("history sweep as of {}: {} customers, {} outcomes kept, {} customers could not be judged, in {} ms",
                asOf, sweep.customers(), sweep.outcomes(), sweep.failed(), (System.nanoTime() - started) / 1_000_000);
        runs.succeeded();
        failedAt = null;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
