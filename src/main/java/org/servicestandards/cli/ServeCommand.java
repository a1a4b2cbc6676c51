package org.servicestandards.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.servicestandards.app.Application;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.notify.DeliverySettings;
import org.servicestandards.notify.HostResolver;
import org.servicestandards.standards.RuleSetException;
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

    @Option(names = "--rule-cache", defaultValue = "${env:STANDARDS_RULE_CACHE}",
            description = "Directory where compiled rules are kept, so a start with the same rules and the same build does not"
                    + " compile them again (env STANDARDS_RULE_CACHE; default rule-cache in the --data directory).")
    Path ruleCache;

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

    /** The configuration these options make; throws IllegalArgumentException naming a setting that cannot be used. */
    ApplicationConfig config() {
        return ApplicationConfig.defaults()
                .withStore(store.config())
                .withRules(rules)
                .withRuleCache(ruleCache != null ? ruleCache : store.data.resolve("rule-cache"))
                .withWatch(new ApplicationConfig.Watch(!noWatch, Duration.ofMillis(watchQuietMs)))
                .withListen(new ApplicationConfig.Listen(null, port))
                .withLimits(new ApplicationConfig.Limits(maxBodyMb * 1024L * 1024L, maxBatch, rateLimit))
                .withSweep(new ApplicationConfig.Sweep(sweepAt, sweepZone, ApplicationConfig.Sweep.defaults().threads()))
                .withAdminKey(System.getenv("STANDARDS_ADMIN_KEY"))
                .withWebhooks(new ApplicationConfig.Webhooks(webhookAllow, HostResolver.SYSTEM, DeliverySettings.defaults()));
    }

    @Override
    public Integer call() {
        Application application;
        try {
            application = Application.open(config());
        } catch (RuleSetException e) {
            System.err.println("The rules in " + rules + " cannot be used:");
            e.problems().forEach(problem -> System.err.println("  " + problem));
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            application.serve().ifPresent(first -> {
                if (first.secret().equals(application.config().adminKey().orElse(null))) {
                    LOG.info("the first admin key is the one in STANDARDS_ADMIN_KEY (id {})", first.key().id());
                } else {
                    System.out.println("First start: an admin API key was made. It is shown this once; keep it safe:");
                    System.out.println("  " + first.secret());
                    System.out.println("Make keys for others with: java -jar target/service-standards.jar keys create --role auditor --name \"...\"");
                }
            });
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            application.close();
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(application::close, "shutdown"));
        return Awaiting.forever();
    }
}
