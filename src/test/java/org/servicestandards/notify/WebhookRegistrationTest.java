package org.servicestandards.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.json.Json;
import org.servicestandards.testing.WebhookTargetCases;

/** Reading a registration from its JSON, without HTTP: the filters it keeps and every field it refuses, by pointer. */
class WebhookRegistrationTest {

    private static final String SECRET = "0123456789abcdef-the-secret";
    private static final List<String> STANDARDS = List.of("first-response", "courtesy");
    private final WebhookTargets publicOnly = WebhookTargets.allowing(List.of(), WebhookTargetCases.resolver());

    private WebhookRegistration.Decoded decode(String json) throws Exception {
        JsonNode body = Json.mapper().readTree(json);
        return WebhookRegistration.decode(body, publicOnly, STANDARDS);
    }

    @Test
    void a_registration_keeps_its_filters_once_each_and_defaults_the_rest() throws Exception {
        WebhookRegistration.Decoded decoded = decode("{\"url\": \"https://hooks.example.com/standards\", \"secret\": \"" + SECRET
                + "\", \"standards\": [\"courtesy\", \"courtesy\"], \"severities\": [\"MAJOR\"]}");
        assertThat(decoded.errors()).isEmpty();
        WebhookRegistration registration = decoded.registration();
        assertThat(registration.url()).isEqualTo("https://hooks.example.com/standards");
        assertThat(registration.standards()).containsExactly("courtesy");
        assertThat(registration.severities()).containsExactly("MAJOR");
        assertThat(registration.events()).isEqualTo(Webhooks.EVENTS);
        assertThat(registration.warnBefore()).isEqualTo(WebhookRegistration.DEFAULT_WARN_BEFORE);
        assertThat(registration.createdBy()).isNull();
        assertThat(registration.createdBy("officer-1").createdBy()).isEqualTo("officer-1");
    }

    @Test
    void a_bad_registration_names_each_offending_field_and_why() throws Exception {
        WebhookRegistration.Decoded decoded = decode("{\"url\": \"ftp://example.com/x\", \"secret\": \"short\","
                + " \"standards\": [\"first-response\", \"first-reponse\"], \"severities\": [\"HIGH\", 3], \"events\": [],"
                + " \"warnBefore\": \"P32D\", \"a/b\": 1}");
        assertThat(decoded.registration()).isNull();
        assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactly("/a~1b", "/url", "/secret", "/standards/1",
                "/severities/0", "/severities/1", "/events", "/warnBefore");
        assertThat(decoded.errors().get(3).reason()).isEqualTo("unknown value 'first-reponse'; must be one of first-response, courtesy");
        assertThat(decoded.errors().get(5).reason()).isEqualTo("must be a string; must be one of CRITICAL, MAJOR, MINOR");
        assertThat(decoded.errors().get(7).reason())
                .isEqualTo("must be an ISO-8601 duration longer than PT0S and at most " + Duration.ofDays(31) + ", e.g. PT1H");
    }

    @Test
    void a_body_that_is_no_object_is_one_error_about_the_whole_body() throws Exception {
        assertThat(decode("[1, 2]").errors()).extracting(FieldError::pointer).containsExactly("");
        assertThat(WebhookRegistration.decode(null, publicOnly, STANDARDS).errors()).hasSize(1);
    }

    @Test
    void a_url_to_an_internal_address_is_refused_with_the_reason() throws Exception {
        FieldError error = decode("{\"url\": \"http://127.0.0.2:9000/hook\", \"secret\": \"" + SECRET + "\"}").errors().get(0);
        assertThat(error).isEqualTo(new FieldError("/url", "must point to a public address, or to one the operator allows"
                + " (serve --webhook-allow): 127.0.0.2 is a loopback address"));
    }
}
