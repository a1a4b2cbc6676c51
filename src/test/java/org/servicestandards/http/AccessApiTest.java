package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.Roles;
import io.javalin.security.RouteRole;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;

/**
 * Walks the route table: every route but /health, /openapi.json and /docs needs a key (401 without one, or with an
 * unknown or revoked one), and a key without the route's role gets 403, with every role. HEAD is checked exactly as
 * the GET it shadows, and OPTIONS is refused everywhere.
 */
class AccessApiTest {

    @TempDir
    static Path data;
    /** One app for every test here, started once: each test makes its own keys, and none changes what another reads. */
    static TestApp app;
    static HttpClient client;
    static int port;

    @BeforeAll
    static void start() {
        app = new TestApp(data);
        app.app.start(0);
        port = app.app.port();
        client = new HttpClient(app.app, java.net.http.HttpClient.newHttpClient());
    }

    @AfterAll
    static void stop() {
        app.app.stop();
        app.close();
    }

    /** Who may call each route, as SPEC §5 says; a route missing here fails the test. Every GET has a HEAD twin. */
    private static final Map<String, String> TABLE = withHeadTwins(Map.ofEntries(
            Map.entry("GET /health", "open"),
            Map.entry("GET /openapi.json", "open"),
            Map.entry("GET /docs", "open"),
            Map.entry("GET /dashboard", "open"),
            Map.entry("GET /dashboard/dashboard.js", "open"),
            Map.entry("GET /dashboard/dashboard.css", "open"),
            Map.entry("GET /dashboard/chart.js", "open"),
            Map.entry("GET /metrics", "admin"),
            Map.entry("POST /api/v1/check", "ingest"),
            Map.entry("POST /api/v1/interactions", "ingest"),
            Map.entry("GET /api/v1/interactions/{id}", "auditor"),
            Map.entry("PUT /api/v1/customers/{id}", "ingest"),
            Map.entry("GET /api/v1/customers/{id}", "auditor"),
            Map.entry("GET /api/v1/reports/compliance", "auditor"),
            Map.entry("GET /api/v1/violations", "auditor"),
            Map.entry("GET /api/v1/at-risk", "auditor"),
            Map.entry("GET /api/v1/history-standards", "auditor"),
            Map.entry("POST /api/v1/history-standards/sweep", "officer"),
            Map.entry("GET /api/v1/rules", "any key"),
            Map.entry("POST /api/v1/rules/validate", "officer"),
            Map.entry("POST /api/v1/rules/impact", "officer"),
            Map.entry("GET /api/v1/rules/impact/{id}", "officer"),
            Map.entry("POST /api/v1/rules/reload", "officer"),
            Map.entry("GET /api/v1/rules/versions", "auditor"),
            Map.entry("GET /api/v1/rules/versions/{version}", "auditor"),
            Map.entry("GET /api/v1/rules/versions/{version}/rule", "auditor"),
            Map.entry("POST /api/v1/reevaluate", "officer"),
            Map.entry("POST /api/v1/webhooks", "officer"),
            Map.entry("GET /api/v1/webhooks", "officer"),
            Map.entry("GET /api/v1/webhooks/{id}", "officer"),
            Map.entry("DELETE /api/v1/webhooks/{id}", "officer"),
            Map.entry("POST /api/v1/rules/publish", "officer"),
            Map.entry("POST /api/v1/rules/rollback", "officer"),
            Map.entry("GET /api/v1/keys", "admin"),
            Map.entry("POST /api/v1/keys", "admin"),
            Map.entry("DELETE /api/v1/keys/{id}", "admin"),
            Map.entry("GET /api/v1/audit-log", "admin"),
            // A job is its starter's and the admins' (GET and DELETE answer 404 to other keys).
            Map.entry("POST /api/v1/imports", "ingest"),
            Map.entry("GET /api/v1/jobs", "any key"),
            Map.entry("GET /api/v1/jobs/{id}", "any key"),
            Map.entry("DELETE /api/v1/jobs/{id}", "any key")));

    private static Map<String, String> withHeadTwins(Map<String, String> routes) {
        Map<String, String> table = new TreeMap<>(routes);
        routes.forEach((route, who) -> {
            if (route.startsWith("GET ")) {
                table.put("HEAD " + route.substring(4), who);
            }
        });
        return table;
    }

    static Response call(HttpClient client, String method, String path, String key) {
        return client.request(path, r -> {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{}");
            switch (method) {
                case "GET" -> r.get();
                case "POST" -> r.post(body);
                case "PUT" -> r.put(body);
                case "DELETE" -> r.delete(HttpRequest.BodyPublishers.noBody());
                default -> throw new IllegalArgumentException(method);
            }
            r.header("Content-Type", "application/json");
            if (key != null) {
                r.header("Authorization", "Bearer " + key);
            }
        });
    }

    /**
     * HEAD, OPTIONS or GET sent as raw bytes: the test client speaks neither of the first two, and the JDK's
     * keeps connections open that would hold up the server's stop.
     */
    static RawHttp.Answer send(int port, String method, String path, String key) {
        RawRequest request = RawRequest.of(method, path);
        return RawHttp.send(port, (key == null ? request : request.bearer(key)).bytes());
    }

