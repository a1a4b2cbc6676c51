package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.AccessApiTest.call;
import static org.servicestandards.http.InteractionsApiTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;

/** Rule-set changes, keys, re-evaluations and exports are written to the audit log, in the caller's name; admins read it. */
class AuditLogApiTest {

    private static List<String> lines(JsonNode log) {
        List<String> lines = new ArrayList<>();
        log.get("items").forEach(e -> lines.add(e.get("action").asText() + " by " + e.get("actor").asText()));
        return lines;
    }

    @Test
    void what_officers_auditors_and_admins_change_or_take_away_is_logged_with_who_and_when(@TempDir Path data) {
        try (TestApp app = new TestApp(data)) {
            String officer = app.key(Role.OFFICER);
            String officerId = officer.substring(4, 16);
            String auditor = app.key(Role.AUDITOR);
            String auditorId = auditor.substring(4, 16);
            app.keys.revoke(auditorId, "test admin");
            String auditor2 = app.key(Role.AUDITOR);
            JavalinTest.test(app.app, (server, client) -> {
                assertThat(call(client, "POST", "/api/v1/rules/reload", officer).code()).isEqualTo(200);
                assertThat(call(client, "POST", "/api/v1/reevaluate?from=2026-11-01T00:00:00Z&to=2026-11-21T00:00:00Z", officer).code())
                        .isEqualTo(202);
                assertThat(call(client, "GET", "/api/v1/violations?from=2026-11-01T00:00:00Z&to=2026-11-21T00:00:00Z&format=csv",
                        auditor2).code()).isEqualTo(200);
                assertThat(call(client, "GET", "/api/v1/audit-log", auditor2).code()).isEqualTo(403);

                JsonNode log = json(call(client, "GET", "/api/v1/audit-log", app.adminKey));
                assertThat(lines(log)).containsExactly(
                        "key.create by test",
                        "key.create by test",
                        "key.create by test",
                        "key.revoke by test admin",
                        "key.create by test",
                        "rules.reload by test [OFFICER] (" + officerId + ")",
                        "reevaluate by test [OFFICER] (" + officerId + ")",
                        "export by test [AUDITOR] (" + auditor2.substring(4, 16) + ")");
                JsonNode export = log.get("items").get(7);
                assertThat(export.get("target").asText()).startsWith("violations_").endsWith(".csv");
                assertThat(export.get("detail").get("request").asText()).startsWith("GET /api/v1/violations?");
                assertThat(export.get("at").asText()).isEqualTo(TestApp.NOW.toString());
                assertThat(log.get("items").get(5).get("detail").get("ok").asBoolean()).isTrue();
                assertThat(log.get("items").get(5).get("detail").get("version").asText()).startsWith("sha256:");
                assertThat(log.get("items").get(3).get("target").asText()).isEqualTo(auditorId);

                String csv = call(client, "GET", "/api/v1/audit-log?action=rules.reload&format=csv", app.adminKey).body().string();
                assertThat(csv).startsWith("seq,at,actor,action,target,detail\r\n6,2026-11-20T15:00:00Z,\"test [OFFICER] ("
                        + officerId + ")\",rules.reload,");

                JsonNode reloads = json(call(client, "GET", "/api/v1/audit-log?action=rules.reload", app.adminKey));
                assertThat(reloads.get("items")).hasSize(1);
                JsonNode page = json(call(client, "GET", "/api/v1/audit-log?limit=2&after=2", app.adminKey));
                assertThat(page.get("items")).extracting(e -> e.get("seq").asLong()).containsExactly(3L, 4L);
                assertThat(page.get("next").asLong()).isEqualTo(4L);
                // The log only grows: nothing in the API changes or removes an entry.
                assertThat(call(client, "DELETE", "/api/v1/audit-log", app.adminKey).code()).isIn(404, 405);
            });
        }
    }
}
