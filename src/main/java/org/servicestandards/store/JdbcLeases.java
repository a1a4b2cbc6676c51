package org.servicestandards.store;

import java.time.Clock;
import java.time.Duration;
import org.servicestandards.jobs.Leases;

/**
 * Job leases in the {@code job_leases} table: one upsert takes a free or expired lease, or renews
 * this node's own, and the database decides between nodes that ask at once.
 */
public final class JdbcLeases implements Leases {

    private final Database database;
    private final Clock clock;
    private final String node;

    public JdbcLeases(Database database, Clock clock, String node) {
        this.database = database;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public boolean hold(String job, Duration ttl) {
        long now = clock.millis();
        return database.write(h -> h.createUpdate("INSERT INTO job_leases (job, holder, expires_at) VALUES (:job, :node, :until)"
                        + " ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
                        + " WHERE job_leases.holder = excluded.holder OR job_leases.expires_at <= :now")
                .bind("job", job).bind("node", node).bind("until", now + ttl.toMillis()).bind("now", now)
                .execute()) == 1;
    }

    @Override
    public void release(String job) {
        database.use(h -> h.createUpdate("DELETE FROM job_leases WHERE job = ? AND holder = ?").bind(0, job).bind(1, node).execute());
    }

    @Override
    public String node() {
        return node;
    }
}
