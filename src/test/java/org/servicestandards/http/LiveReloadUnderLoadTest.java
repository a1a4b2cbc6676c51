package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicestandards.http.InteractionsApiTest.json;
import static org.servicestandards.http.InteractionsApiTest.postJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.json.Json;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.rulesets.RulesWatcher;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;

/**
 * Systems keep posting while officers edit: good rule sets and broken ones are written (in place,
 * so half-written files occur) and the watcher reloads them. No request may fail, no verdict may
 * come from a rule set that was never loaded, and one response never mixes two rule sets.
 *
 * <p>The edits are STANDARD phone targets of PT3M and PT4M and a syntax error in a DRL file, so
 * every state of the directory that compiles is one of exactly two versions, each with a known
 * target: a verdict that names one version but carries the other's target was mixed.
 */
class LiveReloadUnderLoadTest {

    private static final int POSTERS = 3;
    private static final int ROUNDS = 3;
    private static final Duration QUIET = Duration.ofMillis(200);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> FIXTURES = List.of("r1-phone-answered-in-time.json", "r2-phone-answered-late.json",
            "r3-vip-chat-no-farewell.json", "r4-email-complaint-ignored.json", "r5-outbound-sale.json");
    /** A STANDARD customer's phone call answered after 5 minutes: its finding shows the target in service. */
    private static final String LATE_STANDARD_PHONE_CALL = "cc-1002";

