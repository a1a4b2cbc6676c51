package org.servicestandards.standards.facts;

import java.time.Instant;
import org.servicestandards.interaction.Interaction;

/**
 * Judged: the standard cannot be decided yet; it falls due at {@code dueAt}, or is null while
 * the clock is stopped.
 */
public record Pending(Interaction interaction, String standard, String rule, Instant dueAt) implements Deadline {
}
