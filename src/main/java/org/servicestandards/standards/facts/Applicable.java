package org.servicestandards.standards.facts;

import org.servicestandards.interaction.Interaction;

/** Derived: the standard applies to the interaction. Without it the outcome is NOT_APPLICABLE. */
public record Applicable(Interaction interaction, String standard) {
}
