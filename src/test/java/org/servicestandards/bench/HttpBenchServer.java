package org.servicestandards.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.servicestandards.access.RateLimits;
import org.servicestandards.app.Application;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.app.StoreConfig;

/**
 * Two servers in one JVM for {@code bench/http.sh}, bound to 127.0.0.1 only: the real app (as
 * {@code serve} builds it, on an embedded SQLite store in a temporary directory) and, as the
 * baseline, a bare Javalin app whose {@code POST /noop} does nothing. Same JVM, same JIT, same
 * cores: the ratio of the two is what our code costs over Jetty and Javalin.
 *
 * <p>Arguments: {@code [appPort] [noopPort] [rulesDirectory]}, defaults 7070, 7071, ./rules.
 */
public final class HttpBenchServer {

    private HttpBenchServer() {
    }

    public static void main(String[] args) throws IOException {
        int appPort = args.length > 0 ? Integer.parseInt(args[0]) : 7070;
        int noopPort = args.length > 1 ? Integer.parseInt(args[1]) : 7071;
        Path rules = Path.of(args.length > 2 ? args[2] : "rules");

        Path data = Files.createTempDirectory("standards-http-bench");
        // As serve builds it; requests carry the key bench/http.sh exports, as any client's would,
        // and the load generator is one key: no rate limit that it could reach.
        Application application = Application.open(ApplicationConfig.defaults()
                .withStore(new StoreConfig.Embedded(data))
                .withRules(rules)
                .withWatch(ApplicationConfig.Watch.never())
                .withListen(new ApplicationConfig.Listen("127.0.0.1", appPort))
                .withLimits(new ApplicationConfig.Limits(16L * 1024 * 1024, 10_000, RateLimits.MAX_PER_MINUTE))
                .withAdminKey(System.getenv().getOrDefault("BENCH_KEY", "bench-admin-key-0123456789abcdef")));

        Javalin noop = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.post("/noop", ctx -> ctx.status(200));
        });

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            noop.stop();
            application.close();
            delete(data);
        }, "bench-shutdown"));

        application.serve();
        noop.start("127.0.0.1", noopPort);
        System.err.println("bench: app on 127.0.0.1:" + application.http().port() + ", no-op on 127.0.0.1:" + noop.port()
                + ", rules " + rules.toAbsolutePath() + ", store " + data);
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("bench: could not remove " + directory + ": " + e.getMessage());
        }
    }
}
