package org.servicestandards.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Reads the fields of a posted JSON object, collecting what is wrong with each, by JSON pointer,
 * instead of stopping at the first: the readers of records and of customer updates share it, so
 * a field of one kind is refused with the same words wherever it stands.
 */
class FieldReader {

    final List<FieldError> errors = new ArrayList<>();

    <T> List<T> list(JsonNode parent, String name, BiFunction<JsonNode, String, T> element) {
        JsonNode node = parent.get(name);
        String ptr = "/" + name;
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(new FieldError(ptr, "must be an array"));
            return List.of();
        }
        if (node.size() > RecordDecoder.MAX_LIST_SIZE) {
            errors.add(new FieldError(ptr, "has " + node.size() + " entries; at most " + RecordDecoder.MAX_LIST_SIZE + " are allowed"));
            return List.of();
        }
        // An element that could not be read stays as null (its error is already recorded), so
        // later checks name each element by its own index.
        List<T> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(element.apply(node.get(i), ptr + "/" + i));
        }
        return values;
    }

    boolean requiredObject(JsonNode node, String ptr) {
        if (absent(node)) {
            errors.add(new FieldError(ptr, "is required"));
            return false;
        }
        if (!node.isObject()) {
            errors.add(new FieldError(ptr, "must be an object"));
            return false;
        }
        return true;
    }

    /** The field's node, or null when it is absent (and then an error if it is required). */
    JsonNode field(JsonNode parent, String ptr, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (absent(node)) {
            if (required) {
                errors.add(new FieldError(ptr, "is required"));
            }
            return null;
        }
        return node;
    }

    String text(JsonNode parent, String base, String name, boolean required, int maxLength) {
        String ptr = base + "/" + name;
        JsonNode node = field(parent, ptr, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(ptr, "must be a string"));
            return null;
        }
        String value = node.textValue();
        if (required && value.isBlank()) {
            errors.add(new FieldError(ptr, "must not be blank"));
            return null;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(ptr, "is longer than " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    <E extends Enum<E>> E requiredEnum(JsonNode parent, String base, String name, Class<E> type) {
        if (absent(parent.get(name))) {
            errors.add(new FieldError(base + "/" + name, "is required"));
            return null;
        }
        return optionalEnum(parent, base, name, type);
    }

    <E extends Enum<E>> E optionalEnum(JsonNode parent, String base, String name, Class<E> type) {
        JsonNode node = parent.get(name);
        String ptr = base + "/" + name;
        if (absent(node)) {
            return null;
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (!node.isTextual()) {
            errors.add(new FieldError(ptr, "must be one of " + allowed));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(node.textValue())) {
                return constant;
            }
        }
        errors.add(new FieldError(ptr, "unknown value '" + shorten(node.textValue()) + "'; must be one of " + allowed));
        return null;
    }

    Instant instant(JsonNode parent, String base, String name, boolean required) {
        String ptr = base + "/" + name;
        JsonNode node = field(parent, ptr, name, required);
        return node == null ? null : instantAt(node, ptr);
    }

    Instant instantAt(JsonNode node, String ptr) {
        if (node == null || !node.isTextual()) {
            errors.add(new FieldError(ptr, "must be an ISO-8601 instant with an offset, e.g. 2026-11-24T09:30:00Z"));
            return null;
        }
        try {
            return Instants.read(node.textValue());
        } catch (Instants.Unacceptable e) {
            errors.add(new FieldError(ptr, e.getMessage()));
            return null;
        }
    }

    void notBefore(Instant value, Instant reference, String ptr) {
        notBefore(value, reference, ptr, "openedAt");
    }

    void notBefore(Instant value, Instant reference, String ptr, String referenceName) {
        if (value != null && reference != null && value.isBefore(reference)) {
            errors.add(new FieldError(ptr, "is before " + referenceName));
        }
    }

    void rejectUnknown(JsonNode node, String base, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new FieldError(FieldError.member(base, name), "is not a field of this object"));
            }
        }
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    /** An optional text that, when present, is not blank. */
    String nonBlankText(JsonNode parent, String base, String name, int maxLength) {
        String value = text(parent, base, name, false, maxLength);
        if (value != null && value.isBlank()) {
            errors.add(new FieldError(base + "/" + name, "must not be blank"));
            return null;
        }
        return value;
    }
}
