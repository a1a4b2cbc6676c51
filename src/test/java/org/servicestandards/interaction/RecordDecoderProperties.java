package org.servicestandards.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.servicestandards.interaction.RecordDecoder.Decoded;
import org.servicestandards.json.Json;

/**
 * Properties of the decoder over inputs nobody would write by hand: it never throws, every
 * refusal points at a place in the input, and every valid record hashes the same however it is
 * laid out.
 */
class RecordDecoderProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final RecordDecoder DECODER = new RecordDecoder();

    /** RFC 6901: a pointer is a sequence of "/"-prefixed tokens where "~" only starts "~0" or "~1". */
    private static final Pattern JSON_POINTER = Pattern.compile("(/([^/~]|~[01])*)*");

    private static final List<String> FIELD_NAMES = Stream.of(
                    List.of("id", "customer", "agent", "channel", "direction", "type", "openedAt", "firstResponseAt",
                            "closedAt", "relatesTo", "complaint", "updates", "pauses", "promises", "courtesy",
                            "satisfaction", "attributes", "tier", "name", "team", "ownerId", "resolvedAt", "from",
                            "to", "reason", "description", "dueAt", "fulfilledAt", "delayNoticeAt"),
                    Courtesy.FIELDS)
            .flatMap(List::stream).distinct().toList();

    private static final List<String> INTERESTING_TEXT = List.of(
            "", " ", "PHONE", "EMAIL", "VISIT", "COMPLAINT", "SALE", "VIP", "STRATEGIC", "INBOUND", "OUTBOUND",
            "2026-11-24T09:30:00Z", "2026-11-24T12:30:00+03:00", "2026-11-24T09:30:00", "1970-01-01T00:00:00Z",
            "crm:1", "p1", "a/b", "~", "~1", "true", "4", "x".repeat(129), "y".repeat(2001));

    // ---------------------------------------------------------------- arbitrary trees

    @Property(tries = 2000)
    void decoding_an_arbitrary_tree_never_throws_and_either_succeeds_or_points_at_the_problems(
            @ForAll("jsonTrees") JsonNode tree) {
        assertDecodedSoundly(tree);
    }

    @Property(tries = 2000)
    void decoding_a_valid_record_damaged_anywhere_never_throws_and_points_at_the_problems(
            @ForAll("damagedRecords") JsonNode tree) {
        assertDecodedSoundly(tree);
    }

    private static void assertDecodedSoundly(JsonNode tree) {
        JsonNode before = tree == null ? null : tree.deepCopy();
        Decoded decoded = DECODER.decode(tree);

        assertThat(decoded.errors()).isNotNull();
        if (decoded.isValid()) {
            assertThat(decoded.interaction()).isNotNull();
            assertThat(decoded.id()).isEqualTo(decoded.interaction().id());
            assertThat(ContentHash.of(decoded.interaction()).hash()).hasSize(64);
        } else {
            assertThat(decoded.interaction()).isNull();
            assertThat(decoded.errors()).allSatisfy(error -> {
                assertThat(error.pointer()).as("pointer of %s", error).matches(JSON_POINTER);
                assertThat(error.reason()).as("reason of %s", error).isNotBlank();
                assertThat(pointsIntoTree(tree, error.pointer())).as("%s points into %s", error, tree).isTrue();
            });
        }
        assertThat(DECODER.decode(tree)).as("decoding is deterministic").isEqualTo(decoded);
        assertThat(tree).as("decoding leaves its input alone").isEqualTo(before);
    }

    /** The pointer names a value of the input, or a missing field of an object that is there. */
    private static boolean pointsIntoTree(JsonNode tree, String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        JsonPointer ptr = JsonPointer.compile(pointer);
        return !tree.at(ptr).isMissingNode() || tree.at(ptr.head()).isObject();
    }

    @Provide
    Arbitrary<JsonNode> jsonTrees() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, objects(4)),
                Tuple.of(1, json(3)));
    }

    @Provide
    Arbitrary<JsonNode> damagedRecords() {
        ObjectNode full = RecordDecoderTest.fixture(RecordDecoderTest.FULL);
        List<String> pointers = new ArrayList<>();
        collectPointers(full, "", pointers);
        Arbitrary<Damage> damage = Combinators.combine(
                Arbitraries.of(pointers), Arbitraries.integers().between(0, 2), keys(), json(2)).as(Damage::new);
        return damage.list().ofMinSize(1).ofMaxSize(4).map(damages -> {
            ObjectNode record = full.deepCopy();
            damages.forEach(d -> d.apply(record));
            return record;
        });
    }

    private static void collectPointers(JsonNode node, String pointer, List<String> into) {
        into.add(pointer);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collectPointers(e.getValue(),
                    pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectPointers(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    /** Replaces a value, removes it, or adds a field beside it. */
    private record Damage(String pointer, int kind, String key, JsonNode value) {
        void apply(ObjectNode record) {
            JsonPointer ptr = JsonPointer.compile(pointer);
            JsonNode target = record.at(ptr);
            if (target.isMissingNode()) {
                return;
            }
            if (kind == 2 && target.isObject()) {
                ((ObjectNode) target).set(key, value.deepCopy());
                return;
            }
            if (pointer.isEmpty()) {
                return;
            }
            JsonNode parent = record.at(ptr.head());
            String last = ptr.last().getMatchingProperty();
            if (parent.isObject()) {
                if (kind == 1) {
                    ((ObjectNode) parent).remove(last);
                } else {
                    ((ObjectNode) parent).set(last, value.deepCopy());
                }
            } else if (parent.isArray()) {
                int index = Integer.parseInt(last);
                if (kind == 1) {
                    ((ArrayNode) parent).remove(index);
                } else {
                    ((ArrayNode) parent).set(index, value.deepCopy());
                }
            }
        }
    }

    private static Arbitrary<JsonNode> json(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(5, scalars()),
                Tuple.of(2, Arbitraries.lazy(() -> objects(depth - 1))),
                Tuple.of(2, Arbitraries.lazy(() -> arrays(depth - 1))));
    }

    private static Arbitrary<JsonNode> objects(int depth) {
        return Combinators.combine(keys(), json(depth)).as(Map::entry).list().ofMaxSize(10).map(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.forEach(e -> object.set(e.getKey(), e.getValue()));
            return object;
        });
    }

    private static Arbitrary<JsonNode> arrays(int depth) {
        return json(depth).list().ofMaxSize(5).map(elements -> {
            ArrayNode array = NODES.arrayNode();
            elements.forEach(array::add);
            return array;
        });
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(FIELD_NAMES)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(8)),
                Tuple.of(1, Arbitraries.of("", "~", "/", "~1", "a/b~0c", "0", "~01")));
    }

    private static Arbitrary<JsonNode> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(INTERESTING_TEXT).map(NODES::textNode)),
                Tuple.of(2, Arbitraries.strings().ofMaxLength(30).map(NODES::textNode)),
                Tuple.of(1, Arbitraries.integers().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.integers().between(-1, 7).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
                        .map(NODES::numberNode)),
                // infinities are what the parser makes of 1e400; NaN it never makes
                Tuple.of(1, Arbitraries.doubles().withSpecialValue(Double.POSITIVE_INFINITY)
                        .withSpecialValue(Double.NEGATIVE_INFINITY).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.bigDecimals().ofScale(3).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e-400")).map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.just(NullNode.getInstance())));
    }

    // ---------------------------------------------------------------- valid records

    @Property(tries = 500)
    void a_generated_valid_record_decodes_and_its_hash_survives_reserialisation(
            @ForAll("validRecords") ObjectNode record) throws Exception {
        Decoded decoded = DECODER.decode(record);

        assertThat(decoded.errors()).as("errors of %s", record).isEmpty();
        Interaction interaction = decoded.interaction();
        assertThat(interaction.id()).isEqualTo(record.get("id").textValue());
        assertThat(interaction.openedAt())
                .isEqualTo(OffsetDateTime.parse(record.get("openedAt").textValue()).toInstant());
        ContentHash content = ContentHash.of(interaction);

        String laidOutAgain = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reversedKeys(record));
        Decoded again = DECODER.decode(Json.mapper().readTree(laidOutAgain));
        assertThat(again.errors()).isEmpty();
        assertThat(ContentHash.of(again.interaction())).isEqualTo(content);

        Decoded fromCanonical = DECODER.decode(Json.mapper().readTree(content.canonicalJson()));
        assertThat(fromCanonical.errors()).isEmpty();
        assertThat(ContentHash.of(fromCanonical.interaction())).isEqualTo(content);

        Interaction readBack = Json.mapper().readValue(content.canonicalJson(), Interaction.class);
        assertThat(readBack).isEqualTo(interaction);
    }

    private static JsonNode reversedKeys(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            node.fields().forEachRemaining(entries::add);
            Collections.reverse(entries);
            ObjectNode reversed = NODES.objectNode();
            entries.forEach(e -> reversed.set(e.getKey(), reversedKeys(e.getValue())));
            return reversed;
        }
        return node;
    }

    @Provide
    Arbitrary<ObjectNode> validRecords() {
        return Builders.withBuilder(Sketch::new)
                .use(recordIds()).in((s, v) -> s.with("id", v))
                .use(customers()).in((s, v) -> s.with("customer", v))
                .use(agents()).in((s, v) -> s.with("agent", v))
                .use(enumText(Channel.class)).in((s, v) -> s.with("channel", v))
                .use(optional(enumText(Direction.class))).in((s, v) -> s.with("direction", v))
                .use(Arbitraries.of(InteractionType.class)).in((s, v) -> s.type(v))
                .use(Combinators.combine(instants(), offsets()).as(Map::entry)).in((s, v) -> s.openedAt(v.getKey(), v.getValue()))
                .use(optional(stamps())).in((s, v) -> s.later("firstResponseAt", v))
                .use(optional(stamps())).in((s, v) -> s.later("closedAt", v))
                .use(optional(texts(RecordDecoder.MAX_ID_LENGTH))).in((s, v) -> s.with("relatesTo", v))
                .use(optional(complaints())).in((s, v) -> s.complaint(v))
                .use(optional(stamps().list().ofMaxSize(6))).in((s, v) -> s.updates(v))
                .use(optional(pauses().list().ofMaxSize(4))).in((s, v) -> s.pauses(v))
                .use(optional(promises().list().ofMaxSize(4))).in((s, v) -> s.promises(v))
                .use(optional(courtesies())).in((s, v) -> s.with("courtesy", v))
                .use(optional(Arbitraries.integers().between(1, 5).map(NODES::numberNode))).in((s, v) -> s.with("satisfaction", v))
                .use(optional(attributes())).in((s, v) -> s.with("attributes", v))
                .build(Sketch::render);
    }

    /** Absent (Java null), JSON null, or a value: all three are valid for an optional field. */
    private static <T> Arbitrary<Object> optional(Arbitrary<T> value) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(MissingNode.getInstance())),
                Tuple.of(1, Arbitraries.just(NullNode.getInstance())),
                Tuple.of(4, value.map(v -> (Object) v)));
    }

    private static Arbitrary<JsonNode> recordIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('.', '_', ':', '-').ofMinLength(1).ofMaxLength(RecordDecoder.MAX_ID_LENGTH)
                .map(NODES::textNode);
    }

    /** Any non-blank text: letters of several scripts, punctuation, spaces (no lone surrogates). */
    private static Arbitrary<JsonNode> texts(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u04ff')
                .withCharRange('\u4e00', '\u4e5f').withChars('\n', '\t', '"', '\\')
                .ofMinLength(1).ofMaxLength(maxLength).filter(s -> !s.isBlank()).map(NODES::textNode);
    }

    private static <E extends Enum<E>> Arbitrary<JsonNode> enumText(Class<E> type) {
        return Arbitraries.of(type).map(e -> NODES.textNode(e.name()));
    }

    private static Arbitrary<JsonNode> customers() {
        return Combinators.combine(texts(RecordDecoder.MAX_ID_LENGTH), optional(enumText(Tier.class)),
                optional(texts(200))).as((id, tier, name) -> {
                    ObjectNode customer = NODES.objectNode().set("id", id);
                    Sketch.put(customer, "tier", tier);
                    Sketch.put(customer, "name", name);
                    return customer;
                });
    }

    private static Arbitrary<JsonNode> agents() {
        return Combinators.combine(texts(RecordDecoder.MAX_ID_LENGTH), optional(texts(RecordDecoder.MAX_ID_LENGTH)))
                .as((id, team) -> {
                    ObjectNode agent = NODES.objectNode().set("id", id);
                    Sketch.put(agent, "team", team);
                    return agent;
                });
    }

    /** Pauses and promises may lie before the opening, but never before the earliest instant a record may hold. */
    private static Instant notBeforeEarliest(Instant instant) {
        return instant.isBefore(Instants.EARLIEST) ? Instants.EARLIEST : instant;
    }

    /** 1970 to 2100, to the nanosecond now and then. */
    private static Arbitrary<Instant> instants() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 4_102_444_800L),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, 999_999_999))))
                .as(Instant::ofEpochSecond);
    }

    private static Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(ZoneOffset.UTC)),
                Tuple.of(3, Arbitraries.integers().between(-18 * 4, 18 * 4).map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60))));
    }

    /** An instant at or after a reference, written with any offset. */
    record Stamp(long secondsAfter, int nanos, ZoneOffset offset) {
        JsonNode after(Instant reference) {
            Instant at = reference.plusSeconds(secondsAfter).plusNanos(nanos);
            return NODES.textNode(OffsetDateTime.ofInstant(at, offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    private static Arbitrary<Stamp> stamps() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 120L * 24 * 3600),
                Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(0, 999_999_999))),
                offsets()).as(Stamp::new);
    }

    record ComplaintSketch(Object ownerId, Object resolvedAt) {
    }

    private static Arbitrary<ComplaintSketch> complaints() {
        return Combinators.combine(optional(texts(RecordDecoder.MAX_ID_LENGTH)), optional(stamps())).as(ComplaintSketch::new);
    }

    /** A pause may start before the interaction opened (waiting began earlier); it ends at or after it starts. */
    record PauseSketch(long startOffsetSeconds, Stamp from, Object to, Object reason) {
    }

    private static Arbitrary<PauseSketch> pauses() {
        return Combinators.combine(Arbitraries.longs().between(-30L * 24 * 3600, 0), stamps(), optional(stamps()),
                optional(texts(300))).as(PauseSketch::new);
    }

    record PromiseSketch(Object description, long dueOffsetSeconds, Stamp dueAt, Object fulfilledAt, Object delayNoticeAt) {
    }

    private static Arbitrary<PromiseSketch> promises() {
        return Combinators.combine(optional(texts(300)), Arbitraries.longs().between(-30L * 24 * 3600, 0), stamps(),
                optional(stamps()), optional(stamps())).as(PromiseSketch::new);
    }

    private static Arbitrary<JsonNode> courtesies() {
        return optional(Arbitraries.of(true, false).map(NODES::booleanNode)).list()
                .ofSize(Courtesy.FIELDS.size()).map(values -> {
                    ObjectNode courtesy = NODES.objectNode();
                    for (int i = 0; i < values.size(); i++) {
                        Sketch.put(courtesy, Courtesy.FIELDS.get(i), values.get(i));
                    }
                    return courtesy;
                });
    }

    private static Arbitrary<JsonNode> attributes() {
        Arbitrary<JsonNode> values = Arbitraries.frequencyOf(
                Tuple.of(3, texts(100)),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(1, Arbitraries.integers().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.longs().map(NODES::numberNode)),
                Tuple.of(1, Arbitraries.doubles().map(NODES::numberNode)));
        Arbitrary<String> names = Arbitraries.strings().ofMinLength(1).ofMaxLength(20)
                .withCharRange(' ', '~').withCharRange('\u00a0', '\u04ff');
        return Arbitraries.maps(names, values).ofMaxSize(8).map(map -> {
            ObjectNode attributes = NODES.objectNode();
            map.forEach(attributes::set);
            return attributes;
        });
    }

    /** A record being generated: fields in generation order, times relative to openedAt. */
    static final class Sketch {
        private final ObjectNode record = NODES.objectNode();
        private InteractionType type;
        private Instant openedAt;
        private ZoneOffset openedOffset = ZoneOffset.UTC;
        private final List<Runnable> afterOpening = new ArrayList<>();

        /** Sets a field from a value, JSON null, or nothing (a missing node). */
        static void put(ObjectNode object, String name, Object value) {
            if (value instanceof JsonNode node && !node.isMissingNode()) {
                object.set(name, node);
            } else if (value instanceof Stamp || value instanceof List || value instanceof ComplaintSketch) {
                throw new IllegalArgumentException("render " + name + " before putting it");
            }
        }

        Sketch with(String name, Object value) {
            put(record, name, value);
            return this;
        }

        Sketch type(InteractionType value) {
            type = value;
            record.put("type", value.name());
            return this;
        }

        Sketch openedAt(Instant value, ZoneOffset offset) {
            openedAt = value;
            openedOffset = offset;
            return this;
        }

        Sketch later(String name, Object stamp) {
            afterOpening.add(() -> put(record, name, stamp instanceof Stamp s ? s.after(openedAt) : stamp));
            return this;
        }

        Sketch complaint(Object value) {
            afterOpening.add(() -> {
                if (type != InteractionType.COMPLAINT) {
                    return;
                }
                if (value instanceof ComplaintSketch c) {
                    ObjectNode complaint = record.putObject("complaint");
                    put(complaint, "ownerId", c.ownerId());
                    put(complaint, "resolvedAt", c.resolvedAt() instanceof Stamp s ? s.after(openedAt) : c.resolvedAt());
                } else {
                    put(record, "complaint", value);
                }
            });
            return this;
        }

        Sketch updates(Object value) {
            afterOpening.add(() -> {
                if (value instanceof List<?> stamps) {
                    ArrayNode updates = record.putArray("updates");
                    stamps.forEach(s -> updates.add(((Stamp) s).after(openedAt)));
                } else {
                    put(record, "updates", value);
                }
            });
            return this;
        }

        Sketch pauses(Object value) {
            afterOpening.add(() -> {
                if (value instanceof List<?> sketches) {
                    ArrayNode pauses = record.putArray("pauses");
                    for (Object o : sketches) {
                        PauseSketch p = (PauseSketch) o;
                        Instant start = notBeforeEarliest(openedAt.plusSeconds(p.startOffsetSeconds()));
                        JsonNode from = p.from().after(start);
                        Instant fromInstant = OffsetDateTime.parse(from.textValue()).toInstant();
                        ObjectNode pause = pauses.addObject().set("from", from);
                        put(pause, "to", p.to() instanceof Stamp s ? s.after(fromInstant) : p.to());
                        put(pause, "reason", p.reason());
                    }
                } else {
                    put(record, "pauses", value);
                }
            });
            return this;
        }

        Sketch promises(Object value) {
            afterOpening.add(() -> {
                if (value instanceof List<?> sketches) {
                    ArrayNode promises = record.putArray("promises");
                    for (int i = 0; i < sketches.size(); i++) {
                        PromiseSketch p = (PromiseSketch) sketches.get(i);
                        Instant base = notBeforeEarliest(openedAt.plusSeconds(p.dueOffsetSeconds()));
                        ObjectNode promise = promises.addObject().put("id", "promise-" + i);
                        put(promise, "description", p.description());
                        promise.set("dueAt", p.dueAt().after(base));
                        put(promise, "fulfilledAt", p.fulfilledAt() instanceof Stamp s ? s.after(base) : p.fulfilledAt());
                        put(promise, "delayNoticeAt", p.delayNoticeAt() instanceof Stamp s ? s.after(base) : p.delayNoticeAt());
                    }
                } else {
                    put(record, "promises", value);
                }
            });
            return this;
        }

        ObjectNode render() {
            record.put("openedAt", OffsetDateTime.ofInstant(openedAt, openedOffset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            afterOpening.forEach(Runnable::run);
            return record;
        }
    }
}
