package org.servicestandards.interaction;

import java.util.List;

/**
 * The friendliness checklist of an interaction. Each item is {@code true}, {@code false} or
 * {@code null} when it was not assessed.
 */
public record Courtesy(
        Boolean greeting,
        Boolean addressedByName,
        Boolean eyeContact,
        Boolean smile,
        Boolean listenedAttentively,
        Boolean askedQuestions,
        Boolean explained,
        Boolean offeredHelp,
        Boolean warmFarewell,
        Boolean rudeness) {

    /** The checklist items, in the order a reviewer meets them; rudeness is not an item but a report. */
    public static final List<String> ITEMS = List.of(
            "greeting", "addressedByName", "eyeContact", "smile", "listenedAttentively",
            "askedQuestions", "explained", "offeredHelp", "warmFarewell");

    /** Every field a record may carry under {@code courtesy}. */
    public static final List<String> FIELDS = List.of(
            "greeting", "addressedByName", "eyeContact", "smile", "listenedAttentively",
            "askedQuestions", "explained", "offeredHelp", "warmFarewell", "rudeness");

    /** The assessment of one checklist item by name, {@code null} when not assessed. */
    public Boolean item(String name) {
        return switch (name) {
            case "greeting" -> greeting;
            case "addressedByName" -> addressedByName;
            case "eyeContact" -> eyeContact;
            case "smile" -> smile;
            case "listenedAttentively" -> listenedAttentively;
            case "askedQuestions" -> askedQuestions;
            case "explained" -> explained;
            case "offeredHelp" -> offeredHelp;
            case "warmFarewell" -> warmFarewell;
            case "rudeness" -> rudeness;
            default -> throw new IllegalArgumentException("no courtesy item named " + name);
        };
    }

    public boolean isRudenessReported() {
        return Boolean.TRUE.equals(rudeness);
    }
}
