package org.servicestandards.standards.facts;

import java.util.Locale;
import org.servicestandards.interaction.Courtesy;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Severity;

/**
 * One friendliness checklist item that applies to an interaction's channel, per the officers'
 * table. A mandatory item carries the severity of the finding it is when assessed false; an item
 * that is not mandatory only counts in the score, and its {@code severity} is null. The items are
 * the fields of the record's {@code courtesy} block ({@link Courtesy#ITEMS}): a table may list
 * those, on the channels it chooses, and no others, for a record carries no other assessment.
 */
public record CourtesyItem(Interaction interaction, String item, Severity severity) {

    /** The form the table uses: the item's name, and {@code no} or the severity of the finding a miss is. */
    public CourtesyItem(Interaction interaction, String item, String mandatory) {
        this(interaction, item, severityOfAMiss(item, mandatory));
    }

    public CourtesyItem {
        if (!Courtesy.ITEMS.contains(item)) {
            throw new IllegalArgumentException(unknown(item));
        }
    }

    /** Whether missing the item is a finding (of {@code severity}), not only a lower score. */
    public boolean isMandatory() {
        return severity != null;
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

    private static String unknown(String item) {
        String carried = "the items interaction records carry in their courtesy block are " + String.join(", ", Courtesy.ITEMS);
        if ("rudeness".equals(item)) {
            return "'rudeness' is not a checklist item: it is reported (courtesy.rudeness) and found by its own rule, never"
                    + " scored; " + carried;
        }
        return "'" + item + "' is not a courtesy item the records carry, so no record could assess it; " + carried
                + ". The table may list these on the channels it chooses and mark them mandatory or not; an item"
                + " of its own needs the record format to carry it first";
    }

    private static Severity severityOfAMiss(String item, String mandatory) {
        String cell = mandatory.trim().toLowerCase(Locale.ROOT);
        if (cell.equals("no") || cell.equals("false")) {
            return null;
        }
        if (cell.equals("yes") || cell.equals("true")) {
            throw new IllegalArgumentException("'" + mandatory.trim() + "' for " + item + ": a mandatory item names the"
                    + " severity of the finding a miss is (CRITICAL, MAJOR or MINOR); an item that is not mandatory says no");
        }
        try {
            return FindingSeverity.parse(mandatory);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + mandatory.trim() + "' for " + item + ": write no, or the severity of"
                    + " the finding a miss is (CRITICAL, MAJOR or MINOR)", e);
        }
    }
}
