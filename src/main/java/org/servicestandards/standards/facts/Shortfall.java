package org.servicestandards.standards.facts;

import org.servicestandards.verdict.Severity;

/** A finding against a standard, whatever its subject: the rule that found it, and the evidence. */
public interface Shortfall {

    String standard();

    String rule();

    /** The severity a table gave the finding, or null for the one {@code standards.csv} declares for the standard. */
    Severity severity();

    String message();

    String measured();

    String target();
}