    @Test
    void records_posted_while_good_and_broken_rule_sets_are_reloaded_all_succeed_each_response_judged_by_one_loaded_rule_set(
            @TempDir Path data, @TempDir Path rules) throws Exception {
        ShippedRulesCopy.into(rules);
        // A new target each round (a rules directory never goes back to a version that has served),
        // each under the five minutes the late call took, so its finding names the target.
        List<String> targets = List.of("PT3M", "PT4M", "PT2M", "PT4M30S");
        assertThat(targets).hasSize(ROUNDS + 1);
        Map<String, String> targetByVersion = new ConcurrentHashMap<>();
        for (String target : targets) {
            RuleEdits.setStandardPhoneTarget(rules, target);
            targetByVersion.put(RuleEdits.versionOf(rules), target);
        }
        RuleEdits.setStandardPhoneTarget(rules, targets.get(0));

        try (TestApp app = new TestApp(data, HttpSettings.defaults(), rules);
             RulesWatcher watcher = RulesWatcher.start(app.service.ruleSets(), QUIET)) {
            RuleSets ruleSets = app.service.ruleSets();
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                Traffic traffic = new Traffic(client, targetByVersion);
                ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
                List<Future<?>> posting = new ArrayList<>();
                try {
                    for (int poster = 0; poster < POSTERS; poster++) {
                        int number = poster;
                        posting.add(posters.submit(() -> traffic.postUntilStopped(number)));
                    }
                    for (int round = 1; round <= ROUNDS; round++) {
                        String target = targets.get(round);
                        RuleEdits.repairComplaintOwnerRules(rules);
                        RuleEdits.setStandardPhoneTarget(rules, target);
                        String good = RuleEdits.versionOf(rules);
                        await().atMost(PATIENCE).until(() -> ruleSets.current().version().equals(good));

                        long refusals = ruleSets.reloadCounts().get(LoadTrigger.WATCH).refused();
                        RuleEdits.breakComplaintOwnerRules(rules);
                        await().atMost(PATIENCE).until(() -> ruleSets.reloadCounts().get(LoadTrigger.WATCH).refused() > refusals);
                        assertThat(ruleSets.current().version()).isEqualTo(good);
                    }
                } finally {
                    traffic.stop();
                    posters.shutdown();
                    assertThat(posters.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                }
                for (Future<?> poster : posting) {
                    poster.get();
                }

                assertThat(traffic.problems).isEmpty();
                assertThat(traffic.failedRequests.get()).isZero();
                assertThat(traffic.requests.get()).isPositive();
                // Several rule sets served while records came in, so the swaps happened under load.
                assertThat(targetByVersion.keySet()).containsAll(traffic.versionsSeen);
                assertThat(traffic.versionsSeen).hasSizeGreaterThanOrEqualTo(2);
                JsonNode shown = json(client.get("/api/v1/rules"));
                assertThat(shown.get("lastReload").get("trigger").asText()).isEqualTo("WATCH");
                assertThat(shown.get("lastReload").get("ok").asBoolean()).isFalse();
                assertThat(shown.get("reloads").get("byTrigger").get("WATCH").get("refused").asLong()).isGreaterThanOrEqualTo(ROUNDS);
                assertThat(shown.get("reloads").get("byTrigger").get("WATCH").get("ok").asLong()).isGreaterThanOrEqualTo(ROUNDS);
            });
        }
    }

    /** Posts from several threads until stopped, and checks every answer as it comes. */
    private static final class Traffic {

        private final HttpClient client;
        private final Map<String, String> targetByVersion;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong failedRequests = new AtomicLong();
        private final Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        private final Queue<String> problems = new ConcurrentLinkedQueue<>();

        Traffic(HttpClient client, Map<String, String> targetByVersion) {
            this.client = client;
            this.targetByVersion = targetByVersion;
        }

        void stop() {
            running.set(false);
        }

        void postUntilStopped(int poster) {
            for (long round = 0; running.get(); round++) {
                try {
                    switch ((int) (round % 3)) {
                        case 0 -> checkBatch(postJson(client, "/api/v1/check", batch(null)), "check");
                        case 1 -> checkBatch(postJson(client, "/api/v1/interactions", batch("p" + poster + "-" + round)),
                                "ingest");
                        default -> checkSingle(postJson(client, "/api/v1/interactions",
                                record(1, "p" + poster + "-" + round).toString()));
                    }
                } catch (Exception e) {
                    failedRequests.incrementAndGet();
                    problems.add("poster " + poster + ": " + e);
                }
            }
        }

        private void checkBatch(Response response, String what) throws Exception {
            JsonNode body = answer(response, what + " batch");
            if (body == null) {
                return;
            }
            Set<String> versions = ConcurrentHashMap.newKeySet();
            for (JsonNode result : body.get("results")) {
                if (!result.hasNonNull("verdict")) {
                    problems.add(what + " batch: record " + result.get("index") + " has no verdict: " + result);
                    continue;
                }
                versions.add(result.get("verdict").get("ruleset").asText());
                checkVerdict(result.get("verdict"));
            }
            if (versions.size() != 1) {
                problems.add(what + " batch judged by " + versions.size() + " rule sets: " + versions);
            }
        }

        private void checkSingle(Response response) throws Exception {
            JsonNode verdict = answer(response, "single ingest");
            if (verdict != null) {
                checkVerdict(verdict);
            }
        }

        private JsonNode answer(Response response, String what) throws Exception {
            requests.incrementAndGet();
            if (response.code() < 200 || response.code() > 299) {
                failedRequests.incrementAndGet();
                problems.add(what + " answered " + response.code() + ": " + response.body().string());
                return null;
            }
            return json(response);
        }

        /** The verdict names a rule set that was loaded, and it was judged by that rule set's targets. */
        private void checkVerdict(JsonNode verdict) {
            String version = verdict.get("ruleset").asText();
            versionsSeen.add(version);
            String target = targetByVersion.get(version);
            if (target == null) {
                problems.add("verdict of " + verdict.get("interactionId") + " names rule set " + version + ", never loaded");
                return;
            }
            if (!verdict.get("interactionId").asText().startsWith(LATE_STANDARD_PHONE_CALL)) {
                return;
            }
            JsonNode firstResponse = verdict.get("outcomes").get(0);
            String judgedBy = firstResponse.get("findings").get(0).get("target").asText();
            if (!judgedBy.equals(target)) {
                problems.add("verdict names " + version + " (target " + target + ") but was judged against " + judgedBy);
            }
        }

        /** The five fixtures as one array; ids made unique when given a suffix, so ingest judges every one. */
        private static String batch(String idSuffix) {
            ArrayNode records = Json.mapper().createArrayNode();
            for (int fixture = 0; fixture < FIXTURES.size(); fixture++) {
                records.add(record(fixture, idSuffix));
            }
            return records.toString();
        }

        private static ObjectNode record(int fixture, String idSuffix) {
            try {
                ObjectNode record = (ObjectNode) Json.mapper().readTree(TestApp.fixture(FIXTURES.get(fixture)));
                if (idSuffix != null) {
                    record.put("id", record.get("id").asText() + "-" + idSuffix);
                }
                return record;
            } catch (Exception e) {
                throw new IllegalStateException("fixture " + FIXTURES.get(fixture) + " is not JSON", e);
            }
        }
    }
}