    private static int status(HttpClient client, String method, String path, String key) {
        return method.equals("HEAD") ? send(client.getApp().port(), method, path, key).status() : call(client, method, path, key).code();
    }

    private static boolean allowed(String who, Role role) {
        return switch (who) {
            case "open", "any key" -> true;
            default -> role.grants(Role.parse(who));
        };
    }

    @Test
    void every_route_answers_401_without_a_valid_key_and_403_without_its_role() {
        Map<Role, String> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            keys.put(role, app.key(role));
        }
        String revoked = app.key(Role.ADMIN);
        // A key reads ssk_<id>_<secret>.
        assertThat(app.keys.revoke(revoked.substring(4, 16), "test")).isTrue();

        Map<String, String> routes = new LinkedHashMap<>();
        for (ParsedEndpoint parsed : app.app.unsafe.internalRouter.allHttpHandlers()) {
            Endpoint endpoint = parsed.endpoint;
            if (endpoint.method == HandlerType.BEFORE || endpoint.method == HandlerType.AFTER
                    || endpoint.method == HandlerType.BEFORE_MATCHED || endpoint.method == HandlerType.AFTER_MATCHED) {
                continue;
            }
            Roles roles = endpoint.metadata(Roles.class);
            Set<RouteRole> required = roles == null ? Set.of() : roles.getRoles();
            routes.put(endpoint.method.name() + " " + endpoint.path, required.isEmpty() ? "open"
                    : required.stream().map(r -> ((Access) r).describe()).sorted().findFirst().orElseThrow());
        }
        assertThat(new TreeMap<>(routes)).isEqualTo(TABLE);

        for (Map.Entry<String, String> route : TABLE.entrySet()) {
            String method = route.getKey().substring(0, route.getKey().indexOf(' '));
            String path = route.getKey().substring(method.length() + 1).replaceAll("\\{[^}]+}", "x");
            String who = route.getValue();
            int anonymous = status(client, method, path, null);
            if (who.equals("open")) {
                assertThat(anonymous).as(route.getKey()).isEqualTo(200);
                continue;
            }
            assertThat(anonymous).as(route.getKey() + " without a key").isEqualTo(401);
            assertThat(status(client, method, path, "ssk_000000000000_not-a-key")).as(route.getKey() + " unknown key")
                    .isEqualTo(401);
            assertThat(status(client, method, path, revoked)).as(route.getKey() + " revoked key").isEqualTo(401);
            for (Role role : Role.values()) {
                int status = status(client, method, path, keys.get(role));
                if (allowed(who, role)) {
                    assertThat(status).as(route.getKey() + " as " + role.key()).isNotIn(401, 403);
                } else {
                    assertThat(status).as(route.getKey() + " as " + role.key()).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void head_answers_what_get_answers_for_every_key_and_never_a_body() {
        Map<Role, String> keys = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            keys.put(role, app.key(role));
        }
        for (String route : TABLE.keySet()) {
            if (!route.startsWith("HEAD ")) {
                continue;
            }
            String path = route.substring(5).replaceAll("\\{[^}]+}", "x");
            List<String> callers = new ArrayList<>(Arrays.asList((String) null));
            callers.addAll(keys.values());
            for (String key : callers) {
                RawHttp.Answer get = send(port, "GET", path, key);
                RawHttp.Answer head = send(port, "HEAD", path, key);
                String as = route + (key == null ? " without a key" : " with " + key.substring(0, 16));
                assertThat(head.status()).as(as).isEqualTo(get.status());
                assertThat(head.body()).as(as).isEmpty();
                assertThat(head.contentType()).as(as).isEqualTo(get.contentType());
            }
        }
    }

    @Test
    void options_is_refused_on_every_path_with_a_problem_that_names_the_methods_it_takes() {
        Map<String, Set<String>> methods = new TreeMap<>();
        TABLE.keySet().forEach(route -> methods.computeIfAbsent(route.substring(route.indexOf(' ') + 1), p -> new TreeSet<>())
                .add(route.substring(0, route.indexOf(' '))));
        for (Map.Entry<String, Set<String>> path : methods.entrySet()) {
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (String key : new String[] {null, app.adminKey}) {
                RawHttp.Answer options = send(port, "OPTIONS", concrete, key);
                assertThat(options.status()).as("OPTIONS " + path.getKey()).isEqualTo(405);
                assertThat(options.contentType()).startsWith(Problem.MEDIA_TYPE);
                assertThat(Set.of(options.headers().get("allow").split(", ")))
                        .as("Allow of " + path.getKey()).isEqualTo(path.getValue());
            }
        }
    }

    @Test
    void a_refusal_says_what_is_missing_and_never_echoes_the_key() {
        String ingest = app.key(Role.INGEST);
        Response missing = call(client, "GET", "/api/v1/violations", null);
        assertThat(missing.headers().get("WWW-Authenticate")).containsExactly("Bearer realm=\"service-standards\"");
        assertThat(missing.body().string()).contains("Authorization: Bearer");
        Response forbidden = call(client, "GET", "/api/v1/violations", ingest);
        String body = forbidden.body().string();
        assertThat(forbidden.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
        assertThat(body).contains("[ingest]").contains("[auditor]").doesNotContain(ingest.substring(17));
    }
}
