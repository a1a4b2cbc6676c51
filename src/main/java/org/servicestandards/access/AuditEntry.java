package org.servicestandards.access;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the audit log: who ({@code actor}: a key's name and id, the command line, the
 * rules watcher), did what ({@code action}, e.g. {@code rules.reload}, {@code key.create},
 * {@code export}), to what, when, with details.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, Map<String, Object> detail) {

    public AuditEntry {
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(detail));
    }
}
