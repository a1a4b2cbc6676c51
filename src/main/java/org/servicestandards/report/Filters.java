package org.servicestandards.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** The same filters over the period just before this one, as long as it: what a trend compares with. */
    public Filters periodBefore() {
        Duration length = Duration.between(from, to);
        return new Filters(from.minus(length), from, standard, agent, team, tier, channel, severity, ruleset);
    }

    /** The filters given, the period aside, by name: standard, agent, team, tier, channel, severity, ruleset. */
    public Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        String[][] named = {{"standard", standard}, {"agent", agent}, {"team", team}, {"tier", tier}, {"channel", channel},
            {"severity", severity}, {"ruleset", ruleset}};
        for (String[] filter : named) {
            if (filter[1] != null) {
                given.put(filter[0], filter[1]);
            }
        }
        return given;
    }
}
