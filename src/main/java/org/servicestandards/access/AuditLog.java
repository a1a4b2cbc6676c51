package org.servicestandards.access;

import java.util.List;
import java.util.Map;

/** The append-only audit log: rule-set changes, keys made and revoked, re-evaluations, exports. */
public interface AuditLog {

    /** Appends an entry, now; it is never changed or removed. */
    AuditEntry append(String actor, String action, String target, Map<String, Object> detail);

    /** Entries after {@code after} (0 for the first), oldest first, at most {@code limit}; only {@code action} when given. */
    List<AuditEntry> read(long after, int limit, String action);
}
