package org.servicestandards.history;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.servicestandards.standards.JudgingException;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.verdict.HistoryOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges a page of customers' histories and keeps their outcomes: what a sweep, a deadline that
 * fell due and a changed history all do. A customer the rules cannot judge, or whose outcomes
 * cannot be kept, is logged and counted, and holds up no other.
 */
final class HistoryKeeping {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryKeeping.class);

    private final HistoryJudge judge;
    private final HistoryStore store;
    /** Customers judged again as deadlines passed or records came in whose outcomes could not be kept. */
    private final AtomicLong unkept = new AtomicLong();

    HistoryKeeping(HistoryJudge judge, HistoryStore store) {
        this.judge = judge;
        this.store = store;
    }

    record Judged(int customers, int kept, int failed) {
    }

    Judged judgeAndKeep(RuleSet rules, List<HistoryStore.CustomerRecords> histories, Instant asOf) {
        Map<String, List<HistoryOutcome>> byCustomer = new LinkedHashMap<>();
        int failed = 0;
        for (HistoryStore.CustomerRecords history : histories) {
            try {
                byCustomer.put(history.id(), judge.judge(rules, history, asOf));
            } catch (JudgingException e) {
                failed++;
                LOG.error("the history of customer {} cannot be judged by rule set {}: {}", history.id(), rules.version(),
                        e.getMessage(), e);
            }
        }
        return new Judged(byCustomer.size(), keep(byCustomer, asOf), failed);
    }

    /**
     * Keeps the judged outcomes in one transaction; when that fails, customer by customer, so one
     * customer whose outcomes cannot be kept (logged, and counted in the metrics) holds up no other.
     */
    private int keep(Map<String, List<HistoryOutcome>> byCustomer, Instant asOf) {
        try {
            return store.save(byCustomer, asOf);
        } catch (RuntimeException whole) {
            if (byCustomer.size() == 1) {
                unkept.incrementAndGet();
                LOG.error("the history outcomes of customer {} as of {} cannot be kept", byCustomer.keySet(), asOf, whole);
                return 0;
            }
            LOG.warn("keeping the history outcomes of {} customers failed; keeping them one by one", byCustomer.size(), whole);
            int kept = 0;
            for (Map.Entry<String, List<HistoryOutcome>> customer : byCustomer.entrySet()) {
                kept += keep(Map.of(customer.getKey(), customer.getValue()), asOf);
            }
            return kept;
        }
    }

    long unkept() {
        return unkept.get();
    }
}
