package org.servicestandards.report;

import java.time.Instant;

/** One finding of a failed standard, with the record it is about and the evidence. */
public record Violation(String interactionId, int revision, String standard, String rule, String severity,
                        String message, String measured, String target, String ruleset, Instant openedAt,
                        String customer, String tier, String agent, String team, String channel) {
}
