package org.servicestandards.verdict;

/**
 * The evidence for a failed standard: which rule found it, what it says, what was measured and
 * what the target was (ISO-8601 durations or numbers).
 */
public record Finding(String rule, Severity severity, String message, String measured, String target) {
}
