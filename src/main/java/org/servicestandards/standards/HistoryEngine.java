package org.servicestandards.standards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieSession;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.standards.facts.Checked;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.standards.facts.HistoryBreach;
import org.servicestandards.standards.facts.HistoryJudging;
import org.servicestandards.standards.facts.HistoryPending;
import org.servicestandards.standards.facts.HistoryStandard;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Subject;

/**
 * Judges one customer's history by a rule set's history standards, as of the instant the
 * {@link CustomerHistory} carries: the customer, one fact per declared history standard and
 * every stored interaction of theirs opened by then go into one session of the history rules.
 * The rules conclude what applies (with window and evidence), breaches and pending deadlines;
 * {@link Conclusion} turns them into outcomes by the same law as for single records. The same
 * history and asOf always give the same outcomes, in the same order.
 */
public final class HistoryEngine {

    private static final Comparator<HistoryOutcome> SUBJECT_ORDER = Comparator
            .comparing((HistoryOutcome o) -> !o.subject().isCustomer()).thenComparing(o -> o.subject().id());

    /** The outcomes of every history standard that applies to the customer or their interactions. */
    public List<HistoryOutcome> judge(RuleSet rules, CustomerHistory customer, List<Interaction> records) {
        if (!rules.judgesHistory()) {
            return List.of();
        }
        Instant asOf = customer.getAsOf();
        Map<String, Judged> bySubject = new HashMap<>();
        KieSession session = rules.newHistorySession();
        try {
            if (rules.declaresHistory()) {
                session.setGlobal("history", new HistoryJudging(asOf, rules.calendar()));
            }
            session.insert(customer);
            int facts = 1;
            for (StandardDefinition standard : rules.standards(StandardScope.HISTORY)) {
                session.insert(new HistoryStandard(standard.id(), standard.severity()));
                facts++;
            }
            for (Interaction record : records) {
                if (!record.openedAt().isAfter(asOf)) {
                    session.insert(record);
                    facts++;
                }
            }
            FiringLimit.fire(session, facts);
            for (Object fact : session.getObjects()) {
                if (fact instanceof Checked checked) {
                    Judged judged = judged(bySubject, checked.subject(), checked.standard());
                    judged.conclusion.applicable = true;
                    judged.window = new HistoryOutcome.Window(checked.from(), checked.to());
                    judged.evidence.putAll(checked.evidence());
                } else if (fact instanceof HistoryBreach breach) {
                    judged(bySubject, breach.subject(), breach.standard()).conclusion.breaches.add(breach);
                } else if (fact instanceof HistoryPending pending) {
                    judged(bySubject, pending.subject(), pending.standard()).conclusion.pending.add(pending);
                }
            }
        } finally {
            session.dispose();
        }
        List<HistoryOutcome> outcomes = new ArrayList<>();
        String tier = customer.getTier() == null ? null : customer.getTier().name();
        for (StandardDefinition standard : rules.standards(StandardScope.HISTORY)) {
            List<HistoryOutcome> ofStandard = new ArrayList<>();
            for (Judged judged : bySubject.values()) {
                if (!judged.standard.equals(standard.id()) || !judged.conclusion.isApplicable()) {
                    continue;
                }
                StandardOutcome outcome = judged.conclusion.outcome(standard.id(), standard.severity());
                ofStandard.add(new HistoryOutcome(standard.id(), judged.subject, customer.getId(), customer.getAccountManager(),
                        tier, outcome.outcome(), outcome.severity(), outcome.dueAt(), judged.window, judged.evidence,
                        outcome.findings(), asOf, rules.version()));
            }
            ofStandard.sort(SUBJECT_ORDER);
            outcomes.addAll(ofStandard);
        }
        return outcomes;
    }

    private static Judged judged(Map<String, Judged> bySubject, Subject subject, String standard) {
        return bySubject.computeIfAbsent(standard + '\u0000' + subject.kind() + '\u0000' + subject.id(),
                key -> new Judged(standard, subject));
    }

    /** What the rules concluded about one subject under one standard, with the window and evidence. */
    private static final class Judged {
        private final String standard;
        private final Subject subject;
        private final Conclusion conclusion = new Conclusion();
        private final Map<String, String> evidence = new java.util.LinkedHashMap<>();
        private HistoryOutcome.Window window;

        Judged(String standard, Subject subject) {
            this.standard = standard;
            this.subject = subject;
        }
    }
}
