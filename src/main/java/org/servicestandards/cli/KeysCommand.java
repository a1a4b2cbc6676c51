package org.servicestandards.cli;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.ApiKey;
import org.servicestandards.access.Role;
import org.servicestandards.app.Offline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keys create|list|revoke}: the API keys, in the store the service uses. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.",
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    /** Who the audit log says made or revoked a key from here. */
    static String actor() {
        return "command line (" + System.getProperty("user.name") + ")";
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Make a key; it is printed once and kept nowhere but as a hash.")
    static final class Create implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Option(names = "--role", required = true, split = ",",
                description = "ingest, auditor, officer or admin; repeat or separate with commas for several.")
        List<String> roles;

        @Option(names = "--name", required = true, description = "Whose key it is, e.g. \"Q3 audit\".")
        String name;

        @Override
        public Integer call() {
            Set<Role> parsed = new LinkedHashSet<>();
            try {
                roles.forEach(r -> parsed.add(Role.parse(r)));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            try (Offline.Keys keys = Offline.keys(store.config(), Clock.systemUTC())) {
                AccessKeys.Created created = keys.keys().create(name, parsed, actor());
                System.out.println(created.secret());
                System.err.println("key " + created.key().id() + " for " + created.key().name() + " with roles "
                        + created.key().roles().stream().map(Role::key).sorted().toList() + "; shown this once");
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys (never their secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Offline.Keys keys = Offline.keys(store.config(), Clock.systemUTC())) {
                System.out.printf("%-14s %-10s %-24s %-26s %s%n", "id", "status", "roles", "created", "name");
                for (ApiKey key : keys.keys().list()) {
                    System.out.printf("%-14s %-10s %-24s %-26s %s%n", key.id(), key.isActive() ? "active" : "revoked",
                            String.join(",", key.roles().stream().map(Role::key).sorted().toList()), key.createdAt(), key.name());
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by its id; it stops working at once.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "The key's id, as keys list shows it.")
        String id;

        @Override
        public Integer call() {
            try (Offline.Keys keys = Offline.keys(store.config(), Clock.systemUTC())) {
                if (!keys.keys().revoke(id, actor())) {
                    System.err.println("no active key with id " + id);
                    return 1;
                }
                System.err.println("key " + id + " revoked");
                return 0;
            }
        }
    }
}
