package org.servicestandards.standards;

/** What a standard judges: each interaction on its own, or a customer's history. */
public enum StandardScope {
    INTERACTION,
    HISTORY
}
