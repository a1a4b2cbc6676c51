package org.servicestandards.report;

import java.time.Instant;

/**
 * One finding of a failed standard, with what it is about and the evidence. The subject is an
 * interaction ({@code subjectKind} interaction, with its revision) or, for a history standard,
 * a customer ({@code interactionId} is then the customer's id and there is no revision).
 */
public record Violation(String interactionId, Integer revision, String standard, String rule, String severity,
                        String message, String measured, String target, String ruleset, Instant openedAt,
                        String customer, String tier, String agent, String team, String channel,
                        String subjectKind) {
}
