package org.servicestandards.standards;

/**
 * A rule failed while judging a record: the rule set loaded, but one of its rules throws on
 * this record. The record cannot be judged; others can.
 */
public final class JudgingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String rule;

    JudgingException(String rule, String message, Throwable cause) {
        super(message, cause);
        this.rule = rule;
    }

    /** The failing rule's name, or null when the engine did not say. */
    public String rule() {
        return rule;
    }
}
