package org.servicestandards.jobs;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How a background job's runs went: how many ran through and how many failed, and when it last
 * ran through, so that a job that fails on every tick shows in the metrics, not only in the log.
 */
public final class JobRuns {

    private final Clock clock;
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong lastSuccessMillis = new AtomicLong(-1);

    public JobRuns(Clock clock) {
        this.clock = clock;
    }

    public void succeeded() {
        succeeded.incrementAndGet();
        lastSuccessMillis.set(clock.millis());
    }

    public void failed() {
        failed.incrementAndGet();
    }

    public long succeededCount() {
        return succeeded.get();
    }

    public long failedCount() {
        return failed.get();
    }

    /** When a run last went through, epoch milliseconds; -1 before the first. */
    public long lastSuccessMillis() {
        return lastSuccessMillis.get();
    }
}
