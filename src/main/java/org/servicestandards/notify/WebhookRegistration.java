package org.servicestandards.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.verdict.Severity;

/**
 * What registers a webhook: where to post, the secret that signs each body, the filters (empty:
 * all), the kinds of event wanted, how long before a deadline to warn, and who asked.
 */
public record WebhookRegistration(String url, String secret, List<String> standards, List<String> severities,
                                  List<String> events, Duration warnBefore, String createdBy) {

    public static final Duration DEFAULT_WARN_BEFORE = Duration.ofHours(1);
    /** As far ahead as the at-risk list looks. */
    public static final Duration MAX_WARN_BEFORE = Duration.ofDays(31);
    public static final int MAX_URL_LENGTH = 2000;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;
    private static final Set<String> FIELDS = Set.of("url", "secret", "standards", "severities", "events", "warnBefore");

    public WebhookRegistration {
        standards = standards == null ? List.of() : List.copyOf(standards);
        severities = severities == null ? List.of() : List.copyOf(severities);
        events = events == null || events.isEmpty() ? Webhooks.EVENTS : List.copyOf(events);
        warnBefore = warnBefore == null ? DEFAULT_WARN_BEFORE : warnBefore;
    }

    /** This registration, asked for by {@code actor}. */
    public WebhookRegistration createdBy(String actor) {
        return new WebhookRegistration(url, secret, standards, severities, events, warnBefore, actor);
    }

    /** The registration a body asks for (by no one yet), or every problem with it by JSON pointer. */
    public record Decoded(WebhookRegistration registration, List<FieldError> errors) {
    }

    /**
     * Reads a registration: the URL must point where {@code targets} lets webhooks go, and each
     * filter name one of {@code knownStandards}, a severity or an event kind.
     */
    public static Decoded decode(JsonNode body, WebhookTargets targets, List<String> knownStandards) {
        if (body == null || !body.isObject()) {
            return new Decoded(null, List.of(new FieldError("", "must be a JSON object with url and secret, and optionally"
                    + " standards, severities, events and warnBefore")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(FieldError.member("", name), "is not a field of a webhook"));
            }
        }
        String url = url(body.get("url"), targets, errors);
        String secret = secret(body.get("secret"), errors);
        List<String> standards = names(body, "standards", knownStandards, errors);
        List<String> severities = names(body, "severities", List.of(Severity.values()).stream().map(Enum::name).toList(), errors);
        List<String> events = names(body, "events", Webhooks.EVENTS, errors);
        if (events != null && events.isEmpty()) {
            errors.add(new FieldError("/events", "must name at least one of " + String.join(", ", Webhooks.EVENTS)));
        }
        Duration warnBefore = warnBefore(body.get("warnBefore"), errors);
        return errors.isEmpty() ? new Decoded(new WebhookRegistration(url, secret, standards, severities, events, warnBefore, null),
                List.of()) : new Decoded(null, List.copyOf(errors));
    }

    /** The URL, or null with an error when it is not an http(s) URL or points where webhooks may not go. */
    private static String url(JsonNode node, WebhookTargets targets, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("/url", "is required"));
            return null;
        }
        String reason = "must be an absolute http or https URL without user information, at most " + MAX_URL_LENGTH
                + " characters";
        if (!node.isTextual() || node.textValue().length() > MAX_URL_LENGTH) {
            errors.add(new FieldError("/url", reason));
            return null;
        }
        URI uri;
        try {
            uri = new URI(node.textValue());
        } catch (URISyntaxException e) {
            errors.add(new FieldError("/url", reason));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // An authority java.net.URI reads no host from (127.1) keeps its user information to itself.
        String authority = uri.getRawAuthority();
        if (!(scheme.equals("http") || scheme.equals("https")) || authority == null || authority.contains("@")) {
            errors.add(new FieldError("/url", reason));
            return null;
        }
        try {
            targets.check(uri);
        } catch (TargetRefused refused) {
            errors.add(new FieldError("/url", "must point to a public address, or to one the operator allows"
                    + " (serve --webhook-allow): " + refused.getMessage()));
            return null;
        }
        return uri.toString();
    }

    private static String secret(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            errors.add(new FieldError("/secret", "is required"));
            return null;
        }
        if (!node.isTextual() || node.textValue().length() < MIN_SECRET || node.textValue().length() > MAX_SECRET) {
            errors.add(new FieldError("/secret", "must be a string of " + MIN_SECRET + " to " + MAX_SECRET + " characters"));
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
            errors.add(new FieldError("/" + field, "must be an array of strings, each one of " + String.join(", ", allowed)));
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isTextual() && allowed.contains(item.textValue())) {
                names.add(item.textValue());
            } else {
                errors.add(new FieldError("/" + field + "/" + i, (item.isTextual() ? "unknown value '" + item.textValue() + "'"
                        : "must be a string") + "; must be one of " + String.join(", ", allowed)));
            }
        }
        return List.copyOf(names);
    }

    private static Duration warnBefore(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        String reason = "must be an ISO-8601 duration longer than PT0S and at most " + MAX_WARN_BEFORE + ", e.g. PT1H";
        if (!node.isTextual()) {
            errors.add(new FieldError("/warnBefore", reason));
            return null;
        }
        try {
            Duration duration = Duration.parse(node.textValue());
            if (!duration.isNegative() && !duration.isZero() && duration.compareTo(MAX_WARN_BEFORE) <= 0) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        errors.add(new FieldError("/warnBefore", reason));
        return null;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WebhookRegistration[url=" + url + ", standards=" + standards + ", severities=" + severities
                + ", events=" + events + ", warnBefore=" + warnBefore + ", createdBy=" + createdBy + "]";
    }
}
