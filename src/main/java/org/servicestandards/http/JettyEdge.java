package org.servicestandards.http;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.servicestandards.json.Json;

/**
 * What Jetty answers by itself, before any route runs: a request it cannot parse (request line,
 * URI, percent-encoding, headers, Content-Length, chunking, HTTP version) or will not route (an
 * ambiguous path), and a URI or headers over the size limit. Each gets the same problem+json body
 * the routes answer, never Jetty's HTML page; and since no client mistake may be a 5xx, an HTTP
 * version Jetty does not speak is a 400 rather than Jetty's 505.
 */
final class JettyEdge {

    /** Request line and headers together; a longer URI is answered 414, longer headers 431. */
    static final int MAX_HEADER_BYTES = 8 * 1024;

    /**
     * Jetty's strict default (Javalin's own is LEGACY), which refuses empty segments ({@code //}),
     * encoded dot segments, path parameters and bad or overlong encodings with a 400. Encoded
     * slashes stay allowed: a customer id may contain '/', and the routes match the raw path, so
     * {@code /api/v1/customers/a%2Fb} is the customer {@code a/b} and nothing else.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("service-standards",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR);

    private JettyEdge() {
    }

    static void configure(JavalinConfig cfg) {
        cfg.jetty.modifyHttpConfiguration(http -> {
            http.setUriCompliance(URI_COMPLIANCE);
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        ErrorHandler problems = new ProblemErrorHandler();
        cfg.jetty.modifyServer(server -> server.setErrorHandler(problems));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(problems));
    }

    /** The problem for an error Jetty found itself, with Jetty's own reason as the detail. */
    static Problem problem(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason;
        return switch (status) {
            case 400 -> new Problem(400, "bad-request", "Bad request", detail, List.of());
            case 404 -> Problem.notFound(detail);
            case 408 -> new Problem(408, "request-timeout", "Request timeout", detail, List.of());
            case 413 -> new Problem(413, "body-too-large", "Body too large", detail, List.of());
            case 414 -> new Problem(414, "uri-too-long", "URI too long",
                    "the request line is longer than the " + MAX_HEADER_BYTES + " bytes accepted", List.of());
            case 431 -> new Problem(431, "headers-too-large", "Request headers too large",
                    "the request line and headers are longer than the " + MAX_HEADER_BYTES + " bytes accepted", List.of());
            case 505 -> new Problem(400, "unsupported-http-version", "Unsupported HTTP version",
                    detail + "; send HTTP/1.1 (or HTTP/1.0)", List.of());
            default -> status >= 400 && status < 500
                    ? new Problem(status, "http-" + status, HttpStatus.getMessage(status), detail, List.of())
                    : new Problem(status, "internal-error", "Internal error", "the request could not be completed", List.of());
        };
    }

    /**
     * The problem for a failure that Jetty raised because of the client (a 4xx it would have
     * answered itself, e.g. a chunk size that is no number), found anywhere in the causes; null
     * for any other failure.
     */
    static Problem clientFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return problem(http.getCode(), http.getReason());
            }
        }
        return null;
    }

    /** Jetty's error handler, writing problem+json for every method and whatever the client accepts. */
    private static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus();
            String reason = (String) request.getAttribute(ERROR_MESSAGE);
            if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException http) {
                status = http.getCode();
                reason = reason == null ? http.getReason() : reason;
                // A URI Jetty could not parse comes as a bare "Bad Request"; what broke is in the cause.
                Throwable why = ((Throwable) http).getCause();
                if (HttpStatus.getMessage(status).equals(reason) && why != null && why.getMessage() != null) {
                    reason = reason + ": " + why.getMessage();
                }
            }
            Problem problem = problem(status, reason);
            response.setStatus(problem.status());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            if (HttpMethod.HEAD.is(request.getMethod()) || HttpStatus.hasNoBody(problem.status())) {
                callback.succeeded();
                return true;
            }
            byte[] body;
            try {
                body = Json.mapper().writeValueAsBytes(problem.body(instance(request)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
        }

        /** The path as sent, or "" when Jetty could not read one (it then names a placeholder of its own). */
        private static String instance(Request request) {
            String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
            return path == null || path.equals("/badMessage") ? "" : path;
        }
    }
}
