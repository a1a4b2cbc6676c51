package org.servicestandards.records;

import org.servicestandards.verdict.Verdict;

/** What storing one submission did, and the verdict now current for it. */
public record Stored(Status status, Verdict verdict) {

    public enum Status {
        /** A new record id: revision 1. */
        CREATED,
        /** Known id, changed content: a new revision. */
        REVISED,
        /** Known id, same content: nothing changed; the stored verdict is returned. */
        UNCHANGED
    }
}
