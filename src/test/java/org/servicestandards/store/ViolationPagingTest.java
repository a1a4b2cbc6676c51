package org.servicestandards.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Batch;
import org.servicestandards.json.Json;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.Filters;
import org.servicestandards.report.Page;
import org.servicestandards.report.Violation;
import org.servicestandards.report.ViolationCursor;
import org.servicestandards.testing.Services;
import org.servicestandards.testing.TestDatabases;

/**
 * Paging through violations by cursor: every finding once, in the list's order, while records
 * come in between the pages, some of them opened at the very instant the page before ended.
 */
class ViolationPagingTest {

    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final Filters PERIOD = Filters.between(NOW.minusSeconds(30 * 86_400L), NOW);

    /** A phone call answered ten minutes late (a first-response finding); when rude, three courtesy findings too. */
    private static JsonNode call(String id, Instant opened, boolean rude) {
        ObjectNode call = Json.mapper().createObjectNode();
        call.put("id", id);
        call.putObject("customer").put("id", "c-" + id);
        call.putObject("agent").put("id", "a-1").put("team", "t-1");
        call.put("channel", "PHONE").put("type", "INQUIRY").put("openedAt", opened.toString())
                .put("firstResponseAt", opened.plusSeconds(600).toString());
        if (rude) {
            call.putObject("courtesy").put("greeting", false).put("warmFarewell", false).put("rudeness", true);
        }
        return call;
    }

    private static void post(StandardsService service, JsonNode... records) {
        service.ingest(Batch.of(List.of(records)), NOW);
    }

    /** {@code count} calls, {@code together} opened at each hour from a day ago back, every {@code rudeEvery}th rude. */
    private static void postCalls(StandardsService service, int count, int together, int rudeEvery) {
        List<JsonNode> calls = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            calls.add(call(String.format("cc-%02d", n), NOW.minusSeconds(86_400L + 3600L * (n / together)), n % rudeEvery == 0));
        }
        post(service, calls.toArray(JsonNode[]::new));
    }

    /** What tells two findings apart in these records. */
    private static String key(Violation v) {
        return v.interactionId() + " " + v.standard() + " " + v.rule() + " " + v.message();
    }

    private static List<String> keys(List<Violation> violations) {
        return violations.stream().map(ViolationPagingTest::key).toList();
    }

    @Test
    void a_walk_by_cursor_lists_every_violation_once_while_records_come_in_ahead_of_it_and_behind_it(@TempDir Path data) {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = Services.on(database, Clock.fixed(NOW, ZoneOffset.UTC));
            // Sixty calls, three opened at each of twenty instants: ties the order must break.
            postCalls(service, 60, 3, 4);
            List<String> before = keys(service.violationsAfter(PERIOD, null, 500).items());
            assertThat(before).hasSizeGreaterThan(80);

            List<Violation> walked = new ArrayList<>();
            Set<String> ahead = new HashSet<>();
            Set<String> behind = new HashSet<>();
            ViolationCursor after = null;
            int pages = 0;
            do {
                Page<Violation> page = service.violationsAfter(PERIOD, after, 7);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
                assertThat(page.page()).isNull();
                assertThat(page.total()).isNull();
                walked.addAll(page.items());
                after = page.next() == null ? null : ViolationCursor.parse(page.next());
                if (after != null && pages < 12) {
                    // Between pages: a call newer than all (before the cursor, so not in this walk), an
                    // older one (after it), and two at the cursor's instant, one either side of its id.
                    Instant at = Instant.ofEpochMilli(after.openedAt());
                    String p = String.format("p%03d", pages);
                    post(service, call("aa-" + p, at, true), call("zz-" + p, at, true), call("new-" + p, NOW.minusSeconds(3600), false),
                            call("old-" + p, NOW.minusSeconds(20 * 86_400L), pages % 2 == 0));
                    ahead.add("aa-" + p);
                    ahead.add("new-" + p);
                    behind.add("zz-" + p);
                    behind.add("old-" + p);
                }
                pages++;
            } while (after != null && pages < 200);
            assertThat(after).as("the walk ends").isNull();

            List<String> seen = keys(walked);
            assertThat(new HashSet<>(seen)).as("no finding twice").hasSameSizeAs(seen);
            assertThat(seen).containsAll(before);
            assertThat(walked).noneMatch(v -> ahead.contains(v.interactionId()));
            assertThat(walked).extracting(Violation::interactionId).containsAll(behind);
            // In the list's order, and the same order as by page number.
            List<String> now = keys(service.violationsAfter(PERIOD, null, 500).items());
            assertThat(seen).isEqualTo(now.stream().filter(k -> !ahead.contains(k.substring(0, k.indexOf(' ')))).toList());
            assertThat(keys(service.violations(PERIOD, 1, 500).items())).isEqualTo(now);
        }
    }

    @Test
    void a_page_by_number_gives_the_cursor_of_the_page_after_it(@TempDir Path data) {
        try (Database database = TestDatabases.open(data)) {
            StandardsService service = Services.on(database, Clock.fixed(NOW, ZoneOffset.UTC));
            postCalls(service, 12, 2, 3);
            Page<Violation> second = service.violations(PERIOD, 2, 5);
            assertThat(second.total()).isEqualTo(service.violations(PERIOD, 1, 500).items().size());
            Page<Violation> third = service.violations(PERIOD, 3, 5);
            assertThat(keys(service.violationsAfter(PERIOD, ViolationCursor.parse(second.next()), 5).items()))
                    .isEqualTo(keys(third.items()));
        }
    }
}
