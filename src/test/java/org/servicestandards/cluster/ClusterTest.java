package org.servicestandards.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;
import org.servicestandards.app.Application;
import org.servicestandards.app.Offline;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.app.StoreConfig;
import org.servicestandards.json.Json;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.testing.WebhookReceiver;

/**
 * Several nodes on one PostgreSQL database, each a whole application with its own caches, job
 * runners and HTTP port, raced against each other through their HTTP APIs. Each race asserts no
 * 5xx, nothing acknowledged lost, nothing counted twice. Runs where the suite runs on PostgreSQL
 * ({@code STANDARDS_TEST_POSTGRES_URL}); several nodes on one SQLite file are not a deployment.
 */
class ClusterTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path directory;

    private final List<Application> nodes = new ArrayList<>();
    private final List<ClusterNode.Process> processes = new ArrayList<>();
    private StoreConfig store;
    private Duration keeperEvery;
    private long requestsPerMinute = ApplicationConfig.Limits.DEFAULT_REQUESTS_PER_MINUTE;
    private String url;
    private String key;

    @AfterEach
    void stop() throws InterruptedException {
        nodes.forEach(Application::close);
        for (ClusterNode.Process process : processes) {
            process.kill();
        }
    }

    /** A fresh database for the nodes of a race; the deadline keeper of in-process nodes runs every {@code keeperEvery}. */
    private void database(Duration keeperEvery) {
        store = TestDatabases.config(directory);
        Assumptions.assumeTrue(store instanceof StoreConfig.Postgres, "the cluster suite runs on PostgreSQL");
        url = ((StoreConfig.Postgres) store).url();
        this.keeperEvery = keeperEvery;
    }

    /** {@code count} nodes on one fresh database, serving; the deadline keeper runs every {@code keeperEvery}. */
    private List<String> start(int count, Duration keeperEvery) {
        database(keeperEvery);
        List<String> bases = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            bases.add(startNode());
        }
        key = nodes.get(0).keys().create("cluster test", Set.of(Role.ADMIN), "test").secret();
        return bases;
    }

    /** Node {@code k}'s own copy of the shipped rules. */
    private Path rulesOf(int k) {
        return directory.resolve("rules-" + k);
    }

    /** One more node on the database, with a fresh copy of the shipped rules of its own; its base URI. */
    private String startNode() {
        int k = nodes.size();
        ShippedRulesCopy.into(rulesOf(k));
        Application node = Application.open(ClusterNode.config(store, rulesOf(k), keeperEvery, requestsPerMinute));
        nodes.add(node);
        node.serve();
        return "http://127.0.0.1:" + node.http().port();
    }

    /** A node in a JVM of its own on the database, with its own copy of the shipped rules; {@code adminKey} if the store has no key. */
    private ClusterNode.Process launch(String adminKey) throws IOException, InterruptedException {
        Path rules = ShippedRulesCopy.into(directory.resolve("rules-process-" + processes.size()));
        ClusterNode.Process process = ClusterNode.launch(url, rules, adminKey, directory);
        processes.add(process);
        return process;
    }

    private static HttpResponse<String> post(String uri, String key, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The job at {@code uri} once it has ended (two minutes at most). */
    private com.fasterxml.jackson.databind.JsonNode finished(String uri) throws Exception {
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            HttpResponse<String> answer = get(uri, key);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            var job = Json.mapper().readTree(answer.body());
            if (Set.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.get("state").asText()) || System.nanoTime() > until) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    /** A phone inquiry of {@code customer} at {@code tier}; answered after {@code answerSeconds}, or not yet when negative. */
    private static String record(String id, String customer, String tier, Instant opened, long answerSeconds) {
        return "{\"id\":\"" + id + "\",\"customer\":{\"id\":\"" + customer + "\",\"tier\":\"" + tier + "\"},"
                + "\"agent\":{\"id\":\"agent-1\",\"team\":\"front\"},\"channel\":\"PHONE\",\"type\":\"INQUIRY\","
                + "\"openedAt\":\"" + opened + "\""
                + (answerSeconds < 0 ? "" : ",\"firstResponseAt\":\"" + opened.plusSeconds(answerSeconds) + "\"") + "}";
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every record has one current outcome per standard, all of its latest revision. */
    private void assertCountedOnce() throws SQLException {
        assertThat(count("SELECT COUNT(*) FROM (SELECT interaction_id, standard FROM outcomes WHERE is_current"
                + " GROUP BY interaction_id, standard HAVING COUNT(*) > 1) twice")).as("outcomes current twice").isZero();
        assertThat(count("SELECT COUNT(*) FROM outcomes o JOIN interactions i ON i.id = o.interaction_id"
                + " WHERE o.is_current AND o.revision <> i.latest_revision")).as("current outcomes of superseded revisions").isZero();
        assertThat(count("SELECT COUNT(*) FROM interactions i WHERE NOT EXISTS (SELECT 1 FROM outcomes o"
                + " WHERE o.interaction_id = i.id AND o.is_current)")).as("records without a current verdict").isZero();
    }

    /** One thread's round of a race; an exception or a refused post is the race's error. */
    private interface Round {
        void run(int thread, int round) throws Exception;
    }

    /** Runs {@code rounds} rounds on each of {@code threads} threads at once and asserts none went wrong. */
    private static void race(int threads, int rounds, Round round) throws Exception {
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            runs.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    try {
                        round.run(thread, r);
                    } catch (Exception | AssertionError e) {
                        errors.add(e.toString());
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(errors).isEmpty();
    }

    /** Posts records as NDJSON; anything but 200 or 201 is an error. */
    private void ingest(String base, List<String> lines) throws Exception {
        HttpResponse<String> answer = post(base + "/api/v1/interactions", key, "application/x-ndjson", String.join("\n", lines));
        if (answer.statusCode() != 200 && answer.statusCode() != 201) {
            throw new AssertionError(answer.statusCode() + " " + answer.body());
        }
    }

    /** A batch of 40 records drawn from {@code ids} ids and {@code customerCount} customers at random tiers, and each id's customer. */
    private record Batch(List<String> lines, Map<String, String> customers) {

        static Batch of(SplittableRandom random, String prefix, int ids, int customerCount, Instant opened) {
            List<String> lines = new ArrayList<>();
            Map<String, String> customers = new java.util.HashMap<>();
            for (int r = 0; r < 40; r++) {
                int n = random.nextInt(ids);
                String customer = "cust-" + (n % customerCount);
                customers.put(prefix + n, customer);
                lines.add(record(prefix + n, customer, random.nextBoolean() ? "VIP" : "STANDARD",
                        opened.plusSeconds(n * 60L), random.nextInt(600)));
            }
            return new Batch(lines, customers);
        }
    }

    @Test
    void concurrentIngestOfTheSameRecordsAndCustomersThroughTwoNodes() throws Exception {
        List<String> bases = start(2, Duration.ofSeconds(30));
        Instant opened = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        race(6, 12, (thread, batch) -> {
            Batch sent = Batch.of(new SplittableRandom(thread * 100L + batch), "rec-", 150, 60, opened);
            ingest(bases.get((thread + batch) % bases.size()), sent.lines());
            acknowledged.putAll(sent.customers());
        });
        assertCountedOnce();
        // Every acknowledged record's customer is in the register, with the record's tier noted.
        Set<String> customers = Set.copyOf(acknowledged.values());
        assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM customer_tiers")).isEqualTo(customers.size());
        assertThat(count("SELECT COUNT(*) FROM interactions")).isEqualTo(acknowledged.size());
        // The report counts each record once, whichever node is asked.
        for (String base : bases) {
            HttpResponse<String> report = get(base + "/api/v1/reports/compliance?groupBy=standard&from="
                    + opened.minus(1, ChronoUnit.DAYS) + "&to=" + Instant.now().plus(1, ChronoUnit.DAYS), key);
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            long firstResponse = 0;
            for (var row : Json.mapper().readTree(report.body()).get("rows")) {
                if (row.get("standard").asText().equals("first-response")) {
                    firstResponse = row.get("pass").asLong() + row.get("fail").asLong() + row.get("pending").asLong();
                }
            }
            assertThat(firstResponse).isEqualTo(acknowledged.size());
        }
    }

    @Test
    void keepersOnEveryNodeAgainstNewRevisions() throws Exception {
        List<String> bases = start(2, Duration.ofMillis(50));
        // Unanswered calls opened just under their answer target (3 minutes) ago: they fall due
        // while new revisions of the same records come in through both nodes.
        Instant opened = Instant.now().minusSeconds(176).truncatedTo(ChronoUnit.SECONDS);
        race(4, 15, (thread, round) -> {
            List<String> lines = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                // The record changes each round (its opening by a millisecond), stays unanswered.
                lines.add(record("due-" + n, "c-" + n, "STANDARD", opened.plusMillis(thread * 1000L + round), -1));
            }
            ingest(bases.get((thread + round) % 2), lines);
            Thread.sleep(40);
        });
        // Let the keepers judge what has fallen due by now, then check nothing is counted twice.
        Thread.sleep(1500);
        assertCountedOnce();
        // The keeper stores no verdict equal to the one before it.
        assertThat(count("SELECT COUNT(*) FROM verdicts a JOIN verdicts b ON a.interaction_id = b.interaction_id"
                + " AND a.revision = b.revision AND b.verdict_no = a.verdict_no + 1 AND a.ruleset = b.ruleset"
                + " AND (SELECT string_agg(standard || outcome || COALESCE(due_at::text, ''), ',' ORDER BY standard) FROM outcomes o"
                + "      WHERE o.interaction_id = a.interaction_id AND o.revision = a.revision AND o.verdict_no = a.verdict_no)"
                + "   = (SELECT string_agg(standard || outcome || COALESCE(due_at::text, ''), ',' ORDER BY standard) FROM outcomes o"
                + "      WHERE o.interaction_id = b.interaction_id AND o.revision = b.revision AND o.verdict_no = b.verdict_no)"))
                .as("verdicts stored again unchanged").isZero();
    }

    @Test
    void aSweepRequestedOnEveryNodeAtOnceIsJudgedOnceAndAnsweredEverywhere() throws Exception {
        List<String> bases = start(3, Duration.ofSeconds(30));
        Instant opened = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        // Enough customers that the sweep outlasts the three requests' arrival: a request made
        // after a sweep of the same asOf has finished is a new sweep, by design.
        for (int batch = 0; batch < 2; batch++) {
            List<String> lines = new ArrayList<>();
            for (int n = batch * 600; n < (batch + 1) * 600; n++) {
                lines.add(record("sw-" + n, "vip-" + (n % 400), "VIP", opened.plusSeconds(n), 10));
            }
            assertThat(post(bases.get(0) + "/api/v1/interactions", key, "application/x-ndjson", String.join("\n", lines)).statusCode())
                    .isIn(200, 201);
        }
        Instant asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(bases.size());
        List<Future<HttpResponse<String>>> sweeps = new ArrayList<>();
        for (String base : bases) {
            sweeps.add(pool.submit(() -> post(base + "/api/v1/history-standards/sweep?asOf=" + asOf, key, "application/json", "")));
        }
        Set<String> answers = new java.util.HashSet<>();
        for (int k = 0; k < sweeps.size(); k++) {
            HttpResponse<String> answer = sweeps.get(k).get(2, TimeUnit.MINUTES);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            // A job is read on any node: here on the next one.
            var job = finished(bases.get((k + 1) % bases.size()) + answer.headers().firstValue("Location").orElseThrow());
            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
            var body = job.get("result");
            answers.add(body.get("customers") + "/" + body.get("outcomes") + "/" + body.get("ruleset"));
        }
        pool.shutdown();
        assertThat(answers).as("every node answers with the one sweep").hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM history_sweeps WHERE finished_at IS NULL")).isZero();
        assertThat(count("SELECT COUNT(*) FROM history_sweeps WHERE as_of = " + asOf.toEpochMilli())).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM (SELECT customer_id, standard, subject_kind, subject_id, period FROM history_outcomes"
                + " GROUP BY customer_id, standard, subject_kind, subject_id, period HAVING COUNT(*) > 1) twice")).isZero();
        // A future sweep is refused, on every node.
        HttpResponse<String> future = post(bases.get(1) + "/api/v1/history-standards/sweep?asOf=" + asOf.plus(30, ChronoUnit.DAYS),
                key, "application/json", "");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("asOf").contains("future");
    }

    @Test
    void webhookDeliveriesAreNumberedOncePerWebhookAcrossNodes() throws Exception {
        List<String> bases = start(2, Duration.ofSeconds(30));
        // A receiver that never answers: deliveries stay queued, numbered as they were enqueued.
        HttpResponse<String> registered = post(bases.get(0) + "/api/v1/webhooks", key, "application/json",
                "{\"url\":\"http://127.0.0.1:9/breaches\",\"secret\":\"0123456789abcdef0123\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        Instant opened = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        race(4, 10, (thread, batch) -> ingest(bases.get((thread + batch) % 2), java.util.stream.IntStream.range(0, 20)
                // Answered after an hour: each record fails first-response, one event each.
                .mapToObj(n -> record("late-" + thread + "-" + batch + "-" + n, "c-" + n, "STANDARD", opened.plusSeconds(n), 3600))
                .toList()));
        assertThat(count("SELECT COUNT(*) FROM webhook_deliveries")).isPositive();
        assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT seq) FROM webhook_deliveries")).as("numbers given twice").isZero();
        assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT event_key) FROM webhook_deliveries")).as("events enqueued twice").isZero();
    }

    @Test
    void aKeyRevokedWithTheCommandLineOrThroughOneNodeStopsWorkingOnEveryNodeWithinFiveSeconds() throws Exception {
        List<String> bases = start(2, Duration.ofSeconds(30));
        String auditor = nodes.get(0).keys().create("cluster auditor", Set.of(Role.AUDITOR), "test").secret();
        HttpResponse<String> made = post(bases.get(1) + "/api/v1/keys", key, "application/json",
                "{\"name\":\"second auditor\",\"roles\":[\"auditor\"]}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String second = Json.mapper().readTree(made.body()).get("secret").asText();
        // Both nodes have checked both keys and remember them.
        for (String base : bases) {
            assertThat(get(base + "/api/v1/rules", auditor).statusCode()).isEqualTo(200);
            assertThat(get(base + "/api/v1/rules", second).statusCode()).isEqualTo(200);
        }
        String id = nodes.get(0).keys().list().stream().filter(k -> k.name().equals("cluster auditor")).findFirst().orElseThrow().id();
        // Revoked as the command line does: in the store, by another process's keys.
        try (Offline.Keys cli = Offline.keys(new StoreConfig.Postgres(url, null, null), java.time.Clock.systemUTC())) {
            assertThat(cli.keys().revoke(id, "cli")).isTrue();
        }
        stopsEverywhere(bases, auditor);
        // Revoked through the admin route of one node.
        String secondId = Json.mapper().readTree(made.body()).get("key").get("id").asText();
        HttpResponse<String> revoked = HTTP.send(HttpRequest.newBuilder(URI.create(bases.get(1) + "/api/v1/keys/" + secondId))
                .header("Authorization", "Bearer " + key).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        stopsEverywhere(bases, second);
    }

    /** Waits until {@code secret} is refused on every node; fails when that takes five seconds or more. */
    private static void stopsEverywhere(List<String> bases, String secret) throws Exception {
        long revoked = System.nanoTime();
        for (String base : bases) {
            while (get(base + "/api/v1/rules", secret).statusCode() == 200) {
                assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(5));
                Thread.sleep(100);
            }
            assertThat(get(base + "/api/v1/rules", secret).statusCode()).isEqualTo(401);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode rules(String base, String key) throws Exception {
        HttpResponse<String> answer = get(base + "/api/v1/rules", key);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.mapper().readTree(answer.body());
    }

    /** Waits until every node serves {@code version}; fails after five seconds. */
    private void allServe(List<String> bases, String version) throws Exception {
        long since = System.nanoTime();
        for (String base : bases) {
            while (!rules(base, key).get("version").asText().equals(version)) {
                assertThat(Duration.ofNanos(System.nanoTime() - since)).as(base + " serves " + version).isLessThan(Duration.ofSeconds(5));
                Thread.sleep(100);
            }
        }
    }

    /** The rule set and outcome of a record's current first-response verdict. */
    private String firstResponse(String id) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v.ruleset, o.outcome FROM outcomes o JOIN verdicts v ON v.interaction_id = o.interaction_id"
                     + " AND v.revision = o.revision AND v.verdict_no = o.verdict_no"
                     + " WHERE o.is_current AND o.standard = 'first-response' AND o.interaction_id = '" + id + "'")) {
            assertThat(rs.next()).as(id).isTrue();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }

    @Test
    void aRuleChangeOnOneNodeIsServedByAllAndAnOldCopyNeverTakesTheClusterBack() throws Exception {
        List<String> bases = new ArrayList<>(start(2, Duration.ofSeconds(30)));
        String shipped = rules(bases.get(0), key).get("version").asText();
        // An officer allows standard-tier calls ten minutes on node 0 and reloads it there.
        RuleEdits.setStandardPhoneTarget(rulesOf(0), "PT10M");
        HttpResponse<String> reload = post(bases.get(0) + "/api/v1/rules/reload", key, "application/json", "");
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        String edited = Json.mapper().readTree(reload.body()).get("version").asText();
        allServe(bases, edited);

        // Identical records, one through each node, are judged alike and by the same version.
        Instant opened = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ingest(bases.get(0), List.of(record("same-0", "c-1", "STANDARD", opened, 300)));
        ingest(bases.get(1), List.of(record("same-1", "c-1", "STANDARD", opened, 300)));
        assertThat(firstResponse("same-0")).isEqualTo(firstResponse("same-1")).isEqualTo(edited + " PASS");

        // A third node starts with the shipped copy, a version that has served: it serves the cluster's.
        bases.add(startNode());
        var third = rules(bases.get(2), key);
        assertThat(third.get("version").asText()).isEqualTo(edited);
        assertThat(third.get("directoryVersion").asText()).isEqualTo(shipped);
        assertThat(third.get("cluster").get("version").asText()).isEqualTo(edited);
        // Reloading its directory on request is refused and changes nothing anywhere.
        HttpResponse<String> stale = post(bases.get(2) + "/api/v1/rules/reload", key, "application/json", "");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(422);
        assertThat(stale.body()).contains("rollback");
        Thread.sleep(1500);
        for (String base : bases) {
            assertThat(rules(base, key).get("version").asText()).isEqualTo(edited);
        }

        // Going back is asked for, on any node, and every node follows.
        HttpResponse<String> back = post(bases.get(2) + "/api/v1/rules/rollback", key, "application/json",
                "{\"version\":\"" + shipped + "\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        allServe(bases, shipped);
        ingest(bases.get(1), List.of(record("same-2", "c-1", "STANDARD", opened, 300)));
        assertThat(firstResponse("same-2")).isEqualTo(shipped + " FAIL");

        // An upload through another node publishes to all; the audit log keeps each step.
        RuleEdits.setStandardPhoneTarget(rulesOf(1), "PT8M");
        StringBuilder files = new StringBuilder();
        for (var file : org.servicestandards.standards.load.RuleSetLoader.read(rulesOf(1)).entrySet()) {
            files.append(files.length() == 0 ? "" : ",").append(Json.mapper().writeValueAsString(file.getKey())).append(':')
                    .append(Json.mapper().writeValueAsString(new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpResponse<String> upload = post(bases.get(0) + "/api/v1/rules/publish", key, "application/json",
                "{\"files\":{" + files + "}}");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        String uploaded = Json.mapper().readTree(upload.body()).get("version").asText();
        allServe(bases, uploaded);
        var view = rules(bases.get(1), key);
        assertThat(view.get("nodes")).hasSize(3);
        for (var node : view.get("nodes")) {
            assertThat(node.get("version").asText()).isEqualTo(uploaded);
        }
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('rules.reload', 'rules.rollback', 'rules.publish')"))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void theRateLimitHoldsAcrossNodes() throws Exception {
        requestsPerMinute = 20;
        List<String> bases = start(2, Duration.ofSeconds(30));
        String auditor = nodes.get(0).keys().create("limited auditor", Set.of(Role.AUDITOR), "test").secret();
        int admitted = 0;
        for (int k = 0; k < 12; k++) {
            admitted += get(bases.get(0) + "/api/v1/rules", auditor).statusCode() == 200 ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(12);
        // The nodes exchange their counts every second.
        Thread.sleep(2500);
        int refused = 0;
        for (int k = 0; k < 12; k++) {
            HttpResponse<String> answer = get(bases.get(1) + "/api/v1/rules", auditor);
            if (answer.statusCode() == 429) {
                refused++;
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(answer.statusCode()).isEqualTo(200);
                admitted++;
            }
        }
        assertThat(admitted).as("admitted by both nodes in the minute").isEqualTo(20);
        assertThat(refused).isEqualTo(4);
    }

    @Test
    void aNodeKilledMidIngestLosesNothingAcknowledged() throws Exception {
        String b = start(1, Duration.ofSeconds(30)).get(0);
        ClusterNode.Process a = launch(key);
        Instant opened = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger byA = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger retried = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
        // Node A is killed as kill -9 kills once it has acknowledged a few batches, while the others are in flight.
        Thread killer = new Thread(() -> {
            try {
                while (byA.get() < 6) {
                    Thread.sleep(10);
                }
                a.kill();
                killed.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        killer.start();
        race(4, 15, (thread, batch) -> {
            Batch sent = Batch.of(new SplittableRandom(thread * 1000L + batch), "kill-", 400, 90, opened);
            List<String> lines = sent.lines();
            Map<String, String> customers = sent.customers();
            if ((thread + batch) % 2 == 0 && !killed.get()) {
                try {
                    ingest(a.base(), lines);
                    byA.incrementAndGet();
                    acknowledged.putAll(customers);
                    return;
                } catch (IOException dropped) {
                    // Not acknowledged: the client sends it again, to a node that answers.
                    retried.incrementAndGet();
                }
            }
            ingest(b, lines);
            acknowledged.putAll(customers);
        });
        killer.join(Duration.ofMinutes(1).toMillis());
        assertThat(killed).as("node A was killed during the race").isTrue();
        assertCountedOnce();
        assertThat(count("SELECT COUNT(*) FROM interactions")).as("records stored, %d batches sent again after the kill", retried.get())
                .isEqualTo(acknowledged.size());
        assertThat(count("SELECT COUNT(DISTINCT customer_id) FROM customer_tiers")).isEqualTo(Set.copyOf(acknowledged.values()).size());
        // Node B answers for what node A acknowledged, the report counting each record once.
        HttpResponse<String> report = get(b + "/api/v1/reports/compliance?groupBy=standard&from="
                + opened.minus(1, ChronoUnit.DAYS) + "&to=" + Instant.now().plus(1, ChronoUnit.DAYS), key);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        for (var row : Json.mapper().readTree(report.body()).get("rows")) {
            if (row.get("standard").asText().equals("first-response")) {
                assertThat(row.get("pass").asLong() + row.get("fail").asLong() + row.get("pending").asLong()).isEqualTo(acknowledged.size());
            }
        }
    }

    @Test
    void aNodeKilledMidDeliveryLeavesTheRestToTheOthers() throws Exception {
        database(Duration.ofSeconds(30));
        key = "cluster-delivery-admin-key-0123456789abcdef";
        ClusterNode.Process a = launch(key);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            HttpResponse<String> registered = post(a.base() + "/api/v1/webhooks", key, "application/json",
                    "{\"url\":\"" + receiver.url() + "\",\"secret\":\"0123456789abcdef0123\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            // The first delivery is held by the receiver: node A is mid-request when it dies.
            receiver.delayNext(Duration.ofSeconds(120));
            Instant opened = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            // Answered after an hour: each record fails first-response, an event each.
            ingest(a.base(), java.util.stream.IntStream.range(0, 20)
                    .mapToObj(n -> record("held-" + n, "c-" + n, "STANDARD", opened.plusSeconds(n), 3600)).toList());
            long since = System.nanoTime();
            while (receiver.received().isEmpty()) {
                assertThat(Duration.ofNanos(System.nanoTime() - since)).as("node A delivers").isLessThan(Duration.ofSeconds(30));
                Thread.sleep(50);
            }
            a.kill();
            String held = receiver.received().get(0).header("X-Standards-Delivery");

            // Node B comes up and takes more records; it delivers what A left once A's claim has lapsed.
            String b = startNode();
            ingest(b, java.util.stream.IntStream.range(0, 10)
                    .mapToObj(n -> record("after-" + n, "c-" + n, "STANDARD", opened.plusSeconds(100 + n), 3600)).toList());
            long total = count("SELECT COUNT(*) FROM webhook_deliveries");
            assertThat(total).isGreaterThanOrEqualTo(30);
            since = System.nanoTime();
            while (count("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'DELIVERED'") < total) {
                assertThat(Duration.ofNanos(System.nanoTime() - since)).as("node B delivers the rest").isLessThan(Duration.ofSeconds(120));
                Thread.sleep(200);
            }

            // Every event reached the receiver, first in the order they were numbered; only the
            // delivery in flight at the kill came twice (at least once, as documented).
            Map<String, Long> seqOf = new java.util.HashMap<>();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT event_id, seq FROM webhook_deliveries")) {
                while (rs.next()) {
                    seqOf.put(rs.getString(1), rs.getLong(2));
                }
            }
            List<String> arrivals = receiver.received().stream().map(r -> r.header("X-Standards-Delivery")).toList();
            List<String> firsts = arrivals.stream().distinct().toList();
            assertThat(Set.copyOf(firsts)).isEqualTo(seqOf.keySet());
            assertThat(firsts.stream().map(seqOf::get).toList()).isSorted();
            Map<String, Long> times = arrivals.stream().collect(java.util.stream.Collectors.groupingBy(id -> id,
                    java.util.stream.Collectors.counting()));
            times.forEach((id, n) -> assertThat(n).as(id).isEqualTo(id.equals(held) ? 2L : 1L));
        }
    }
}
