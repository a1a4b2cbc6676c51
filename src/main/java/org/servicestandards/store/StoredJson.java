package org.servicestandards.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.servicestandards.json.Json;

/** How the store keeps records, verdicts and outcomes: as the service's JSON. */
final class StoredJson {

    private StoredJson() {
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON no longer reads as " + type.getSimpleName(), e);
        }
    }
}
