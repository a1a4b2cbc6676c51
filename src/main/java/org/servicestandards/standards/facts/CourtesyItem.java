package org.servicestandards.standards.facts;

import org.servicestandards.interaction.Interaction;

/** One friendliness checklist item that applies to an interaction's channel, per the officers' table. */
public record CourtesyItem(Interaction interaction, String item, boolean mandatory) {

    public CourtesyItem(Interaction interaction, String item, String mandatory) {
        this(interaction, item, Target.yes(mandatory));
    }

    public CourtesyItem {
        if (!org.servicestandards.interaction.Courtesy.ITEMS.contains(item)) {
            throw new IllegalArgumentException("'" + item + "' is not a courtesy item; known items: "
                    + org.servicestandards.interaction.Courtesy.ITEMS);
        }
    }

    /** The reviewer's assessment, null when not assessed. */
    public Boolean assessment() {
        return interaction.courtesy() == null ? null : interaction.courtesy().item(item);
    }

    public boolean isAssessed() {
        return assessment() != null;
    }

    public boolean isKept() {
        return Boolean.TRUE.equals(assessment());
    }

    public boolean isMissed() {
        return Boolean.FALSE.equals(assessment());
    }
}
