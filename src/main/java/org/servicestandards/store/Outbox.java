package org.servicestandards.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.servicestandards.notify.OutcomeEvent;

/**
 * Where notifications wait to be delivered, as the store writes them; {@link org.servicestandards.notify.Webhooks} reads them out. Events are enqueued inside the transaction that
 * stores the change they tell of, so a change is never stored without its notification, nor
 * notified without being stored.
 */
public interface Outbox {

    /** Receives nothing: for stores nobody listens to. */
    Outbox NONE = (handle, events) -> { };

    /** Enqueues each event for every receiver that wants it, in the caller's transaction. */
    void enqueue(Handle handle, List<OutcomeEvent> events);
}
