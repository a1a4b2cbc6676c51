package org.servicestandards.rulesets;

import java.util.List;
import java.util.Map;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.load.RuleSetLoader;

/** The outcome of validating a candidate rule set, which is never loaded. */
public record CandidateValidation(boolean ok, String version, int exampleCases, int exampleExpectations,
                                  List<RuleProblem> problems) {

    /** Compiles candidate files with {@code loader} and runs their example cases. */
    static CandidateValidation of(RuleSetLoader loader, Map<String, byte[]> files) {
        Built candidate = Built.of("rules", () -> loader.compile(files));
        return candidate.ok()
                ? new CandidateValidation(true, candidate.set().version(), candidate.set().exampleCases(),
                        candidate.set().exampleExpectations(), List.of())
                : new CandidateValidation(false, null, 0, 0, candidate.problems());
    }
}
