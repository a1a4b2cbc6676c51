package org.servicestandards.standards.facts;

import java.time.Instant;
import java.util.Map;
import org.servicestandards.verdict.Subject;

/**
 * Judged: a history standard applies to a subject, over the window {@code from}..{@code to},
 * with the evidence it was judged on (name to value, in the order given). Without it the
 * subject is not judged by the standard.
 */
public record Checked(Subject subject, String standard, Instant from, Instant to, Map<String, String> evidence) {

    public Checked {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
    }
}
