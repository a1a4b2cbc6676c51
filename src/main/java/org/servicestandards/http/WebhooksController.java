package org.servicestandards.http;

import io.javalin.http.Context;
import java.util.Map;
import org.servicestandards.access.ApiKey;
import org.servicestandards.notify.Webhook;
import org.servicestandards.notify.WebhookRegistration;
import org.servicestandards.notify.WebhookTargets;
import org.servicestandards.notify.Webhooks;
import org.servicestandards.rulesets.RuleSets;

/**
 * Webhooks that hear of breaches: register (the secret is taken, never answered; the URL must
 * point to public addresses or ones the operator allows), list, inspect with the latest
 * deliveries, delete (deactivate).
 */
final class WebhooksController {

    private static final int DELIVERIES_SHOWN = 50;

    private final Webhooks webhooks;
    private final WebhookTargets targets;
    private final RuleSets ruleSets;
    private final Audit audit;

    WebhooksController(Webhooks webhooks, WebhookTargets targets, RuleSets ruleSets, Audit audit) {
        this.webhooks = webhooks;
        this.targets = targets;
        this.ruleSets = ruleSets;
        this.audit = audit;
    }

    /** Registers the webhook of the body, or answers 400 naming each offending field by JSON pointer. */
    void register(Context ctx) {
        WebhookRegistration.Decoded decoded = WebhookRegistration.decode(Bodies.json(ctx), targets,
                ruleSets.current().standards().stream().map(s -> s.id()).toList());
        if (!decoded.errors().isEmpty()) {
            throw Problem.invalid("invalid-webhook", "Invalid webhook", "the webhook", decoded.errors());
        }
        WebhookRegistration registration = decoded.registration()
                .createdBy(Access.caller(ctx).map(ApiKey::actor).orElse(null));
        Webhook webhook = webhooks.register(registration);
        audit.record(ctx, "webhook.register", webhook.id(), Map.of("url", registration.url()));
        ctx.status(201).header("Location", "/api/v1/webhooks/" + webhook.id()).json(webhook);
    }

    void list(Context ctx) {
        ctx.json(new Responses.Webhooks(webhooks.list()));
    }

    void get(Context ctx) {
        String id = ctx.pathParam("id");
        Webhook webhook = webhooks.find(id).orElseThrow(() -> Problem.notFound("no webhook with id '" + id + "'"));
        ctx.json(new Responses.WebhookWithDeliveries(webhook, webhooks.deliveries(id, DELIVERIES_SHOWN)));
    }

    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!webhooks.deactivate(id)) {
            throw Problem.notFound("no webhook with id '" + id + "'");
        }
        audit.record(ctx, "webhook.delete", id, Map.of());
        ctx.status(204);
    }
}
