package org.servicestandards.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.servicestandards.json.Json;
import org.servicestandards.verdict.Finding;

/** The body posted to a webhook's receiver for one event, as {@code openapi.yaml} describes it; nulls are left out. */
public final class EventPayload {

    private record Body(String id, String type, Instant occurredAt, String standard, String severity, Subject subject,
                        String customerId, String agentId, Instant dueAt, Instant asOf, String ruleset,
                        List<Finding> findings) {
    }

    private record Subject(String kind, String id) {
    }

    private EventPayload() {
    }

    /** The JSON of event {@code eventId}, which occurred at {@code occurredAt}. */
    public static String json(String eventId, OutcomeEvent event, Instant occurredAt) {
        Subject subject = event.subjectKind() == null && event.subjectId() == null ? null
                : new Subject(event.subjectKind(), event.subjectId());
        try {
            return Json.mapper().writeValueAsString(new Body(eventId, event.type(), occurredAt, event.standard(),
                    event.severity(), subject, event.customerId(), event.agentId(), event.dueAt(), event.asOf(),
                    event.ruleset(), event.findings()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
