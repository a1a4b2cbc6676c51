package org.servicestandards.http;

import io.javalin.Javalin;
import java.time.Clock;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.RateLimits;
import org.servicestandards.access.AuditLog;
import org.servicestandards.jobs.Jobs;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.notify.Webhooks;
import org.servicestandards.records.StandardsService;

/** The HTTP API, so that callers outside this package never touch Javalin. */
public final class HttpServer implements AutoCloseable {

    private final Javalin app;
    private volatile boolean started;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /** The API (not yet listening) with the webhooks it registers, open to the keys of {@code keys} by their roles. */
    public static HttpServer create(StandardsService service, HttpSettings settings, Clock clock, ServiceMetrics metrics,
                                    Webhooks webhooks, AccessKeys keys, RateLimits limits, AuditLog audit, Jobs jobs) {
        return new HttpServer(HttpApi.create(service, settings, clock, metrics, webhooks, keys, limits, audit, jobs));
    }

    /** Listens on {@code host} ({@code null}: every interface) and {@code port} (0: any free one). */
    public void start(String host, int port) {
        if (host == null) {
            app.start(port);
        } else {
            app.start(host, port);
        }
        started = true;
    }

    public int port() {
        return app.port();
    }

    /** The Javalin app, for tests of this package that drive it themselves. */
    Javalin javalin() {
        return app;
    }

    @Override
    public void close() {
        if (started) {
            app.stop();
        }
    }
}
