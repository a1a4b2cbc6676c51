package org.servicestandards.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.servicestandards.testing.RecordBuilder.record;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;
import org.servicestandards.testing.TestDatabases;

/**
 * The tiers records carry, noted a batch at a time, come out as noting them one record at a
 * time does (the register's rule: a record only moves a customer's tier forward), whatever the
 * register held before and however a batch mixes customers, tiers and instants.
 */
class TierPeriodsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void a_batch_notes_what_record_after_record_would(@TempDir Path batched, @TempDir Path oneByOne) {
        SplittableRandom random = new SplittableRandom(20261203);
        try (Database a = TestDatabases.open(batched); Database b = TestDatabases.open(oneByOne)) {
            for (int round = 0; round < 40; round++) {
                List<Interaction> batch = new ArrayList<>();
                for (int n = 0; n < 60; n++) {
                    Tier tier = Tier.values()[random.nextInt(Tier.values().length)];
                    // Few customers and instants, so periods collide: the same since, an older record, a tier held already.
                    Instant opened = START.plusSeconds(3600L * random.nextInt(200));
                    batch.add(record().id("t-" + round + "-" + n).customer("c-" + random.nextInt(12)).tier(tier)
                            .openedAt(opened.toString()).build());
                }
                if (round % 5 == 0) {
                    // The register says something of its own, at any instant.
                    String customer = "c-" + random.nextInt(12);
                    Instant since = START.plusSeconds(3600L * random.nextInt(200));
                    for (Database database : List.of(a, b)) {
                        database.use(h -> {
                            h.createUpdate("INSERT INTO customers (id, updated_at) VALUES (?, 0) ON CONFLICT (id) DO NOTHING")
                                    .bind(0, customer).execute();
                            TierPeriods.start(h, customer, Tier.VIP, since, TierPeriods.REGISTER, true, 1);
                        });
                    }
                }
                long now = round;
                a.use(h -> TierPeriods.noteRecords(h, batch, now));
                b.use(h -> {
                    for (Interaction record : batch.stream().sorted(Comparator.comparing((Interaction r) -> r.customer().id())
                            .thenComparing(Interaction::openedAt)).toList()) {
                        h.createUpdate("INSERT INTO customers (id, updated_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                                .bind(0, record.customer().id()).bind(1, now).execute();
                        TierPeriods.start(h, record.customer().id(), record.tier(), record.openedAt(), "record", false, now);
                        TierPeriods.changed(h, record.customer().id(), now);
                    }
                });
                assertThat(periods(a)).as("round " + round).isEqualTo(periods(b));
                assertThat(customers(a)).as("round " + round).isEqualTo(customers(b));
            }
            assertThat(periods(a).size()).as("the batches started periods").isGreaterThan(20);
        }
    }

    private static List<String> periods(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT customer_id, since, tier, source, recorded_at FROM customer_tiers"
                + " ORDER BY customer_id, since").map((rs, ctx) -> rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                + rs.getString(4) + " " + rs.getLong(5)).list());
    }

    private static List<String> customers(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT id, history_changed_at FROM customers ORDER BY id")
                .map((rs, ctx) -> rs.getString(1) + " " + rs.getLong(2)).list());
    }
}
