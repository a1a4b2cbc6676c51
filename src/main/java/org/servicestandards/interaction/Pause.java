package org.servicestandards.interaction;

import java.time.Instant;

/** Time spent waiting on the customer or a third party; an open pause has no end yet. */
public record Pause(Instant from, Instant to, String reason) {

    public boolean isOpen() {
        return to == null;
    }
}
