package org.servicestandards.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.servicestandards.interaction.Instants;
import org.servicestandards.json.Json;

/**
 * How the store keeps records, verdicts and outcomes: as the service's JSON. Stored instants
 * are read by {@link Instants#parse}, the reader requests go through: a sweep reads every stored
 * record, and Jackson's own instant reader (a {@code DateTimeFormatter}) took half of that
 * reading. Instants' property test holds its answers to the formatter's.
 */
final class StoredJson {

    private static final ObjectMapper READER = Json.mapper().copy()
            .registerModule(new SimpleModule("stored-instants").addDeserializer(Instant.class, new StdScalarDeserializer<>(Instant.class) {
                private static final long serialVersionUID = 1L;

                @Override
                public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    if (parser.currentToken() != JsonToken.VALUE_STRING) {
                        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
                    }
                    try {
                        return Instants.parse(parser.getText());
                    } catch (DateTimeParseException e) {
                        return (Instant) context.handleWeirdStringValue(Instant.class, parser.getText(), e.getMessage());
                    }
                }
            }));

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A JSON object kept as text (an audit entry's detail, a job's result): empty when null. */
    static java.util.Map<String, Object> readMap(String json) {
        try {
            return json == null ? java.util.Map.of()
                    : Json.mapper().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON no longer reads as an object", e);
        }
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return READER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON no longer reads as " + type.getSimpleName(), e);
        }
    }
}
