package org.servicestandards.interaction;

/** The member of staff who handled the interaction, and their team when known. */
public record Agent(String id, String team) {
}
