package org.servicestandards.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.servicestandards.json.Json;

/**
 * Reads posted records: one JSON object, a JSON array, or NDJSON (one object a line). A body
 * that is not JSON at all is a 400; in NDJSON a malformed line rejects only its own record.
 */
final class Bodies {

    /**
     * The records of a request, whether it was a single object (answered as one verdict), and
     * why each unreadable NDJSON line (a null node, by position) could not be read.
     */
    record Records(List<JsonNode> nodes, boolean single, Map<Integer, String> unreadable) {
    }

    private Bodies() {
    }

    static Records read(Context ctx, int maxRecords) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        byte[] body = ctx.bodyAsBytes();
        Records records;
        if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson")) {
            records = ndjson(body);
        } else if (type.isEmpty() || type.startsWith("application/json") || type.contains("+json")) {
            records = json(body);
        } else {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "post records as application/json (an object or an array) or application/x-ndjson, not " + ctx.contentType(),
                    List.of());
        }
        if (records.nodes().size() > maxRecords) {
            throw new Problem(413, "batch-too-large", "Batch too large",
                    "the request holds " + records.nodes().size() + " records; at most " + maxRecords + " are accepted at once",
                    List.of());
        }
        return records;
    }

    private static Records json(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new Problem(400, "malformed-json", "Malformed JSON", "the body could not be read", List.of());
        }
        if (root == null || root.isMissingNode()) {
            throw new Problem(400, "empty-body", "Empty body", "post an interaction record, an array of them, or NDJSON", List.of());
        }
        if (root.isArray()) {
            List<JsonNode> nodes = new ArrayList<>(root.size());
            root.forEach(nodes::add);
            return new Records(nodes, false, Map.of());
        }
        return new Records(List.of(root), true, Map.of());
    }

    private static Records ndjson(byte[] body) {
        List<JsonNode> nodes = new ArrayList<>();
        Map<Integer, String> unreadable = new HashMap<>();
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                nodes.add(Json.mapper().readTree(lines[i]));
            } catch (JsonProcessingException e) {
                unreadable.put(nodes.size(), "line " + (i + 1) + " is not valid JSON: " + e.getOriginalMessage());
                nodes.add(null);
            }
        }
        return new Records(nodes, false, unreadable);
    }

    static Problem malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new Problem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                List.of(Map.of("pointer", "", "reason", "not valid JSON" + where)));
    }
}
