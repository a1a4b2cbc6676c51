package org.servicestandards.standards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.standards.facts.Applicable;
import org.servicestandards.standards.facts.Breach;
import org.servicestandards.standards.facts.Judging;
import org.servicestandards.standards.facts.Pending;
import org.servicestandards.standards.facts.Score;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/**
 * Judges records by a rule set's per-interaction standards. Rules conclude facts (applicable,
 * breach, pending, score); {@link Conclusion} turns them into outcomes by the one law.
 */
public final class Engine {

    /** Evaluates one record in a fresh session. */
    public Verdict evaluate(RuleSet rules, Interaction record, Instant asOf) {
        return evaluate(rules, List.of(record), asOf).get(0);
    }

    /** Evaluates records together in one fresh session; verdicts come back in the records' order. */
    public List<Verdict> evaluate(RuleSet rules, List<Interaction> records, Instant asOf) {
        // Keyed by value: equal records (the same record posted twice in a batch) are judged
        // once and share their conclusions, as Drools merges the facts derived from them.
        Map<Interaction, Conclusions> byRecord = new HashMap<>(records.size() * 2);
        for (Interaction record : records) {
            byRecord.putIfAbsent(record, new Conclusions());
        }
        KieSession session = rules.newSession();
        try {
            if (rules.declaresJudging()) {
                session.setGlobal("judging", new Judging(rules.calendars(), asOf));
            }
            if (rules.choosesCalendars()) {
                // The calendar table fires first: every record's calendar is chosen before any rule measures its time.
                session.getAgenda().getAgendaGroup(RuleSet.CALENDARS_PACKAGE).setFocus();
            }
            for (Interaction record : byRecord.keySet()) {
                session.insert(record);
            }
            FiringLimit.fire(session, byRecord.size());
            for (Object fact : session.getObjects()) {
                collect(fact, byRecord);
            }
        } finally {
            session.dispose();
        }
        List<StandardDefinition> standards = rules.standards(StandardScope.INTERACTION);
        List<Verdict> verdicts = new ArrayList<>(records.size());
        for (Interaction record : records) {
            Conclusions conclusions = byRecord.get(record);
            List<StandardOutcome> outcomes = new ArrayList<>(standards.size());
            for (StandardDefinition standard : standards) {
                outcomes.add(conclusions.outcome(standard));
            }
            verdicts.add(new Verdict(record.id(), null, asOf, rules.version(), outcomes));
        }
        return verdicts;
    }

    private static void collect(Object fact, Map<Interaction, Conclusions> byRecord) {
        if (fact instanceof Breach breach) {
            conclusions(byRecord, breach.interaction()).of(breach.standard()).breaches.add(breach);
        } else if (fact instanceof Pending pending) {
            conclusions(byRecord, pending.interaction()).of(pending.standard()).pending.add(pending);
        } else if (fact instanceof Applicable applicable) {
            conclusions(byRecord, applicable.interaction()).of(applicable.standard()).applicable = true;
        } else if (fact instanceof Score score) {
            conclusions(byRecord, score.interaction()).of(score.standard()).score = score;
        }
    }

    private static Conclusions conclusions(Map<Interaction, Conclusions> byRecord, Interaction record) {
        Conclusions conclusions = byRecord.get(record);
        if (conclusions == null) {
            throw new IllegalStateException("a rule concluded about a record that was not judged: " + record.id());
        }
        return conclusions;
    }

    /** What the rules concluded about one record, by standard. */
    private static final class Conclusions {
        private final Map<String, Conclusion> byStandard = new LinkedHashMap<>();

        Conclusion of(String standard) {
            return byStandard.computeIfAbsent(standard, s -> new Conclusion());
        }

        StandardOutcome outcome(StandardDefinition standard) {
            Conclusion found = byStandard.get(standard.id());
            return found == null ? StandardOutcome.notApplicable(standard.id()) : found.outcome(standard.id(), standard.severity());
        }
    }
}
