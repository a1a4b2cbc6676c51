package org.servicestandards.rulesets;

import java.util.List;
import java.util.function.Supplier;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A rule set built, or the problems that kept it from being built: {@code set} is null exactly when there are problems. */
record Built(RuleSet set, List<RuleProblem> problems) {

    private static final Logger LOG = LoggerFactory.getLogger(Built.class);

    /**
     * Builds with {@code build}. Whatever the engine throws makes a refusal like any other, named
     * after {@code file} (what was being built), never an error of the service.
     */
    static Built of(String file, Supplier<RuleSet> build) {
        try {
            return new Built(build.get(), List.of());
        } catch (RuleSetException e) {
            return new Built(null, e.problems());
        } catch (RuntimeException e) {
            LOG.warn("rule set from {} could not be built", file, e);
            return new Built(null, List.of(new RuleProblem(file, 0, 0, "could not be built: " + e)));
        }
    }

    boolean ok() {
        return set != null;
    }
}
