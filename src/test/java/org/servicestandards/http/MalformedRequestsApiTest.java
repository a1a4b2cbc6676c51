package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicestandards.json.Json;

/**
 * Requests that break HTTP itself, or the service's reading of it, each get a 4xx answer with
 * the problem+json body every route answers with: never Jetty's HTML page, never a 5xx, and
 * within the client's timeout.
 */
class MalformedRequestsApiTest {

    @TempDir
    static Path data;
    static TestApp app;

    @BeforeAll
    static void start() {
        app = new TestApp(data);
        app.app.start(0);
    }

    @AfterAll
    static void stop() {
        app.app.stop();
        app.close();
    }

    /** A request (made with the admin key at hand) and the status and problem type it must get. */
    record Case(String name, Function<String, RawRequest> request, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, Function<String, RawRequest> request, int status, String type) {
        return new Case(name, request, status, type);
    }

    static Stream<Case> malformed() {
        return Stream.of(
                of("a NUL escape in the path", key -> RawRequest.of("PUT", "/api/v1/customers/%00").bearer(key).json("{}"), 400, "bad-request"),
                of("an escape with no hex digits", key -> RawRequest.of("GET", "/api/v1/customers/%zz").bearer(key), 400, "bad-request"),
                of("a lone percent sign", key -> RawRequest.of("GET", "/api/v1/customers/%").bearer(key), 400, "bad-request"),
                of("an escape that is not UTF-8", key -> RawRequest.of("GET", "/api/v1/customers/%C3%28").bearer(key), 400, "bad-request"),
                of("an empty path segment", key -> RawRequest.of("GET", "//health"), 400, "bad-request"),
                of("an encoded dot-dot segment", key -> RawRequest.of("GET", "/api/v1/customers/%2e%2e").bearer(key), 400, "bad-request"),
                of("a dot-dot escaping the root", key -> RawRequest.of("GET", "/webjars/../../etc/passwd"), 400, "bad-request"),
                of("a dot-dot segment", key -> RawRequest.of("GET", "/api/v1/../health"), 404, "not-found"),
                of("a method nobody knows", key -> RawRequest.of("FOO", "/health"), 405, "method-not-allowed"),
                of("a header name with a space", key -> RawRequest.of("GET", "/health").header("Bad Header", "y"), 400, "bad-request"),
                of("a control character in a header", key -> RawRequest.of("GET", "/health").header("X-Note", "\u0001"), 400, "bad-request"),
                of("a folded header line", key -> RawRequest.of("GET", "/health").header("X-Note", "a\r\n  folded"), 400, "bad-request"),
                of("headers over the limit", key -> RawRequest.of("GET", "/health").header("X-Note", "a".repeat(20_000)), 431,
                        "headers-too-large"),
                of("a URI over the limit", key -> RawRequest.of("GET", "/" + "a".repeat(20_000)), 414, "uri-too-long"),
                of("an unknown charset", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Content-Type", "application/json; charset=klingon").header("Content-Length", "2").body("{}"), 415,
                        "unsupported-charset"),
                of("a Content-Type of semicolons", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Content-Type", ";;;").header("Content-Length", "2").body("{}"), 415, "unsupported-media-type"),
                of("a Content-Length that is no number", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Content-Length", "abc").body("{}"), 400, "bad-request"),
                of("a negative Content-Length", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Content-Length", "-5").body("{}"), 400, "bad-request"),
                of("two Content-Lengths", key -> RawRequest.of("POST", "/api/v1/check").bearer(key).json("{}")
                        .header("Content-Length", "3"), 400, "bad-request"),
                of("a Content-Length past any long", key -> RawRequest.of("GET", "/health")
                        .header("Content-Length", "99999999999999999999"), 400, "bad-request"),
                of("chunked and a Content-Length", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Transfer-Encoding", "chunked").header("Content-Length", "3").body("{}"), 400, "bad-request"),
                of("a chunk size that is no number", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Content-Type", "application/json").header("Transfer-Encoding", "chunked")
                        .body("zz\r\n{}\r\n0\r\n\r\n"), 400, "bad-request"),
                of("a body cut short", key -> RawRequest.of("POST", "/api/v1/check").bearer(key)
                        .header("Content-Type", "application/json").header("Content-Length", "100").body("{}"), 400, "bad-request"),
                of("HTTP/9.9", key -> RawRequest.line("GET /health HTTP/9.9").header("Host", "localhost"), 400, "unsupported-http-version"),
                of("HTTP/0.9", key -> RawRequest.line("GET /health"), 400, "unsupported-http-version"),
                of("no Host header", key -> RawRequest.line("GET /health HTTP/1.1"), 400, "bad-request"),
                of("a request line of one word", key -> RawRequest.line("GARBAGE"), 400, "bad-request"),
                of("TLS spoken to the plain port", key -> RawRequest.line("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000"), 400, "bad-request"),
                of("an expectation nobody meets", key -> RawRequest.of("GET", "/health").header("Expect", "100-banana"), 417, "http-417"),
                of("a query escape with no hex digits", key -> RawRequest.of("GET", "/api/v1/violations?from=%zz").bearer(key), 400,
                        "invalid-parameter"),
                of("a query value that is not UTF-8", key -> RawRequest.of("GET", "/api/v1/violations?from=%C3%28").bearer(key), 400,
                        "invalid-parameter"),
                of("a query name that is no escape", key -> RawRequest.of("GET", "/api/v1/violations?%zz=1").bearer(key), 400,
                        "invalid-parameter"),
                of("a parameter given twice", key -> RawRequest.of("GET", "/api/v1/violations?page=1&page=2").bearer(key), 400,
                        "invalid-parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void every_malformed_request_is_answered_with_a_4xx_problem_and_never_with_html(Case c) throws Exception {
        RawHttp.Answer answer = RawHttp.send(app.app.port(), c.request().apply(app.adminKey).bytes());

        assertThat(answer.status()).as(answer.raw()).isEqualTo(c.status());
        assertThat(answer.contentType()).as(answer.raw()).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo(Problem.TYPE_PREFIX + c.type());
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.has("instance")).isTrue();
    }

    @Test
    void a_405_says_which_methods_the_path_takes() {
        RawHttp.Answer answer = RawHttp.send(app.app.port(), RawRequest.of("FOO", "/health").bytes());
        assertThat(answer.headers().get("allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void an_encoded_slash_is_part_of_a_customer_id_and_nothing_else() throws Exception {
        RawHttp.Answer put = RawHttp.send(app.app.port(), RawRequest.of("PUT", "/api/v1/customers/acme%2F7").bearer(app.adminKey)
                .json("{\"tier\": \"VIP\", \"since\": \"2026-11-01T00:00:00Z\"}").bytes());
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        RawHttp.Answer get = RawHttp.send(app.app.port(), RawRequest.of("GET", "/api/v1/customers/acme%2F7").bearer(app.adminKey).bytes());
        assertThat(Json.mapper().readTree(get.body()).get("id").asText()).isEqualTo("acme/7");
    }

    @Test
    void a_connection_that_sends_only_empty_lines_is_closed_without_an_answer_and_without_html() {
        // No request began, so there is nothing to answer: Jetty closes the connection.
        RawHttp.Answer answer = RawHttp.send(app.app.port(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(answer.status()).isZero();
        assertThat(answer.raw()).isEmpty();
    }
}
