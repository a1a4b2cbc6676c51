package org.servicestandards.http;

import java.util.List;
import org.servicestandards.interaction.FieldError;

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

    /** What is wrong with one field of the body (a JSON pointer, "" for all of it) or one query parameter, and why. */
    public record Fault(String pointer, String parameter, String reason) {

        public static Fault field(String pointer, String reason) {
            return new Fault(pointer, null, reason);
        }

        public static Fault parameter(String parameter, String reason) {
            return new Fault(null, parameter, reason);
        }
    }

    /** The body of schema Problem; {@code errors} is left out when there are none. */
    public record Body(String type, String title, int status, String detail, String instance, List<Fault> errors) {
    }

    private final int status;
    private final String type;
    private final String title;
    private final transient List<Fault> errors;

    public Problem(int status, String type, String title, String detail, List<Fault> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem badParameter(String parameter, String reason) {
        return new Problem(400, "invalid-parameter", "Invalid query parameter", parameter + ": " + reason,
                List.of(Fault.parameter(parameter, reason)));
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail, List.of());
    }

    /**
     * A 400 naming every offending field of a body; the detail tells the first (a pointer, or
     * {@code subject} when it is the whole body) and how many more there are.
     */
    static Problem invalid(String type, String title, String subject, List<FieldError> errors) {
        FieldError first = errors.get(0);
        String detail = (first.pointer().isEmpty() ? subject : first.pointer()) + " " + first.reason()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        return new Problem(400, type, title, detail, errors.stream().map(e -> Fault.field(e.pointer(), e.reason())).toList());
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

    public List<Fault> errors() {
        return errors;
    }

    /**
     * The RFC 9457 body, whoever writes it (a route's exception handler or Jetty's error
     * handler): type, title, status, detail, the request path as instance, and the field errors.
     */
    public Body body(String instance) {
        return new Body(TYPE_PREFIX + type, title, status, getMessage(), instance, errors.isEmpty() ? null : errors);
    }
}
