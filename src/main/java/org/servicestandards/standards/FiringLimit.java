package org.servicestandards.standards;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Bounds the rule firings of one evaluation, so a rule set that never settles (a rule that
 * inserts or updates what makes it fire again) fails the evaluation instead of hanging it. The
 * shipped rules fire a few dozen times per record; the bound allows far more than any rule set
 * that settles, and far less than one that loops can fill memory with.
 */
final class FiringLimit {

    /** Firings allowed per fact put into the session, and at least. */
    static final int PER_FACT = 500;
    static final int AT_LEAST = 10_000;

    private FiringLimit() {
    }

    static int of(int facts) {
        return (int) Math.min(Integer.MAX_VALUE, AT_LEAST + (long) PER_FACT * facts);
    }

    /** Fires the session's rules up to the bound; past it, names the rule that fired most and fails. */
    static void fire(KieSession session, int facts) {
        int limit = of(facts);
        int fired;
        try {
            fired = session.fireAllRules(limit);
        } catch (RuntimeException e) {
            throw JudgingException.of(e);
        } catch (LinkageError e) {
            // Drools' generated code for some constraints does not link on this JVM; the record cannot be judged.
            throw new JudgingException(null, "a rule cannot run in this engine: " + e, e);
        }
        if (fired < limit) {
            return;
        }
        // Past the bound: fire a few more with a counter, to name the rule that keeps firing.
        Map<String, Integer> counts = new HashMap<>();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                counts.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
            }
        });
        try {
            session.fireAllRules(1_000);
        } catch (RuntimeException e) {
            throw JudgingException.of(e);
        }
        String rule = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        throw new JudgingException(rule, (rule == null ? "the rules" : "rule '" + rule + "'") + " fired more than " + limit
                + " times judging " + facts + " facts and never settled: a rule that inserts or updates what makes it fire"
                + " again loops for ever (add a condition that stops it, or no-loop)", null);
    }
}
