package org.servicestandards.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.http.RequestBodyFuzzTest.assertRefusal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.servicestandards.interaction.Instants;
import org.servicestandards.report.GroupBy;

/**
 * Fuzz targets on every query-parameter parser and on the query string itself: whatever the
 * text, each either returns a value within its documented range (an instant from
 * {@link Instants#EARLIEST} to {@link Instants#LATEST}, a duration up to its maximum, a number in
 * its bounds) or refuses with a 400
 * {@link Problem} naming the parameter, and throws nothing else.
 *
 * <p>Each target takes raw bytes read as UTF-8 (what is left of a percent-decoded query), so an
 * input file is the parameter's text as it would arrive. A normal build replays the inputs under
 * {@code src/test/resources/org/servicestandards/http/QueryParamsFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1} fuzzes one method (README, Tests).
 */
class QueryParamsFuzzTest {

    private static final Instant FALLBACK = Instant.parse("2026-11-20T15:00:00Z");
    private static final Duration MAX_WITHIN = Duration.ofDays(31);

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "1m")
    void instants_parse_or_are_refused_with_a_400_naming_the_parameter(byte[] input) {
        refusedOr(() -> assertThat(Params.instant("asOf", text(input), FALLBACK)).isBetween(Instants.EARLIEST, Instants.LATEST), "asOf");
    }

    @FuzzTest(maxDuration = "1m")
    void durations_parse_within_their_bounds_or_are_refused(byte[] input) {
        refusedOr(() -> assertThat(Params.duration("within", text(input), Duration.ofHours(1), MAX_WITHIN))
                .isBetween(Duration.ZERO, MAX_WITHIN), "within");
    }

    @FuzzTest(maxDuration = "1m")
    void page_size_limit_and_cursor_numbers_parse_within_their_bounds_or_are_refused(byte[] input) {
        String value = text(input);
        refusedOr(() -> assertThat(Params.integer("page", value, 1, 1, 1_000_000)).isBetween(1, 1_000_000), "page");
        refusedOr(() -> assertThat(Params.integer("after", value, 0, 0, Integer.MAX_VALUE)).isNotNegative(), "after");
    }

    @FuzzTest(maxDuration = "1m")
    void filters_and_cursors_are_kept_short_and_checked_against_their_values(byte[] input) {
        String value = text(input);
        refusedOr(() -> assertThat(Params.text("after", value, Set.of())).satisfiesAnyOf(
                t -> assertThat(t).isNull(), t -> assertThat(t).hasSizeLessThanOrEqualTo(Params.MAX_TEXT_LENGTH)), "after");
        refusedOr(() -> assertThat(Params.text("tier", value, Set.of("STRATEGIC", "VIP", "STANDARD"))).satisfiesAnyOf(
                t -> assertThat(t).isNull(), t -> assertThat(t).isIn("STRATEGIC", "VIP", "STANDARD")), "tier");
    }

    @FuzzTest(maxDuration = "1m")
    void group_by_lists_parse_to_known_dimensions_or_are_refused(byte[] input) {
        refusedOr(() -> {
            List<GroupBy> groupBy = Params.groupBy(Params.list(List.of(text(input).split("&", -1))));
            assertThat(groupBy).doesNotHaveDuplicates();
        }, "groupBy");
    }

    @FuzzTest(maxDuration = "1m")
    void formats_are_json_or_csv_or_refused(byte[] input) {
        refusedOr(() -> assertThat(Params.format(text(input))).isIn("json", "csv"), "format");
    }

    @FuzzTest(maxDuration = "1m")
    void query_strings_decode_or_are_refused_and_every_parser_takes_what_they_hold(byte[] input) {
        // A raw query arrives as ISO-8859-1 octets from Jetty: each byte one character.
        String query = new String(input, StandardCharsets.ISO_8859_1);
        Map<String, List<String>> parameters;
        try {
            parameters = Query.parse(query);
        } catch (Problem refused) {
            assertRefusal(refused);
            assertThat(refused.status()).isEqualTo(400);
            return;
        }
        parameters.forEach((name, values) -> values.forEach(value -> {
            refusedOr(() -> Params.instant(name, value, FALLBACK), name);
            refusedOr(() -> Params.duration(name, value, Duration.ZERO, MAX_WITHIN), name);
            refusedOr(() -> Params.integer(name, value, 1, 1, 500), name);
            refusedOr(() -> Params.text(name, value, Set.of()), name);
            refusedOr(() -> Params.format(value), "format");
        }));
    }

    @FuzzTest(maxDuration = "1m")
    void content_types_are_a_media_type_or_refused_with_a_415(byte[] input) {
        try {
            String type = Bodies.mediaType(new String(input, StandardCharsets.ISO_8859_1));
            assertThat(type).satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).contains("/"));
        } catch (Problem refused) {
            assertThat(refused.status()).isEqualTo(415);
        }
    }

    /** Runs a parse; a refusal must be a 400 naming {@code parameter}, and nothing else may be thrown. */
    private static void refusedOr(Runnable parse, String parameter) {
        try {
            parse.run();
        } catch (Problem refused) {
            assertRefusal(refused);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errors()).extracting(Problem.Fault::parameter).containsExactly(parameter);
        }
    }
}
