package org.servicestandards.standards.facts;

import java.time.Instant;
import org.servicestandards.verdict.Subject;

/** Judged: a history standard cannot be decided yet for the subject; it falls due at {@code dueAt}. */
public record HistoryPending(Subject subject, String standard, String rule, Instant dueAt) implements Deadline {
}
