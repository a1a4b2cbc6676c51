package org.servicestandards.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.servicestandards.access.RateLimits;

/**
 * The nodes' rate-limit counts in {@code rate_counts}: each exchange replaces this node's rows in
 * one transaction and sums the other nodes' rows reported within the last minute.
 */
public final class JdbcRateCounts implements RateLimits.Shared {

    /** Counts older than this are from a node that stopped; a minute's window plus a margin. */
    private static final long FRESH_MILLIS = 65_000;

    private final Database database;
    private final Clock clock;
    private final String node;

    public JdbcRateCounts(Database database, Clock clock, String node) {
        this.database = database;
        this.clock = clock;
        this.node = node;
    }

    @Override
    public Map<String, Long> exchange(Map<String, Long> mine) {
        long now = clock.millis();
        return database.write(h -> {
            h.createUpdate("DELETE FROM rate_counts WHERE node = ? OR reported_at < ?").bind(0, node).bind(1, now - FRESH_MILLIS)
                    .execute();
            if (!mine.isEmpty()) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO rate_counts (node, key_id, admitted, reported_at) VALUES (?, ?, ?, ?)");
                // In key order, so two nodes' transactions take the index entries in one order.
                new TreeMap<>(mine).forEach((key, admitted) -> batch.add(node, key, admitted, now));
                batch.execute();
            }
            Map<String, Long> others = new HashMap<>();
            h.createQuery("SELECT key_id, SUM(admitted) FROM rate_counts WHERE node <> ? GROUP BY key_id").bind(0, node)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> others.put(e.getKey(), e.getValue()));
            return others;
        });
    }
}
