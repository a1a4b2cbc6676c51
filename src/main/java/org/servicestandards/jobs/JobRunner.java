package org.servicestandards.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs on this node: looks every second for a job waiting in the store (or one whose node's
 * lease ran out), takes it, and runs its {@link JobWork} on a thread of its own, renewing the
 * lease every few seconds while it runs. A node that stops gives its jobs up for another to go on
 * with at once; one that dies keeps them until the lease runs out.
 */
public final class JobRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
    public static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    /** An import whose file has not grown for this long was abandoned by its sender. */
    private static final Duration RECEIVING_GIVES_UP = Duration.ofMinutes(10);

    private final JobStore store;
    private final Map<String, JobWork> works;
    private final Clock clock;
    private final String node;
    private final Semaphore slots;
    private final JobRuns runs;
    private final ScheduledExecutorService looking = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("jobs-look"));
    private final ExecutorService working = Executors.newCachedThreadPool(DaemonThreads.named("jobs-run"));
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private JobRunner(JobStore store, Map<String, JobWork> works, Clock clock, String node, int threads) {
        this.store = store;
        this.works = Map.copyOf(works);
        this.clock = clock;
        this.node = node;
        this.slots = new Semaphore(threads);
        this.runs = new JobRuns(clock);
    }

    /** Runs up to {@code threads} jobs at once on this node, as {@code node}; {@code works} by kind of job. */
    public static JobRunner start(JobStore store, Map<String, JobWork> works, Clock clock, String node, int threads) {
        JobRunner runner = new JobRunner(store, works, clock, node, threads);
        runner.looking.scheduleWithFixedDelay(runner::look, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        runner.looking.scheduleWithFixedDelay(runner::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return runner;
    }

    /** How the jobs this node ran went. */
    public JobRuns runs() {
        return runs;
    }

    /** Looks for work now rather than at the next second: a job just submitted on this node. */
    public void wake() {
        if (!closing) {
            looking.execute(this::look);
        }
    }

    private void look() {
        try {
            Instant now = clock.instant();
            int abandoned = store.abandonReceiving(now.minus(RECEIVING_GIVES_UP), now);
            if (abandoned > 0) {
                LOG.warn("{} import(s) ended as failed: their files stopped arriving", abandoned);
            }
            while (!closing && slots.tryAcquire()) {
                Optional<Job> claimed = store.claim(node, clock.instant(), clock.instant().plus(LEASE));
                if (claimed.isEmpty()) {
                    slots.release();
                    return;
                }
                Job job = claimed.get();
                AtomicBoolean holding = new AtomicBoolean(true);
                running.put(job.id(), holding);
                working.execute(() -> run(job, holding));
            }
        } catch (RuntimeException e) {
            LOG.error("looking for jobs to run failed; looking again in {}", LOOK_EVERY, e);
        }
    }

    private void renew() {
        for (Map.Entry<String, AtomicBoolean> job : running.entrySet()) {
            try {
                Instant now = clock.instant();
                if (!store.renew(job.getKey(), node, now, now.plus(LEASE))) {
                    job.getValue().set(false);
                }
            } catch (RuntimeException e) {
                LOG.warn("renewing the lease of job {} failed; trying again in {}", job.getKey(), RENEW_EVERY, e);
            }
        }
    }

    private void run(Job job, AtomicBoolean holding) {
        long started = System.nanoTime();
        StoredProgress progress = new StoredProgress(job, holding);
        try {
            JobWork work = works.get(job.kind());
            if (work == null) {
                throw new IllegalStateException("this node runs no job of kind '" + job.kind() + "'");
            }
            LOG.info("job {} ({}) taken up{}", job.id(), job.kind(), job.runs() > 1 ? " again, from " + job.done() + " done" : "");
            work.run(job, progress);
            if (closing) {
                giveUp(job.id());
                return;
            }
            if (holding.get() && store.finish(job.id(), node, JobState.SUCCEEDED, progress.result, null, clock.instant())) {
                runs.succeeded();
                LOG.info("job {} ({}) done: {} in {} ms", job.id(), job.kind(), progress.done,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (Exception e) {
            if (closing) {
                giveUp(job.id());
                return;
            }
            runs.failed();
            LOG.error("job {} ({}) failed", job.id(), job.kind(), e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            store.finish(job.id(), node, JobState.FAILED, progress.result, message.length() > 1900 ? message.substring(0, 1900) : message,
                    clock.instant());
        } finally {
            running.remove(job.id());
            slots.release();
        }
    }

    private void giveUp(String id) {
        try {
            store.release(id, node);
        } catch (RuntimeException e) {
            LOG.warn("giving job {} up failed; another node takes it once its lease runs out", id, e);
        }
    }

    /** Progress kept in the store as the work reports it. */
    private final class StoredProgress implements JobWork.Progress {
        private final Job job;
        private final AtomicBoolean holding;
        private volatile long done;
        private volatile Map<String, Object> result;

        StoredProgress(Job job, AtomicBoolean holding) {
            this.job = job;
            this.holding = holding;
            this.done = job.done();
            this.result = job.result();
        }

        @Override
        public String cursor() {
            return job.cursor();
        }

        @Override
        public long done() {
            return job.done();
        }

        @Override
        public synchronized boolean checkpoint(String cursor, long done, Long total, Map<String, Object> result) {
            if (!holding()) {
                return false;
            }
            this.done = done;
            this.result = Map.copyOf(result);
            Instant now = clock.instant();
            if (!store.progress(job.id(), node, cursor, done, total, this.result, now, now.plus(LEASE))) {
                holding.set(false);
            }
            return holding();
        }

        @Override
        public boolean holding() {
            return holding.get() && !closing;
        }
    }

    /** Stops taking jobs and gives those it runs up, so another node goes on with them at once. */
    @Override
    public void close() {
        closing = true;
        looking.shutdownNow();
        working.shutdownNow();
        try {
            working.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Work that did not stop in time: its later writes are refused once another node holds it.
        running.keySet().forEach(this::giveUp);
    }
}
