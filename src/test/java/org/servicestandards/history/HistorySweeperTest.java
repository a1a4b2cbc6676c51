package org.servicestandards.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.testing.TestDatabases;

/** The daily sweep runs at the configured time of day, and catches up on start when the latest one is missing. */
class HistorySweeperTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void the_latest_and_next_sweep_times_follow_the_time_of_day_in_its_zone() {
        LocalTime two = LocalTime.of(2, 0);
        assertThat(HistorySweeper.latestDue(Instant.parse("2026-11-20T12:00:00Z"), two, ZoneOffset.UTC))
                .isEqualTo("2026-11-20T02:00:00Z");
        assertThat(HistorySweeper.latestDue(Instant.parse("2026-11-20T01:59:59Z"), two, ZoneOffset.UTC))
                .isEqualTo("2026-11-19T02:00:00Z");
        assertThat(HistorySweeper.latestDue(Instant.parse("2026-11-20T02:00:00Z"), two, ZoneOffset.UTC))
                .isEqualTo("2026-11-20T02:00:00Z");
        assertThat(HistorySweeper.nextDue(Instant.parse("2026-11-20T02:00:00Z"), two, ZoneOffset.UTC))
                .isEqualTo("2026-11-21T02:00:00Z");
        // 02:00 in Moscow (UTC+3) is 23:00 UTC the evening before.
        assertThat(HistorySweeper.latestDue(Instant.parse("2026-11-20T12:00:00Z"), two, MOSCOW))
                .isEqualTo("2026-11-19T23:00:00Z");
        assertThat(HistorySweeper.nextDue(Instant.parse("2026-11-20T12:00:00Z"), two, MOSCOW))
                .isEqualTo("2026-11-20T23:00:00Z");
    }

    private static int sweeps(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM history_sweeps").mapTo(Integer.class).one());
    }

    @Test
    void on_start_the_missing_sweep_of_today_runs_as_of_its_scheduled_time_and_only_once(@TempDir Path data) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        try (Database database = TestDatabases.open(data);
             HistoryStandards history = new HistoryStandards(RuleSets.load(Path.of("rules"), clock),
                     new JdbcHistoryStore(database, clock), clock, 1)) {
            try (HistorySweeper sweeper = HistorySweeper.start(history, clock, LocalTime.of(2, 0), ZoneOffset.UTC)) {
                for (int wait = 0; wait < 200 && history.lastSweep().isEmpty(); wait++) {
                    Thread.sleep(50);
                }
            }
            assertThat(history.lastSweep()).contains(Instant.parse("2026-11-20T02:00:00Z"));
            assertThat(sweeps(database)).isEqualTo(1);
            // Marked, so a second sweep as of the same time would show by rewriting the row.
            database.jdbi().useHandle(h -> h.execute("UPDATE history_sweeps SET customers = 99"));
            try (HistorySweeper again = HistorySweeper.start(history, clock, LocalTime.of(2, 0), ZoneOffset.UTC)) {
                Thread.sleep(300);
            }
            assertThat(sweeps(database)).isEqualTo(1);
            int customers = database.jdbi().withHandle(h -> h.createQuery("SELECT customers FROM history_sweeps")
                    .mapTo(Integer.class).one());
            assertThat(customers).isEqualTo(99);
        }
    }
}
