package org.servicestandards.app;

import java.nio.file.Path;
import java.time.Clock;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.rulesets.RuleSetArchive;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcApiKeyStore;
import org.servicestandards.store.JdbcAuditLog;
import org.servicestandards.store.JdbcRuleSetArchive;

/**
 * What the command line does on a store without serving it: keys, validating and publishing
 * rules, and opening the store a configuration names.
 */
public final class Offline {

    private Offline() {
    }

    /** The keys alone, in the store the service uses, for the {@code keys} command: no rules needed. */
    public static final class Keys implements AutoCloseable {
        private final Database database;
        private final AccessKeys keys;

        private Keys(Database database, Clock clock) {
            this.database = database;
            this.keys = new AccessKeys(new JdbcApiKeyStore(database), new JdbcAuditLog(database, clock), clock);
        }

        public AccessKeys keys() {
            return keys;
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /** Opens the keys of {@code store}. */
    public static Keys keys(StoreConfig store, Clock clock) {
        return new Keys(openStore(store), clock);
    }

    /**
     * Compiles a rules directory and runs its example cases, without a store: what
     * {@code validate} reports. Throws {@link RuleSetException} with every problem found.
     */
    public static RuleSet validate(Path rules) {
        return new RuleSetLoader().load(rules);
    }

    /**
     * Validates a rules directory (compiled, example cases run) and makes it the version serving
     * every node on {@code store}, in {@code by}'s name in the audit log: what {@code publish} does.
     * Throws {@link RuleSetException} with every problem when the rules do not hold.
     */
    public static RuleSetArchive.Serving publish(StoreConfig store, Path rules, Clock clock, String by) {
        RuleSet set = validate(rules);
        try (Database database = openStore(store)) {
            RuleSetArchive.Serving serving = new JdbcRuleSetArchive(database).publish(set.version(), set.sources(), clock.instant(),
                    LoadTrigger.PUBLISH.name(), by);
            new JdbcAuditLog(database, clock).append(by, "rules.publish", rules.toString(),
                    java.util.Map.of("ok", true, "version", set.version(), "publication", serving.generation()));
            return serving;
        }
    }

    /** The store the configuration names, migrated: the one place a configuration becomes a database. */
    public static Database openStore(StoreConfig store) {
        if (store instanceof StoreConfig.Postgres postgres) {
            return Database.postgres(postgres.url(), postgres.user(), postgres.password());
        }
        if (store instanceof StoreConfig.Embedded embedded) {
            return Database.sqlite(embedded.dataDirectory());
        }
        return Database.inMemory();
    }
}
