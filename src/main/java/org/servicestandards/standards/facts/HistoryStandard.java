package org.servicestandards.standards.facts;

import org.servicestandards.verdict.Severity;

/** A history standard the rule set declares in {@code standards.csv}; the officers' tables key their rows on it. */
public record HistoryStandard(String id, Severity severity) {
}
