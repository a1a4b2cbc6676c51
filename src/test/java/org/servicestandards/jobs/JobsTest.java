package org.servicestandards.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.app.Application;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.json.Json;
import org.servicestandards.records.ImportWork;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcJobStore;
import org.servicestandards.testing.MutableClock;
import org.servicestandards.testing.TestDatabases;

/**
 * Jobs on the store: a job whose node died is taken over once its lease runs out and goes on
 * from its last checkpoint; one given up is taken at once; a cancelled one stops and stays
 * cancelled; of nodes claiming at once, one gets each job.
 */
class JobsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    private static byte[] lines(int count) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Instant opened = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(600L * n);
            lines.add(Json.mapper().writeValueAsString(record().id("take-" + n).customer("c-" + (n % 40))
                    .openedAt(opened.toString()).firstResponseAt(opened.plusSeconds(60).toString()).build()));
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** Progress that saves as {@code node} does, and has the work stop after {@code steps} checkpoints: the node died. */
    private static JobWork.Progress dyingAfter(JobStore store, Job job, String node, MutableClock clock, int steps) {
        AtomicInteger left = new AtomicInteger(steps);
        return new JobWork.Progress() {
            @Override
            public String cursor() {
                return job.cursor();
            }

            @Override
            public long done() {
                return job.done();
            }

            @Override
            public boolean checkpoint(String cursor, long done, Long total, Map<String, Object> result) {
                store.progress(job.id(), node, cursor, done, total, result, clock.instant(), clock.instant().plus(JobRunner.LEASE));
                return left.decrementAndGet() > 0;
            }

            @Override
            public boolean holding() {
                return left.get() > 0;
            }
        };
    }

    @Test
    void an_import_whose_node_died_is_taken_over_once_the_lease_runs_out_and_goes_on_from_its_last_chunk(@TempDir Path data)
            throws Exception {
        MutableClock clock = new MutableClock(NOW);
        ApplicationConfig config = ApplicationConfig.defaults().withClock(clock).withStore(TestDatabases.config(data))
                .withRules(Path.of("rules")).withWatch(ApplicationConfig.Watch.never());
        try (Application application = Application.open(config)) {
            JobStore store = application.jobs().store();
            Job job = application.jobs().submit(ImportWork.KIND, Map.of("asOf", NOW.toString()), "test", null,
                    new ByteArrayInputStream(lines(1200)), Long.MAX_VALUE, 1 << 20);
            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(job.total()).isEqualTo(1200);

            // A node takes it, imports the first chunk and dies.
            Job taken = store.claim("dead-node", clock.instant(), clock.instant().plus(JobRunner.LEASE)).orElseThrow();
            new ImportWork(application.service(), store, clock).run(taken, dyingAfter(store, taken, "dead-node", clock, 1));
            Job half = store.find(job.id()).orElseThrow();
            assertThat(half.state()).isEqualTo(JobState.RUNNING);
            assertThat(half.done()).isEqualTo(JobInput.CHUNK_LINES);
            assertThat(half.node()).isEqualTo("dead-node");

            // While its lease holds, no other node takes it.
            application.runJobs();
            Thread.sleep(2500);
            assertThat(store.find(job.id()).orElseThrow().node()).isEqualTo("dead-node");

            clock.advance(JobRunner.LEASE.plusSeconds(1));
            Job ended = awaitEnd(store, job.id());
            assertThat(ended.state()).as(String.valueOf(ended.error())).isEqualTo(JobState.SUCCEEDED);
            assertThat(ended.runs()).isEqualTo(2);
            assertThat(ended.done()).isEqualTo(1200);
            assertThat(ended.result().get("created")).isEqualTo(1200);
            assertThat(ended.result()).doesNotContainKey("unchanged");
            assertThat(application.service().find("take-1").orElseThrow().revisions()).hasSize(1);
            assertThat(application.service().find("take-1200")).isPresent();
            // The dead node, back, cannot write over what the new one did.
            assertThat(store.progress(job.id(), "dead-node", "1", 500, null, Map.of(), clock.instant(), clock.instant())).isFalse();
            assertThat(store.input(job.id(), 0)).as("the file is gone once the job ended").isEmpty();
        }
    }

    @Test
    void a_job_given_up_is_taken_at_once_and_of_nodes_claiming_together_one_gets_it(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            MutableClock clock = new MutableClock(NOW);
            JdbcJobStore store = new JdbcJobStore(database, clock);
            Job job = store.create("reevaluate", Map.of(), "test", null, false, clock.instant());
            List<Thread> claimers = new ArrayList<>();
            AtomicInteger claimed = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            for (int n = 0; n < 6; n++) {
                String node = "node-" + n;
                Thread claimer = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    store.claim(node, clock.instant(), clock.instant().plus(JobRunner.LEASE)).ifPresent(j -> claimed.incrementAndGet());
                });
                claimer.start();
                claimers.add(claimer);
            }
            go.countDown();
            for (Thread claimer : claimers) {
                claimer.join();
            }
            assertThat(claimed.get()).isEqualTo(1);
            String holder = store.find(job.id()).orElseThrow().node();
            assertThat(store.claim("other", clock.instant(), clock.instant().plus(JobRunner.LEASE))).isEmpty();
            store.release(job.id(), holder);
            Job again = store.claim("other", clock.instant(), clock.instant().plus(JobRunner.LEASE)).orElseThrow();
            assertThat(again.node()).isEqualTo("other");
            assertThat(again.runs()).isEqualTo(2);
            assertThat(store.renew(job.id(), holder, clock.instant(), clock.instant())).isFalse();
        }
    }

    @Test
    void a_running_job_that_is_cancelled_stops_at_its_next_checkpoint_and_stays_cancelled(@TempDir Path data) throws Exception {
        try (Database database = TestDatabases.open(data)) {
            MutableClock clock = new MutableClock(NOW);
            JdbcJobStore store = new JdbcJobStore(database, clock);
            CountDownLatch started = new CountDownLatch(1);
            AtomicInteger steps = new AtomicInteger();
            JobWork endless = (job, progress) -> {
                while (progress.checkpoint(Integer.toString(steps.get()), steps.incrementAndGet(), null, Map.of("steps", steps.get()))) {
                    started.countDown();
                    Thread.sleep(5);
                }
            };
            Job job = store.create("endless", Map.of(), "test", null, false, clock.instant());
            try (JobRunner runner = JobRunner.start(store, Map.of("endless", endless), clock, "node", 1)) {
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(store.cancel(job.id(), "test", clock.instant()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
                int at = steps.get();
                Thread.sleep(500);
                assertThat(steps.get()).as("no step after the one in hand").isLessThanOrEqualTo(at + 1);
                Job cancelled = store.find(job.id()).orElseThrow();
                assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
                assertThat(cancelled.cancelledBy()).isEqualTo("test");
                assertThat(runner.runs().succeededCount()).isZero();
            }
        }
    }

    private static Job awaitEnd(JobStore store, String id) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < until) {
            Job job = store.find(id).orElseThrow();
            if (job.state().ended()) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " has not ended in two minutes");
    }

}
