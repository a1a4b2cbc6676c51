package org.servicestandards.report;

import java.time.Instant;

/**
 * Which stored outcomes a report or list covers: records opened in [from, to), optionally one
 * standard, agent, team, tier, channel or finding severity. Null means "any". {@code ruleset}
 * reports each record's latest verdict by that rule-set version instead of its latest verdict.
 */
public record Filters(Instant from, Instant to, String standard, String agent, String team, String tier,
                      String channel, String severity, String ruleset) {

    public static Filters between(Instant from, Instant to) {
        return new Filters(from, to, null, null, null, null, null, null, null);
    }
}
