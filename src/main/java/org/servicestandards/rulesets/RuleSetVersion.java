package org.servicestandards.rulesets;

import java.time.Instant;
import java.util.List;

/** A rule set that has served: its version and every time it was loaded, and by what. */
public record RuleSetVersion(String version, Instant firstLoadedAt, List<Load> loads) {

    public record Load(Instant at, String trigger) {
    }
}
