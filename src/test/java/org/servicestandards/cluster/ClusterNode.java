package org.servicestandards.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.servicestandards.app.Application;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.app.StoreConfig;
import org.servicestandards.notify.DeliverySettings;
import org.servicestandards.notify.HostResolver;

/**
 * A node of the cluster suite: the configuration every node of a race runs with, and a node in
 * a JVM of its own, to be killed as {@code kill -9} kills (no shutdown hook, no closing, its
 * connections dropped mid-request).
 */
final class ClusterNode {

    /** Webhooks polled five times a second and given up on after a few seconds, so a race sees them move. */
    static final DeliverySettings DELIVERY = new DeliverySettings(Duration.ofMillis(200), Duration.ofSeconds(30),
            Duration.ofMillis(500), Duration.ofSeconds(2), 12, Duration.ofSeconds(1), Duration.ofSeconds(5));

    private ClusterNode() {
    }

    /** A node on {@code store} serving the rules in {@code rules} on a free port of 127.0.0.1. */
    static ApplicationConfig config(StoreConfig store, Path rules, Duration keeperEvery, long requestsPerMinute) {
        return ApplicationConfig.defaults()
                .withStore(store)
                .withRules(rules)
                .withWatch(ApplicationConfig.Watch.never())
                .withListen(new ApplicationConfig.Listen("127.0.0.1", 0))
                .withSweep(new ApplicationConfig.Sweep(LocalTime.of(2, 0), ZoneOffset.UTC, 2))
                .withDeadlinesEvery(keeperEvery)
                .withLimits(new ApplicationConfig.Limits(ApplicationConfig.Limits.defaults().maxBodyBytes(),
                        ApplicationConfig.Limits.defaults().maxBatchRecords(), requestsPerMinute))
                .withWebhooks(new ApplicationConfig.Webhooks(List.of("127.0.0.1/32"), HostResolver.SYSTEM, DELIVERY));
    }

    /** A node in a JVM of its own: its base URI, and the process to kill. */
    record Process(java.lang.Process process, String base) {

        /** Killed with SIGKILL, and waited for. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Starts a node in a new JVM on the PostgreSQL database {@code url}, its first admin key
     * {@code adminKey} if the store has none; waits until it serves. Its output goes to
     * {@code directory/node-…​.log}.
     */
    static Process launch(String url, Path rules, String adminKey, Path directory) throws IOException, InterruptedException {
        Path portFile = Files.createTempFile(directory, "node-", ".port");
        Files.delete(portFile);
        Path log = directory.resolve(portFile.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), ClusterNode.class.getName(),
                url, rules.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STANDARDS_ADMIN_KEY", adminKey);
        java.lang.Process process = builder.start();
        long since = System.nanoTime();
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || System.nanoTime() - since > Duration.ofMinutes(2).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException("the node did not start; its log:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return new Process(process, "http://127.0.0.1:" + Files.readString(portFile).trim());
    }

    /** The node's JVM: {@code url rules portFile}; serves until killed, having written its port to {@code portFile}. */
    public static void main(String[] args) throws Exception {
        Application node = Application.open(config(new StoreConfig.Postgres(args[0], null, null), Path.of(args[1]),
                Duration.ofSeconds(30), ApplicationConfig.Limits.DEFAULT_REQUESTS_PER_MINUTE)
                .withAdminKey(System.getenv("STANDARDS_ADMIN_KEY")));
        node.serve();
        Path portFile = Path.of(args[2]);
        Path written = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".tmp"),
                Integer.toString(node.http().port()));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
