package org.servicestandards.testing;

import java.nio.file.Path;
import java.time.Instant;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.verdict.StandardOutcome;

/** The rules shipped in {@code rules/}, compiled once for all tests, and judging one record by them. */
public final class ShippedRules {

    private ShippedRules() {
    }

    private static final class Holder {
        private static final RuleSet RULES = new RuleSetLoader().load(Path.of("rules"));
    }

    public static RuleSet rules() {
        return Holder.RULES;
    }

    /** One standard's outcome for the record, judged at {@code asOf}. */
    public static StandardOutcome judge(String standard, RecordBuilder record, String asOf) {
        return new Engine().evaluate(rules(), record.build(), Instant.parse(asOf)).outcome(standard);
    }
}
