package org.servicestandards.interaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.servicestandards.json.Json;

/**
 * Reads records as they arrive, over HTTP or in files: one JSON object, a JSON array of them, or
 * NDJSON (one object a line). A body that is no JSON at all is refused whole; in NDJSON a line
 * that is no JSON becomes an {@link Batch.Unreadable} entry and rejects only its own record.
 * NDJSON is split on the bytes, not on decoded text, so Jackson checks each line's UTF-8 itself:
 * a line with a broken byte sequence is refused instead of read with replacement characters.
 */
public final class RecordsReader {

    /** How a body is laid out. */
    public enum Format { JSON, NDJSON }

    /** A body that holds no records: empty, or JSON that does not parse ({@code malformed} says where). */
    public static final class UnreadableBody extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonProcessingException malformed;

        UnreadableBody(String message, JsonProcessingException malformed) {
            super(message, malformed);
            this.malformed = malformed;
        }

        /** The parser's complaint, with its location, when the body is JSON that does not parse; null when it is empty. */
        public JsonProcessingException malformed() {
            return malformed;
        }
    }

    private RecordsReader() {
    }

    /** The records of a body laid out as {@code format}. @throws UnreadableBody when it holds none */
    public static Batch read(byte[] body, Format format) {
        return format == Format.NDJSON ? ndjson(body) : json(body);
    }

    /**
     * The records of a file, whatever its layout: a JSON array or one JSON object (over as many
     * lines as it likes), else NDJSON.
     */
    public static Batch sniff(byte[] body) {
        int first = 0;
        while (first < body.length && Character.isWhitespace(body[first])) {
            first++;
        }
        if (first < body.length && body[first] == '[') {
            return json(body);
        }
        try {
            JsonNode root = Json.mapper().readTree(body);
            if (root != null && root.isObject()) {
                return Batch.single(root);
            }
        } catch (IOException e) {
            // several values, or a broken one: read line by line, each line answered for itself
        }
        return ndjson(body);
    }

    private static Batch json(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody("the body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableBody("the body could not be read", null);
        }
        if (root == null || root.isMissingNode()) {
            throw new UnreadableBody("post an interaction record, an array of them, or NDJSON", null);
        }
        if (root.isArray()) {
            List<JsonNode> nodes = new ArrayList<>(root.size());
            root.forEach(nodes::add);
            return Batch.of(nodes);
        }
        return Batch.single(root);
    }

    private static Batch ndjson(byte[] body) {
        List<Batch.Entry> entries = new ArrayList<>();
        int line = 0;
        for (int start = 0; start < body.length; ) {
            int end = start;
            while (end < body.length && body[end] != '\n') {
                end++;
            }
            line++;
            int length = end - start;
            if (length > 0 && body[end - 1] == '\r') {
                length--;
            }
            if (!blank(body, start, length)) {
                entries.add(line(body, start, length, line));
            }
            start = end + 1;
        }
        return new Batch(entries, false);
    }

    private static Batch.Entry line(byte[] body, int start, int length, int line) {
        try {
            return new Batch.Readable(Json.mapper().readTree(body, start, length));
        } catch (JsonProcessingException e) {
            return new Batch.Unreadable("line " + line + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Batch.Unreadable("line " + line + " could not be read");
        }
    }

    private static boolean blank(byte[] bytes, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
