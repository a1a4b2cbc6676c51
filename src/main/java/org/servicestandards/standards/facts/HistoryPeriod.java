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
 * table: "a contact every P30D", "a follow-up within P7D", "a follow-up within 2 business days"
 * (P2D counted in BUSINESS_DAYS: open days of the default calendar).
 */
public record HistoryPeriod(String standard, Set<Tier> tiers, Duration length, boolean businessDays) {

    /** The form decision tables use: tiers as a comma-separated list ("STRATEGIC, VIP" or "ALL"), an ISO-8601 duration. */
    public HistoryPeriod(String standard, String tiers, String length) {
        this(standard, tiers, length, "ELAPSED");
    }

    /** The same, counted in ELAPSED time or in BUSINESS_DAYS (then the duration is whole days: P2D). */
    public HistoryPeriod(String standard, String tiers, String length, String countedIn) {
        this(standard, parseTiers(tiers), positive(Target.parse(length), length), businessDays(countedIn, length));
    }

    /** How many business days, for a period counted in them. */
    public int days() {
        return (int) length.toDays();
    }

    /** The period as the evidence says it: P30D, or "2 business days". */
    public String describe() {
        return businessDays ? days() + (days() == 1 ? " business day" : " business days") : HistoryJudging.text(length);
    }

    private static boolean businessDays(String countedIn, String length) {
        String value = countedIn.trim().toUpperCase(Locale.ROOT);
        if (value.equals("ELAPSED")) {
            return false;
        }
        if (!value.equals("BUSINESS_DAYS")) {
            throw new IllegalArgumentException("'" + countedIn + "' is not how a period counts: ELAPSED or BUSINESS_DAYS");
        }
        Duration days = Target.parse(length);
        if (days.toDays() > Integer.MAX_VALUE || !days.equals(Duration.ofDays(days.toDays()))) {
            throw new IllegalArgumentException("'" + length + "' counted in BUSINESS_DAYS must be whole days, such as P2D");
        }
        return true;
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
