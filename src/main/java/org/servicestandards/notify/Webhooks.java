package org.servicestandards.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The webhooks registered to hear of breaches, and the outbox of their deliveries. Everything a
 * dispatcher does is read from and written to the store, so a restart, or another node, carries
 * on where the last one stopped.
 */
public interface Webhooks {

    /** The kind of event for an outcome that became FAIL. */
    String FAILED = "failed";
    /** The kind of event for a PENDING outcome whose deadline is close. */
    String AT_RISK = "at-risk";
    List<String> EVENTS = List.of(FAILED, AT_RISK);

    /** The {@link OutcomeEvent#type()} of a kind of event: {@code failed} is {@code outcome.failed}. */
    static String eventType(String kind) {
        return "outcome." + kind;
    }

    Webhook register(WebhookRegistration registration);

    /** The active webhooks, oldest first. */
    List<Webhook> list();

    /** A webhook, deactivated ones included. */
    Optional<Webhook> find(String id);

    /** Deactivates a webhook: nothing more is enqueued or sent to it. False when there is none by that id. */
    boolean deactivate(String id);

    /** A webhook's deliveries, newest first. */
    List<WebhookDelivery> deliveries(String webhookId, int limit);

    /**
     * Claims, for each active webhook, its oldest undelivered delivery when that one is due at
     * {@code now} and not claimed by another sender; the claim lasts until {@code leaseUntil}.
     * Deliveries behind a waiting one wait too, so each receiver hears its events in order.
     */
    List<DueDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

    /** The receiver acknowledged the delivery: it is never sent again. */
    void delivered(String deliveryId, Instant at, int status);

    /**
     * An attempt failed ({@code status} the HTTP status, or null when no answer came); the next
     * attempt is at {@code retryAt}, or never when it is null (given up).
     */
    void attemptFailed(String deliveryId, Instant at, Integer status, String error, Instant retryAt);

    /**
     * Enqueues an at-risk warning, once per deadline, for each current PENDING outcome (of an
     * interaction or of a history standard) falling due within a webhook's {@code warnBefore} of
     * {@code now} and not yet passed, for each webhook that wants it. A PENDING outcome has no
     * severity of its own, so the warning carries its standard's declared severity from
     * {@code declaredSeverities} (standard id to severity), when known. Answers how many
     * deliveries were enqueued.
     */
    int enqueueAtRisk(Instant now, Map<String, String> declaredSeverities);
}
