package org.servicestandards.notify;

import java.time.Duration;
import java.util.List;

/**
 * What registers a webhook: where to post, the secret that signs each body, the filters (empty:
 * all), the kinds of event wanted, how long before a deadline to warn, and who asked.
 */
public record WebhookRegistration(String url, String secret, List<String> standards, List<String> severities,
                                  List<String> events, Duration warnBefore, String createdBy) {

    public static final Duration DEFAULT_WARN_BEFORE = Duration.ofHours(1);

    public WebhookRegistration {
        standards = standards == null ? List.of() : List.copyOf(standards);
        severities = severities == null ? List.of() : List.copyOf(severities);
        events = events == null || events.isEmpty() ? Webhooks.EVENTS : List.copyOf(events);
        warnBefore = warnBefore == null ? DEFAULT_WARN_BEFORE : warnBefore;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "WebhookRegistration[url=" + url + ", standards=" + standards + ", severities=" + severities
                + ", events=" + events + ", warnBefore=" + warnBefore + ", createdBy=" + createdBy + "]";
    }
}
