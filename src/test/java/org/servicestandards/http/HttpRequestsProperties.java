package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.servicestandards.json.Json;

/**
 * SPEC §2, "no input ever yields a 5xx", over whole requests to the real app on port 0: any
 * method on any route (and some that are not routes), with random query parameters and bodies
 * whose fields and instants range over everything ISO-8601 can say (years ±999999999, year 0,
 * 1969, 10000, nine fraction digits, offsets to ±18:00). Every answer is a 2xx, or a 4xx with a
 * problem+json body, and comes within the client's timeout.
 */
class HttpRequestsProperties {

    /** Longer than any honest answer takes on a loaded 2-core machine; a request that hangs fails. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The route table as SPEC §4 gives it, and some paths that are no route. */
    private static final List<String> ROUTES = List.of(
            "GET /health", "GET /metrics", "GET /openapi.json", "GET /docs", "GET /dashboard", "POST /api/v1/check",
            "POST /api/v1/interactions", "GET /api/v1/interactions/{id}", "PUT /api/v1/customers/{id}", "GET /api/v1/customers/{id}",
            "GET /api/v1/reports/compliance", "GET /api/v1/violations", "GET /api/v1/at-risk", "GET /api/v1/history-standards",
            "POST /api/v1/history-standards/sweep", "GET /api/v1/rules", "POST /api/v1/rules/validate", "POST /api/v1/rules/reload",
            "GET /api/v1/rules/versions", "GET /api/v1/rules/versions/{id}", "GET /api/v1/rules/versions/{id}/rule",
            "POST /api/v1/reevaluate", "POST /api/v1/webhooks", "GET /api/v1/webhooks", "GET /api/v1/webhooks/{id}",
            "DELETE /api/v1/webhooks/{id}", "GET /api/v1/audit-log");
    private static final List<String> NOT_ROUTES = List.of("/", "/api/v2/interactions", "/webjars/nothing-here", "/api/v1");

    private static final List<String> PARAMETERS = List.of(
            "asOf", "from", "to", "within", "groupBy", "standard", "agent", "team", "tier", "channel", "severity", "ruleset",
            "page", "size", "limit", "after", "format", "customer", "outcome", "accountManager", "action", "name");

    private static final List<String> FIXTURES = List.of("r1-phone-answered-in-time.json", "r2-phone-answered-late.json",
            "r3-vip-chat-no-farewell.json", "r4-email-complaint-ignored.json", "r5-outbound-sale.json");

    private static final List<String> INSTANT_FIELDS = List.of("openedAt", "firstResponseAt", "closedAt");

    private static Path data;
    private static TestApp app;
    private static String origin;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    @BeforeContainer
    static void start() throws IOException, InterruptedException {
        data = Files.createTempDirectory("http-requests-properties");
        app = new TestApp(data, HttpSettings.defaults(), Path.of("rules"));
        app.app.start(0);
        origin = "http://127.0.0.1:" + app.app.port();
        // Stored records, so reads and reports have something to find.
        for (String fixture : FIXTURES) {
            send(new Call("POST", "/api/v1/interactions?asOf=2026-11-20T15:00:00Z", "application/json",
                    TestApp.fixture(fixture).getBytes(StandardCharsets.UTF_8), true));
        }
    }

