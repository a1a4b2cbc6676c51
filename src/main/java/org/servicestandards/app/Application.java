package org.servicestandards.app;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.AuditLog;
import org.servicestandards.access.RateLimits;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.history.HistoryStore;
import org.servicestandards.history.HistorySweeper;
import org.servicestandards.history.SweepWork;
import org.servicestandards.jobs.JobRunner;
import org.servicestandards.jobs.Jobs;
import org.servicestandards.jobs.Leases;
import org.servicestandards.jobs.Periodic;
import org.servicestandards.http.HttpServer;
import org.servicestandards.http.HttpSettings;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.notify.WebhookDispatcher;
import org.servicestandards.notify.WebhookTargets;
import org.servicestandards.records.DeadlineKeeper;
import org.servicestandards.impact.ImpactWork;
import org.servicestandards.records.ImportWork;
import org.servicestandards.records.InteractionStore;
import org.servicestandards.records.ReevaluationWork;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.ReportQueries;
import org.servicestandards.rulesets.RuleSetFollower;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.rulesets.RulesWatcher;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.load.RuleBaseCache;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcApiKeyStore;
import org.servicestandards.store.JdbcAuditLog;
import org.servicestandards.store.JdbcCustomerRegister;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.store.JdbcJobStore;
import org.servicestandards.store.JdbcLeases;
import org.servicestandards.store.StoreStatistics;
import org.servicestandards.store.JdbcRateCounts;
import org.servicestandards.store.JdbcReports;
import org.servicestandards.store.JdbcRuleSetArchive;
import org.servicestandards.store.JdbcWebhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service, built from one {@link ApplicationConfig}: the store, the rule set in
 * service, records, history standards, customers, webhooks, keys and audit, metrics and the HTTP
 * API. {@link #open} builds it (the API not yet listening, no background job running);
 * {@link #serve} makes the first admin key, starts the jobs and listens. Every collaborator is
 * real: the same graph serves, checks offline and runs under the API tests.
 */
public final class Application implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    /** Jobs one node runs at once: an import beside a re-evaluation, say. */
    private static final int JOB_THREADS = 2;

    private final ApplicationConfig config;
    private final Database database;
    private final RuleSets ruleSets;
    private final AuditLog audit;
    private final AccessKeys keys;
    private final JdbcWebhooks webhooks;
    private final WebhookTargets webhookTargets;
    private final ServiceMetrics metrics;
    private final HistoryStandards history;
    private final StandardsService service;
    private final HttpServer http;
    private final Leases leases;
    private final RateLimits rateLimits;
    private final JdbcJobStore jobStore;
    private final Jobs jobs;
    /** What runs beside the requests, closed in reverse order of starting. */
    private final List<AutoCloseable> running = new ArrayList<>();

    private Application(ApplicationConfig config, Database database, RuleSets ruleSets, WebhookTargets webhookTargets) {
        this.config = config;
        this.database = database;
        this.ruleSets = ruleSets;
        this.webhookTargets = webhookTargets;
        Clock clock = config.clock();
        JdbcAuditLog auditLog = new JdbcAuditLog(database, clock);
        this.audit = auditLog;
        ruleSets.onReload(result -> {
            if (result.trigger() == LoadTrigger.WATCH) {
                ruleSets.audit(auditLog, "rules watcher", result);
            }
        });
        this.keys = new AccessKeys(new JdbcApiKeyStore(database), auditLog, clock);
        this.webhooks = new JdbcWebhooks(database, clock);
        this.metrics = new ServiceMetrics(ruleSets);
        this.leases = new JdbcLeases(database, clock, ruleSets.node());
        this.history = new HistoryStandards(ruleSets,
                metrics.timed(HistoryStore.class, new JdbcHistoryStore(database, clock, webhooks)), clock, config.sweep().threads(),
                leases);
        this.service = new StandardsService(ruleSets,
                metrics.timed(InteractionStore.class, new JdbcInteractionStore(database, clock, webhooks)),
                metrics.timed(CustomerRegister.class, new JdbcCustomerRegister(database, clock)), history,
                metrics.timed(ReportQueries.class, new JdbcReports(database)));
        metrics.service(service);
        ApplicationConfig.Limits limits = config.limits();
        this.rateLimits = new RateLimits(limits.requestsPerMinute());
        this.jobStore = new JdbcJobStore(database, clock);
        this.jobs = new Jobs(jobStore, clock);
        this.http = HttpServer.create(service, new HttpSettings(limits.maxBodyBytes(), limits.maxBatchRecords(),
                limits.requestsPerMinute(), webhookTargets), clock, metrics, webhooks, keys, rateLimits, auditLog, jobs);
    }

    /**
     * Builds the application. Throws {@link RuleSetException} when the rules cannot be used and
     * {@link IllegalArgumentException} when a setting cannot (an allowed webhook receiver that is
     * neither an address range nor a host name, say); nothing is left open then.
     */
    public static Application open(ApplicationConfig config) {
        WebhookTargets targets = WebhookTargets.allowing(config.webhooks().allow(), config.webhooks().resolver());
        Database database = Offline.openStore(config.store());
        try {
            RuleBaseCache cache = config.ruleCache().map(directory -> RuleBaseCache.in(directory, ServiceBuild.id()))
                    .orElse(RuleBaseCache.NONE);
            RuleSets ruleSets = RuleSets.load(config.rules(), config.clock(), new JdbcRuleSetArchive(database), nodeName(), cache);
            Application application = new Application(config, database, ruleSets, targets);
            if (config.watch().enabled()) {
                application.watch();
            }
            return application;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The name this application goes by in the cluster (job leases, the rule set each node serves):
     * the host and a random part, so two nodes on one host, or two applications in one process,
     * are never taken for one another.
     */
    private static String nodeName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "node";
        }
        return host + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /** A service that cannot watch (no inotify watches left, say) still serves, and reloads on request. */
    private void watch() {
        try {
            running.add(RulesWatcher.start(ruleSets, config.watch().quietPeriod()));
        } catch (UncheckedIOException e) {
            LOG.warn("cannot watch {}; rules reload only on POST /api/v1/rules/reload", ruleSets.directory(), e);
        }
    }

    /**
     * Serves: makes the first admin key when the store has none (returned, to be shown once),
     * records the start in the audit log, starts the background jobs and listens.
     */
    public Optional<AccessKeys.Created> serve() {
        Optional<AccessKeys.Created> first = keys.bootstrap(config.adminKey().orElse(null));
        ruleSets.audit(audit, "service start", ruleSets.lastLoad());
        Clock clock = config.clock();
        DeadlineKeeper deadlines = DeadlineKeeper.start(service, clock, config.deadlinesEvery(), leases);
        running.add(deadlines);
        Periodic follower = RuleSetFollower.start(ruleSets, clock, RuleSetFollower.DEFAULT_EVERY);
        running.add(follower);
        // The rate limit holds across nodes: counts exchanged through the store every second.
        JdbcRateCounts rateCounts = new JdbcRateCounts(database, clock, ruleSets.node());
        Periodic sharing = Periodic.start("rate-limit-sharing", clock, Duration.ZERO, Duration.ofSeconds(1),
                "exchanging rate-limit counts with the other nodes", () -> rateLimits.share(rateCounts));
        running.add(sharing);
        Periodic statistics = StoreStatistics.start(database, leases, clock);
        running.add(statistics);
        HistorySweeper sweeper = HistorySweeper.start(history, clock, config.sweep().at(), config.sweep().zone());
        running.add(sweeper);
        WebhookDispatcher dispatcher = WebhookDispatcher.start(webhooks, () -> WebhookDispatcher.declaredSeverities(ruleSets),
                clock, config.webhooks().delivery(), webhookTargets, leases);
        running.add(dispatcher);
        JobRunner runner = runJobs();
        metrics.job("jobs", runner.runs()).job("rule-set-follower", follower.runs()).job("rate-limit-sharing", sharing.runs()).job("store-statistics", statistics.runs()).job("deadline-keeper", deadlines.runs()).job("history-sweep", sweeper.runs())
                .job("at-risk-scan", dispatcher.scans()).job("webhook-delivery", dispatcher.deliveries());
        http.start(config.listen().host(), config.listen().port());
        LOG.info("service-standards listening on port {} with rules {} and {} store", http.port(), ruleSets.current().version(),
                config.store().describe());
        if (!webhookTargets.allowed().isEmpty()) {
            LOG.info("webhooks may go to public addresses and to {}", webhookTargets.allowed());
        }
        return first;
    }

    /**
     * Runs jobs (imports, re-evaluations, sweeps) on this node from now until it closes, beside
     * the other nodes: what {@link #serve} starts, and what the {@code import} command runs.
     */
    public JobRunner runJobs() {
        Clock clock = config.clock();
        JobRunner runner = JobRunner.start(jobStore, java.util.Map.of(ImportWork.KIND, new ImportWork(service, jobStore, clock),
                ReevaluationWork.KIND, new ReevaluationWork(service), SweepWork.KIND, new SweepWork(history),
                ImpactWork.KIND, new ImpactWork(service, ruleSets, jobStore)), clock, ruleSets.node(),
                JOB_THREADS);
        jobs.onSubmitted(runner::wake);
        running.add(runner);
        return runner;
    }

    /** Long work, started, read and cancelled. */
    public Jobs jobs() {
        return jobs;
    }

    public ApplicationConfig config() {
        return config;
    }

    public StandardsService service() {
        return service;
    }

    public HistoryStandards history() {
        return history;
    }

    public RuleSets ruleSets() {
        return ruleSets;
    }

    public AccessKeys keys() {
        return keys;
    }

    public AuditLog audit() {
        return audit;
    }

    public ServiceMetrics metrics() {
        return metrics;
    }

    /** The HTTP API; listening once {@link #serve} has run. */
    public HttpServer http() {
        return http;
    }

    @Override
    public void close() {
        for (int k = running.size() - 1; k >= 0; k--) {
            try {
                running.get(k).close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", running.get(k), e);
            }
        }
        http.close();
        history.close();
        database.close();
    }
}
