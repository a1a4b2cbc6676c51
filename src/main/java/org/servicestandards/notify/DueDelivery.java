package org.servicestandards.notify;

/**
 * A delivery claimed for sending now: the receiver's url and secret, the event and the exact
 * body to post, and how many attempts came before this one.
 */
public record DueDelivery(String id, String webhookId, String url, String secret, String eventId, String type,
                          String payload, int attempts) {

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "DueDelivery[id=" + id + ", webhookId=" + webhookId + ", eventId=" + eventId + ", type=" + type
                + ", attempts=" + attempts + "]";
    }
}
