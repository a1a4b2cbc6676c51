package org.servicestandards.standards.facts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.servicestandards.interaction.Tier;

/**
 * A period a history standard counts by, for the customers of some tiers, from the officers'
 * table: "a contact every P30D", "a follow-up within P7D".
 */
public record HistoryPeriod(String standard, Set<Tier> tiers, Duration length) {

    /** The form decision tables use: tiers as a comma-separated list ("STRATEGIC, VIP" or "ALL"), an ISO-8601 duration. */
    public HistoryPeriod(String standard, String tiers, String length) {
        this(standard, parseTiers(tiers), positive(Target.parse(length), length));
    }

    public HistoryPeriod {
        tiers = Set.copyOf(tiers);
    }

    public boolean covers(Tier tier) {
        return tier != null && tiers.contains(tier);
    }

    /** The shortest period of those that cover the tier, or null when none does. */
    public static HistoryPeriod forTier(List<HistoryPeriod> periods, Tier tier) {
        HistoryPeriod shortest = null;
        for (HistoryPeriod period : periods) {
            if (period.covers(tier) && (shortest == null || period.length().compareTo(shortest.length()) < 0)) {
                shortest = period;
            }
        }
        return shortest;
    }

    /** Every tier some period covers. */
    public static Set<Tier> tiers(List<HistoryPeriod> periods) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        periods.forEach(p -> tiers.addAll(p.tiers()));
        return tiers;
    }

    private static Duration positive(Duration length, String text) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be a positive duration such as P30D");
        }
        return length;
    }

    private static Set<Tier> parseTiers(String text) {
        if (text.trim().equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(Tier.class);
        }
        List<Tier> tiers = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                tiers.add(Tier.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a tier; use STRATEGIC, VIP, STANDARD or ALL", e);
            }
        }
        return EnumSet.copyOf(tiers);
    }
}
