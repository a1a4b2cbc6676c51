package org.servicestandards.jobs;

import java.time.Duration;

/**
 * Which node runs a background job now. A node holds a job's lease for a while and renews it as
 * it works; when it stops renewing (it died, it was cut off), the lease runs out and the next
 * node that asks takes the job over. The store keeps the leases, so every node sees the same.
 */
public interface Leases {

    /**
     * Takes the lease of {@code job} for {@code ttl}, or renews it if this node holds it already.
     * True when this node holds it now.
     */
    boolean hold(String job, Duration ttl);

    /** Gives the lease of {@code job} up, if this node holds it, so another node may take it at once. */
    void release(String job);

    /** The name this node holds leases in. */
    String node();

    /** Leases for one process on its own (an offline check): every lease is its own. */
    static Leases alone() {
        return new Leases() {
            @Override
            public boolean hold(String job, Duration ttl) {
                return true;
            }

            @Override
            public void release(String job) {
            }

            @Override
            public String node() {
                return "alone";
            }
        };
    }
}
