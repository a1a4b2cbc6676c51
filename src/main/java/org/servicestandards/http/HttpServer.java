package org.servicestandards.http;

import io.javalin.Javalin;
import java.time.Clock;
import org.servicestandards.metrics.ServiceMetrics;
import org.servicestandards.service.AccessKeys;
import org.servicestandards.service.StandardsService;
import org.servicestandards.store.AuditLog;
import org.servicestandards.store.Webhooks;

/** The running HTTP API, so that callers outside this package never touch Javalin. */
public final class HttpServer implements AutoCloseable {

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /** The API with the webhooks it registers, open to the keys of {@code keys} by their roles. */
    public static HttpServer start(StandardsService service, HttpSettings settings, Clock clock, int port, Webhooks webhooks,
                                   AccessKeys keys, AuditLog audit, ServiceMetrics metrics) {
        return new HttpServer(HttpApi.create(service, settings, clock, metrics, webhooks, keys, audit).start(port));
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