    @AfterContainer
    static void stop() throws IOException {
        app.app.stop();
        app.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One request: method, path with query, Content-Type (null: none), body, and whether it carries the admin key. */
    record Call(String method, String target, String contentType, byte[] body, boolean withKey) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + target + (contentType == null ? "" : " [" + contentType + "]") + (withKey ? "" : " (no key)")
                    + (body.length == 0 ? "" : " " + (text.length() <= 300 ? text : text.substring(0, 300) + "…"));
        }
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void every_request_gets_a_2xx_or_a_4xx_problem_never_a_5xx_and_within_the_timeout(@ForAll("calls") Call call) throws Exception {
        HttpResponse<String> response = send(call);
        int status = response.statusCode();
        Statistics.label("status").collect(status);
        Statistics.label("route").collect(call.target().replaceAll("\\?.*", "").replaceAll("/api/v1/(\\w+(-\\w+)?).*", "$1"));

        assertThat(status).as("%s answered %s", call, response.body())
                .satisfiesAnyOf(s -> assertThat(s).isBetween(200, 299), s -> assertThat(s).isBetween(400, 499));
        if (status >= 400 && !call.method().equals("HEAD")) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as("%s", call).startsWith(Problem.MEDIA_TYPE);
            JsonNode problem = Json.mapper().readTree(response.body());
            assertThat(problem.get("type").asText()).as("%s", call).startsWith(Problem.TYPE_PREFIX);
            assertThat(problem.get("status").asInt()).isEqualTo(status);
            assertThat(problem.get("detail").asText()).isNotBlank();
        }
    }

    private static HttpResponse<String> send(Call call) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + call.target())).timeout(TIMEOUT)
                .method(call.method(), call.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.contentType() != null) {
            request.header("Content-Type", call.contentType());
        }
        if (call.withKey()) {
            request.header("Authorization", "Bearer " + app.adminKey);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<String> anyMethod = Arbitraries.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "FOO");
        Arbitrary<Tuple.Tuple2<String, String>> routes = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of(ROUTES).map(r -> Tuple.of(r.substring(0, r.indexOf(' ')), r.substring(r.indexOf(' ') + 1)))),
                // Records are where instants do their work: judged, stored, reported.
                Tuple.of(4, Arbitraries.of("/api/v1/check", "/api/v1/interactions").map(path -> Tuple.of("POST", path))),
                Tuple.of(3, Combinators.combine(anyMethod, Arbitraries.of(ROUTES).map(r -> r.substring(r.indexOf(' ') + 1))).as(Tuple::of)),
                Tuple.of(1, Combinators.combine(anyMethod, Arbitraries.of(NOT_ROUTES)).as(Tuple::of)));
        Arbitrary<Tuple.Tuple2<String, String>> requests = Combinators.combine(routes, pathIds(), queries())
                .as((route, id, query) -> Tuple.of(route.get1(), route.get2().replace("{id}", id) + query));
        Arbitrary<Tuple.Tuple2<String, byte[]>> bodies = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(Tuple.of((String) null, new byte[0]))),
                Tuple.of(5, records().map(r -> Tuple.of("application/json", bytes(r)))),
                Tuple.of(2, records().list().ofMaxSize(3).map(rs -> Tuple.of("application/json", bytes(Json.mapper().valueToTree(rs))))),
                Tuple.of(2, records().list().ofMaxSize(3).map(rs -> Tuple.of("application/x-ndjson",
                        rs.stream().map(JsonNode::toString).collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8)))),
                Tuple.of(2, customerUpdates().map(u -> Tuple.of("application/json", bytes(u)))),
                Tuple.of(1, webhooks().map(w -> Tuple.of("application/json", bytes(w)))),
                Tuple.of(1, Combinators.combine(Arbitraries.of("application/json", "text/plain", "application/json; charset=latin1",
                        "application/zip", "application/x-ndjson; charset=utf-8"), Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
                        .as(Tuple::of)));
        Arbitrary<Boolean> withKey = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false)));
        return Combinators.combine(requests, bodies, withKey)
                .as((request, body, key) -> new Call(request.get1(), request.get2(), body.get1(), body.get2(), key));
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Ids that are stored, ids that are not, and any text at all, percent-encoded. */
    private static Arbitrary<String> pathIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("cc-1001", "hd-3001", "cust-1", "cust-4", "nobody", "1", "..", ".")),
                Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
                Tuple.of(2, Arbitraries.strings().ofMinLength(1).ofMaxLength(200).map(HttpRequestsProperties::encode)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Arbitrary<String> queries() {
        Arbitrary<String> pair = Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("asOf", "from", "to", "within")), Tuple.of(6, Arbitraries.of(PARAMETERS)),
                        Tuple.of(1, Arbitraries.strings().ofMaxLength(8))),
                values()).as((name, value) -> encode(name) + "=" + encode(value));
        return pair.list().ofMaxSize(5).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, InstantTexts.texts()),
                Tuple.of(2, Arbitraries.of("PT1H", "P31D", "P32D", "PT0S", "-PT1H", "P106751991167300D", "PT9223372036854775807S")),
                Tuple.of(2, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("1", "0", "500", "501", "1000", "99999999999")),
                Tuple.of(2, Arbitraries.of("standard,week", "agent", "month,tier,channel", "colour", "csv", "json", "xml", "VIP", "PHONE",
                        "MAJOR", "FAIL", "first-response", "rules.reload")),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(250)));
    }

    /** The fixtures, each with some of its fields replaced by random values, instants above all. */
    private static Arbitrary<JsonNode> records() {
        Arbitrary<JsonNode> fixtures = Arbitraries.of(FIXTURES).map(name -> {
            try {
                return Json.mapper().readTree(TestApp.fixture(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Arbitrary<Edit> edit = Arbitraries.frequencyOf(
                Tuple.of(5, Combinators.combine(Arbitraries.of(INSTANT_FIELDS), InstantTexts.texts()).as(Edit::text)),
                // In order, so the record is valid and gets judged: from one instant to another, however far apart.
                Tuple.of(6, InstantTexts.texts().list().ofSize(3).map(InstantTexts::inOrder).map(times -> record -> {
                    record.put("openedAt", times.get(0)).put("firstResponseAt", times.get(1)).put("closedAt", times.get(2));
                    record.remove(List.of("updates", "pauses", "promises", "complaint"));
                })),
                Tuple.of(2, InstantTexts.texts().list().ofMaxSize(3).map(updates -> record -> record.set("updates",
                        Json.mapper().valueToTree(updates)))),
                Tuple.of(2, Combinators.combine(InstantTexts.texts(), InstantTexts.texts()).as((from, to) -> record -> record.set("pauses",
                        Json.mapper().createArrayNode().add(Json.mapper().createObjectNode().put("from", from).put("to", to))))),
                Tuple.of(2, Combinators.combine(InstantTexts.texts(), InstantTexts.texts()).as((due, done) -> record -> record.set("promises",
                        Json.mapper().createArrayNode().add(Json.mapper().createObjectNode().put("id", "p1").put("dueAt", due)
                                .put("fulfilledAt", done))))),
                Tuple.of(1, InstantTexts.texts().map(resolved -> record -> record.put("type", "COMPLAINT")
                        .set("complaint", Json.mapper().createObjectNode().put("ownerId", "agent-a").put("resolvedAt", resolved)))),
                Tuple.of(1, Arbitraries.integers().map(n -> record -> record.put("satisfaction", n))),
                Tuple.of(1, Arbitraries.of("id", "customer", "agent", "channel", "type", "openedAt").map(field -> record -> record.remove(field))),
                Tuple.of(1, Combinators.combine(Arbitraries.of("id", "channel", "tier", "colour", "relatesTo"), Arbitraries.strings()
                        .ofMaxLength(140)).as(Edit::text)));
        return Combinators.combine(fixtures, edit.list().ofMaxSize(4)).as((fixture, edits) -> {
            ObjectNode record = (ObjectNode) fixture.deepCopy();
            edits.forEach(e -> e.apply(record));
            return record;
        });
    }

    /** A change to a record being generated. */
    @FunctionalInterface
    private interface Edit {
        void apply(ObjectNode record);

        static Edit text(String field, String value) {
            return record -> record.put(field, value);
        }
    }

    private static Arbitrary<JsonNode> customerUpdates() {
        return Combinators.combine(Arbitraries.of("VIP", "STRATEGIC", "STANDARD", "GOLD"), InstantTexts.texts())
                .as((tier, since) -> Json.mapper().createObjectNode().put("tier", tier).put("since", since));
    }

    /** Registrations to address literals: a host name would send the test to a resolver it may not have. */
    private static Arbitrary<JsonNode> webhooks() {
        return Combinators.combine(Arbitraries.of("https://203.0.113.7/hooks", "http://127.0.0.1:9/hooks", "ftp://[::1]/x", "not a url"),
                Arbitraries.of("PT1H", "P31D", "P32D", "PT0S", "P106751991167300D", "soon")).as((url, warn) -> Json.mapper()
                .createObjectNode().put("url", url).put("secret", "0123456789abcdef0123").put("warnBefore", warn));
    }

    /** ISO-8601 texts for every instant ISO can write, the extremes most of all. */
    static final class InstantTexts {
        private InstantTexts() {
        }

        /** The texts sorted by the instant each names. */
        static List<String> inOrder(List<String> texts) {
            return texts.stream().sorted(Comparator.comparing(t -> OffsetDateTime.parse(t).toInstant())).toList();
        }

        static Arbitrary<String> texts() {
            return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(BOUNDS)), Tuple.of(4, anyInstant()));
        }

        /** At the edges of the accepted range (1970 to 9999), and just past them once the offset is applied. */
        private static final List<String> BOUNDS = List.of("1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1969-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00+18:00", "9999-12-31T23:59:59-18:00",
                "1970-01-01T09:00:00+09:00", "9999-12-31T10:00:00-10:00");

        private static Arbitrary<String> anyInstant() {
            Arbitrary<Integer> years = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.of(-999_999_999, 999_999_999, 0, 1969, 1970, 10_000, 2026, -1)),
                    Tuple.of(3, Arbitraries.integers().between(2020, 2030)),
                    Tuple.of(2, Arbitraries.integers().between(-999_999_999, 999_999_999)));
            Arbitrary<Integer> fractionDigits = Arbitraries.integers().between(0, 9);
            Arbitrary<Integer> offsetQuarters = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                    Tuple.of(1, Arbitraries.of(-72, 72)), Tuple.of(2, Arbitraries.integers().between(-72, 72)));
            return Combinators.combine(years, Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                    Arbitraries.longs().between(0, 86_399), Arbitraries.integers().between(0, 999_999_999), fractionDigits, offsetQuarters)
                    .as((year, month, day, second, nanos, digits, quarters) -> {
                        String fraction = digits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, digits);
                        int offset = quarters * 15;
                        String zone = offset == 0 ? "Z" : String.format("%s%02d:%02d", offset < 0 ? "-" : "+", Math.abs(offset) / 60,
                                Math.abs(offset) % 60);
                        String yearText = year > 9999 ? "+" + year : year < 0 ? String.format("-%04d", -year) : String.format("%04d", year);
                        return String.format("%s-%02d-%02dT%02d:%02d:%02d%s%s", yearText, month, day, second / 3600, second / 60 % 60,
                                second % 60, fraction, zone);
                    });
        }
    }
}
