package org.servicestandards.store;

import java.time.Clock;
import java.time.Duration;
import org.servicestandards.jobs.Leases;
import org.servicestandards.jobs.Periodic;

/**
 * Keeps the query planner's statistics current as the store grows ({@link Database#keepStatistics}),
 * on one node of the cluster at a time.
 */
public final class StoreStatistics {

    /** How often: SQLite re-analyzes only what has gone stale, so most runs do next to nothing. */
    static final Duration EVERY = Duration.ofMinutes(2);
    /**
     * The first run, soon after start but not in it: a store's statistics persist in it between
     * starts, so a node that starts need not wait for them, and every CLI command that opens the
     * store is spared them.
     */
    static final Duration FIRST = Duration.ofSeconds(10);

    private StoreStatistics() {
    }

    public static Periodic start(Database database, Leases leases, Clock clock) {
        return Periodic.start("store-statistics", clock, FIRST, EVERY, "bringing the store's statistics up to date", () -> {
            if (leases.hold("store-statistics", EVERY.multipliedBy(3))) {
                database.keepStatistics();
            }
        });
    }
}
