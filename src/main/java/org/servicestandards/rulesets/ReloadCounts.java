package org.servicestandards.rulesets;

/** How many load attempts were accepted and refused, for one trigger or in all. */
public record ReloadCounts(long ok, long refused) {
}
