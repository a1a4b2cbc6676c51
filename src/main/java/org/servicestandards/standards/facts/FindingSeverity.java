package org.servicestandards.standards.facts;

import java.util.Locale;
import org.servicestandards.verdict.Severity;

/**
 * The severity an officers' table gives one kind of finding of a standard whose findings differ
 * in severity ("promise-kept", "a late promise the customer was told of in time", MINOR). A
 * finding no table grades has the severity {@code standards.csv} declares for its standard.
 */
public record FindingSeverity(String standard, String finding, Severity severity) {

    /** The form decision tables use: the severity as written in its cell. */
    public FindingSeverity(String standard, String finding, String severity) {
        this(standard, finding, parse(severity));
    }

    /** A table cell naming a severity: CRITICAL, MAJOR or MINOR (in any case). */
    static Severity parse(String cell) {
        try {
            return Severity.valueOf(cell.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + cell + "' is not a severity; use CRITICAL, MAJOR or MINOR", e);
        }
    }
}
