package org.servicestandards.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.servicestandards.service.RuleSets;
import org.servicestandards.service.StandardsService;
import org.servicestandards.store.Database;
import org.servicestandards.testing.TestDatabases;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcRuleSetArchive;

/** The real app (shipped rules, SQLite in a temp directory) with a fixed clock, for tests on port 0. */
final class TestApp implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");

    final Database database;
    final StandardsService service;
    final Javalin app;

    TestApp(Path dataDirectory, HttpSettings settings) {
        this(dataDirectory, settings, Path.of("rules"));
    }

    TestApp(Path dataDirectory, HttpSettings settings, Path rules) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        database = TestDatabases.open(dataDirectory);
        service = new StandardsService(RuleSets.load(rules, clock, new JdbcRuleSetArchive(database)),
                new JdbcInteractionStore(database, clock), new JdbcCustomerRegister(database, clock));
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
        database.close();
    }
}
