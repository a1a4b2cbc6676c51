package org.servicestandards.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.servicestandards.config.ServiceConfig;
import org.servicestandards.http.HttpServer;
import org.servicestandards.http.HttpSettings;
import org.servicestandards.service.AccessKeys;
import org.servicestandards.service.DeadlineKeeper;
import org.servicestandards.service.HistoryStandards;
import org.servicestandards.service.HistorySweeper;
import org.servicestandards.service.RateLimits;
import org.servicestandards.service.RuleSets;
import org.servicestandards.service.RulesWatcher;
import org.servicestandards.service.StandardsService;
import org.servicestandards.service.WebhookDispatcher;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.notify.HostResolver;
import org.servicestandards.notify.WebhookTargets;
import org.servicestandards.store.CustomerRegister;
import org.servicestandards.store.Database;
import org.servicestandards.store.HistoryStore;
import org.servicestandards.store.InteractionStore;
import org.servicestandards.store.JdbcApiKeyStore;
import org.servicestandards.store.JdbcAuditLog;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcRuleSetArchive;
import org.servicestandards.store.JdbcWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the HTTP service on the rules directory and the store. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "HTTP port (env PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    StoreOptions store;

    @Option(names = "--rules", defaultValue = "${env:STANDARDS_RULES:-./rules}",
            description = "Rules directory (env STANDARDS_RULES; default ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--max-batch", defaultValue = "10000", description = "Most records in one request (default ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-body-mb", defaultValue = "16", description = "Largest request body in MiB (default ${DEFAULT-VALUE}).")
    int maxBodyMb;

    @Option(names = "--no-watch",
            description = "Do not reload the rules by themselves when their files change (POST /api/v1/rules/reload still does).")
    boolean noWatch;

    @Option(names = "--watch-quiet-ms", defaultValue = "500",
            description = "How long the rules directory must be quiet before a change is reloaded, in ms (default ${DEFAULT-VALUE}).")
    long watchQuietMs;

    @Option(names = "--rate-limit", defaultValue = "${env:STANDARDS_RATE_LIMIT:-6000}",
            description = "Requests a minute each API key may make; more are answered 429 (env STANDARDS_RATE_LIMIT; default ${DEFAULT-VALUE}).")
    long rateLimit;

    @Option(names = "--sweep-at", defaultValue = "${env:STANDARDS_SWEEP_AT:-02:00}",
            description = "Time of day of the daily sweep of the history standards, HH:mm (env STANDARDS_SWEEP_AT; default ${DEFAULT-VALUE}).")
    java.time.LocalTime sweepAt;

    @Option(names = "--sweep-zone", defaultValue = "${env:STANDARDS_SWEEP_ZONE:-UTC}",
            description = "Time zone of --sweep-at (env STANDARDS_SWEEP_ZONE; default ${DEFAULT-VALUE}).")
    java.time.ZoneId sweepZone;

    @Option(names = "--webhook-allow", split = ",", paramLabel = "CIDR-or-host",
            defaultValue = "${env:STANDARDS_WEBHOOK_ALLOW:-}",
            description = "Internal webhook receivers to allow: address ranges in CIDR notation (10.0.0.0/8, fd00::/8,"
                    + " 127.0.0.1/32) or exact host names, comma-separated or repeated; webhooks go to public addresses"
                    + " and to these only (env STANDARDS_WEBHOOK_ALLOW; default none).")
    List<String> webhookAllow;

    @Override
    public Integer call() {
        if (rateLimit <= 0 || rateLimit > RateLimits.MAX_PER_MINUTE) {
            System.err.println("--rate-limit must be from 1 to " + RateLimits.MAX_PER_MINUTE + " requests a minute, not " + rateLimit);
            return 2;
        }
        if (watchQuietMs <= 0) {
            System.err.println("--watch-quiet-ms must be positive, not " + watchQuietMs);
            return 2;
        }
        ServiceConfig config = new ServiceConfig(port, store.data, rules, store.databaseUrl, store.databaseUser,
                System.getenv("STANDARDS_DATABASE_PASSWORD"), maxBodyMb * 1024L * 1024L, maxBatch, !noWatch,
                Duration.ofMillis(watchQuietMs), webhookAllow);
        WebhookTargets webhookTargets;
        try {
            webhookTargets = WebhookTargets.allowing(config.webhookAllow(), HostResolver.SYSTEM);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Clock clock = Clock.systemUTC();
        Database database = config.usesPostgres()
                ? Database.postgres(config.databaseUrl(), config.databaseUser(), config.databasePassword())
                : Database.sqlite(config.dataDirectory());
        RuleSets ruleSets;
        try {
            ruleSets = RuleSets.load(config.rulesDirectory(), clock, new JdbcRuleSetArchive(database));
        } catch (RuleSetException e) {
            database.close();
            System.err.println("The rules in " + config.rulesDirectory() + " cannot be used:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            return 2;
        }
        JdbcAuditLog audit = new JdbcAuditLog(database, clock);
        audit.append("service start", "rules.load", config.rulesDirectory().toString(),
                java.util.Map.of("ok", true, "version", ruleSets.current().version()));
        ruleSets.onReload(result -> {
            if (result.trigger() == RuleSets.Trigger.WATCH) {
                audit.append("rules watcher", "rules.reload", config.rulesDirectory().toString(), result.summary());
            }
        });
        RulesWatcher watcher = config.watchRules() ? watch(ruleSets, config.watchQuietPeriod()) : null;
        JdbcWebhooks webhooks = new JdbcWebhooks(database, clock);
        ServiceMetrics metrics = new ServiceMetrics(ruleSets);
        HistoryStandards history = new HistoryStandards(ruleSets,
                metrics.timed(HistoryStore.class, new JdbcHistoryStore(database, clock, webhooks)), clock);
        StandardsService service = new StandardsService(ruleSets,
                metrics.timed(InteractionStore.class, new JdbcInteractionStore(database, clock, webhooks)),
                metrics.timed(CustomerRegister.class, new JdbcCustomerRegister(database, clock)), history);
        metrics.service(service);
        DeadlineKeeper deadlines = DeadlineKeeper.start(service, clock, Duration.ofSeconds(30));
        metrics.job("deadline-keeper", deadlines.runs());
        HistorySweeper sweeper = HistorySweeper.start(history, clock, sweepAt, sweepZone);
        WebhookDispatcher dispatcher = WebhookDispatcher.start(webhooks, () -> WebhookDispatcher.declaredSeverities(ruleSets),
                clock, WebhookDispatcher.Settings.defaults(), webhookTargets);
        metrics.job("history-sweep", sweeper.runs()).job("at-risk-scan", dispatcher.scans())
                .job("webhook-delivery", dispatcher.deliveries());
        AccessKeys keys = new AccessKeys(new JdbcApiKeyStore(database), audit, clock);
        try {
            keys.bootstrap(System.getenv("STANDARDS_ADMIN_KEY")).ifPresent(first -> {
                if (first.secret().equals(System.getenv("STANDARDS_ADMIN_KEY"))) {
                    LOG.info("the first admin key is the one in STANDARDS_ADMIN_KEY (id {})", first.key().id());
                } else {
                    System.out.println("First start: an admin API key was made. It is shown this once; keep it safe:");
                    System.out.println("  " + first.secret());
                    System.out.println("Make keys for others with: java -jar target/service-standards.jar keys create --role auditor --name \"...\"");
                }
            });
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            database.close();
            return 2;
        }
        HttpServer server = HttpServer.start(service, new HttpSettings(config.maxBodyBytes(), config.maxBatchRecords(), rateLimit,
                webhookTargets), clock, config.port(), webhooks, keys, audit, metrics);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watcher != null) {
                watcher.close();
            }
            deadlines.close();
            sweeper.close();
            dispatcher.close();
            server.close();
            history.close();
            database.close();
        }, "shutdown"));
        LOG.info("service-standards listening on port {} with rules {} and {} store", server.port(),
                ruleSets.current().version(), config.usesPostgres() ? "PostgreSQL" : "SQLite in " + config.dataDirectory());
        if (!webhookTargets.allowed().isEmpty()) {
            LOG.info("webhooks may go to public addresses and to {}", webhookTargets.allowed());
        }
        return Awaiting.forever();
    }

    /** A service that cannot watch (no inotify watches left, say) still serves, and reloads on request. */
    private static RulesWatcher watch(RuleSets ruleSets, Duration quietPeriod) {
        try {
            return RulesWatcher.start(ruleSets, quietPeriod);
        } catch (UncheckedIOException e) {
            LOG.warn("cannot watch {}; rules reload only on POST /api/v1/rules/reload", ruleSets.directory(), e);
            return null;
        }
    }
}
