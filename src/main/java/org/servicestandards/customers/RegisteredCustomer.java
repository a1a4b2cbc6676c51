package org.servicestandards.customers;

import java.time.Instant;
import java.util.List;
import org.servicestandards.interaction.Tier;

/**
 * A customer in the register: name, account manager, and every tier held, oldest first. The
 * tier at an instant is the latest period that began at or before it.
 */
public record RegisteredCustomer(String id, String name, String accountManager, List<TierPeriod> tiers) {

    /** A tier held from {@code since}; {@code source} says who said so: the register or a record. */
    public record TierPeriod(Tier tier, Instant since, String source) {
    }

    public RegisteredCustomer {
        tiers = List.copyOf(tiers);
    }

    /** The tier held at {@code instant}, or null before the first period. */
    public Tier tierAt(Instant instant) {
        Tier held = null;
        for (TierPeriod period : tiers) {
            if (!period.since().isAfter(instant)) {
                held = period.tier();
            }
        }
        return held;
    }

    /** The current tier: the latest period's. */
    public Tier tier() {
        return tiers.isEmpty() ? null : tiers.get(tiers.size() - 1).tier();
    }
}
