package org.servicestandards.standards.facts;

import java.time.Duration;
import java.time.Instant;
import org.servicestandards.interaction.Interaction;

/**
 * Derived: the gaps between customer contacts of an open or closed case, counted as the target
 * counts them. {@code longest} runs from {@code longestFrom} to {@code longestTo} (asOf when the
 * case is still open and the latest gap is the longest); {@code lastContact} is the latest
 * contact, from which an open case's next update falls due.
 */
public record ContactGaps(Interaction interaction, Duration longest, Instant longestFrom, Instant longestTo,
                          boolean open, Instant lastContact) {
}
