package org.servicestandards.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered as RFC 9457 {@code application/problem+json}. Handlers throw it; one
 * exception handler writes it. {@code errors} name each offending field (a JSON pointer) or
 * query parameter, and why.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Every problem type is a URN under this prefix, so clients can switch on it. */
    public static final String TYPE_PREFIX = "urn:service-standards:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Map<String, Object>> errors;

    public Problem(int status, String type, String title, String detail, List<Map<String, Object>> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem badParameter(String parameter, String reason) {
        return new Problem(400, "invalid-parameter", "Invalid query parameter", parameter + ": " + reason,
                List.of(Map.of("parameter", parameter, "reason", reason)));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }

    /**
     * The RFC 9457 body, whoever writes it (a route's exception handler or Jetty's error
     * handler): type, title, status, detail, the request path as instance, and the field errors.
     */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }
}
