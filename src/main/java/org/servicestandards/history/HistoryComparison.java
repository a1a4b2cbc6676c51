package org.servicestandards.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.servicestandards.standards.JudgingException;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.verdict.HistoryOutcome;

/**
 * The history standards of some customers judged by two rule sets at one instant, side by side,
 * storing nothing: what an impact preview shows of a candidate rule set's history standards. A
 * page of customers is read at a time, so memory stays flat however many there are.
 */
final class HistoryComparison {

    private HistoryComparison() {
    }

    static void compare(HistoryJudge judge, HistoryStore store, RuleSet serving, RuleSet candidate, Collection<String> customers,
                        Instant asOf, HistoryStandards.Comparison comparison, BooleanSupplier more) {
        List<String> ids = new ArrayList<>(customers);
        for (int start = 0; start < ids.size(); start += HistoryStandards.PAGE) {
            for (HistoryStore.CustomerRecords history : store.histories(ids.subList(start, Math.min(ids.size(), start + HistoryStandards.PAGE)))) {
                comparison.add(history.id(), judge.judge(serving, history, asOf), judgedOrNull(judge, candidate, history, asOf));
            }
            if (!more.getAsBoolean()) {
                return;
            }
        }
    }

    /** The candidate's outcomes for one customer; null when its rules cannot judge them. */
    private static List<HistoryOutcome> judgedOrNull(HistoryJudge judge, RuleSet candidate, HistoryStore.CustomerRecords history,
                                                     Instant asOf) {
        try {
            return judge.judge(candidate, history, asOf);
        } catch (JudgingException e) {
            return null;
        }
    }
}
