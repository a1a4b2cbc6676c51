package org.servicestandards.standards.facts;

import java.math.BigDecimal;
import org.servicestandards.interaction.Interaction;

/** The lowest passing score (percent) of a scored standard for one interaction. */
public record PassMark(Interaction interaction, String standard, BigDecimal percent) {

    public PassMark(Interaction interaction, String standard, String percent) {
        this(interaction, standard, new BigDecimal(percent.trim()));
    }
}
