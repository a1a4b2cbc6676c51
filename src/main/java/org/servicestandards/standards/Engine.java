package org.servicestandards.standards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.servicestandards.calendar.Stopwatch;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.standards.facts.Applicable;
import org.servicestandards.standards.facts.Breach;
import org.servicestandards.standards.facts.Judging;
import org.servicestandards.standards.facts.Pending;
import org.servicestandards.standards.facts.Score;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Severity;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/**
 * Judges records by a rule set's per-interaction standards. Rules conclude facts (applicable,
 * breach, pending, score); this class only applies the one law that turns them into outcomes:
 * not applicable without an applicable fact, FAIL on any breach (severity = the worst), PENDING
 * on any pending fact (due at the earliest), PASS otherwise.
 */
public final class Engine {

    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule).thenComparing(Finding::message);

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
                session.setGlobal("judging", new Judging(new Stopwatch(rules.calendar(), asOf)));
            }
            for (Interaction record : byRecord.keySet()) {
                session.insert(record);
            }
            try {
                session.fireAllRules();
            } catch (RuntimeException e) {
                throw judgingFailed(e);
            }
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
                outcomes.add(conclusions.outcome(standard.id()));
            }
            verdicts.add(new Verdict(record.id(), null, asOf, rules.version(), outcomes));
        }
        return verdicts;
    }

    private static final java.util.regex.Pattern FAILED_RULE = java.util.regex.Pattern.compile("rule \"([^\"]+)\"");

    /** Names the rule that threw and what it threw, past the engine's wrappers. */
    private static JudgingException judgingFailed(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getClass().getName().startsWith("org.drools") || cause.getClass().getName().startsWith("org.kie"))) {
            cause = cause.getCause();
        }
        java.util.regex.Matcher rule = FAILED_RULE.matcher(String.valueOf(e.getMessage()));
        String name = rule.find() ? rule.group(1) : null;
        return new JudgingException(name, (name == null ? "a rule" : "rule '" + name + "'") + " failed: " + cause, e);
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
        private final Map<String, ByStandard> byStandard = new LinkedHashMap<>();

        ByStandard of(String standard) {
            return byStandard.computeIfAbsent(standard, s -> new ByStandard());
        }

        StandardOutcome outcome(String standard) {
            ByStandard found = byStandard.get(standard);
            if (found == null || !(found.applicable || !found.breaches.isEmpty() || !found.pending.isEmpty())) {
                return StandardOutcome.notApplicable(standard);
            }
            java.math.BigDecimal score = found.score == null ? null : found.score.percent();
            if (!found.breaches.isEmpty()) {
                Severity worst = null;
                List<Finding> findings = new ArrayList<>(found.breaches.size());
                for (Breach breach : found.breaches) {
                    if (breach.severity().isWorseThan(worst)) {
                        worst = breach.severity();
                    }
                    findings.add(new Finding(breach.rule(), breach.severity(), breach.message(), breach.measured(),
                            breach.target()));
                }
                findings.sort(FINDING_ORDER);
                return new StandardOutcome(standard, Outcome.FAIL, worst, null, score, findings);
            }
            if (!found.pending.isEmpty()) {
                Instant dueAt = null;
                for (Pending pending : found.pending) {
                    if (pending.dueAt() != null && (dueAt == null || pending.dueAt().isBefore(dueAt))) {
                        dueAt = pending.dueAt();
                    }
                }
                return new StandardOutcome(standard, Outcome.PENDING, null, dueAt, score, List.of());
            }
            return new StandardOutcome(standard, Outcome.PASS, null, null, score, List.of());
        }
    }

    private static final class ByStandard {
        private boolean applicable;
        private final List<Breach> breaches = new ArrayList<>(2);
        private final List<Pending> pending = new ArrayList<>(2);
        private Score score;
    }
}
