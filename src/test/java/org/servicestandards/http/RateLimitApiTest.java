package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.AccessApiTest.call;

import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.access.Role;

/** Each key may make so many requests a minute; one more is 429 with Retry-After, and other keys go on. */
class RateLimitApiTest {

    @Test
    void a_key_over_its_limit_is_told_to_wait_and_other_keys_are_not(@TempDir Path data) {
        try (TestApp app = new TestApp(data, new HttpSettings(16L * 1024 * 1024, 10_000, 3))) {
            String busy = app.key(Role.AUDITOR);
            String other = app.key(Role.AUDITOR);
            JavalinTest.test(app.app, (server, client) -> {
                for (int k = 0; k < 3; k++) {
                    assertThat(call(client, "GET", "/api/v1/rules", busy).code()).isEqualTo(200);
                }
                Response limited = call(client, "GET", "/api/v1/rules", busy);
                assertThat(limited.code()).isEqualTo(429);
                int retryAfter = Integer.parseInt(limited.headers().get("Retry-After").get(0));
                assertThat(retryAfter).isBetween(1, 60);
                assertThat(limited.headers().get("Content-Type").get(0)).startsWith("application/problem+json");
                assertThat(limited.body().string()).contains("3 requests a minute");
                assertThat(call(client, "GET", "/api/v1/rules", other).code()).isEqualTo(200);
                // The open health check is never limited.
                for (int k = 0; k < 5; k++) {
                    assertThat(call(client, "GET", "/health", null).code()).isEqualTo(200);
                }
            });
        }
    }

    @Test
    void a_limit_out_of_range_is_refused_before_it_could_fail_a_request() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.servicestandards.access.RateLimits(0))
                .hasMessageContaining("from 1 to");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new org.servicestandards.access.RateLimits(org.servicestandards.access.RateLimits.MAX_PER_MINUTE + 1))
                .hasMessageContaining("from 1 to");
        assertThat(new org.servicestandards.access.RateLimits(org.servicestandards.access.RateLimits.MAX_PER_MINUTE).take("k")
                .allowed()).isTrue();
    }
}
