package org.servicestandards.report;

import java.time.Instant;

/**
 * A PENDING outcome that falls due soon (or already has, when {@code overdue}): of an
 * interaction's standard, or of a history standard about an interaction or customer
 * ({@code subjectKind}; no revision).
 */
public record AtRisk(String interactionId, Integer revision, String standard, Instant dueAt, boolean overdue,
                     Instant openedAt, String customer, String tier, String agent, String team, String channel,
                     String subjectKind) {
}
