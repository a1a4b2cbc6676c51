package org.servicestandards.history;

import java.time.Instant;
import java.util.List;
import org.servicestandards.verdict.HistoryOutcome;

/**
 * History outcomes judged as of {@code asOf} by rule set {@code ruleset}, customer by customer
 * in id order: {@code customers} were judged for this page, and {@code next} is the cursor of
 * the next page ({@code after=}), null on the last. A customer's outcomes are never split.
 */
public record HistoryPage(Instant asOf, String ruleset, int customers, List<HistoryOutcome> items, String next) {
}
