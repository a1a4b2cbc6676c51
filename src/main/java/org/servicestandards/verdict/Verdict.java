package org.servicestandards.verdict;

import java.time.Instant;
import java.util.List;

/**
 * Every per-interaction standard's outcome for one record revision, judged at {@code asOf} by
 * the rule set whose content hash is {@code ruleset}. {@code revision} is null for records
 * checked without being stored.
 */
public record Verdict(String interactionId, Integer revision, Instant asOf, String ruleset,
                      List<StandardOutcome> outcomes) {

    public Verdict {
        outcomes = List.copyOf(outcomes);
    }

    public Verdict withRevision(int number) {
        return new Verdict(interactionId, number, asOf, ruleset, outcomes);
    }

    public StandardOutcome outcome(String standard) {
        return outcomes.stream().filter(o -> o.standard().equals(standard)).findFirst().orElse(null);
    }
}
