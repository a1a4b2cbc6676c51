package org.servicestandards.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.interaction.RecordDecoderTest.FULL;
import static org.servicestandards.interaction.RecordDecoderTest.MINIMAL;
import static org.servicestandards.interaction.RecordDecoderTest.arrayAt;
import static org.servicestandards.interaction.RecordDecoderTest.fixture;
import static org.servicestandards.interaction.RecordDecoderTest.objectAt;
import static org.servicestandards.interaction.RecordDecoderTest.put;
import static org.servicestandards.interaction.RecordDecoderTest.remove;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicestandards.json.Json;

/** The idempotency key's content half: equal content, equal hash; any change, another hash. */
class ContentHashTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Interaction decode(JsonNode node) {
        RecordDecoder.Decoded decoded = new RecordDecoder().decode(node);
        assertThat(decoded.errors()).as("fixture must stay valid").isEmpty();
        return decoded.interaction();
    }

    private static ContentHash hashOf(JsonNode node) {
        return ContentHash.of(decode(node));
    }

    private static ContentHash hashOfFull(Consumer<ObjectNode> change) {
        ObjectNode record = fixture(FULL);
        change.accept(record);
        return hashOf(record);
    }

    /** The same tree with every object's keys in reverse order. */
    private static JsonNode reversedKeys(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.fields().forEachRemaining(entries::add);
            Collections.reverse(entries);
            ObjectNode reversed = NODES.objectNode();
            entries.forEach(e -> reversed.set(e.getKey(), reversedKeys(e.getValue())));
            return reversed;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(reversedKeys(element)));
            return copy;
        }
        return node;
    }

    @Test
    void the_hash_is_the_sha256_of_the_canonical_json() throws Exception {
        ContentHash content = hashOf(fixture(FULL));

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.canonicalJson().getBytes(StandardCharsets.UTF_8));
        assertThat(content.hash()).isEqualTo(HexFormat.of().formatHex(digest)).matches("[0-9a-f]{64}");
    }

    @Test
    void the_same_record_hashes_the_same_every_time() {
        assertThat(hashOf(fixture(FULL))).isEqualTo(hashOf(fixture(FULL)));
    }

    @Test
    void key_order_does_not_change_the_hash() {
        JsonNode reordered = reversedKeys(fixture(FULL));
        assertThat(reordered.fieldNames().next()).isEqualTo("attributes");

        assertThat(hashOf(reordered).hash()).isEqualTo(hashOf(fixture(FULL)).hash());
    }

    @Test
    void whitespace_does_not_change_the_hash() throws Exception {
        ObjectNode record = fixture(FULL);
        String compact = Json.mapper().writeValueAsString(record);
        String pretty = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(record);
        assertThat(pretty).isNotEqualTo(compact);

        assertThat(hashOf(Json.mapper().readTree(pretty)).hash()).isEqualTo(hashOf(Json.mapper().readTree(compact)).hash());
    }

    @Test
    void equivalent_offsets_give_the_same_hash() {
        ContentHash utc = hashOf(fixture(FULL));
        ContentHash offsets = hashOfFull(r -> {
            put(r, "/openedAt", "2026-11-24T12:30:00+03:00");
            put(r, "/firstResponseAt", "2026-11-24T05:05:00-05:00");
            put(r, "/closedAt", "2026-11-26T16:00:00.000+00:00");
            put(r, "/complaint/resolvedAt", "2026-11-26T20:30:00+05:30");
            put(r, "/updates/1", "2026-11-25T11:00:00.000000Z");
            put(r, "/pauses/0/from", "2026-11-25T13:00:00+01:00");
            put(r, "/promises/0/dueAt", "2026-11-25T18:00Z");
        });

        assertThat(offsets.hash()).isEqualTo(utc.hash());
        assertThat(offsets.canonicalJson()).isEqualTo(utc.canonicalJson());
    }

    @Test
    void the_canonical_json_writes_instants_in_utc() {
        ContentHash content = hashOfFull(r -> put(r, "/openedAt", "2026-11-24T12:30:00+03:00"));

        assertThat(content.canonicalJson()).contains("\"2026-11-24T09:30:00Z\"").doesNotContain("+03:00");
    }

    @Test
    void spelled_out_defaults_and_nulls_hash_like_absent_fields() {
        ObjectNode spelledOut = fixture(MINIMAL);
        objectAt(spelledOut, "/customer").put("tier", "STANDARD");
        objectAt(spelledOut, "/customer").putNull("name");
        spelledOut.put("direction", "INBOUND");
        spelledOut.putNull("closedAt");
        spelledOut.putArray("updates");
        spelledOut.putObject("attributes");

        assertThat(hashOf(spelledOut).hash()).isEqualTo(hashOf(fixture(MINIMAL)).hash());
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                change("the id", r -> r.put("id", "crm:2026-11-24.complaint_0043")),
                change("the customer id", r -> put(r, "/customer/id", "cust-8")),
                change("the tier", r -> put(r, "/customer/tier", "STRATEGIC")),
                change("the customer name", r -> put(r, "/customer/name", "Анна Петровна")),
                change("the agent", r -> put(r, "/agent/id", "agent-4")),
                change("the team", r -> put(r, "/agent/team", "call-centre")),
                change("the channel", r -> r.put("channel", "WEB")),
                change("the direction", r -> r.put("direction", "INBOUND")),
                change("the type", r -> {
                    r.put("type", "REQUEST");
                    r.remove("complaint");
                }),
                change("openedAt by a second", r -> r.put("openedAt", "2026-11-24T09:30:01Z")),
                change("openedAt by a nanosecond", r -> r.put("openedAt", "2026-11-24T09:30:00.000000001Z")),
                change("the first response", r -> r.put("firstResponseAt", "2026-11-24T10:06:00Z")),
                change("no first response", r -> r.remove("firstResponseAt")),
                change("the closing", r -> r.remove("closedAt")),
                change("relatesTo", r -> r.put("relatesTo", "crm:2026-11-20.sale_0008")),
                change("the complaint owner", r -> put(r, "/complaint/ownerId", "agent-10")),
                change("the resolution", r -> remove(r, "/complaint/resolvedAt")),
                change("an update added", r -> arrayAt(r, "/updates").add("2026-11-26T09:00:00Z")),
                change("an update removed", r -> remove(r, "/updates/1")),
                change("the pause end", r -> put(r, "/pauses/0/to", "2026-11-25T14:00:01Z")),
                change("the pause reason", r -> put(r, "/pauses/0/reason", "waiting on the bank")),
                change("a promise fulfilled", r -> put(r, "/promises/1/fulfilledAt", "2026-11-27T11:00:00Z")),
                change("a promise description", r -> put(r, "/promises/0/description", "call back")),
                change("a promise id", r -> put(r, "/promises/1/id", "replacement-2")),
                change("a delay notice", r -> remove(r, "/promises/0/delayNoticeAt")),
                change("a courtesy item flipped", r -> objectAt(r, "/courtesy").put("smile", true)),
                change("a courtesy item no longer assessed", r -> objectAt(r, "/courtesy").remove("eyeContact")),
                change("rudeness reported", r -> objectAt(r, "/courtesy").put("rudeness", true)),
                change("no courtesy", r -> r.remove("courtesy")),
                change("the satisfaction", r -> r.put("satisfaction", 5)),
                change("an attribute value", r -> objectAt(r, "/attributes").put("category", "delivery")),
                change("an attribute number", r -> objectAt(r, "/attributes").put("visits", 4)),
                change("an attribute as text instead of a number", r -> objectAt(r, "/attributes").put("visits", "3")),
                change("an attribute added", r -> objectAt(r, "/attributes").put("region", "north")),
                change("an attribute removed", r -> objectAt(r, "/attributes").remove("repeatCustomer")));
    }

    private static Arguments change(String what, Consumer<ObjectNode> change) {
        return Arguments.of(what, change);
    }

    @ParameterizedTest(name = "changing {0} changes the hash")
    @MethodSource("changes")
    void any_changed_field_changes_the_hash(String what, Consumer<ObjectNode> change) {
        assertThat(hashOfFull(change).hash()).isNotEqualTo(hashOf(fixture(FULL)).hash());
    }

    @ParameterizedTest(name = "the canonical JSON of {0} reads back to an equal record")
    @ValueSource(strings = {FULL, MINIMAL})
    void the_canonical_json_reads_back_to_an_equal_record(String fixtureName) throws Exception {
        Interaction record = decode(fixture(fixtureName));

        Interaction readBack = Json.mapper().readValue(ContentHash.of(record).canonicalJson(), Interaction.class);

        assertThat(readBack).isEqualTo(record);
        assertThat(ContentHash.of(readBack)).isEqualTo(ContentHash.of(record));
    }

    @ParameterizedTest(name = "the canonical JSON of {0} is itself a valid record with the same hash")
    @ValueSource(strings = {FULL, MINIMAL})
    void the_canonical_json_decodes_to_the_same_hash(String fixtureName) throws Exception {
        ContentHash content = hashOf(fixture(fixtureName));

        ContentHash again = hashOf(Json.mapper().readTree(content.canonicalJson()));

        assertThat(again).isEqualTo(content);
    }

    @Test
    void numeric_attributes_read_back_to_an_equal_record() throws Exception {
        ObjectNode json = fixture(FULL);
        json.putObject("attributes").put("int", 3).put("long", 12_345_678_901L).put("fraction", 0.1)
                .put("big", 1e300).put("negative", -2.5).put("huge", new java.math.BigInteger("123456789012345678901234567890"));
        Interaction record = decode(json);

        Interaction readBack = Json.mapper().readValue(ContentHash.of(record).canonicalJson(), Interaction.class);

        assertThat(readBack.attributes()).isEqualTo(record.attributes());
    }
}
