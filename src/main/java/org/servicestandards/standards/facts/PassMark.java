package org.servicestandards.standards.facts;

import java.math.BigDecimal;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Severity;

/**
 * The lowest passing score (percent) of a scored standard for one interaction, and the severity
 * of the finding a lower score is, both from the officers' table.
 */
public record PassMark(Interaction interaction, String standard, BigDecimal percent, Severity severity) {

    /** The form decision tables use: the percent and the severity as written in their cells. */
    public PassMark(Interaction interaction, String standard, String percent, String severity) {
        this(interaction, standard, new BigDecimal(percent.trim()), FindingSeverity.parse(severity));
    }
}
