package org.servicestandards.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.customers.RegisteredCustomer;
import org.servicestandards.interaction.Tier;

/** The customer register over JDBC, portable SQL. */
public final class JdbcCustomerRegister implements CustomerRegister {

    private final Database database;
    private final Jdbi jdbi;
    private final Clock clock;

    public JdbcCustomerRegister(Database database, Clock clock) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    @Override
    public RegisteredCustomer put(String id, Tier tier, Instant since, String name, String accountManager) {
        database.use(h -> {
            long now = clock.millis();
            int updated = h.createUpdate("UPDATE customers SET name = COALESCE(?, name),"
                            + " account_manager = COALESCE(?, account_manager), updated_at = ? WHERE id = ?")
                    .bind(0, name).bind(1, accountManager).bind(2, now).bind(3, id).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO customers (id, name, account_manager, updated_at) VALUES (?, ?, ?, ?)")
                        .bind(0, id).bind(1, name).bind(2, accountManager).bind(3, now).execute();
            }
            TierPeriods.start(h, id, tier, since, TierPeriods.REGISTER, true, now);
            TierPeriods.changed(h, id, now);
        });
        return find(id).orElseThrow();
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
