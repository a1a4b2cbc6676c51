package org.servicestandards.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;

/**
 * The customer register's rows as writers see them, in the caller's transaction: the register's
 * own updates, and the tier each stored record carries, which commits with the record so no
 * acknowledged record is ever missing from its customer's history.
 */
final class TierPeriods {

    static final String REGISTER = "register";
    private static final String RECORD = "record";

    private TierPeriods() {
    }

    /**
     * Takes note of the tier each record carries: a customer not yet registered is registered
     * with it from the record's opening; a later record with another tier starts a new period.
     * Customers are touched in id order, so two writers of the same customers queue rather than
     * deadlock.
     */
    static void noteRecords(Handle h, List<Interaction> records, long now) {
        List<Interaction> byCustomer = records.stream()
                .sorted(Comparator.comparing((Interaction r) -> r.customer().id()).thenComparing(Interaction::openedAt))
                .toList();
        for (Interaction record : byCustomer) {
            String id = record.customer().id();
            h.createUpdate("INSERT INTO customers (id, name, account_manager, updated_at) VALUES (?, ?, NULL, ?)"
                            + " ON CONFLICT (id) DO NOTHING")
                    .bind(0, id).bind(1, record.customer().name()).bind(2, now).execute();
            if (record.customer().name() != null) {
                h.createUpdate("UPDATE customers SET name = ? WHERE id = ? AND name IS NULL")
                        .bind(0, record.customer().name()).bind(1, id).execute();
            }
            start(h, id, record.tier(), record.openedAt(), RECORD, false, now);
            changed(h, id, now);
        }
    }

    /** Notes that the customer's history changed, so their history standards are judged again. */
    static void changed(Handle h, String id, long now) {
        h.createUpdate("UPDATE customers SET history_changed_at = ? WHERE id = ?").bind(0, now).bind(1, id).execute();
    }

    /**
     * Starts a period of {@code tier} at {@code since} unless that tier is already held then. A
     * record only moves the tier forward in time (an old record does not rewrite history); the
     * register may set any instant.
     */
    static void start(Handle h, String id, Tier tier, Instant since, String source, boolean anyInstant, long now) {
        List<Long> latest = h.createQuery("SELECT since FROM customer_tiers WHERE customer_id = ? ORDER BY since DESC")
                .bind(0, id).setMaxRows(1).mapTo(Long.class).list();
        if (!anyInstant && !latest.isEmpty() && since.toEpochMilli() < latest.get(0)) {
            return;
        }
        Optional<String> held = h.createQuery("SELECT tier FROM customer_tiers WHERE customer_id = ? AND since <= ?"
                        + " ORDER BY since DESC")
                .bind(0, id).bind(1, since.toEpochMilli()).setMaxRows(1).mapTo(String.class).findFirst();
        if (held.isPresent() && held.get().equals(tier.name())) {
            return;
        }
        h.createUpdate("DELETE FROM customer_tiers WHERE customer_id = ? AND since = ?").bind(0, id).bind(1, since.toEpochMilli()).execute();
        h.createUpdate("INSERT INTO customer_tiers (customer_id, since, tier, source, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, id).bind(1, since.toEpochMilli()).bind(2, tier.name()).bind(3, source).bind(4, now).execute();
    }
}
