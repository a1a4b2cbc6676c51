package org.servicestandards.notify;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A receiver of notifications, as answered by the API: never with its secret. {@code standards}
 * and {@code severities} filter the events (empty: all); {@code events} names the kinds wanted
 * ({@value Webhooks#FAILED}, {@value Webhooks#AT_RISK}); {@code warnBefore} is how long before a
 * deadline an at-risk warning goes out.
 */
public record Webhook(String id, String url, List<String> standards, List<String> severities, List<String> events,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) Duration warnBefore, String createdBy,
                      Instant createdAt, boolean active) {

    public Webhook {
        standards = List.copyOf(standards);
        severities = List.copyOf(severities);
        events = List.copyOf(events);
    }

    /**
     * Whether this receiver wants the event: of a kind it asked for, of a standard in its filter,
     * of a severity in its filter (an event without a severity passes the severity filter).
     */
    public boolean wants(OutcomeEvent event) {
        return active
                && events.stream().anyMatch(kind -> Webhooks.eventType(kind).equals(event.type()))
                && (standards.isEmpty() || standards.contains(event.standard()))
                && (severities.isEmpty() || event.severity() == null || severities.contains(event.severity()));
    }
}
