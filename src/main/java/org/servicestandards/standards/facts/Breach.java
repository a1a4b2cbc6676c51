package org.servicestandards.standards.facts;

import java.time.Duration;
import org.kie.api.runtime.rule.RuleContext;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Severity;

/**
 * Judged: a finding against a standard, with the rule that found it and the evidence. Any
 * breach makes the standard FAIL; the worst severity is the outcome's. A breach whose
 * {@code severity} is null has the severity {@code standards.csv} declares for its standard: the
 * engine gives it that one when it makes the breach a finding.
 */
public record Breach(Interaction interaction, String standard, String rule, Severity severity, String message,
                     String measured, String target) implements Shortfall {

    /**
     * A breach found by the rule firing in {@code context}, of the severity {@code standards.csv}
     * declares for the standard; durations are written as ISO-8601.
     */
    public static Breach of(Interaction interaction, String standard, RuleContext context,
                            String message, Object measured, Object target) {
        return of(interaction, standard, context, null, message, measured, target);
    }

    /**
     * A breach of a severity an officers' table gives the finding (a courtesy item's, a pass
     * mark's), for a standard whose findings differ in severity; null is the declared severity.
     */
    public static Breach of(Interaction interaction, String standard, RuleContext context, Severity severity,
                            String message, Object measured, Object target) {
        return new Breach(interaction, standard, context.getRule().getName(), severity, message,
                evidence(measured), evidence(target));
    }

    /** Evidence as text: durations in ISO-8601, numbers plain. */
    public static String evidence(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Duration duration) {
            return duration.toString();
        }
        if (value instanceof java.math.BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
