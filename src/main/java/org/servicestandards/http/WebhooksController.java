package org.servicestandards.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.notify.TargetRefused;
import org.servicestandards.notify.Webhook;
import org.servicestandards.notify.WebhookRegistration;
import org.servicestandards.notify.WebhookTargets;
import org.servicestandards.notify.Webhooks;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.verdict.Severity;

/**
 * Webhooks that hear of breaches: register (the secret is taken, never answered; the URL must
 * point to public addresses or ones the operator allows), list, inspect with the latest
 * deliveries, delete (deactivate).
 */
final class WebhooksController {

    private static final Set<String> FIELDS = Set.of("url", "secret", "standards", "severities", "events", "warnBefore");
    private static final int MAX_URL_LENGTH = 2000;
    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 256;
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

    void register(Context ctx) {
        Webhooks store = webhooks;
        WebhookRegistration decoded = decode(Bodies.json(ctx));
        WebhookRegistration registration = new WebhookRegistration(decoded.url(), decoded.secret(), decoded.standards(),
                decoded.severities(), decoded.events(), decoded.warnBefore(),
                Access.caller(ctx).map(org.servicestandards.access.ApiKey::actor).orElse(null));
        Webhook webhook = store.register(registration);
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

    /** The registration, or a 400 naming each offending field by JSON pointer. */
    private WebhookRegistration decode(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(error("", "must be a JSON object with url and secret, and optionally standards,"
                    + " severities, events and warnBefore")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(error(FieldError.member("", name), "is not a field of a webhook"));
            }
        }
        String url = url(body.get("url"), errors);
        String secret = secret(body.get("secret"), errors);
        List<String> standards = names(body, "standards", knownStandards(), errors);
        List<String> severities = names(body, "severities",
                List.of(Severity.values()).stream().map(Enum::name).toList(), errors);
        List<String> events = names(body, "events", Webhooks.EVENTS, errors);
        if (events != null && events.isEmpty()) {
            errors.add(error("/events", "must name at least one of " + String.join(", ", Webhooks.EVENTS)));
        }
        Duration warnBefore = warnBefore(body.get("warnBefore"), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new WebhookRegistration(url, secret, standards, severities, events, warnBefore, null);
    }

    private List<String> knownStandards() {
        return ruleSets.current().standards().stream().map(s -> s.id()).toList();
    }

    /** The URL, or null with an error when it is not an http(s) URL or points where webhooks may not go. */
    private String url(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(error("/url", "is required"));
            return null;
        }
        String reason = "must be an absolute http or https URL without user information, at most " + MAX_URL_LENGTH
                + " characters";
        if (!node.isTextual() || node.textValue().length() > MAX_URL_LENGTH) {
            errors.add(error("/url", reason));
            return null;
        }
        URI uri;
        try {
            uri = new URI(node.textValue());
        } catch (URISyntaxException e) {
            errors.add(error("/url", reason));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // An authority java.net.URI reads no host from (127.1) keeps its user information to itself.
        String authority = uri.getRawAuthority();
        if (!(scheme.equals("http") || scheme.equals("https")) || authority == null || authority.contains("@")) {
            errors.add(error("/url", reason));
            return null;
        }
        try {
            targets.check(uri);
        } catch (TargetRefused refused) {
            errors.add(error("/url", "must point to a public address, or to one the operator allows"
                    + " (serve --webhook-allow): " + refused.getMessage()));
            return null;
        }
        return uri.toString();
    }

    private static String secret(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(error("/secret", "is required"));
            return null;
        }
        if (!node.isTextual() || node.textValue().length() < MIN_SECRET || node.textValue().length() > MAX_SECRET) {
            errors.add(error("/secret", "must be a string of " + MIN_SECRET + " to " + MAX_SECRET + " characters"));
            return null;
        }
        return node.textValue();
    }

    /** An optional array of names, each one of {@code allowed}; duplicates are dropped. Null when absent. */
    private static List<String> names(JsonNode body, String field, List<String> allowed, List<FieldError> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            errors.add(error("/" + field, "must be an array of strings, each one of " + String.join(", ", allowed)));
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && allowed.contains(item.textValue())) {
                names.add(item.textValue());
            } else {
                errors.add(error("/" + field + "/" + i, (item.isTextual() ? "unknown value '" + item.textValue() + "'"
                        : "must be a string") + "; must be one of " + String.join(", ", allowed)));
            }
        }
        return List.copyOf(names);
    }

    private static Duration warnBefore(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        String reason = "must be an ISO-8601 duration longer than PT0S and at most " + ReportsController.MAX_WITHIN
                + ", e.g. PT1H";
        if (!node.isTextual()) {
            errors.add(error("/warnBefore", reason));
            return null;
        }
        try {
            Duration duration = Duration.parse(node.textValue());
            if (!duration.isNegative() && !duration.isZero() && duration.compareTo(ReportsController.MAX_WITHIN) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(error("/warnBefore", reason));
        return null;
    }

    private static FieldError error(String pointer, String reason) {
        return new FieldError(pointer, reason);
    }

    private static Problem invalid(List<FieldError> errors) {
        return Problem.invalid("invalid-webhook", "Invalid webhook", "the webhook", errors);
    }
}
