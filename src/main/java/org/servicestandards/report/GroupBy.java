package org.servicestandards.report;

import java.util.Locale;

/** A dimension compliance can be grouped by. */
public enum GroupBy {
    STANDARD,
    AGENT,
    TEAM,
    TIER,
    CHANNEL,
    /** ISO week of openedAt (UTC), e.g. 2026-W47. */
    WEEK,
    /** Month of openedAt (UTC), e.g. 2026-11. */
    MONTH;

    /** Asked for once per row and column of a report: made once. */
    private final String key = name().toLowerCase(Locale.ROOT);

    public String key() {
        return key;
    }

    public static GroupBy parse(String text) {
        for (GroupBy g : values()) {
            if (g.key().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown groupBy '" + text + "'; use any of standard, agent, team, tier, channel, week, month");
    }
}
