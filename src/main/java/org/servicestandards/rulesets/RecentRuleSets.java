package org.servicestandards.rulesets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.servicestandards.standards.RuleSet;

/** Rule sets that served before, compiled again for re-judging: the few used most recently are kept. */
final class RecentRuleSets {

    private static final int KEPT = 3;

    private final Map<String, RuleSet> kept = new LinkedHashMap<>(KEPT + 1, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > KEPT;
        }
    };

    /** The rule set of {@code version}, kept or compiled by {@code compile} (and then kept); empty when it cannot be had. */
    Optional<RuleSet> get(String version, Function<String, Optional<RuleSet>> compile) {
        synchronized (kept) {
            RuleSet cached = kept.get(version);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<RuleSet> compiled = compile.apply(version);
        compiled.ifPresent(set -> {
            synchronized (kept) {
                kept.put(version, set);
            }
        });
        return compiled;
    }
}
