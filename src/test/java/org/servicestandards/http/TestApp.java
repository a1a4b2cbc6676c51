package org.servicestandards.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.servicestandards.service.HistoryStandards;
import org.servicestandards.service.RuleSets;
import org.servicestandards.service.StandardsService;
import org.servicestandards.store.Database;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcRuleSetArchive;

/** The real app (shipped rules, SQLite in a temp directory) with a fixed clock, for tests on port 0. */
final class TestApp implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    final Database database;
    final StandardsService service;
    final HistoryStandards history;
    final Javalin app;

    TestApp(Path dataDirectory, HttpSettings settings) {
        this(dataDirectory, settings, Path.of("rules"));
    }

    TestApp(Path dataDirectory, HttpSettings settings, Path rules) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        database = TestDatabases.open(dataDirectory);
        RuleSets ruleSets = RuleSets.load(rules, clock, new JdbcRuleSetArchive(database));
        history = new HistoryStandards(ruleSets, new JdbcHistoryStore(database, clock), clock, 2);
        service = new StandardsService(ruleSets, new JdbcInteractionStore(database, clock), new JdbcCustomerRegister(database, clock),
                history);
        app = HttpApi.create(service, settings, clock);
    }

    TestApp(Path dataDirectory) {
        this(dataDirectory, HttpSettings.defaults());
    }

    static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/api", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        history.close();
        database.close();
    }
}
