package org.servicestandards.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auditors' page: a static shell (HTML, JS, CSS and the charting library from its webjar) read
 * from the classpath, so it works with no internet. The shell is open; its data calls carry the key
 * the user enters.
 */
final class Dashboard {

    /** The chart.js webjar in pom.xml ({@code chartjs.version}); the page loads it from /dashboard/chart.js. */
    static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js";

    /** A file of the page: where it is on the classpath and what it is. */
    record Asset(String resource, String contentType) {
    }

    /** Each path served, in order. */
    static final Map<String, Asset> ASSETS = assets();

    private Dashboard() {
    }

    private static Map<String, Asset> assets() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        assets.put("/dashboard", new Asset("dashboard/index.html", "text/html; charset=utf-8"));
        assets.put("/dashboard/dashboard.js", new Asset("dashboard/dashboard.js", "text/javascript; charset=utf-8"));
        assets.put("/dashboard/dashboard.css", new Asset("dashboard/dashboard.css", "text/css; charset=utf-8"));
        assets.put("/dashboard/chart.js", new Asset(CHART_JS, "text/javascript; charset=utf-8"));
        return assets;
    }

    /** Answers with the asset, read once. */
    static Handler handler(Asset asset) {
        byte[] body = read(asset.resource());
        return (Context ctx) -> {
            ctx.header("Cache-Control", "no-cache");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                    + "base-uri 'none'; frame-ancestors 'none'");
            ctx.contentType(asset.contentType()).result(body);
        };
    }

    private static byte[] read(String resource) {
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard resource " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
