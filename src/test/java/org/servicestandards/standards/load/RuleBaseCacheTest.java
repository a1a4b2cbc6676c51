package org.servicestandards.standards.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicestandards.bench.HistoryDataSet;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.RecordDecoder;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.HistoryEngine;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.testing.RuleEdits;
import org.servicestandards.testing.ShippedRulesCopy;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Verdict;

/**
 * Compiled rule bases kept between starts: used when they were made from the same files by the
 * same engine and build, and otherwise (another build, other files, a damaged or foreign
 * entry) ignored, deleted and compiled again; rules from the cache judge as compiled ones do.
 */
class RuleBaseCacheTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T15:00:00Z"), ZoneOffset.UTC);
    private static final String BUILD = "build-1";

    @TempDir
    Path rules;

    @TempDir
    Path cacheDirectory;

    @TempDir
    Path scratch;

    private Map<String, byte[]> files;

    @BeforeEach
    void readShippedRules() {
        files = RuleSetLoader.read(ShippedRulesCopy.into(rules));
    }

    private RuleBaseCache cache() {
        return RuleBaseCache.in(cacheDirectory, BUILD);
    }

    /** A load as at a start of the service: a new loader on the cache directory. */
    private static RuleSet load(RuleBaseCache cache, Map<String, byte[]> files) {
        return new RuleSetLoader(CLOCK, cache).compile(files);
    }

    private Path entry() {
        return cache().file(RuleSetLoader.version(files));
    }

    @Test
    void the_first_load_keeps_its_compiled_rules_and_the_next_start_takes_them_from_the_cache() {
        RuleBaseCache first = cache();
        RuleSet compiled = load(first, files);
        assertThat(first.taken()).isZero();
        assertThat(entry()).isRegularFile();

        RuleBaseCache next = cache();
        RuleSet cached = load(next, files);
        assertThat(next.taken()).isEqualTo(1);
        assertThat(next.discarded()).isZero();
        assertThat(cached.version()).isEqualTo(compiled.version());
        assertThat(cached.rulesByPackage()).isEqualTo(compiled.rulesByPackage());
        assertThat(cached.standards()).isEqualTo(compiled.standards());
        assertThat(cached.exampleCases()).isEqualTo(compiled.exampleCases()).isPositive();
        assertThat(cached.exampleExpectations()).isEqualTo(compiled.exampleExpectations());
        assertThat(cached.declaresJudging()).isEqualTo(compiled.declaresJudging()).isTrue();
        assertThat(cached.judgesHistory()).isEqualTo(compiled.judgesHistory()).isTrue();
        assertThat(cached.declaresHistory()).isEqualTo(compiled.declaresHistory());
    }

    @Test
    void rules_from_the_cache_judge_records_and_histories_as_freshly_compiled_rules_do() {
        RuleSet compiled = load(cache(), files);
        RuleBaseCache next = cache();
        RuleSet cached = load(next, files);
        assertThat(next.taken()).isEqualTo(1);

        List<Interaction> records = new ArrayList<>(Probes.all());
        records.addAll(generated());
        Engine engine = new Engine();
        for (Instant asOf : List.of(Probes.AS_OF, HistoryDataSet.AS_OF, HistoryDataSet.AS_OF.plus(Duration.ofDays(40)))) {
            List<Verdict> fresh = engine.evaluate(compiled, records, asOf);
            assertThat(fresh).as("the records are judged with findings of every kind")
                    .anySatisfy(v -> assertThat(v.outcomes()).anySatisfy(o -> assertThat(o.findings()).isNotEmpty()));
            assertThat(engine.evaluate(cached, records, asOf)).isEqualTo(fresh);
            // One record a session too, as a single post is judged.
            for (Interaction record : records.subList(0, 40)) {
                assertThat(engine.evaluate(cached, record, asOf)).isEqualTo(engine.evaluate(compiled, record, asOf));
            }
        }
        HistoryEngine history = new HistoryEngine();
        for (Tier tier : Tier.values()) {
            CustomerHistory customer = new CustomerHistory("c", "Customer", "am-1",
                    Map.of(HistoryDataSet.AS_OF.minus(Duration.ofDays(365)), tier), HistoryDataSet.AS_OF);
            List<HistoryOutcome> fresh = history.judge(compiled, customer, records);
            assertThat(fresh).isNotEmpty();
            assertThat(history.judge(cached, customer, records)).isEqualTo(fresh);
        }
    }

    /** A year of generated records for a few dozen customers: every standard, passed, failed and pending. */
    private static List<Interaction> generated() {
        HistoryDataSet data = new HistoryDataSet(40, 1_200, 20261203);
        RecordDecoder decoder = new RecordDecoder();
        List<Interaction> records = new ArrayList<>();
        for (int k = 0; k < data.customers(); k++) {
            for (JsonNode node : data.customer(k).records()) {
                records.add(decoder.decode(node).interaction());
            }
        }
        return records;
    }

    static Stream<Arguments> damaged() {
        return Stream.of(
                Arguments.of("empty", (UnaryOperator<byte[]>) bytes -> new byte[0]),
                Arguments.of("cut short", (UnaryOperator<byte[]>) bytes -> java.util.Arrays.copyOf(bytes, bytes.length / 2)),
                Arguments.of("one byte of the packages changed", (UnaryOperator<byte[]>) bytes -> flip(bytes, bytes.length - 100)),
                Arguments.of("one byte of the key changed", (UnaryOperator<byte[]>) bytes -> flip(bytes, 60)),
                Arguments.of("one byte longer", (UnaryOperator<byte[]>) bytes -> java.util.Arrays.copyOf(bytes, bytes.length + 1)),
                Arguments.of("not an entry at all", (UnaryOperator<byte[]>) bytes -> "compiled rules".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 0x5a;
        return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void a_damaged_entry_is_deleted_and_the_rules_compiled_again(String damage, UnaryOperator<byte[]> how) throws IOException {
        RuleSet compiled = load(cache(), files);
        Files.write(entry(), how.apply(Files.readAllBytes(entry())));

        RuleBaseCache next = cache();
        RuleSet again = load(next, files);
        assertThat(next.taken()).isZero();
        assertThat(next.discarded()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(compiled.version());
        assertThat(new Engine().evaluate(again, Probes.all(), Probes.AS_OF)).isEqualTo(new Engine().evaluate(compiled, Probes.all(), Probes.AS_OF));

        RuleBaseCache after = cache();
        load(after, files);
        assertThat(after.taken()).as("the entry was written anew").isEqualTo(1);
    }

    @Test
    void an_entry_made_from_other_files_is_not_used_even_under_the_name_of_these() throws IOException {
        Map<String, byte[]> other = withPhoneTarget("PT1M");
        load(cache(), other);
        Files.copy(cache().file(RuleSetLoader.version(other)), entry());

        RuleBaseCache next = cache();
        RuleSet loaded = load(next, files);
        assertThat(next.taken()).isZero();
        assertThat(next.discarded()).isEqualTo(1);
        assertThat(callAnsweredIn(loaded, Duration.ofMinutes(2))).isEqualTo(Outcome.PASS);
    }

    @Test
    void an_entry_of_another_build_is_not_used() {
        load(cache(), files);
        RuleBaseCache otherBuild = RuleBaseCache.in(cacheDirectory, "build-2");
        load(otherBuild, files);
        assertThat(otherBuild.taken()).isZero();
        assertThat(otherBuild.file(RuleSetLoader.version(files))).isNotEqualTo(entry()).isRegularFile();
    }

    @Test
    void an_entry_holding_anything_but_compiled_packages_is_not_deserialised() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of(URI.create("http://127.0.0.1/"))));
            out.writeObject(null);
        }
        cache().write(RuleSetLoader.version(files), bytes.toByteArray(), 0, 0);

        RuleBaseCache next = cache();
        assertThat(next.read(RuleSetLoader.version(files))).isEmpty();
        assertThat(next.discarded()).isEqualTo(1);
        assertThat(entry()).doesNotExist();
    }

    @Test
    void edited_rules_are_compiled_and_kept_beside_the_old_ones_and_only_the_newest_entries_stay() throws IOException {
        load(cache(), files);
        for (int minutes = 1; minutes <= RuleBaseCache.KEPT + 1; minutes++) {
            RuleBaseCache next = cache();
            RuleSet edited = load(next, withPhoneTarget("PT" + (3 + minutes) + "M"));
            assertThat(next.taken()).isZero();
            assertThat(callAnsweredIn(edited, Duration.ofMinutes(3 + minutes))).isEqualTo(Outcome.PASS);
            assertThat(callAnsweredIn(edited, Duration.ofMinutes(3 + minutes).plusSeconds(1))).isEqualTo(Outcome.FAIL);
        }
        try (Stream<Path> entries = Files.list(cacheDirectory)) {
            assertThat(entries.filter(path -> path.toString().endsWith(".kbase"))).hasSize(RuleBaseCache.KEPT);
        }
    }

    @Test
    void without_a_build_to_tell_builds_apart_nothing_is_kept() {
        RuleBaseCache none = RuleBaseCache.in(cacheDirectory, null);
        load(none, files);
        load(none, files);
        assertThat(none.enabled()).isFalse();
        assertThat(none.taken()).isZero();
        assertThat(cacheDirectory).isEmptyDirectory();
    }

    /** The shipped rules with the first-response target of a STANDARD customer's call set to {@code target}, its example cases left out. */
    private Map<String, byte[]> withPhoneTarget(String target) {
        Path copy = ShippedRulesCopy.into(scratch.resolve(target));
        RuleEdits.setStandardPhoneTarget(copy, target);
        Map<String, byte[]> edited = RuleSetLoader.read(copy);
        edited.keySet().removeIf(path -> path.equals(ExampleCases.FOLDER + "first-response.yaml"));
        return edited;
    }

    /** The first-response outcome of a STANDARD customer's call answered after {@code elapsed} (shipped target: 3 minutes). */
    private static Outcome callAnsweredIn(RuleSet rules, Duration elapsed) {
        Instant opened = RecordBuilder.at("2026-11-16T10:00:00Z");
        Interaction call = RecordBuilder.record().tier(Tier.STANDARD).channel(Channel.PHONE).openedAt(opened.toString())
                .firstResponseAt(opened.plus(elapsed).toString()).build();
        return new Engine().evaluate(rules, call, opened.plus(Duration.ofDays(1))).outcomes().stream()
                .filter(o -> o.standard().equals("first-response")).findFirst().orElseThrow().outcome();
    }
}
