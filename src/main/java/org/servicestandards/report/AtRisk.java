package org.servicestandards.report;

import java.time.Instant;

/** A PENDING outcome that falls due soon (or already has, when {@code overdue}). */
public record AtRisk(String interactionId, int revision, String standard, Instant dueAt, boolean overdue,
                     Instant openedAt, String customer, String tier, String agent, String team, String channel) {
}
