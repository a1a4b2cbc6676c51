package org.servicestandards.rulesets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.load.RuleSetLoader;

/**
 * The outcome of validating a candidate rule set, which is never loaded: {@code compiled} is the
 * candidate as built (null when it has problems), to judge with without serving it (an impact
 * preview).
 */
public record CandidateValidation(boolean ok, String version, int exampleCases, int exampleExpectations,
                                  List<RuleProblem> problems, RuleSet compiled) {

    /** Compiles candidate files with {@code loader} and runs their example cases. */
    static CandidateValidation of(RuleSetLoader loader, Map<String, byte[]> files) {
        Built candidate = Built.of("rules", () -> loader.compile(files));
        return candidate.ok()
                ? new CandidateValidation(true, candidate.set().version(), candidate.set().exampleCases(),
                        candidate.set().exampleExpectations(), List.of(), candidate.set())
                : new CandidateValidation(false, null, 0, 0, candidate.problems(), null);
    }

    /** The candidate as built, when it has no problems. */
    public Optional<RuleSet> set() {
        return Optional.ofNullable(compiled);
    }
}
