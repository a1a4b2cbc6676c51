package org.servicestandards.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.servicestandards.interaction.RecordDecoder.Decoded;
import org.servicestandards.json.Json;

/** SPEC §2: what a posted interaction record may hold, and how each kind of bad input is named. */
class RecordDecoderTest {

    static final String FULL = "valid-full.json";
    static final String MINIMAL = "valid-minimal.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final RecordDecoder decoder = new RecordDecoder();

    /** A fresh, mutable copy of a fixture under src/test/resources/records. */
    static ObjectNode fixture(String name) {
        try (InputStream in = RecordDecoderTest.class.getResourceAsStream("/records/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode objectAt(JsonNode record, String pointer) {
        return (ObjectNode) record.at(pointer);
    }

    static ArrayNode arrayAt(JsonNode record, String pointer) {
        return (ArrayNode) record.at(pointer);
    }

    /** Replaces (or adds) the value at a pointer whose parent is an object or an array. */
    static void put(JsonNode record, String pointer, JsonNode value) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = record.at(ptr.head());
        String last = ptr.last().getMatchingProperty();
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    static void put(JsonNode record, String pointer, String value) {
        put(record, pointer, TextNode.valueOf(value));
    }

    static void remove(JsonNode record, String pointer) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = record.at(ptr.head());
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(ptr.last().getMatchingProperty()));
        } else {
            ((ObjectNode) parent).remove(ptr.last().getMatchingProperty());
        }
    }

    private Decoded decode(JsonNode record) {
        return decoder.decode(record);
    }

    private Decoded decodeFull(Consumer<ObjectNode> change) {
        ObjectNode record = fixture(FULL);
        change.accept(record);
        return decode(record);
    }

    /** The record is refused with exactly one error, at the pointer, whose reason carries every word. */
    private static void assertOnlyError(Decoded decoded, String pointer, String... reasonWords) {
        assertThat(decoded.isValid()).as("record should be refused").isFalse();
        assertThat(decoded.interaction()).isNull();
        assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactly(pointer);
        assertReason(decoded.errors().get(0), reasonWords);
    }

    private static void assertReason(FieldError error, String... reasonWords) {
        assertThat(error.reason()).as("reason for %s", error.pointer()).isNotBlank();
        for (String word : reasonWords) {
            assertThat(error.reason()).as("reason for %s", error.pointer()).containsIgnoringCase(word);
        }
    }

    private static FieldError errorAt(Decoded decoded, String pointer) {
        return decoded.errors().stream().filter(e -> e.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + pointer + " in " + decoded.errors()));
    }

    private static String repeat(char c, int times) {
        char[] chars = new char[times];
        Arrays.fill(chars, c);
        return new String(chars);
    }

    @Nested
    class valid_records {

        @Test
        void the_full_fixture_decodes_every_field() {
            Decoded decoded = decode(fixture(FULL));

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.id()).isEqualTo("crm:2026-11-24.complaint_0042");
            Interaction record = decoded.interaction();
            assertThat(record).usingRecursiveComparison().ignoringFields("attributes").isEqualTo(new Interaction(
                    "crm:2026-11-24.complaint_0042",
                    new Customer("cust-7", Tier.VIP, "Анна Петрова"),
                    new Agent("agent-3", "front-desk"),
                    Channel.EMAIL,
                    Direction.OUTBOUND,
                    InteractionType.COMPLAINT,
                    Instant.parse("2026-11-24T09:30:00Z"),
                    Instant.parse("2026-11-24T10:05:00Z"),
                    Instant.parse("2026-11-26T16:00:00Z"),
                    "crm:2026-11-20.sale_0007",
                    new Complaint("agent-9", Instant.parse("2026-11-26T15:00:00Z")),
                    List.of(Instant.parse("2026-11-24T15:00:00Z"), Instant.parse("2026-11-25T11:00:00Z")),
                    List.of(new Pause(Instant.parse("2026-11-25T12:00:00Z"), Instant.parse("2026-11-25T14:00:00Z"),
                            "waiting on the courier")),
                    List.of(new Promise("refund-number", "call back with the refund number",
                                    Instant.parse("2026-11-25T18:00:00Z"), Instant.parse("2026-11-25T19:00:00Z"),
                                    Instant.parse("2026-11-25T16:00:00Z")),
                            new Promise("replacement", null, Instant.parse("2026-11-27T12:00:00Z"), null, null)),
                    new Courtesy(true, true, false, false, true, true, true, false, true, false),
                    4,
                    null));
            assertThat(record.attributes()).containsOnlyKeys("category", "orderValue", "visits", "repeatCustomer");
            assertThat(record.attribute("category")).isEqualTo("billing");
            assertThat(record.attribute("repeatCustomer")).isEqualTo(true);
            assertThat(record.attribute("orderValue")).isInstanceOfSatisfying(Number.class,
                    n -> assertThat(n.doubleValue()).isEqualTo(129.5));
            assertThat(record.attribute("visits")).isInstanceOfSatisfying(Number.class,
                    n -> assertThat(n.doubleValue()).isEqualTo(3.0));
        }

        @Test
        void the_minimal_fixture_decodes_with_defaults_and_nothing_optional() {
            Decoded decoded = decode(fixture(MINIMAL));

            assertThat(decoded.errors()).isEmpty();
            Interaction record = decoded.interaction();
            assertThat(record.customer()).isEqualTo(new Customer("cust-7", Tier.STANDARD, null));
            assertThat(record.agent()).isEqualTo(new Agent("agent-3", null));
            assertThat(record.direction()).isEqualTo(Direction.INBOUND);
            assertThat(record.firstResponseAt()).isNull();
            assertThat(record.closedAt()).isNull();
            assertThat(record.relatesTo()).isNull();
            assertThat(record.complaint()).isNull();
            assertThat(record.updates()).isEmpty();
            assertThat(record.pauses()).isEmpty();
            assertThat(record.promises()).isEmpty();
            assertThat(record.courtesy()).isNull();
            assertThat(record.satisfaction()).isNull();
            assertThat(record.attributes()).isEmpty();
        }

        @Test
        void tier_defaults_to_standard_and_direction_to_inbound() {
            Decoded decoded = decodeFull(r -> {
                objectAt(r, "/customer").remove("tier");
                r.remove("direction");
            });

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.interaction().tier()).isEqualTo(Tier.STANDARD);
            assertThat(decoded.interaction().direction()).isEqualTo(Direction.INBOUND);
        }

        @Test
        void null_optional_fields_are_treated_as_absent() {
            ObjectNode record = fixture(FULL);
            for (String field : List.of("direction", "firstResponseAt", "closedAt", "relatesTo", "complaint", "updates",
                    "pauses", "promises", "courtesy", "satisfaction", "attributes")) {
                record.putNull(field);
            }
            objectAt(record, "/customer").putNull("tier");
            objectAt(record, "/customer").putNull("name");
            objectAt(record, "/agent").putNull("team");

            Decoded decoded = decode(record);

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.interaction()).isEqualTo(decode(fixture(MINIMAL)).interaction());
        }

        @Test
        void null_optional_fields_inside_parts_are_treated_as_absent() {
            Decoded decoded = decodeFull(r -> {
                objectAt(r, "/complaint").putNull("ownerId");
                objectAt(r, "/complaint").putNull("resolvedAt");
                objectAt(r, "/pauses/0").putNull("to");
                objectAt(r, "/pauses/0").putNull("reason");
                objectAt(r, "/promises/0").putNull("description");
                objectAt(r, "/promises/0").putNull("fulfilledAt");
                objectAt(r, "/promises/0").putNull("delayNoticeAt");
                objectAt(r, "/courtesy").putNull("greeting");
                objectAt(r, "/courtesy").putNull("rudeness");
            });

            assertThat(decoded.errors()).isEmpty();
            Interaction record = decoded.interaction();
            assertThat(record.complaint()).isEqualTo(new Complaint(null, null));
            assertThat(record.pauses().get(0)).isEqualTo(new Pause(Instant.parse("2026-11-25T12:00:00Z"), null, null));
            assertThat(record.promises().get(0))
                    .isEqualTo(new Promise("refund-number", null, Instant.parse("2026-11-25T18:00:00Z"), null, null));
            assertThat(record.courtesy().greeting()).isNull();
            assertThat(record.courtesy().rudeness()).isNull();
            assertThat(record.courtesy().addressedByName()).isTrue();
        }

        @Test
        void an_empty_courtesy_object_means_nothing_was_assessed() {
            Decoded decoded = decodeFull(r -> r.putObject("courtesy"));

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.interaction().courtesy())
                    .isEqualTo(new Courtesy(null, null, null, null, null, null, null, null, null, null));
        }

        @Test
        void an_offset_is_converted_to_the_same_instant() {
            Decoded decoded = decodeFull(r -> {
                put(r, "/openedAt", "2026-11-24T12:30:00+03:00");
                put(r, "/firstResponseAt", "2026-11-24T05:05:00-05:00");
                put(r, "/updates/0", "2026-11-24T20:30:00+05:30");
            });

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.interaction().openedAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
            assertThat(decoded.interaction().firstResponseAt()).isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
            assertThat(decoded.interaction().updates().get(0)).isEqualTo(Instant.parse("2026-11-24T15:00:00Z"));
        }

        @Test
        void fractions_of_a_second_are_kept() {
            Decoded decoded = decodeFull(r -> put(r, "/openedAt", "2026-11-24T09:30:00.123456789Z"));

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.interaction().openedAt()).isEqualTo(Instant.parse("2026-11-24T09:30:00.123456789Z"));
        }

        @Test
        void a_response_at_the_same_instant_as_opening_is_in_order_whatever_the_offsets() {
            Decoded decoded = decodeFull(r -> {
                put(r, "/firstResponseAt", "2026-11-24T12:30:00+03:00");
                put(r, "/updates/0", "2026-11-24T09:30:00Z");
            });

            assertThat(decoded.errors()).isEmpty();
        }

        @Test
        void a_pause_that_ends_as_it_starts_is_in_order() {
            Decoded decoded = decodeFull(r -> put(r, "/pauses/0/to", "2026-11-25T15:00:00+03:00"));

            assertThat(decoded.errors()).isEmpty();
        }

        @Test
        void an_id_of_128_allowed_characters_is_accepted() {
            String id = "Az09._:-" + repeat('x', 120);
            Decoded decoded = decodeFull(r -> r.put("id", id));

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.id()).isEqualTo(id);
        }

        @Test
        void every_satisfaction_from_1_to_5_is_accepted() {
            for (int score = 1; score <= 5; score++) {
                int value = score;
                Decoded decoded = decodeFull(r -> r.put("satisfaction", value));
                assertThat(decoded.errors()).as("satisfaction %d", value).isEmpty();
                assertThat(decoded.interaction().satisfaction()).isEqualTo(value);
            }
        }

        @Test
        void a_complaint_part_may_be_left_out_of_a_complaint() {
            Decoded decoded = decodeFull(r -> r.remove("complaint"));

            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.interaction().complaint()).isNull();
        }

        @Test
        void every_enum_value_of_the_spec_is_accepted() {
            for (String channel : List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "VISIT", "WEB")) {
                assertThat(decode(with(fixture(MINIMAL), "/channel", channel)).errors()).as(channel).isEmpty();
            }
            for (String type : List.of("INQUIRY", "REQUEST", "COMPLAINT", "FOLLOW_UP", "SURVEY", "SALE")) {
                assertThat(decode(with(fixture(MINIMAL), "/type", type)).errors()).as(type).isEmpty();
            }
            for (String tier : List.of("STRATEGIC", "VIP", "STANDARD")) {
                assertThat(decode(with(fixture(MINIMAL), "/customer/tier", tier)).errors()).as(tier).isEmpty();
            }
            for (String direction : List.of("INBOUND", "OUTBOUND")) {
                assertThat(decode(with(fixture(MINIMAL), "/direction", direction)).errors()).as(direction).isEmpty();
            }
        }

        private ObjectNode with(ObjectNode record, String pointer, String value) {
            put(record, pointer, value);
            return record;
        }
    }

    @Nested
    class missing_required_fields {

        static Stream<String> requiredFields() {
            return Stream.of("/id", "/customer", "/customer/id", "/agent", "/agent/id", "/channel", "/type",
                    "/openedAt", "/promises/0/id", "/promises/0/dueAt", "/pauses/0/from");
        }

        @ParameterizedTest(name = "a record without {0} is refused at {0} as required")
        @MethodSource("requiredFields")
        void a_missing_required_field_is_named(String pointer) {
            Decoded decoded = decodeFull(r -> remove(r, pointer));

            assertOnlyError(decoded, pointer, "required");
        }

        @ParameterizedTest(name = "a record with {0} null is refused at {0} as required")
        @MethodSource("requiredFields")
        void a_null_required_field_counts_as_missing(String pointer) {
            Decoded decoded = decodeFull(r -> put(r, pointer, NullNode.getInstance()));

            assertOnlyError(decoded, pointer, "required");
        }

        @ParameterizedTest(name = "a blank {0} is refused")
        @ValueSource(strings = {"/customer/id", "/agent/id", "/promises/0/id"})
        void a_blank_required_id_is_refused(String pointer) {
            Decoded decoded = decodeFull(r -> put(r, pointer, "   "));

            assertOnlyError(decoded, pointer);
        }

        @Test
        void an_empty_record_names_every_required_top_level_field() {
            Decoded decoded = decode(NODES.objectNode());

            assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder(
                    "/id", "/customer", "/agent", "/channel", "/type", "/openedAt");
            decoded.errors().forEach(error -> assertReason(error, "required"));
        }
    }

    @Nested
    class unknown_enum_values {

        static Stream<Arguments> unknownValues() {
            return Stream.of(
                    Arguments.of("/customer/tier", "GOLD", List.of("STRATEGIC", "VIP", "STANDARD")),
                    Arguments.of("/customer/tier", "vip", List.of("STRATEGIC", "VIP", "STANDARD")),
                    Arguments.of("/channel", "FAX", List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "VISIT", "WEB")),
                    Arguments.of("/channel", "email", List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "VISIT", "WEB")),
                    Arguments.of("/channel", "", List.of("PHONE", "EMAIL", "CHAT", "IN_PERSON", "VISIT", "WEB")),
                    Arguments.of("/direction", "SIDEWAYS", List.of("INBOUND", "OUTBOUND")),
                    Arguments.of("/type", "PRAISE", List.of("INQUIRY", "REQUEST", "COMPLAINT", "FOLLOW_UP", "SURVEY", "SALE")));
        }

        @ParameterizedTest(name = "{0} = \"{1}\" is refused naming the allowed values")
        @MethodSource("unknownValues")
        void an_unknown_enum_value_is_named_with_the_allowed_values(String pointer, String value, List<String> allowed) {
            Decoded decoded = decodeFull(r -> put(r, pointer, value));

            assertOnlyError(decoded, pointer, allowed.toArray(String[]::new));
            if (!value.isEmpty()) {
                assertThat(decoded.errors().get(0).reason()).contains("'" + value + "'");
            }
        }

        @ParameterizedTest(name = "a number as {0} is refused")
        @ValueSource(strings = {"/customer/tier", "/channel", "/direction", "/type"})
        void an_enum_given_as_a_number_is_refused(String pointer) {
            Decoded decoded = decodeFull(r -> put(r, pointer, NODES.numberNode(1)));

            assertOnlyError(decoded, pointer, "must be");
        }
    }

    @Nested
    class malformed_instants {

        static Stream<Arguments> malformed() {
            return Stream.of(
                    Arguments.of("/openedAt", TextNode.valueOf("2026-11-24T09:30:00")),
                    Arguments.of("/openedAt", TextNode.valueOf("2026-11-24")),
                    Arguments.of("/openedAt", TextNode.valueOf("yesterday at noon")),
                    Arguments.of("/openedAt", TextNode.valueOf("2026-02-30T09:30:00Z")),
                    Arguments.of("/openedAt", TextNode.valueOf("2026-11-24T25:30:00Z")),
                    Arguments.of("/openedAt", TextNode.valueOf("24/11/2026 09:30 +03:00")),
                    Arguments.of("/openedAt", TextNode.valueOf("")),
                    Arguments.of("/openedAt", NODES.numberNode(1764000000L)),
                    Arguments.of("/openedAt", NODES.booleanNode(true)),
                    Arguments.of("/openedAt", NODES.objectNode().put("epochSecond", 1764000000L)),
                    Arguments.of("/openedAt", NODES.arrayNode().add("2026-11-24T09:30:00Z")),
                    Arguments.of("/firstResponseAt", TextNode.valueOf("2026-11-24T10:05:00")),
                    Arguments.of("/closedAt", TextNode.valueOf("soon")),
                    Arguments.of("/complaint/resolvedAt", NODES.numberNode(20261126)),
                    Arguments.of("/updates/1", TextNode.valueOf("2026-11-25 11:00")),
                    Arguments.of("/pauses/0/from", TextNode.valueOf("2026-11-25T12:00:00")),
                    Arguments.of("/pauses/0/to", NODES.booleanNode(false)),
                    Arguments.of("/promises/0/dueAt", TextNode.valueOf("tomorrow")),
                    Arguments.of("/promises/0/fulfilledAt", TextNode.valueOf("2026-11-25T19:00Z+1")),
                    Arguments.of("/promises/1/delayNoticeAt", TextNode.valueOf("2026-11-27")));
        }

        @ParameterizedTest(name = "{0} = {1} is refused as a malformed instant")
        @MethodSource("malformed")
        void a_malformed_instant_is_named(String pointer, JsonNode value) {
            Decoded decoded = decodeFull(r -> put(r, pointer, value));

            assertOnlyError(decoded, pointer, "instant", "offset");
        }

        static Stream<Arguments> outOfRange() {
            List<String> pointers = List.of("/openedAt", "/firstResponseAt", "/closedAt", "/complaint/resolvedAt", "/updates/1",
                    "/pauses/0/from", "/pauses/0/to", "/promises/0/dueAt", "/promises/0/fulfilledAt", "/promises/1/delayNoticeAt");
            List<String> instants = List.of("+999999999-12-31T23:59:59.999999999Z", "-999999999-01-01T00:00:00Z",
                    "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "1970-01-01T02:59:59+03:00");
            return pointers.stream().flatMap(p -> instants.stream().map(i -> Arguments.of(p, i)));
        }

        @ParameterizedTest(name = "{0} = {1} is refused as out of range")
        @MethodSource("outOfRange")
        void an_instant_outside_1970_to_9999_is_named(String pointer, String instant) {
            Decoded decoded = decodeFull(r -> put(r, pointer, instant));

            assertOnlyError(decoded, pointer, "out of range", "1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
        }

        @Test
        void the_first_and_last_instants_of_the_range_are_accepted() {
            Decoded decoded = decodeFull(r -> {
                put(r, "/openedAt", "1970-01-01T00:00:00Z");
                put(r, "/closedAt", "9999-12-31T23:59:59.999999999Z");
            });

            assertThat(decoded.errors()).isEmpty();
        }

        @Test
        void updates_must_be_instants_not_objects() {
            Decoded decoded = decodeFull(r -> arrayAt(r, "/updates").addObject().put("at", "2026-11-25T11:00:00Z"));

            assertOnlyError(decoded, "/updates/2", "instant");
        }
    }

    @Nested
    class timestamps_out_of_order {

        static Stream<Arguments> beforeOpening() {
            return Stream.of(
                    Arguments.of("/firstResponseAt", "2026-11-24T09:29:59Z"),
                    Arguments.of("/firstResponseAt", "2026-11-24T12:29:59+03:00"),
                    Arguments.of("/closedAt", "2026-11-23T16:00:00Z"),
                    Arguments.of("/complaint/resolvedAt", "2026-11-20T15:00:00Z"),
                    Arguments.of("/updates/0", "2026-11-24T09:00:00Z"),
                    Arguments.of("/updates/1", "2026-11-24T05:00:00-04:00"));
        }

        @ParameterizedTest(name = "{0} at {1} is refused as before openedAt")
        @MethodSource("beforeOpening")
        void a_timestamp_before_opening_is_named(String pointer, String instant) {
            Decoded decoded = decodeFull(r -> put(r, pointer, instant));

            assertOnlyError(decoded, pointer, "before", "openedAt");
        }

        @Test
        void a_later_local_time_in_an_earlier_instant_is_still_before_opening() {
            // 11:30+03:00 is 08:30Z, an hour before 09:30Z although "11:30" reads later
            Decoded decoded = decodeFull(r -> put(r, "/firstResponseAt", "2026-11-24T11:30:00+03:00"));

            assertOnlyError(decoded, "/firstResponseAt", "before", "openedAt");
        }

        @Test
        void a_pause_that_ends_before_it_starts_is_named_at_its_end() {
            Decoded decoded = decodeFull(r -> put(r, "/pauses/0/to", "2026-11-25T11:59:59Z"));

            assertOnlyError(decoded, "/pauses/0/to", "before", "from");
        }

        @Test
        void every_update_before_opening_is_named_by_its_own_index() {
            Decoded decoded = decodeFull(r -> {
                arrayAt(r, "/updates").add("2026-11-23T10:00:00Z");
                arrayAt(r, "/updates").add("2026-11-25T10:00:00Z");
                arrayAt(r, "/updates").add("2026-11-22T10:00:00Z");
            });

            assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder("/updates/2", "/updates/4");
        }

        @Test
        void an_update_before_opening_keeps_its_index_after_a_malformed_update() {
            Decoded decoded = decodeFull(r -> {
                put(r, "/updates/0", "garbage");
                put(r, "/updates/1", "2026-11-23T10:00:00Z");
            });

            assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder("/updates/0", "/updates/1");
            assertReason(errorAt(decoded, "/updates/0"), "instant");
            assertReason(errorAt(decoded, "/updates/1"), "before", "openedAt");
        }
    }

    @Nested
    class wrong_types {

        static Stream<Arguments> wrongTypes() {
            return Stream.of(
                    Arguments.of("/id", NODES.numberNode(42), "string"),
                    Arguments.of("/id", NODES.booleanNode(true), "string"),
                    Arguments.of("/customer", TextNode.valueOf("cust-7"), "object"),
                    Arguments.of("/customer", NODES.arrayNode().add("cust-7"), "object"),
                    Arguments.of("/customer/id", NODES.numberNode(7), "string"),
                    Arguments.of("/customer/name", NODES.objectNode().put("first", "Анна"), "string"),
                    Arguments.of("/agent", NODES.arrayNode(), "object"),
                    Arguments.of("/agent/id", NODES.numberNode(3), "string"),
                    Arguments.of("/agent/team", NODES.arrayNode().add("front-desk"), "string"),
                    Arguments.of("/relatesTo", NODES.numberNode(7), "string"),
                    Arguments.of("/complaint", TextNode.valueOf("agent-9"), "object"),
                    Arguments.of("/complaint/ownerId", NODES.numberNode(9), "string"),
                    Arguments.of("/updates", TextNode.valueOf("2026-11-24T15:00:00Z"), "array"),
                    Arguments.of("/updates", NODES.objectNode().put("0", "2026-11-24T15:00:00Z"), "array"),
                    Arguments.of("/pauses", NODES.objectNode().put("from", "2026-11-25T12:00:00Z"), "array"),
                    Arguments.of("/pauses/0", TextNode.valueOf("2026-11-25T12:00:00Z"), "object"),
                    Arguments.of("/pauses/0/reason", NODES.numberNode(1), "string"),
                    Arguments.of("/promises", NODES.objectNode().put("id", "p"), "array"),
                    Arguments.of("/promises/1", NODES.arrayNode(), "object"),
                    Arguments.of("/promises/0/description", NODES.booleanNode(true), "string"),
                    Arguments.of("/courtesy", NODES.arrayNode().add(true), "object"),
                    Arguments.of("/courtesy", NODES.booleanNode(true), "object"),
                    Arguments.of("/courtesy/greeting", TextNode.valueOf("true"), "true or false"),
                    Arguments.of("/courtesy/smile", NODES.numberNode(1), "true or false"),
                    Arguments.of("/courtesy/rudeness", TextNode.valueOf("no"), "true or false"),
                    Arguments.of("/satisfaction", NODES.numberNode(0), "1"),
                    Arguments.of("/satisfaction", NODES.numberNode(6), "5"),
                    Arguments.of("/satisfaction", NODES.numberNode(-1), "1"),
                    Arguments.of("/satisfaction", NODES.numberNode(3.5), "whole"),
                    Arguments.of("/satisfaction", TextNode.valueOf("4"), "number"),
                    Arguments.of("/satisfaction", NODES.numberNode(new java.math.BigInteger("40000000000000000000")), "5"),
                    Arguments.of("/attributes", NODES.arrayNode().add("billing"), "object"),
                    Arguments.of("/attributes/category", NODES.objectNode().put("name", "billing"), "string"),
                    Arguments.of("/attributes/category", NODES.arrayNode().add("billing"), "string"));
        }

        @ParameterizedTest(name = "{0} = {1} is refused as the wrong type")
        @MethodSource("wrongTypes")
        void a_value_of_the_wrong_type_is_named(String pointer, JsonNode value, String reasonWord) {
            Decoded decoded = decodeFull(r -> put(r, pointer, value));

            assertOnlyError(decoded, pointer, reasonWord);
        }

        @Test
        void satisfaction_names_its_range() {
            Decoded decoded = decodeFull(r -> r.put("satisfaction", 6));

            assertOnlyError(decoded, "/satisfaction", "1", "5");
        }

        @Test
        void an_attribute_number_too_large_for_a_double_is_refused_not_thrown() {
            ObjectNode record = fixture(FULL);
            assertThatCode(() -> put(record, "/attributes/orderValue", Json.mapper().readTree("1e400")))
                    .doesNotThrowAnyException();

            Decoded decoded = decode(record);

            assertOnlyError(decoded, "/attributes/orderValue");
        }
    }

    @Nested
    class over_long_and_malformed_strings {

        @Test
        void an_id_of_129_characters_is_refused_naming_the_limit() {
            Decoded decoded = decodeFull(r -> r.put("id", repeat('a', 129)));

            assertOnlyError(decoded, "/id", "128");
            assertThat(decoded.id()).isNull();
        }

        @ParameterizedTest(name = "the id \"{0}\" is refused for its characters")
        @ValueSource(strings = {"rec 1", "rec/1", "rec#1", "rec@crm", "рек-1", "rec\n1", "rec\u00001", "id\"quote", "crm:1?x=2"})
        void an_id_with_a_character_outside_the_allowed_set_is_refused(String id) {
            Decoded decoded = decodeFull(r -> r.put("id", id));

            assertOnlyError(decoded, "/id");
            assertThat(decoded.errors().get(0).reason()).containsAnyOf("A-Z", "character");
        }

        @Test
        void an_empty_id_is_refused() {
            Decoded decoded = decodeFull(r -> r.put("id", ""));

            assertOnlyError(decoded, "/id");
        }

        @ParameterizedTest(name = "{0} of {1} characters is refused as too long")
        @MethodSource("tooLong")
        void an_over_long_string_is_refused_naming_the_limit(String pointer, int length, int limit) {
            Decoded decoded = decodeFull(r -> put(r, pointer, repeat('x', length)));

            assertOnlyError(decoded, pointer, "longer", String.valueOf(limit));
        }

        static Stream<Arguments> tooLong() {
            int id = RecordDecoder.MAX_ID_LENGTH;
            int text = RecordDecoder.MAX_TEXT_LENGTH;
            return Stream.of(
                    Arguments.of("/customer/id", id + 1, id),
                    Arguments.of("/agent/id", id + 1, id),
                    Arguments.of("/agent/team", id + 1, id),
                    Arguments.of("/relatesTo", id + 1, id),
                    Arguments.of("/complaint/ownerId", id + 1, id),
                    Arguments.of("/promises/0/id", id + 1, id),
                    Arguments.of("/customer/name", text + 1, text),
                    Arguments.of("/customer/name", 100_000, text),
                    Arguments.of("/pauses/0/reason", text + 1, text),
                    Arguments.of("/promises/0/description", text + 1, text),
                    Arguments.of("/attributes/category", text + 1, text));
        }

        @Test
        void a_name_at_the_length_limit_is_accepted() {
            Decoded decoded = decodeFull(r -> put(r, "/customer/name", repeat('я', RecordDecoder.MAX_TEXT_LENGTH)));

            assertThat(decoded.errors()).isEmpty();
        }
    }

    @Nested
    class unknown_fields {

        static Stream<Arguments> unknownFields() {
            return Stream.of(
                    Arguments.of("/colour", "colour"),
                    Arguments.of("/openedat", "openedat"),
                    Arguments.of("/customerId", "customerId"),
                    Arguments.of("/customer/tierLevel", "tierLevel"),
                    Arguments.of("/agent/name", "name"),
                    Arguments.of("/complaint/owner", "owner"),
                    Arguments.of("/courtesy/greating", "greating"),
                    Arguments.of("/pauses/0/until", "until"),
                    Arguments.of("/promises/1/due", "due"),
                    Arguments.of("/a~1b", "a/b"),
                    Arguments.of("/~0tilde", "~tilde"),
                    Arguments.of("/", ""));
        }

        @ParameterizedTest(name = "an unknown field named \"{1}\" is refused at {0}")
        @MethodSource("unknownFields")
        void an_unknown_field_is_refused_with_an_escaped_pointer(String pointer, String name) {
            JsonPointer ptr = JsonPointer.compile(pointer);
            Decoded decoded = decodeFull(r -> objectAt(r, ptr.head().toString()).put(name, true));

            assertOnlyError(decoded, pointer);
            assertThat(decoded.errors().get(0).reason()).containsAnyOf("unknown", "not a field", "not allowed");
        }

        @Test
        void a_complaint_on_an_interaction_that_is_not_a_complaint_is_refused() {
            Decoded decoded = decodeFull(r -> r.put("type", "INQUIRY"));

            assertOnlyError(decoded, "/complaint", "COMPLAINT");
        }

        @Test
        void an_empty_complaint_on_a_sale_is_refused() {
            Decoded decoded = decodeFull(r -> {
                r.put("type", "SALE");
                r.putObject("complaint");
            });

            assertOnlyError(decoded, "/complaint", "COMPLAINT");
        }
    }

    @Nested
    class promises {

        @Test
        void a_repeated_promise_id_is_named_at_the_repeat() {
            Decoded decoded = decodeFull(r -> arrayAt(r, "/promises").addObject()
                    .put("id", "refund-number").put("dueAt", "2026-11-28T12:00:00Z"));

            assertOnlyError(decoded, "/promises/2/id", "refund-number");
        }

        @Test
        void a_repeated_promise_id_keeps_its_index_after_a_malformed_promise() {
            Decoded decoded = decodeFull(r -> {
                arrayAt(r, "/promises").insert(0, "not a promise");
                arrayAt(r, "/promises").addObject().put("id", "replacement").put("dueAt", "2026-11-28T12:00:00Z");
            });

            assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder("/promises/0", "/promises/3/id");
            assertReason(errorAt(decoded, "/promises/3/id"), "replacement");
        }
    }

    @Nested
    class not_a_record {

        static Stream<Arguments> notObjects() {
            return Stream.of(
                    Arguments.of("an array", NODES.arrayNode().add(fixture(FULL))),
                    Arguments.of("a string", TextNode.valueOf("crm:1")),
                    Arguments.of("a number", NODES.numberNode(1)),
                    Arguments.of("a boolean", NODES.booleanNode(false)),
                    Arguments.of("JSON null", NullNode.getInstance()),
                    Arguments.of("nothing", MissingNode.getInstance()));
        }

        @ParameterizedTest(name = "{0} is refused as a whole with the empty pointer")
        @MethodSource("notObjects")
        void a_value_that_is_not_an_object_is_refused_as_a_whole(String description, JsonNode node) {
            Decoded decoded = decode(node);

            assertOnlyError(decoded, "", "object");
            assertThat(decoded.id()).isNull();
        }

        @Test
        void a_java_null_is_refused_as_a_whole() {
            assertOnlyError(decode(null), "", "object");
        }
    }

    @Nested
    class several_errors {

        @Test
        void every_problem_is_reported_at_once() {
            Decoded decoded = decodeFull(r -> {
                r.remove("id");
                r.put("channel", "FAX");
                r.put("openedAt", "2026-11-24T09:30:00");
                r.put("satisfaction", 6);
                objectAt(r, "/courtesy").put("greating", true);
                objectAt(r, "/agent").remove("id");
                put(r, "/pauses/0/to", "2026-11-25T11:00:00Z");
                r.put("colour", "blue");
            });

            assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder(
                    "/id", "/channel", "/openedAt", "/satisfaction", "/courtesy/greating", "/agent/id",
                    "/pauses/0/to", "/colour");
            assertReason(errorAt(decoded, "/id"), "required");
            assertReason(errorAt(decoded, "/channel"), "FAX");
            assertReason(errorAt(decoded, "/openedAt"), "instant");
            assertReason(errorAt(decoded, "/pauses/0/to"), "before", "from");
            assertThat(decoded.interaction()).isNull();
        }

        @Test
        void each_out_of_order_timestamp_is_reported() {
            Decoded decoded = decodeFull(r -> {
                r.put("openedAt", "2026-11-30T00:00:00Z");
            });

            assertThat(decoded.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder(
                    "/firstResponseAt", "/closedAt", "/complaint/resolvedAt", "/updates/0", "/updates/1");
        }

        @Test
        void an_invalid_record_still_reports_its_id() {
            Decoded decoded = decodeFull(r -> r.put("channel", "FAX"));

            assertThat(decoded.isValid()).isFalse();
            assertThat(decoded.id()).isEqualTo("crm:2026-11-24.complaint_0042");
        }

        @Test
        void decoding_leaves_the_input_unchanged() {
            ObjectNode record = fixture(FULL);
            ObjectNode copy = record.deepCopy();

            decode(record);

            assertThat(record).isEqualTo(copy);
        }
    }
}
