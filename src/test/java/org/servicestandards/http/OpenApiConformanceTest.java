package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.ParsedEndpoint;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;
import org.servicestandards.json.Json;
import org.servicestandards.testing.RuleEdits;

/**
 * Every route of the app is described in openapi.yaml and nothing else is; and the real app,
 * driven through every described operation with realistic requests (successes and refusals),
 * answers with the statuses, content types, headers and bodies the description gives. The
 * requests are checked against the description too, so its parameters and bodies are what the
 * app really takes.
 */
class OpenApiConformanceTest {

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** The response headers the description gives. */
    private static final List<String> HEADERS = List.of("Content-Type", "Location", "X-Record-Status", "WWW-Authenticate",
            "Content-Disposition");
    private static final String PERIOD = "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z";

    @Test
    void every_route_is_described_and_every_described_operation_exists(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            Set<String> routes = new TreeSet<>();
            for (ParsedEndpoint parsed : app.app.unsafe.internalRouter.allHttpHandlers()) {
                Endpoint endpoint = parsed.endpoint;
                if (endpoint.method == HandlerType.BEFORE || endpoint.method == HandlerType.AFTER
                        || endpoint.method == HandlerType.BEFORE_MATCHED || endpoint.method == HandlerType.AFTER_MATCHED) {
                    continue;
                }
                routes.add(endpoint.method.name() + " " + endpoint.path);
            }
            assertThat(routes).hasSizeGreaterThan(20);
            // Every GET answers HEAD too, as the description says once for all (info.description);
            // HEAD is no operation of its own.
            Set<String> heads = new TreeSet<>(routes.stream().filter(r -> r.startsWith("HEAD ")).toList());
            routes.removeAll(heads);
            assertThat(heads).isEqualTo(new TreeSet<>(routes.stream().filter(r -> r.startsWith("GET "))
                    .map(r -> "HEAD " + r.substring(4)).toList()));
            assertThat(described(spec())).isEqualTo(routes);
            assertThat(spec().get("info").get("description").asText()).contains("`HEAD`");
        }
    }

    @Test
    void the_description_served_is_the_one_in_the_jar_and_the_docs_page_loads_it_without_the_internet(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, (server, client) -> {
                Response served = client.get("/openapi.json");
                assertThat(served.code()).isEqualTo(200);
                assertThat(served.headers().get("Content-Type").get(0)).startsWith("application/json");
                assertThat(Json.mapper().readTree(served.body().string())).isEqualTo(spec());

                Response docs = client.get("/docs");
                assertThat(docs.code()).isEqualTo(200);
                String page = docs.body().string();
                assertThat(page).contains("url: \"/openapi.json\"").contains("validatorUrl: null");
                // Every script and style the page names is served here, without a key.
                var assets = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page);
                int count = 0;
                while (assets.find()) {
                    String asset = assets.group(1);
                    assertThat(asset).as("served from this service").startsWith("/webjars/swagger-ui/");
                    assertThat(client.get(asset).code()).as(asset).isEqualTo(200);
                    count++;
                }
                assertThat(count).isEqualTo(3);
            });
        }
    }

    @Test
    void every_operation_answers_as_described(@TempDir Path data) {
        // Jobs are started and left waiting, so one can be seen cancelled.
        HttpSettings settings = new HttpSettings(1024 * 1024, 3);
        try (TestApp app = new TestApp(TestApp.config(data, settings, Path.of("rules"), List.of()), false)) {
            String auditor = app.key(Role.AUDITOR);
            String ingest = app.key(Role.INGEST);
            Exchanges calls = new Exchanges(app.adminKey);
            JavalinTest.test(app.app, (server, client) -> {
                calls.start(client);
                String r1 = TestApp.fixture("r1-phone-answered-in-time.json");
                String r2 = TestApp.fixture("r2-phone-answered-late.json");
                String r3 = TestApp.fixture("r3-vip-chat-no-farewell.json");
                String r4 = TestApp.fixture("r4-email-complaint-ignored.json");
                String r5 = TestApp.fixture("r5-outbound-sale.json");
                String bad = "{\"id\":\"x 1\",\"customer\":{\"id\":\"c1\",\"tier\":\"GOLD\"},\"agent\":{\"id\":\"a1\"},"
                        + "\"channel\":\"FAX\",\"type\":\"INQUIRY\",\"openedAt\":\"yesterday\",\"colour\":\"red\"}";

                calls.get("/health").noKey().expect(200);
                calls.get("/openapi.json").noKey().expect(200);
                calls.get("/docs").noKey().expect(200);
                for (String page : List.of("/dashboard", "/dashboard/dashboard.js", "/dashboard/dashboard.css", "/dashboard/chart.js")) {
                    calls.get(page).noKey().expect(200);
                }
                calls.get("/metrics").expect(200);
                calls.get("/metrics").key(auditor).expect(403);

                calls.post("/api/v1/check?asOf=2026-11-20T15:00:00Z").json(r2).expect(200);
                calls.post("/api/v1/check").json("[" + r1 + "," + r3 + "]").expect(200);
                calls.post("/api/v1/check").ndjson(oneLine(r4) + "\n" + oneLine(r5) + "\n{not json\n").expect(200);
                calls.post("/api/v1/check").json(bad).outsideSpec().expect(400);
                calls.post("/api/v1/check?asOf=yesterday").json(r1).outsideSpec().expect(400);
                calls.post("/api/v1/check").body("text/plain", "hello").outsideSpec().expect(415);
                calls.post("/api/v1/check").json("[" + r1 + "," + r2 + "," + r3 + "," + r4 + "]").outsideSpec().expect(413);
                calls.post("/api/v1/check").json(r1).noKey().expect(401);

                calls.post("/api/v1/interactions?asOf=2026-11-20T15:00:00Z").json(r1).expect(201);
                calls.post("/api/v1/interactions?asOf=2026-11-20T15:00:00Z").json(r1).expect(200);
                calls.post("/api/v1/interactions?asOf=2026-11-20T15:00:00Z").json("[" + r2 + "," + r3 + "," + bad + "]")
                        .outsideSpec().expect(200);
                calls.post("/api/v1/interactions?asOf=2026-11-20T15:00:00Z").ndjson(oneLine(r4) + "\n" + oneLine(r5) + "\n")
                        .expect(200);
                calls.post("/api/v1/interactions").json(bad).outsideSpec().expect(400);
                calls.post("/api/v1/interactions").json("{\"id\": ").outsideSpec().expect(400);
                calls.post("/api/v1/interactions").json(r1).key(auditor).expect(403);

                calls.get("/api/v1/interactions/cc-1001").expect(200);
                calls.get("/api/v1/interactions/hd-3001").expect(200);
                calls.get("/api/v1/interactions/no-such-record").expect(404);
                calls.get("/api/v1/interactions/cc-1001").noKey().expect(401);

                calls.put("/api/v1/customers/cust-9").json("{\"tier\": \"VIP\", \"since\": \"2026-10-01T00:00:00Z\","
                        + " \"name\": \"Northwind Traders\", \"accountManager\": \"agent-a\"}").expect(200);
                calls.put("/api/v1/customers/cust-9").json("{\"tier\": \"GOLD\"}").outsideSpec().expect(400);
                calls.put("/api/v1/customers/cust-9").json("{\"tier\": ").outsideSpec().expect(400);
                calls.put("/api/v1/customers/cust-9").json("{\"tier\": \"VIP\"}").key(auditor).expect(403);

                calls.get("/api/v1/customers/cust-9").expect(200);
                calls.get("/api/v1/customers/cust-1").expect(200);
                calls.get("/api/v1/customers/nobody").expect(404);
                calls.get("/api/v1/customers/cust-9").key(ingest).expect(403);

                calls.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=standard,team").expect(200);
                calls.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=tier&groupBy=week&channel=PHONE").expect(200);
                calls.get("/api/v1/reports/compliance?" + PERIOD + "&groupBy=team&format=csv").expect(200);
                calls.get("/api/v1/reports/compliance?groupBy=colour").outsideSpec().expect(400);
                calls.get("/api/v1/reports/compliance?from=2026-11-20T00:00:00Z&to=2026-11-01T00:00:00Z").expect(400);
                calls.get("/api/v1/reports/compliance").noKey().expect(401);

                calls.get("/api/v1/violations?" + PERIOD + "&severity=MAJOR&size=2").expect(200);
                calls.get("/api/v1/violations?" + PERIOD + "&format=csv").expect(200);
                calls.get("/api/v1/violations?severity=HUGE").outsideSpec().expect(400);
                calls.get("/api/v1/violations?size=501").outsideSpec().expect(400);
                calls.get("/api/v1/violations").key(ingest).expect(403);

                calls.get("/api/v1/at-risk?asOf=2026-11-20T15:00:00Z&within=P3D").expect(200);
                calls.get("/api/v1/at-risk?asOf=2026-11-20T15:00:00Z&within=P3D&format=csv").expect(200);
                calls.get("/api/v1/at-risk?within=soon").outsideSpec().expect(400);
                calls.get("/api/v1/at-risk").noKey().expect(401);

                calls.post("/api/v1/history-standards/sweep?asOf=2026-11-20T00:00:00Z").expect(202);
                calls.post("/api/v1/history-standards/sweep?asOf=tomorrow").outsideSpec().expect(400);
                calls.post("/api/v1/history-standards/sweep").key(auditor).expect(403);

                calls.get("/api/v1/history-standards?asOf=2026-11-20T15:00:00Z&limit=5").expect(200);
                calls.get("/api/v1/history-standards?asOf=2026-11-20T15:00:00Z&limit=5&format=csv").expect(200);
                calls.get("/api/v1/history-standards?customer=cust-9&outcome=FAIL").expect(200);
                calls.get("/api/v1/history-standards?outcome=MAYBE").outsideSpec().expect(400);
                calls.get("/api/v1/history-standards?customer=nobody").expect(404);

                JsonNode rules = calls.get("/api/v1/rules").expect(200);
                calls.get("/api/v1/rules").key(ingest).expect(200);
                calls.get("/api/v1/rules").noKey().expect(401);
                String version = rules.get("version").asText();

                calls.post("/api/v1/rules/validate").json(candidate(Path.of("rules"))).expect(200);
                calls.post("/api/v1/rules/validate").json("{\"files\": {\"standards.csv\": "
                        + Json.mapper().valueToTree(RuleEdits.read(Path.of("rules/standards.csv"))) + ", \"standards/broken.drl\":"
                        + " \"package standards;\\nrule \\\"half a rule\\\" when then\"}}").expect(422);
                calls.post("/api/v1/rules/validate").json("{\"files\": {}}").outsideSpec().expect(400);
                calls.post("/api/v1/rules/validate").body("text/plain", "x").outsideSpec().expect(415);
                calls.post("/api/v1/rules/validate").json("{\"files\": {\"a.drl\": \"x\"}}").key(auditor).expect(403);

                calls.post("/api/v1/rules/reload").expect(200);
                calls.post("/api/v1/rules/reload").key(auditor).expect(403);

                calls.post("/api/v1/rules/publish").json(candidate(Path.of("rules"))).expect(200);
                calls.post("/api/v1/rules/publish").json("{\"files\": {\"standards.csv\": "
                        + Json.mapper().valueToTree(RuleEdits.read(Path.of("rules/standards.csv"))) + ", \"standards/broken.drl\":"
                        + " \"package standards;\\nrule \\\"half a rule\\\" when then\"}}").expect(422);
                calls.post("/api/v1/rules/publish").json("{\"files\": {}}").outsideSpec().expect(400);
                calls.post("/api/v1/rules/publish").json("{\"files\": {\"a.drl\": \"x\"}}").key(auditor).expect(403);
                calls.post("/api/v1/rules/rollback").json("{\"version\": \"" + version + "\"}").expect(200);
                calls.post("/api/v1/rules/rollback").json("{\"version\": \"sha256:" + "0".repeat(64) + "\"}").expect(404);
                calls.post("/api/v1/rules/rollback").json("{}").outsideSpec().expect(400);
                calls.post("/api/v1/rules/rollback").json("{\"version\": \"" + version + "\"}").key(auditor).expect(403);

                calls.get("/api/v1/rules/versions").expect(200);
                calls.get("/api/v1/rules/versions").noKey().expect(401);
                calls.get("/api/v1/rules/versions/" + version).expect(200);
                calls.get("/api/v1/rules/versions/sha256:nothing").expect(404);
                JsonNode late = calls.get("/api/v1/interactions/cc-1002").expect(200);
                String rule = late.get("revisions").get(0).get("verdicts").get(0).get("outcomes").get(0)
                        .get("findings").get(0).get("rule").asText();
                calls.get("/api/v1/rules/versions/" + version + "/rule?name=" + URLEncoder.encode(rule, StandardCharsets.UTF_8))
                        .expect(200);
                calls.get("/api/v1/rules/versions/" + version + "/rule").outsideSpec().expect(400);
                calls.get("/api/v1/rules/versions/" + version + "/rule?name=no+such+rule").expect(404);

                calls.post("/api/v1/reevaluate?" + PERIOD + "&asOf=2026-11-20T15:00:00Z").expect(202);
                calls.post("/api/v1/reevaluate?" + PERIOD + "&ruleset=" + version).expect(202);
                calls.post("/api/v1/reevaluate?" + PERIOD + "&ruleset=sha256:unknown").expect(404);
                calls.post("/api/v1/reevaluate?from=2026-11-20T00:00:00Z&to=2026-11-01T00:00:00Z").expect(400);
                calls.post("/api/v1/reevaluate").key(auditor).expect(403);

                JsonNode previewed = calls.post("/api/v1/rules/impact?" + PERIOD + "&groupBy=team").json(candidate(Path.of("rules")))
                        .expect(202);
                calls.post("/api/v1/rules/impact?" + PERIOD).json("{\"version\": \"" + version + "\"}").expect(202);
                calls.post("/api/v1/rules/impact?" + PERIOD).json("{\"version\": \"sha256:unknown\"}").expect(404);
                calls.post("/api/v1/rules/impact?" + PERIOD).json("{\"files\": {\"standards.csv\": "
                        + Json.mapper().valueToTree(RuleEdits.read(Path.of("rules/standards.csv"))) + ", \"standards/broken.drl\":"
                        + " \"package standards;\\nrule \\\"half a rule\\\" when then\"}}").expect(422);
                calls.post("/api/v1/rules/impact?" + PERIOD + "&groupBy=week").json("{\"version\": \"" + version + "\"}")
                        .outsideSpec().expect(400);
                calls.post("/api/v1/rules/impact?" + PERIOD).json("{\"version\": \"" + version + "\"}").key(auditor).expect(403);
                String preview = previewed.get("id").asText();
                // This node runs jobs just long enough for the previews to finish.
                try (org.servicestandards.jobs.JobRunner runner = app.application.runJobs()) {
                    for (int wait = 0; wait < 600 && !calls.get("/api/v1/jobs/" + preview).expect(200).get("state").asText()
                            .equals("SUCCEEDED"); wait++) {
                        Thread.sleep(100);
                    }
                }
                JsonNode previewJob = calls.get("/api/v1/jobs/" + preview).expect(200);
                assertThat(previewJob.get("state").asText()).as(previewJob.toString()).isEqualTo("SUCCEEDED");
                calls.get("/api/v1/rules/impact/" + preview).expect(200);
                calls.get("/api/v1/rules/impact/" + preview + "?format=csv").expect(200);
                calls.get("/api/v1/rules/impact/no-such-job").expect(404);
                // A preview whose candidate is still arriving: no node takes it up before it has.
                String arriving = app.application.jobs().store().create("impact", java.util.Map.of(), "test", null, true,
                        java.time.Instant.now()).id();
                calls.get("/api/v1/rules/impact/" + arriving).expect(409);
                calls.get("/api/v1/rules/impact/" + preview).key(auditor).expect(403);

                JsonNode webhook = calls.post("/api/v1/webhooks").json("{\"url\": \"https://hooks.example.com/standards\","
                        + " \"secret\": \"0123456789abcdef-the-secret\", \"standards\": [\"first-response\", \"courtesy\"],"
                        + " \"severities\": [\"CRITICAL\", \"MAJOR\"], \"events\": [\"failed\", \"at-risk\"], \"warnBefore\": \"PT30M\"}")
                        .expect(201);
                calls.post("/api/v1/webhooks").json("{\"url\": \"http://hooks.example.com/plain\", \"secret\": \"sixteen-chars-ok\"}")
                        .expect(201);
                calls.post("/api/v1/webhooks").json("{\"url\": \"ftp://x\", \"secret\": \"short\", \"events\": [\"boom\"]}")
                        .outsideSpec().expect(400);
                calls.post("/api/v1/webhooks").json("{}").key(auditor).outsideSpec().expect(403);
                String hook = webhook.get("id").asText();
                calls.get("/api/v1/webhooks").expect(200);
                calls.get("/api/v1/webhooks").noKey().expect(401);
                calls.get("/api/v1/webhooks/" + hook).expect(200);
                calls.get("/api/v1/webhooks/no-such-hook").expect(404);
                calls.delete("/api/v1/webhooks/" + hook).expect(204);
                calls.delete("/api/v1/webhooks/no-such-hook").expect(404);
                calls.delete("/api/v1/webhooks/" + hook).key(auditor).expect(403);
                calls.get("/api/v1/webhooks/" + hook).expect(200);

                JsonNode imported = calls.post("/api/v1/imports?asOf=2026-11-20T15:00:00Z")
                        .body("application/x-ndjson", String.join("\n", Json.mapper().readTree(r1).toString(),
                                Json.mapper().readTree(r2).toString(), "{\"id\": 1}")).expect(202);
                calls.post("/api/v1/imports").body("application/xml", "<records/>").outsideSpec().expect(415);
                calls.post("/api/v1/imports").body("application/x-ndjson", "{}").key(auditor).expect(403);
                calls.post("/api/v1/imports?asOf=yesterday").body("application/x-ndjson", "{}").outsideSpec().expect(400);
                String job = imported.get("id").asText();
                calls.get("/api/v1/jobs?limit=10").expect(200);
                calls.get("/api/v1/jobs?limit=0").outsideSpec().expect(400);
                calls.get("/api/v1/jobs").noKey().expect(401);
                calls.get("/api/v1/jobs/" + job).expect(200);
                calls.get("/api/v1/jobs/" + job).key(auditor).expect(404);
                calls.get("/api/v1/jobs/no-such-job").expect(404);
                calls.delete("/api/v1/jobs/" + job).key(ingest).expect(404);
                calls.delete("/api/v1/jobs/" + job).expect(200);
                calls.delete("/api/v1/jobs/" + job).expect(409);

                calls.get("/api/v1/audit-log?limit=5").expect(200);
                calls.get("/api/v1/audit-log?action=rules.reload&after=1").expect(200);
                calls.get("/api/v1/audit-log?format=csv").expect(200);
                calls.get("/api/v1/audit-log?limit=0").outsideSpec().expect(400);
                calls.get("/api/v1/audit-log").key(auditor).expect(403);

                JsonNode made = calls.post("/api/v1/keys").json("{\"name\": \"Q3 audit\", \"roles\": [\"auditor\"]}").expect(201);
                calls.post("/api/v1/keys").json("{\"name\": \"\", \"roles\": [\"boss\"]}").outsideSpec().expect(400);
                calls.post("/api/v1/keys").json("{\"name\": \"x\", \"roles\": [\"admin\"]}").key(auditor).expect(403);
                calls.get("/api/v1/keys").expect(200);
                calls.get("/api/v1/keys").key(auditor).expect(403);
                String madeId = made.get("key").get("id").asText();
                calls.delete("/api/v1/keys/" + madeId).key(auditor).expect(403);
                calls.delete("/api/v1/keys/" + madeId).expect(204);
                calls.delete("/api/v1/keys/" + madeId).expect(404);
            });

            // Each operation was seen to succeed and to refuse.
            Map<String, Set<Integer>> seen = calls.statuses();
            assertThat(seen.keySet()).isEqualTo(described(spec()));
            seen.forEach((operation, statuses) -> {
                if (!Set.of("GET /health", "GET /openapi.json", "GET /docs", "GET /dashboard", "GET /dashboard/dashboard.js",
                        "GET /dashboard/dashboard.css", "GET /dashboard/chart.js").contains(operation)) {
                    assertThat(statuses).as(operation).anyMatch(s -> s < 300).anyMatch(s -> s >= 400);
                }
            });
            assertThat(calls.failures()).isEmpty();
        }
    }

    /** Sends requests to the app, checks each exchange against the served description and keeps what went wrong. */
    private static final class Exchanges {
        private final String adminKey;
        private final Map<String, Set<Integer>> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private HttpClient client;
        private OpenApiInteractionValidator validator;
        private Map<String, Pattern> templates;

        Exchanges(String adminKey) {
            this.adminKey = adminKey;
        }

        void start(HttpClient client) {
            this.client = client;
            String served = client.get("/openapi.json").body().string();
            this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(served).build();
            this.templates = new LinkedHashMap<>();
            for (String operation : described(read(served))) {
                String path = operation.substring(operation.indexOf(' ') + 1);
                templates.put(operation, Pattern.compile(operation.substring(0, operation.indexOf(' ') + 1)
                        + Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")));
            }
        }

        Call get(String target) {
            return new Call("GET", target);
        }

        Call post(String target) {
            return new Call("POST", target);
        }

        Call put(String target) {
            return new Call("PUT", target);
        }

        Call delete(String target) {
            return new Call("DELETE", target);
        }

        Map<String, Set<Integer>> statuses() {
            return statuses;
        }

        List<String> failures() {
            return failures;
        }

        final class Call {
            private final String method;
            private final String target;
            private String key = adminKey;
            private String contentType;
            private byte[] body;
            private boolean outsideSpec;

            Call(String method, String target) {
                this.method = method;
                this.target = target;
            }

            Call noKey() {
                key = null;
                return this;
            }

            Call key(String key) {
                this.key = key;
                return this;
            }

            Call json(String json) {
                return body("application/json", json);
            }

            Call ndjson(String lines) {
                return body("application/x-ndjson", lines);
            }

            Call body(String type, String text) {
                contentType = type;
                body = text.getBytes(StandardCharsets.UTF_8);
                return this;
            }

            /** The request is deliberately not what the description allows: only the answer is checked. */
            Call outsideSpec() {
                outsideSpec = true;
                return this;
            }

            /** Sends it, checks the status and the exchange, and gives the JSON body (or null). */
            JsonNode expect(int status) {
                Response response = client.request(target, r -> {
                    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body);
                    switch (method) {
                        case "GET" -> r.get();
                        case "POST" -> r.post(publisher);
                        case "PUT" -> r.put(publisher);
                        case "DELETE" -> r.delete(publisher);
                        default -> throw new IllegalArgumentException(method);
                    }
                    if (contentType != null) {
                        r.header("Content-Type", contentType);
                    }
                    if (key != null) {
                        r.header("Authorization", "Bearer " + key);
                    }
                });
                String text = response.body() == null ? "" : response.body().string();
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                String operation = templates.entrySet().stream().filter(t -> t.getValue().matcher(method + " " + path).matches())
                        .map(Map.Entry::getKey).findFirst().orElse(method + " " + path);
                statuses.computeIfAbsent(operation, o -> new TreeSet<>()).add(response.code());
                String label = method + " " + target + " -> " + response.code();
                if (response.code() != status) {
                    failures.add(label + ": expected " + status + ": " + text);
                }

                SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.code()).withBody(text);
                for (String name : HEADERS) {
                    List<String> values = response.headers().get(name);
                    if (values != null && !values.isEmpty()) {
                        answer.withHeader(name, values);
                    }
                }
                ValidationReport report;
                if (outsideSpec || key == null) {
                    report = validator.validateResponse(path, Request.Method.valueOf(method), answer.build());
                } else {
                    SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
                    query(target).forEach(request::withQueryParam);
                    if (contentType != null) {
                        request.withContentType(contentType).withBody(body);
                    }
                    request.withAuthorization("Bearer " + key);
                    report = validator.validate(request.build(), answer.build());
                }
                if (report.hasErrors()) {
                    failures.add(label + ": " + report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(Object::toString).toList());
                }
                List<String> types = response.headers().get("Content-Type");
                String type = types == null || types.isEmpty() ? "" : types.get(0);
                return type.startsWith("application/json") || type.startsWith("application/problem+json") ? read(text) : null;
            }
        }

        private static Map<String, List<String>> query(String target) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            if (target.contains("?")) {
                for (String pair : target.substring(target.indexOf('?') + 1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                            .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
                }
            }
            return query;
        }
    }

    /** "METHOD /path" of every operation the description holds. */
    static Set<String> described(JsonNode spec) {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (OPERATIONS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return operations;
    }

    static JsonNode spec() {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(Path.of("src/main/resources/openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String oneLine(String json) {
        return read(json).toString();
    }

    /** Every file of a rules directory, as the JSON that /api/v1/rules/validate takes. */
    private static String candidate(Path rules) throws IOException {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode files = body.putObject("files");
        try (Stream<Path> walk = Files.walk(rules)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(rules.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return body.toString();
    }
}
