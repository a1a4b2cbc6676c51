package org.servicestandards.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.List;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.AuditLog;
import org.servicestandards.access.RateLimits;
import org.servicestandards.jobs.Jobs;
import org.servicestandards.json.Json;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.notify.Webhooks;
import org.servicestandards.records.StandardsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP API (not started: {@code main} starts it, tests start the same app on port 0).
 * Controllers only do client IO; every error leaves as one problem+json shape.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String STARTED = "request-started-nanos";
    /** Set once a handler has answered with a problem, so the status error handlers leave it alone. */
    private static final String PROBLEM_WRITTEN = "problem-written";

    private HttpApi() {
    }

    /** The API; every route but /health, /openapi.json and /docs needs a key from {@code keys}. */
    static Javalin create(StandardsService service, HttpSettings settings, Clock clock, ServiceMetrics metrics,
                                 Webhooks webhookStore, AccessKeys keys, RateLimits limits, AuditLog auditLog, Jobs jobs) {
        Audit audit = new Audit(auditLog);
        InteractionsController interactions = new InteractionsController(service, settings, clock);
        ReportsController reports = new ReportsController(service, clock, audit);
        RulesController rules = new RulesController(service.ruleSets(), audit);
        CustomersController customers = new CustomersController(service, clock);
        HistoryController history = new HistoryController(service, clock, audit);
        WebhooksController webhooks = new WebhooksController(webhookStore, settings.webhookTargets(), service.ruleSets(), audit);
        KeysController keyAdmin = new KeysController(keys);
        JobsController jobWork = new JobsController(jobs, service.ruleSets(), settings, clock, audit);
        ImpactController impact = new ImpactController(jobs, service.ruleSets(), jobWork, clock, audit);
        ApiDescription description = ApiDescription.load();
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            // A method a path does not take is 405 with Allow, not 404: the path is there.
            cfg.http.prefer405over404 = true;
            JettyEdge.configure(cfg);
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.staticFiles.enableWebjars();

            cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            cfg.routes.beforeMatched(ctx -> Access.check(ctx, keys, limits));
            cfg.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                    metrics.request(ctx.method().name(), matched == null ? "unmatched" : matched.path,
                            ctx.statusCode(), java.time.Duration.ofNanos(System.nanoTime() - started));
                }
            });
            get(cfg.routes, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
                    Access.ADMIN);
            get(cfg.routes, "/health", ctx -> ctx.json(Responses.Health.up(service.ruleSets().current().version())));
            get(cfg.routes, "/openapi.json", description::json);
            get(cfg.routes, "/docs", description::docs);
            Dashboard.ASSETS.forEach((path, asset) -> get(cfg.routes, path, Dashboard.handler(asset)));
            cfg.routes.post("/api/v1/check", interactions::check, Access.INGEST);
            cfg.routes.post("/api/v1/interactions", interactions::ingest, Access.INGEST);
            get(cfg.routes, "/api/v1/interactions/{id}", interactions::get, Access.AUDITOR);
            cfg.routes.put("/api/v1/customers/{id}", customers::put, Access.INGEST);
            get(cfg.routes, "/api/v1/customers/{id}", customers::get, Access.AUDITOR);
            get(cfg.routes, "/api/v1/reports/compliance", reports::compliance, Access.AUDITOR);
            get(cfg.routes, "/api/v1/violations", reports::violations, Access.AUDITOR);
            get(cfg.routes, "/api/v1/at-risk", reports::atRisk, Access.AUDITOR);
            get(cfg.routes, "/api/v1/history-standards", history::list, Access.AUDITOR);
            cfg.routes.post("/api/v1/history-standards/sweep", jobWork::sweep, Access.OFFICER);
            get(cfg.routes, "/api/v1/rules", rules::get, Access.ANY_KEY);
            cfg.routes.post("/api/v1/rules/validate", rules::validate, Access.OFFICER);
            cfg.routes.post("/api/v1/rules/impact", impact::preview, Access.OFFICER);
            get(cfg.routes, "/api/v1/rules/impact/{id}", impact::result, Access.OFFICER);
            get(cfg.routes, "/api/v1/rules/versions", rules::versions, Access.AUDITOR);
            get(cfg.routes, "/api/v1/rules/versions/{version}", rules::version, Access.AUDITOR);
            get(cfg.routes, "/api/v1/rules/versions/{version}/rule", rules::rule, Access.AUDITOR);
            cfg.routes.post("/api/v1/reevaluate", jobWork::reevaluate, Access.OFFICER);
            cfg.routes.post("/api/v1/rules/reload", rules::reload, Access.OFFICER);
            cfg.routes.post("/api/v1/rules/publish", rules::publish, Access.OFFICER);
            cfg.routes.post("/api/v1/rules/rollback", rules::rollback, Access.OFFICER);
            cfg.routes.post("/api/v1/webhooks", webhooks::register, Access.OFFICER);
            get(cfg.routes, "/api/v1/webhooks", webhooks::list, Access.OFFICER);
            get(cfg.routes, "/api/v1/webhooks/{id}", webhooks::get, Access.OFFICER);
            cfg.routes.delete("/api/v1/webhooks/{id}", webhooks::delete, Access.OFFICER);
            cfg.routes.post("/api/v1/imports", jobWork::importFile, Access.INGEST);
            get(cfg.routes, "/api/v1/jobs", jobWork::list, Access.ANY_KEY);
            get(cfg.routes, "/api/v1/jobs/{id}", jobWork::get, Access.ANY_KEY);
            cfg.routes.delete("/api/v1/jobs/{id}", jobWork::cancel, Access.ANY_KEY);
            get(cfg.routes, "/api/v1/audit-log", audit::read, Access.ADMIN);
            get(cfg.routes, "/api/v1/keys", keyAdmin::list, Access.ADMIN);
            cfg.routes.post("/api/v1/keys", keyAdmin::create, Access.ADMIN);
            cfg.routes.delete("/api/v1/keys/{id}", keyAdmin::revoke, Access.ADMIN);

            cfg.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, refusal(e, ctx, settings)));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                Problem refusal = JettyEdge.clientFault(e);
                if (refusal != null) {
                    problem(ctx, refusal);
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, new Problem(500, "internal-error", "Internal error", "the request could not be completed; it has been logged",
                        List.of()));
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                    problem(ctx, Problem.notFound("no resource at " + ctx.path()));
                }
            });
        });
    }

    /**
     * A GET route and its HEAD twin: HEAD is GET without the body (RFC 9110 §9.3.2), so it runs
     * the same handler behind the same access check and answers the same status and headers.
     * Without the twin Javalin answers HEAD 200 by itself, with no key checked.
     */
    private static void get(RoutesConfig routes, String path, Handler handler, RouteRole... roles) {
        routes.get(path, handler, roles);
        routes.head(path, handler, roles);
    }

    /** Javalin's own refusals (no such route, a method the path does not take, a body over the limit) as problems. */
    private static Problem refusal(HttpResponseException e, Context ctx, HttpSettings settings) {
        return switch (e.getStatus()) {
            case 404 -> Problem.notFound("no resource at " + ctx.path());
            case 405 -> {
                if (e instanceof MethodNotAllowedResponse) {
                    ctx.header("Allow", e.getDetails().getOrDefault("availableMethods", ""));
                }
                yield new Problem(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(),
                        List.of());
            }
            case 413 -> new Problem(413, "body-too-large", "Body too large",
                    "the body is larger than the " + settings.maxBodyBytes() + " bytes accepted", List.of());
            default -> new Problem(e.getStatus(), "http-" + e.getStatus(), "Request refused", e.getMessage(), List.of());
        };
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.attribute(PROBLEM_WRITTEN, true);
        ctx.status(problem.status()).json(problem.body(ctx.path())).contentType(Problem.MEDIA_TYPE);
    }
}
