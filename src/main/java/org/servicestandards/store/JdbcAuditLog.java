package org.servicestandards.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.servicestandards.access.AuditEntry;
import org.servicestandards.access.AuditLog;

/** The audit log over JDBC: each entry numbered one after the last, in the transaction that writes it. */
public final class JdbcAuditLog implements AuditLog {

    private final Jdbi jdbi;
    private final Database database;
    private final Clock clock;

    public JdbcAuditLog(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.clock = clock;
    }

    @Override
    public AuditEntry append(String actor, String action, String target, Map<String, Object> detail) {
        Instant at = clock.instant();
        String json = StoredJson.write(detail == null ? Map.of() : detail);
        // Numbered one after the last: a node that took the same number meanwhile makes this
        // transaction fail on the key, and the write runs again with the next one.
        long seq = database.write(h -> {
            long next = h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM audit_log").mapTo(Long.class).one();
            h.createUpdate("INSERT INTO audit_log (seq, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, next).bind(1, at.toEpochMilli()).bind(2, actor).bind(3, action).bind(4, target)
                    .bind(5, json).execute();
            return next;
        });
        return new AuditEntry(seq, at, actor, action, target, detail);
    }

    @Override
    public List<AuditEntry> read(long after, int limit, String action) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, at, actor, action, target, detail FROM audit_log WHERE seq > :after"
                        + (action == null ? "" : " AND action = :action") + " ORDER BY seq LIMIT :limit")
                .bind("after", after).bind("limit", limit).bind("action", action)
                .map((rs, ctx) -> new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), StoredJson.readMap(rs.getString(6))))
                .list());
    }
}
