package org.servicestandards.jobs;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Long work as jobs, whatever asks for it (an HTTP request, the command line): started in the
 * store, run by whichever node takes it, read and cancelled by id.
 */
public final class Jobs {

    private final JobStore store;
    private final Clock clock;
    private volatile Runnable wake = () -> { };

    public Jobs(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Called when a job is submitted here, so this node's runner takes it up at once. */
    public void onSubmitted(Runnable wake) {
        this.wake = wake;
    }

    /** Starts a job of {@code kind}; {@code startedBy} names who asked, {@code keyId} their key (null from the command line). */
    public Job submit(String kind, Map<String, String> params, String startedBy, String keyId) {
        Job job = store.create(kind, params, startedBy, keyId, false, clock.instant());
        wake.run();
        return job;
    }

    /**
     * Starts a job of {@code kind} over the lines of {@code input}, read to its end and kept in
     * the store before the job is queued. A file refused or broken off ends the job as FAILED
     * (saying why), and the exception comes through.
     */
    public Job submit(String kind, Map<String, String> params, String startedBy, String keyId, InputStream input, long maxBytes,
                      int maxLineBytes) {
        Job job = store.create(kind, params, startedBy, keyId, true, clock.instant());
        long lines;
        try {
            lines = JobInput.split(input, maxBytes, maxLineBytes, (seq, count, body) -> store.append(job.id(), seq, count, body));
        } catch (RuntimeException e) {
            store.refuse(job.id(), "the file was refused: " + e.getMessage(), clock.instant());
            throw e;
        }
        store.queue(job.id(), lines, clock.instant());
        wake.run();
        return store.find(job.id()).orElseThrow();
    }

    public Optional<Job> find(String id) {
        return store.find(id);
    }

    /** Cancels a job that has not ended; the job as it is then. */
    public Optional<Job> cancel(String id, String by) {
        return store.cancel(id, by, clock.instant());
    }

    /** The newest first; {@code keyId}'s alone when given. */
    public List<Job> list(String keyId, String beforeId, int limit) {
        return store.list(keyId, beforeId, limit);
    }

    public JobStore store() {
        return store;
    }
}
