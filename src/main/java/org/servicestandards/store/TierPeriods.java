package org.servicestandards.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
        Map<String, List<Interaction>> byCustomer = new TreeMap<>();
        records.stream().sorted(Comparator.comparing(Interaction::openedAt))
                .forEach(r -> byCustomer.computeIfAbsent(r.customer().id(), id -> new ArrayList<>()).add(r));
        List<String> ids = new ArrayList<>(byCustomer.keySet());
        Rows registered = Rows.of(h, "INSERT INTO customers (id, name, account_manager, updated_at) VALUES (?, ?, NULL, ?)"
                + " ON CONFLICT (id) DO NOTHING");
        Rows named = Rows.of(h, "UPDATE customers SET name = ? WHERE id = ? AND name IS NULL");
        for (Map.Entry<String, List<Interaction>> customer : byCustomer.entrySet()) {
            List<Interaction> theirs = customer.getValue();
            registered.add(customer.getKey(), theirs.get(0).customer().name(), now);
            theirs.stream().map(r -> r.customer().name()).filter(java.util.Objects::nonNull).findFirst()
                    .ifPresent(name -> named.add(name, customer.getKey()));
        }
        registered.execute();
        named.execute();
        Map<String, TreeMap<Long, String>> periods = periods(h, ids);
        Rows replaced = Rows.of(h, "DELETE FROM customer_tiers WHERE customer_id = ? AND since = ?");
        Map<String, Map<Long, String>> started = new TreeMap<>();
        for (Map.Entry<String, List<Interaction>> customer : byCustomer.entrySet()) {
            String id = customer.getKey();
            TreeMap<Long, String> held = periods.computeIfAbsent(id, k -> new TreeMap<>());
            for (Interaction record : customer.getValue()) {
                long since = record.openedAt().toEpochMilli();
                String tier = record.tier().name();
                // What start() decides, on the periods read once for the batch.
                if (!held.isEmpty() && since < held.lastKey()) {
                    continue;
                }
                Map.Entry<Long, String> at = held.floorEntry(since);
                if (at != null && at.getValue().equals(tier)) {
                    continue;
                }
                Map<Long, String> mine = started.computeIfAbsent(id, k -> new TreeMap<>());
                if (held.containsKey(since) && !mine.containsKey(since)) {
                    replaced.add(id, since);
                }
                mine.put(since, tier);
                held.put(since, tier);
            }
        }
        replaced.execute();
        Rows periodsStarted = Rows.of(h, "INSERT INTO customer_tiers (customer_id, since, tier, source, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        started.forEach((id, mine) -> mine.forEach((since, tier) -> periodsStarted.add(id, since, tier, RECORD, now)));
        periodsStarted.execute();
        Rows changed = Rows.of(h, "UPDATE customers SET history_changed_at = ? WHERE id = ?");
        ids.forEach(id -> changed.add(now, id));
        changed.execute();
    }

    /** The tier periods of {@code ids}, by customer and since; read a few hundred customers a query. */
    private static Map<String, TreeMap<Long, String>> periods(Handle h, List<String> ids) {
        Map<String, TreeMap<Long, String>> periods = new HashMap<>();
        for (int start = 0; start < ids.size(); start += 500) {
            h.createQuery("SELECT customer_id, since, tier FROM customer_tiers WHERE customer_id IN (<ids>)")
                    .bindList("ids", ids.subList(start, Math.min(ids.size(), start + 500)))
                    .map((rs, ctx) -> new Period(rs.getString(1), rs.getLong(2), rs.getString(3))).list()
                    .forEach(p -> periods.computeIfAbsent(p.customer(), k -> new TreeMap<>()).put(p.since(), p.tier()));
        }
        return periods;
    }

    private record Period(String customer, long since, String tier) {
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
