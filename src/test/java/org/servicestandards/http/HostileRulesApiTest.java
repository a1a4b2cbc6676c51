package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.InteractionsApiTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.testing.HostileRules;
import org.servicestandards.testing.ShippedRulesCopy;

/** An uploaded candidate is verified like the rules directory: nothing of a hostile one runs, and the 422 says where. */
class HostileRulesApiTest {

    @Test
    void every_hostile_candidate_uploaded_for_validation_is_refused_where_it_is_written_and_nothing_of_it_runs(
            @TempDir Path data, @TempDir Path work) throws Exception {
        try (TestApp app = new TestApp(data)) {
            JavalinTest.test(app.app, app.asAdmin(), (server, client) -> {
                String serving = json(client.get("/api/v1/rules")).get("version").asText();
                SoftAssertions softly = new SoftAssertions();
                List<String> candidates = HostileRules.candidates();
                for (String candidate : candidates) {
                    Path rules = Files.createDirectories(work.resolve(candidate + "-rules"));
                    ShippedRulesCopy.into(rules);
                    Path proof = work.resolve(candidate + "-proof");
                    String path = HostileRules.install(rules, candidate, proof);

                    var response = RulesApiTest.post(client, "/api/v1/rules/validate", RulesApiTest.zipOf(rules, "rules/"),
                            "application/zip");

                    softly.assertThat(response.code()).as(candidate).isEqualTo(422);
                    JsonNode body = json(response);
                    softly.assertThat(body.get("ok").asBoolean()).as(candidate).isFalse();
                    List<String> problems = new ArrayList<>();
                    body.get("problems").forEach(p -> problems.add(p.asText()));
                    softly.assertThat(problems).as(candidate).anySatisfy(problem ->
                            assertThat(problem).matches("\\Q" + path.replaceFirst("\\.dslr$", "") + "\\E(\\.dslr|\\.dsl)?:\\d+:\\d+: .+"));
                    softly.assertThat(Files.exists(proof)).as(candidate + " proof file").isFalse();
                }
                softly.assertThat(json(client.get("/api/v1/rules")).get("version").asText()).isEqualTo(serving);
                softly.assertAll();
                assertThat(candidates).hasSizeGreaterThanOrEqualTo(36);
            });
        }
    }
}
