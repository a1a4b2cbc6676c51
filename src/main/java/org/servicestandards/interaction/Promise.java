package org.servicestandards.interaction;

import java.time.Instant;

/** Something the agent promised the customer by a due time. */
public record Promise(String id, String description, Instant dueAt, Instant fulfilledAt, Instant delayNoticeAt) {

    /** Late when kept after its due time, or still not kept once the due time has passed at {@code asOf}. */
    public boolean isLateAt(Instant asOf) {
        return fulfilledAt != null ? fulfilledAt.isAfter(dueAt) : asOf.isAfter(dueAt);
    }

    /** The customer was told of the delay no later than the due time. */
    public boolean isDelayNoticedInTime() {
        return delayNoticeAt != null && !delayNoticeAt.isAfter(dueAt);
    }

    public boolean isOpenAt(Instant asOf) {
        return fulfilledAt == null && !asOf.isAfter(dueAt);
    }
}
