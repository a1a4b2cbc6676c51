package org.servicestandards.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicestandards.interaction.Interaction;

/**
 * The strict reader every request goes through: anything over a limit or ambiguous is a
 * {@link JsonProcessingException} (a 400), never another exception that would become a 500.
 */
class JsonLimitsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads as the HTTP layer does (bytes) and as NDJSON lines do (a string); both must agree. */
    private static void assertRefused(String json) {
        assertThat(catchThrowable(() -> Json.mapper().readTree(json)))
                .as("readTree(String)").isInstanceOf(JsonProcessingException.class);
        assertThat(catchThrowable(() -> Json.mapper().readTree(json.getBytes(StandardCharsets.UTF_8))))
                .as("readTree(byte[])").isInstanceOf(JsonProcessingException.class);
    }

    private static JsonNode assertAccepted(String json) throws Exception {
        JsonNode fromString = Json.mapper().readTree(json);
        JsonNode fromBytes = Json.mapper().readTree(json.getBytes(StandardCharsets.UTF_8));
        assertThat(fromBytes).isEqualTo(fromString);
        return fromString;
    }

    private static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static String jsonString(int length) {
        char[] chars = new char[length];
        Arrays.fill(chars, 'x');
        return NODES.textNode(new String(chars)).toString();
    }

    private static String digits(int count) {
        return "9".repeat(count);
    }

    @ParameterizedTest(name = "duplicate keys are refused in {0}")
    @ValueSource(strings = {
            "{\"id\":\"a\",\"id\":\"b\"}",
            "{\"id\":\"a\",\"customer\":{\"id\":\"c\",\"id\":\"c\"}}",
            "[{\"x\":1,\"y\":2,\"x\":1}]",
            "{\"id\":\"a\",\"id\":null}"})
    void duplicate_keys_are_refused(String json) {
        assertRefused(json);
    }

    @Test
    void duplicate_keys_are_refused_when_reading_a_record_too() {
        String json = "{\"id\":\"a\",\"id\":\"b\",\"customer\":{\"id\":\"c\"}}";

        assertThat(catchThrowable(() -> Json.mapper().readValue(json, Interaction.class)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @ParameterizedTest(name = "trailing tokens are refused in {0}")
    @ValueSource(strings = {"{\"a\":1} {\"b\":2}", "{\"a\":1}]", "{\"a\":1} x", "[] []", "\"a\" \"b\"", "1 2", "{}{}", "{\"a\":1},"})
    void trailing_tokens_are_refused(String json) {
        assertRefused(json);
    }

    @Test
    void trailing_whitespace_is_not_a_token() throws Exception {
        assertThat(assertAccepted("{\"a\":1} \n\t\r\n").get("a").intValue()).isEqualTo(1);
    }

    @Test
    void nesting_up_to_the_limit_is_accepted() throws Exception {
        assertAccepted(nestedArrays(Json.MAX_NESTING));
        assertAccepted(nestedObjects(Json.MAX_NESTING));
    }

    @Test
    void nesting_one_deeper_than_the_limit_is_refused() {
        assertRefused(nestedArrays(Json.MAX_NESTING + 1));
        assertRefused(nestedObjects(Json.MAX_NESTING + 1));
        assertRefused("{\"a\":" + nestedArrays(Json.MAX_NESTING) + "}");
    }

    @Test
    void hostile_nesting_is_refused_before_the_stack_overflows() {
        assertRefused(nestedArrays(100_000));
        assertRefused("[".repeat(100_000));
    }

    @Test
    void a_string_at_the_length_limit_is_accepted() throws Exception {
        assertThat(assertAccepted(jsonString(Json.MAX_STRING_LENGTH)).textValue()).hasSize(Json.MAX_STRING_LENGTH);
    }

    @Test
    void a_string_longer_than_the_limit_is_refused() {
        assertRefused(jsonString(Json.MAX_STRING_LENGTH + 1));
        assertRefused("{\"name\":" + jsonString(Json.MAX_STRING_LENGTH + 1) + "}");
        assertRefused("[" + jsonString(10 * Json.MAX_STRING_LENGTH) + "]");
    }

    @Test
    void a_number_at_the_length_limit_is_accepted() throws Exception {
        assertThat(assertAccepted("[" + digits(Json.MAX_NUMBER_LENGTH) + "]").get(0).isNumber()).isTrue();
        assertThat(assertAccepted("[0." + digits(Json.MAX_NUMBER_LENGTH - 2) + "]").get(0).isNumber()).isTrue();
    }

    @ParameterizedTest(name = "a {0} longer than the limit is refused")
    @ValueSource(strings = {"integer", "negative integer", "fraction", "exponent", "object value"})
    void a_number_longer_than_the_limit_is_refused(String kind) {
        String tooLong = switch (kind) {
            case "integer" -> "[" + digits(Json.MAX_NUMBER_LENGTH + 1) + "]";
            case "negative integer" -> "[-" + digits(Json.MAX_NUMBER_LENGTH + 1) + "]";
            case "fraction" -> "[1." + digits(Json.MAX_NUMBER_LENGTH + 1) + "]";
            case "exponent" -> "[" + digits(Json.MAX_NUMBER_LENGTH + 1) + "e10]";
            case "object value" -> "{\"satisfaction\":" + digits(10 * Json.MAX_NUMBER_LENGTH) + "}";
            default -> throw new IllegalArgumentException(kind);
        };

        assertRefused(tooLong);
    }

    @Test
    void a_record_over_a_limit_is_refused_when_read_as_a_record_too() {
        ObjectNode record = NODES.objectNode().put("id", "a");
        record.putObject("customer").put("id", new String(new char[Json.MAX_STRING_LENGTH + 1]).replace('\0', 'x'));
        String json = record.toString();

        assertThat(catchThrowable(() -> Json.mapper().readValue(json, Interaction.class)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void what_the_mapper_writes_it_reads_back() throws Exception {
        ArrayNode tree = NODES.arrayNode().add(1).add("two").add(3.5).add(true).addNull();
        tree.addObject().put("nested", "value");

        assertThat(assertAccepted(Json.mapper().writeValueAsString(tree))).isEqualTo(tree);
    }
}
