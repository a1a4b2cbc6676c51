package org.servicestandards.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicestandards.interaction.Instants;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobWork;

/**
 * A sweep of the history standards as of {@code asOf}, asked for on demand, as a job. A sweep is
 * whole or not at all: one taken over by another node (or after a restart) starts again from the
 * first customer, and keeping a judgement twice keeps it once.
 */
public final class SweepWork implements JobWork {

    public static final String KIND = "sweep";

    private final HistoryStandards history;

    public SweepWork(HistoryStandards history) {
        this.history = history;
    }

    @Override
    public void run(Job job, Progress progress) {
        Instant asOf = Instants.parse(job.params().get("asOf"));
        long total = history.customerCount();
        Map<String, Object> result = new LinkedHashMap<>();
        progress.checkpoint("", 0, total, result);
        HistoryStandards.Sweep sweep = history.sweep(asOf, job.createdAt(), customers -> progress.checkpoint("", customers, Math.max(total, customers), result));
        if (!progress.holding()) {
            return;
        }
        result.put("asOf", sweep.asOf().toString());
        result.put("ruleset", sweep.ruleset());
        result.put("customers", sweep.customers());
        result.put("outcomes", sweep.outcomes());
        result.put("failed", sweep.failed());
        progress.checkpoint("", sweep.customers(), (long) sweep.customers(), result);
    }
}
