package org.servicestandards.standards.facts;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.servicestandards.interaction.Tier;

/**
 * The customer whose history is judged, as of an instant: who they are, their account manager
 * and every tier they have held (from the instant each began). Their stored interactions up to
 * asOf are facts beside this one.
 */
public final class CustomerHistory {

    private final String id;
    private final String name;
    private final String accountManager;
    private final NavigableMap<Instant, Tier> tiers;
    private final Instant asOf;

    public CustomerHistory(String id, String name, String accountManager, Map<Instant, Tier> tiers, Instant asOf) {
        this.id = id;
        this.name = name;
        this.accountManager = accountManager;
        this.tiers = new TreeMap<>(tiers);
        this.asOf = asOf;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getAccountManager() {
        return accountManager;
    }

    public Instant getAsOf() {
        return asOf;
    }

    /** The tier held at asOf, or null before the first. */
    public Tier getTier() {
        return tierAt(asOf);
    }

    /** The tier held at an instant, or null before the first. */
    public Tier tierAt(Instant instant) {
        Map.Entry<Instant, Tier> held = tiers.floorEntry(instant);
        return held == null ? null : held.getValue();
    }

    /**
     * Since when the customer has held, without a break up to asOf, one of the given tiers; null
     * when the tier held at asOf is not one of them.
     */
    public Instant heldSince(Set<Tier> anyOf) {
        Instant since = null;
        for (Map.Entry<Instant, Tier> period : tiers.headMap(asOf, true).descendingMap().entrySet()) {
            if (!anyOf.contains(period.getValue())) {
                break;
            }
            since = period.getKey();
        }
        return since;
    }

    @Override
    public String toString() {
        return "customer " + id;
    }
}
