package org.servicestandards.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.servicestandards.standards.HistoryEngine;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.verdict.HistoryOutcome;

/** Judges customers' histories by the history standards, a page of customers spread over a pool of daemon threads. */
final class HistoryJudge implements AutoCloseable {

    private final HistoryEngine engine = new HistoryEngine();
    private final int threads;
    private final ExecutorService workers;

    HistoryJudge(int threads) {
        this.threads = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(this.threads, runnable -> {
            Thread thread = new Thread(runnable, "history-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    int threads() {
        return threads;
    }

    Future<?> submit(Runnable work) {
        return workers.submit(work);
    }

    List<List<HistoryOutcome>> judgeAll(RuleSet rules, List<HistoryStore.CustomerRecords> histories, Instant asOf) {
        if (histories.size() < 2 || threads == 1) {
            return histories.stream().map(h -> judge(rules, h, asOf)).toList();
        }
        int slice = Math.max(1, (histories.size() + threads - 1) / threads);
        List<Future<List<List<HistoryOutcome>>>> slices = new ArrayList<>();
        for (int start = 0; start < histories.size(); start += slice) {
            List<HistoryStore.CustomerRecords> part = histories.subList(start, Math.min(histories.size(), start + slice));
            slices.add(workers.submit(() -> part.stream().map(h -> judge(rules, h, asOf)).toList()));
        }
        List<List<HistoryOutcome>> judged = new ArrayList<>(histories.size());
        try {
            for (Future<List<List<HistoryOutcome>>> part : slices) {
                judged.addAll(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("judging histories was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return judged;
    }

    List<HistoryOutcome> judge(RuleSet rules, HistoryStore.CustomerRecords history, Instant asOf) {
        return engine.judge(rules, new CustomerHistory(history.id(), history.name(), history.accountManager(), history.tiers(), asOf),
                history.records());
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
