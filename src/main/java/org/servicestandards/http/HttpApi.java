package org.servicestandards.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicestandards.json.Json;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.service.AccessKeys;
import org.servicestandards.service.RateLimits;
import org.servicestandards.service.StandardsService;
import org.servicestandards.store.AuditLog;
import org.servicestandards.store.Webhooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the HTTP API (not started: {@code main} starts it, tests start the same app on port 0).
 * Controllers only do client IO; every error leaves as one problem+json shape.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String STARTED = "request-started-nanos";
    /** Set once a handler has answered with a problem, so the status error handlers leave it alone. */
    private static final String PROBLEM_WRITTEN = "problem-written";

    private HttpApi() {
    }

    /** The API without webhooks; every route but /health, /openapi.json and /docs needs a key from {@code keys}. */
    public static Javalin create(StandardsService service, HttpSettings settings, Clock clock, AccessKeys keys, AuditLog auditLog) {
        return create(service, settings, clock, ServiceMetrics.of(service), null, keys, auditLog);
    }

    /** The API with the webhooks it registers (null: the webhook routes answer 503). */
    public static Javalin create(StandardsService service, HttpSettings settings, Clock clock, ServiceMetrics metrics,
                                 Webhooks webhookStore, AccessKeys keys, AuditLog auditLog) {
        Audit audit = new Audit(auditLog);
        InteractionsController interactions = new InteractionsController(service, settings, clock);
        ReportsController reports = new ReportsController(service, clock, audit);
        RulesController rules = new RulesController(service.ruleSets(), audit);
        CustomersController customers = new CustomersController(service, clock);
        HistoryController history = new HistoryController(service, clock, audit);
        WebhooksController webhooks = new WebhooksController(webhookStore, settings.webhookTargets(), service.ruleSets(), audit);
        ApiDescription description = ApiDescription.load();
        return Javalin.create(cfg -> {
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.staticFiles.enableWebjars();

            cfg.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            RateLimits limits = new RateLimits(settings.requestsPerMinute());
            cfg.routes.beforeMatched(ctx -> Access.check(ctx, keys, limits));
            cfg.routes.after(ctx -> {
                Long started = ctx.attribute(STARTED);
                if (started != null) {
                    io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                    metrics.request(ctx.method().name(), matched == null ? "unmatched" : matched.path,
                            ctx.statusCode(), java.time.Duration.ofNanos(System.nanoTime() - started));
                }
            });
            cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()),
                    Access.ADMIN);
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "UP", "ruleset", service.ruleSets().current().version())));
            cfg.routes.get("/openapi.json", description::json);
            cfg.routes.get("/docs", description::docs);
            Dashboard.ASSETS.forEach((path, asset) -> cfg.routes.get(path, Dashboard.handler(asset)));
            cfg.routes.post("/api/v1/check", interactions::check, Access.INGEST);
            cfg.routes.post("/api/v1/interactions", interactions::ingest, Access.INGEST);
            cfg.routes.get("/api/v1/interactions/{id}", interactions::get, Access.AUDITOR);
            cfg.routes.put("/api/v1/customers/{id}", customers::put, Access.INGEST);
            cfg.routes.get("/api/v1/customers/{id}", customers::get, Access.AUDITOR);
            cfg.routes.get("/api/v1/reports/compliance", reports::compliance, Access.AUDITOR);
            cfg.routes.get("/api/v1/violations", reports::violations, Access.AUDITOR);
            cfg.routes.get("/api/v1/at-risk", reports::atRisk, Access.AUDITOR);
            cfg.routes.get("/api/v1/history-standards", history::list, Access.AUDITOR);
            cfg.routes.post("/api/v1/history-standards/sweep", history::sweep, Access.OFFICER);
            cfg.routes.get("/api/v1/rules", rules::get, Access.ANY_KEY);
            cfg.routes.post("/api/v1/rules/validate", rules::validate, Access.OFFICER);
            cfg.routes.get("/api/v1/rules/versions", rules::versions, Access.AUDITOR);
            cfg.routes.get("/api/v1/rules/versions/{version}", rules::version, Access.AUDITOR);
            cfg.routes.get("/api/v1/rules/versions/{version}/rule", rules::rule, Access.AUDITOR);
            cfg.routes.post("/api/v1/reevaluate", reports::reevaluate, Access.OFFICER);
            cfg.routes.post("/api/v1/rules/reload", rules::reload, Access.OFFICER);
            cfg.routes.post("/api/v1/webhooks", webhooks::register, Access.OFFICER);
            cfg.routes.get("/api/v1/webhooks", webhooks::list, Access.OFFICER);
            cfg.routes.get("/api/v1/webhooks/{id}", webhooks::get, Access.OFFICER);
            cfg.routes.delete("/api/v1/webhooks/{id}", webhooks::delete, Access.OFFICER);
            cfg.routes.get("/api/v1/audit-log", audit::read, Access.ADMIN);

            cfg.routes.exception(Problem.class, (e, ctx) -> problem(ctx, e.status(), e.type(), e.title(), e.getMessage(), e.errors()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "body-too-large" : "http-" + e.getStatus(),
                    e.getStatus() == 413 ? "Body too large" : "Request refused",
                    e.getStatus() == 413 ? "the body is larger than the " + settings.maxBodyBytes() + " bytes accepted" : e.getMessage(),
                    List.of()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "internal-error", "Internal error", "the request could not be completed; it has been logged", List.of());
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute(PROBLEM_WRITTEN) == null) {
                    problem(ctx, 404, "not-found", "Not found", "no resource at " + ctx.path(), List.of());
                }
            });
            cfg.routes.error(405, ctx -> problem(ctx, 405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + ctx.path(), List.of()));
        });
    }

    private static void problem(Context ctx, int status, String type, String title, String detail,
                                List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:service-standards:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", ctx.path());
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        ctx.attribute(PROBLEM_WRITTEN, true);
        ctx.status(status).json(body).contentType(PROBLEM_JSON);
    }
}
