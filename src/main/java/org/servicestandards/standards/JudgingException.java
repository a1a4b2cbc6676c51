package org.servicestandards.standards;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule failed while judging a record: the rule set loaded, but one of its rules throws on
 * this record. The record cannot be judged; others can.
 */
public final class JudgingException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Pattern FAILED_RULE = Pattern.compile("rule \"([^\"]+)\"");

    private final String rule;

    JudgingException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** What the engine threw while judging, naming the rule that threw (when the engine says) and what it threw. */
    public static JudgingException of(Throwable e) {
        if (e instanceof JudgingException judging) {
            return judging;
        }
        String name = ruleNamedIn(e.getMessage());
        return new JudgingException(name, (name == null ? "a rule" : "rule '" + name + "'") + " failed: " + rootCause(e), e);
    }

    /** The rule a message of the engine's names, or null. */
    public static String ruleNamedIn(String message) {
        Matcher rule = FAILED_RULE.matcher(String.valueOf(message));
        return rule.find() ? rule.group(1) : null;
    }

    /** What was thrown, past the engine's own wrappers. */
    public static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getClass().getName().startsWith("org.drools") || cause.getClass().getName().startsWith("org.kie"))) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The failing rule's name, or null when the engine did not say. */
    public String rule() {
        return rule;
    }
}
