package org.servicestandards.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicestandards.jobs.Leases;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.verdict.HistoryOutcome;

/**
 * The history standards: a customer's stored history judged as of an instant, on demand (the
 * same stored data and asOf give the same answer every time), by the daily sweep over every
 * customer, and again whenever a stored PENDING outcome falls due or a customer's history
 * changes. A customer's history is the unit of work; customers are judged in parallel, a page
 * at a time, so memory stays flat however many records are stored.
 */
public final class HistoryStandards implements AutoCloseable {

    /** Customers read and judged together. */
    static final int PAGE = 250;
    private static final int MAX_ROUNDS = 200;

    private final RuleSets ruleSets;
    private final HistoryStore store;
    private final Clock clock;
    private final HistoryJudge judge;
    private final HistoryKeeping keeping;
    private volatile Sweep lastSweep;
    private volatile Duration lastSweepTook;

    /** The lease of the cluster's one running sweep, renewed as it goes. */
    public static final String SWEEP_JOB = "history-sweep";
    private static final Duration SWEEP_LEASE = Duration.ofMinutes(2);
    private static final Duration SWEEP_WAIT = Duration.ofMillis(200);

    private final Leases leases;
    private final java.util.concurrent.locks.ReentrantLock sweeping = new java.util.concurrent.locks.ReentrantLock();

    /** History standards that sweep as the one process there is. */
    public HistoryStandards(RuleSets ruleSets, HistoryStore store, Clock clock, int threads) {
        this(ruleSets, store, clock, threads, Leases.alone());
    }

    /** History standards whose sweeps run on one node of the cluster at a time, as {@code leases} decide. */
    public HistoryStandards(RuleSets ruleSets, HistoryStore store, Clock clock, int threads, Leases leases) {
        this.ruleSets = ruleSets;
        this.store = store;
        this.clock = clock;
        this.judge = new HistoryJudge(threads);
        this.keeping = new HistoryKeeping(judge, store);
        this.leases = leases;
    }

    /** One customer's history outcomes as of {@code asOf}; empty when the register does not know them. */
    public Optional<List<HistoryOutcome>> customer(String id, Instant asOf) {
        RuleSet rules = ruleSets.current();
        return store.customer(id).map(history -> judge.judge(rules, history, asOf));
    }

    /** A page of history outcomes, judged now as of the query's asOf, customer by customer in id order. */
    public HistoryPage page(HistoryQuery query) {
        RuleSet rules = ruleSets.current();
        List<HistoryOutcome> items = new ArrayList<>();
        if (query.customer() != null) {
            Optional<HistoryStore.CustomerRecords> one = store.customer(query.customer())
                    .filter(h -> query.accountManager() == null || query.accountManager().equals(h.accountManager()));
            one.ifPresent(history -> items.addAll(filter(judge.judge(rules, history, query.asOf()), query)));
            return new HistoryPage(query.asOf(), rules.version(), one.isPresent() ? 1 : 0, items, null);
        }
        String after = query.after() == null ? "" : query.after();
        int customers = 0;
        while (true) {
            List<String> ids = store.customerIds(after, PAGE, query.accountManager());
            if (ids.isEmpty()) {
                return new HistoryPage(query.asOf(), rules.version(), customers, items, null);
            }
            List<HistoryStore.CustomerRecords> histories = store.histories(ids);
            List<List<HistoryOutcome>> judged = judge.judgeAll(rules, histories, query.asOf());
            for (int k = 0; k < histories.size(); k++) {
                customers++;
                items.addAll(filter(judged.get(k), query));
                after = histories.get(k).id();
                if (items.size() >= query.limit()) {
                    boolean more = k < histories.size() - 1 || !store.customerIds(after, 1, query.accountManager()).isEmpty();
                    return new HistoryPage(query.asOf(), rules.version(), customers, items, more ? after : null);
                }
            }
            after = ids.get(ids.size() - 1);
        }
    }

    /** What a sweep did. */
    public record Sweep(Instant asOf, String ruleset, int customers, int outcomes, int failed) {
    }

    /**
     * Judges every customer's history as of {@code asOf} and keeps the outcomes, so reports
     * cover the history standards. Pages of customers are judged and stored in parallel; a
     * customer the rules cannot judge is logged and skipped, and holds up no other. One node of
     * the cluster sweeps at a time: a request that finds another node sweeping waits for it, and
     * is answered by that sweep when it was of the same {@code asOf}.
     */
    public Sweep sweep(Instant asOf) {
        return sweep(asOf, clock.instant(), customers -> true);
    }

    /** Hears during a sweep how many customers it has judged; answers false to stop it (it is then not finished). */
    @FunctionalInterface
    public interface Progress {
        boolean judged(int customers);
    }

    /** How many customers a sweep judges. */
    public long customerCount() {
        return store.customerCount();
    }

    /**
     * {@link #sweep(Instant)} asked for at {@code requested} (a job's creation, which may be a
     * while before a node runs it), telling {@code progress} as pages of customers are judged. A
     * sweep as of the same instant that finished after {@code requested} answers for this one.
     */
    public Sweep sweep(Instant asOf, Instant requested, Progress progress) {
        // The lease is this node's: two job threads of one node would both hold it, so they take turns here first.
        sweeping.lock();
        try {
            return sweepAlone(asOf, requested, progress);
        } finally {
            sweeping.unlock();
        }
    }

