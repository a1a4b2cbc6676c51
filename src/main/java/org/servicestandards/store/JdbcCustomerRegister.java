package org.servicestandards.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.customers.RegisteredCustomer;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;

/** The customer register over JDBC, portable SQL. */
public final class JdbcCustomerRegister implements CustomerRegister {

    private static final String REGISTER = "register";
    private static final String RECORD = "record";

    private final Jdbi jdbi;
    private final ReentrantLock writes;
    private final Clock clock;

    public JdbcCustomerRegister(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.writes = database.writeLock();
        this.clock = clock;
    }

    @Override
    public RegisteredCustomer put(String id, Tier tier, Instant since, String name, String accountManager) {
        writes.lock();
        try {
            jdbi.useTransaction(h -> {
                long now = clock.millis();
                int updated = h.createUpdate("UPDATE customers SET name = COALESCE(?, name),"
                                + " account_manager = COALESCE(?, account_manager), updated_at = ? WHERE id = ?")
                        .bind(0, name).bind(1, accountManager).bind(2, now).bind(3, id).execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO customers (id, name, account_manager, updated_at) VALUES (?, ?, ?, ?)")
                            .bind(0, id).bind(1, name).bind(2, accountManager).bind(3, now).execute();
                }
                startPeriod(h, id, tier, since, REGISTER, true);
                changed(h, id, now);
            });
        } finally {
            writes.unlock();
        }
        return find(id).orElseThrow();
    }

    @Override
    public void noteTiers(List<Interaction> records) {
        if (records.isEmpty()) {
            return;
        }
        writes.lock();
        try {
            jdbi.useTransaction(h -> {
                long now = clock.millis();
                for (Interaction record : records) {
                    String id = record.customer().id();
                    h.createUpdate("INSERT INTO customers (id, name, account_manager, updated_at) VALUES (?, ?, NULL, ?)"
                                    + " ON CONFLICT (id) DO NOTHING")
                            .bind(0, id).bind(1, record.customer().name()).bind(2, now).execute();
                    if (record.customer().name() != null) {
                        h.createUpdate("UPDATE customers SET name = ? WHERE id = ? AND name IS NULL")
                                .bind(0, record.customer().name()).bind(1, id).execute();
                    }
                    startPeriod(h, id, record.tier(), record.openedAt(), RECORD, false);
                    changed(h, id, now);
                }
            });
        } finally {
            writes.unlock();
        }
    }

    /** Notes that the customer's history changed, so their history standards are judged again. */
    private static void changed(Handle h, String id, long now) {
        h.createUpdate("UPDATE customers SET history_changed_at = ? WHERE id = ?").bind(0, now).bind(1, id).execute();
    }

    /**
     * Starts a period of {@code tier} at {@code since} unless that tier is already held then. A
     * record only moves the tier forward in time (an old record does not rewrite history); the
     * register may set any instant.
     */
    private void startPeriod(Handle h, String id, Tier tier, Instant since, String source, boolean anyInstant) {
        List<long[]> latest = h.createQuery("SELECT since FROM customer_tiers WHERE customer_id = ? ORDER BY since DESC")
                .bind(0, id).setMaxRows(1).map((rs, ctx) -> new long[] {rs.getLong(1)}).list();
        if (!anyInstant && !latest.isEmpty() && since.toEpochMilli() < latest.get(0)[0]) {
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
                .bind(0, id).bind(1, since.toEpochMilli()).bind(2, tier.name()).bind(3, source).bind(4, clock.millis()).execute();
    }

    @Override
    public Optional<RegisteredCustomer> find(String id) {
        return jdbi.withHandle(h -> {
            List<RegisteredCustomer.TierPeriod> tiers = h.createQuery(
                            "SELECT tier, since, source FROM customer_tiers WHERE customer_id = ? ORDER BY since")
                    .bind(0, id)
                    .map((rs, ctx) -> new RegisteredCustomer.TierPeriod(Tier.valueOf(rs.getString(1)),
                            Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)))
                    .list();
            return h.createQuery("SELECT name, account_manager FROM customers WHERE id = ?").bind(0, id)
                    .map((rs, ctx) -> new RegisteredCustomer(id, rs.getString(1), rs.getString(2), tiers))
                    .findOne();
        });
    }
}
