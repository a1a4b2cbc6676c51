package org.servicestandards.testing;

import java.nio.file.Path;
import java.time.Clock;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.records.InteractionStore;
import org.servicestandards.records.StandardsService;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcReports;

/**
 * A records service with every collaborator real, on one database, for tests of one part that
 * swap a piece of it (a store that refuses, one that records events); tests of the whole start
 * the application instead.
 */
public final class Services {

    private Services() {
    }

    /** The shipped rules, every store on {@code database}. */
    public static StandardsService on(Database database, Clock clock) {
        return on(database, clock, RuleSets.load(Path.of("rules"), clock), new JdbcInteractionStore(database, clock));
    }

    /** {@code rules} and {@code store}, the register and the history standards on {@code database}. */
    public static StandardsService on(Database database, Clock clock, RuleSets rules, InteractionStore store) {
        return on(database, clock, rules, store, new JdbcCustomerRegister(database, clock));
    }

    /** {@code rules}, {@code store} and {@code customers}, the history standards on {@code database}. */
    public static StandardsService on(Database database, Clock clock, RuleSets rules, InteractionStore store,
                                      CustomerRegister customers) {
        return new StandardsService(rules, store, customers,
                new HistoryStandards(rules, new JdbcHistoryStore(database, clock), clock, 1), new JdbcReports(database));
    }
}