    private Sweep sweepAlone(Instant asOf, Instant requested, Progress progress) {
        while (!leases.hold(SWEEP_JOB, SWEEP_LEASE)) {
            try {
                Thread.sleep(SWEEP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for another node's sweep", e);
            }
        }
        try {
            Optional<Sweep> done = store.finishedSweep(asOf, requested);
            return done.isPresent() ? done.get() : sweepHolding(asOf, progress);
        } finally {
            leases.release(SWEEP_JOB);
        }
    }

    private Sweep sweepHolding(Instant asOf, Progress progress) {
        RuleSet rules = ruleSets.current();
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        store.sweep(asOf, started, null, rules.version(), 0, 0);
        AtomicInteger customers = new AtomicInteger();
        AtomicInteger outcomes = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(judge.threads() * 2);
        List<Future<?>> pages = new ArrayList<>();
        String after = "";
        boolean stopped = false;
        try {
            while (true) {
                List<String> ids = store.customerIds(after, PAGE, null);
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                if (!progress.judged(customers.get())) {
                    stopped = true;
                    break;
                }
                leases.hold(SWEEP_JOB, SWEEP_LEASE);
                inFlight.acquire();
                pages.add(judge.submit(() -> {
                    try {
                        HistoryKeeping.Judged judged = keeping.judgeAndKeep(rules, store.histories(ids), asOf);
                        customers.addAndGet(judged.customers());
                        outcomes.addAndGet(judged.kept());
                        failed.addAndGet(judged.failed());
                    } finally {
                        inFlight.release();
                    }
                }));
                pages.removeIf(Future::isDone);
            }
            for (Future<?> page : pages) {
                page.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the sweep as of " + asOf + " was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the sweep as of " + asOf + " failed: " + e.getCause().getMessage(), e.getCause());
        }
        if (stopped) {
            return new Sweep(asOf, rules.version(), customers.get(), outcomes.get(), failed.get());
        }
        store.sweep(asOf, started, clock.instant(), rules.version(), customers.get(), outcomes.get());
        lastSweep = new Sweep(asOf, rules.version(), customers.get(), outcomes.get(), failed.get());
        lastSweepTook = Duration.ofNanos(System.nanoTime() - startedNanos);
        return lastSweep;
    }

    /** The last sweep this process ran, and how long it took; empty before the first. */
    public Optional<Sweep> lastSweepRun() {
        return Optional.ofNullable(lastSweep);
    }

    public Optional<Duration> lastSweepTook() {
        return Optional.ofNullable(lastSweepTook);
    }

    /** The asOf of the last finished sweep. */
    public Optional<Instant> lastSweep() {
        return store.lastSweep();
    }

    /**
     * Judges again, at {@code now}, the customers with a stored PENDING history outcome that has
     * fallen due, so nothing counts as pending that has breached. Returns how many customers.
     */
    public int judgeFallenDue(Instant now) {
        RuleSet rules = ruleSets.current();
        int judged = 0;
        // A cursor, so customers that cannot be judged or kept hold up none after them.
        String after = "";
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<String> due = store.pendingFallenDue(now, after, PAGE);
            if (due.isEmpty()) {
                break;
            }
            judged += keeping.judgeAndKeep(rules, store.histories(due), now).customers();
            if (due.size() < PAGE) {
                break;
            }
            after = due.get(due.size() - 1);
        }
        return judged;
    }

    /** Judges again, at {@code now}, the customers whose history changed since last judged. Returns how many. */
    public int judgeChanged(Instant now) {
        RuleSet rules = ruleSets.current();
        int judged = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Map<String, Long> changed = store.changed(PAGE);
            if (changed.isEmpty()) {
                break;
            }
            judged += keeping.judgeAndKeep(rules, store.histories(new ArrayList<>(changed.keySet())), now).customers();
            store.judged(changed);
            if (changed.size() < PAGE) {
                break;
            }
        }
        return judged;
    }

    /** Hears, customer by customer, the history outcomes of the serving rule set and a candidate's instead (null: it could not). */
    @FunctionalInterface
    public interface Comparison {
        void add(String customer, List<HistoryOutcome> serving, List<HistoryOutcome> candidate);
    }

    /** The histories of {@code customers} judged as of {@code asOf} by both rule sets, nothing stored; false from {@code more} stops it. */
    public void compare(RuleSet serving, RuleSet candidate, java.util.Collection<String> customers, Instant asOf,
                        Comparison comparison, java.util.function.BooleanSupplier more) {
        HistoryComparison.compare(judge, store, serving, candidate, customers, asOf, comparison, more);
    }

    /** How many customers, judged again as deadlines passed or records came in, could not have their outcomes kept. */
    public long unkeptCustomers() {
        return keeping.unkept();
    }

    private static List<HistoryOutcome> filter(List<HistoryOutcome> outcomes, HistoryQuery query) {
        return outcomes.stream()
                .filter(o -> query.standard() == null || o.standard().equals(query.standard()))
                .filter(o -> query.outcome() == null || o.outcome().name().equals(query.outcome()))
                .toList();
    }

    @Override
    public void close() {
        judge.close();
    }

}
