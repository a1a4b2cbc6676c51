package org.servicestandards.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The records of one request or file, in order: each a JSON value to decode, or a line that
 * could not be read as JSON, with why. {@code single} when the body was one object, not a list,
 * so it is answered as one verdict.
 */
public record Batch(List<Entry> entries, boolean single) {

    public Batch {
        entries = List.copyOf(entries);
    }

    /** One entry of a batch. */
    public sealed interface Entry permits Readable, Unreadable {
    }

    /** A JSON value, to be decoded as a record. */
    public record Readable(JsonNode node) implements Entry {
        public Readable {
            Objects.requireNonNull(node, "node");
        }
    }

    /** A line that is no JSON, and why: it is rejected, and holds up no other record. */
    public record Unreadable(String reason) implements Entry {
    }

    /** A list of JSON values. */
    public static Batch of(List<JsonNode> nodes) {
        return new Batch(nodes.stream().<Entry>map(Readable::new).toList(), false);
    }

    /** One JSON object, answered as one verdict. */
    public static Batch single(JsonNode node) {
        return new Batch(List.of(new Readable(node)), true);
    }

    public int size() {
        return entries.size();
    }
}
