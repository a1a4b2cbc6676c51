package org.servicestandards.interaction;

import java.time.Instant;

/** What a complaint needs beyond any interaction: an owner and, once solved, when. */
public record Complaint(String ownerId, Instant resolvedAt) {

    /** True when someone is named responsible; a blank name names nobody. */
    public boolean isOwned() {
        return ownerId != null && !ownerId.isBlank();
    }
}
