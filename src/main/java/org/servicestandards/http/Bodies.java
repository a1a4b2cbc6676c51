package org.servicestandards.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.RecordsReader;
import org.servicestandards.json.Json;

/**
 * Reads request bodies. Records come as one JSON object, a JSON array, or NDJSON (one object a
 * line), read by {@link RecordsReader}; a body that is not JSON at all is a 400, and in NDJSON a
 * malformed line rejects only its own record. Every body is UTF-8: a declared charset other than that is a 415, and a body the
 * connection could not deliver (bad chunking, cut short, too slow) is a 4xx, never a 500.
 */
final class Bodies {

    /** UTF-8 and its ASCII subset: the only charsets JSON may arrive in (RFC 8259 §8.1). */
    private static final List<String> CHARSETS = List.of("utf-8", "utf8", "us-ascii");

    private Bodies() {
    }

    static Batch read(Context ctx, int maxRecords) {
        String type = mediaType(ctx);
        return records(type, () -> bytes(ctx), maxRecords);
    }

    /**
     * The records of a body of the given media type; {@code body} is read only once the type is
     * known to be one records come in.
     *
     * @throws Problem (4xx) when the body is of another type, no JSON, empty or too many records
     */
    static Batch records(String mediaType, Supplier<byte[]> body, int maxRecords) {
        RecordsReader.Format format;
        if (mediaType.equals("application/x-ndjson") || mediaType.equals("application/ndjson")) {
            format = RecordsReader.Format.NDJSON;
        } else if (mediaType.isEmpty() || mediaType.equals("application/json") || mediaType.endsWith("+json")) {
            format = RecordsReader.Format.JSON;
        } else {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "post records as application/json (an object or an array) or application/x-ndjson, not " + mediaType, List.of());
        }
        Batch records;
        try {
            records = RecordsReader.read(body.get(), format);
        } catch (RecordsReader.UnreadableBody e) {
            throw e.malformed() != null ? malformed(e.malformed())
                    : new Problem(400, "empty-body", "Empty body", "post an interaction record, an array of them, or NDJSON", List.of());
        }
        if (records.size() > maxRecords) {
            throw new Problem(413, "batch-too-large", "Batch too large",
                    "the request holds " + records.size() + " records; at most " + maxRecords + " are accepted at once",
                    List.of());
        }
        return records;
    }

    static String mediaType(Context ctx) {
        return mediaType(ctx.header("Content-Type"));
    }

    /** @throws Problem (415) when the header is no media type or names a charset other than UTF-8 */
    static String mediaType(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String[] parts = header.split(";", -1);
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().equalsIgnoreCase("charset")) {
                String charset = parts[i].substring(equals + 1).trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!CHARSETS.contains(charset)) {
                    throw new Problem(415, "unsupported-charset", "Unsupported charset", "bodies are read as UTF-8; send charset=utf-8 "
                            + "or no charset, not '" + shorten(charset) + "'", List.of());
                }
            }
        }
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type", "Content-Type '" + shorten(header)
                    + "' is not a media type such as application/json", List.of());
        }
        return type;
    }

    /** The body's bytes, or a 4xx problem when the connection could not deliver them. */
    static byte[] bytes(Context ctx) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) {
            // Javalin reads the body through Jetty, whose IOExceptions reach us unchecked.
            throw unreadable(e);
        }
    }

    /**
     * One JSON value (a body that is no JSON is a 400 saying where it broke); null for an empty
     * body. The Content-Type is not required, but one that is no media type or names a charset
     * other than UTF-8 is refused.
     */
    static JsonNode json(Context ctx) {
        mediaType(ctx);
        return tree(bytes(ctx));
    }

    /** One JSON value of a body; null when there is none. @throws Problem (400) when it is no JSON */
    static JsonNode tree(byte[] body) {
        try {
            JsonNode root = Json.mapper().readTree(body);
            return root == null || root.isMissingNode() ? null : root;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new Problem(400, "malformed-json", "Malformed JSON", "the body could not be read", List.of());
        }
    }

    static RuntimeException unreadable(Exception failure) {
        Problem jetty = JettyEdge.clientFault(failure);
        if (jetty != null) {
            return jetty;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return JettyEdge.problem(408, "the body did not arrive in time");
            }
            if (cause instanceof IOException io) {
                return new Problem(400, "unreadable-body", "Unreadable body", "the body could not be read: " + io.getMessage(), List.of());
            }
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static Problem malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return new Problem(400, "malformed-json", "Malformed JSON", "the body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                List.of(Problem.Fault.field("", "not valid JSON" + where)));
    }
}
