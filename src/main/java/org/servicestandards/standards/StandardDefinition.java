package org.servicestandards.standards;

import org.servicestandards.verdict.Severity;

/** A standard as declared in {@code rules/standards.csv}: stable id, scope, severity and its source principle. */
public record StandardDefinition(String id, StandardScope scope, Severity severity, String title, String principle) {
}
