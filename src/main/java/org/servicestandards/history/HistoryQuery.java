package org.servicestandards.history;

import java.time.Instant;

/**
 * Which history outcomes to list, judged as of {@code asOf}: optionally one customer, standard,
 * outcome or account manager (null: any); customers after {@code after} in id order (empty for
 * the first page), until {@code limit} outcomes are listed.
 */
public record HistoryQuery(Instant asOf, String customer, String standard, String outcome, String accountManager,
                           String after, int limit) {
}
