package org.servicestandards.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as its operators run it, for {@link ScaleBenchmark}: {@code java -Xmx… -jar
 * service-standards.jar serve} in a process of its own on 127.0.0.1, with its output kept in a
 * log file. Reads what the kernel says of that process (resident memory, CPU time), so what is
 * measured is the server and not the client beside it.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration START_LIMIT = Duration.ofMinutes(10);
    private static final Duration STOP_LIMIT = Duration.ofMinutes(2);
    /** Clock ticks a second, the unit of utime and stime in /proc/<pid>/stat; read once from getconf. */
    static final long TICKS = clockTicks();

    private final Process process;
    private final int port;
    private final Path log;
    private final Duration startup;

    private ServerProcess(Process process, int port, Path log, Duration startup) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startup = startup;
    }

    /**
     * Starts {@code serve} with {@code storeOptions} (--data DIR, or --database-url URL) and
     * returns once GET /health has answered 200: the start time runs from just before the
     * process is created to that answer, polled every 50 ms.
     */
    static ServerProcess start(Path jar, Path rules, String heap, List<String> storeOptions, String adminKey, Path log,
                               Path pidFile) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap));
        // More JVM options for the server (SERVER_JAVA_OPTS), as an operator's start command gives them.
        String options = System.getenv().getOrDefault("SERVER_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", Integer.toString(port), "--no-watch",
                "--rules", rules.toString()));
        command.addAll(storeOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("STANDARDS_ADMIN_KEY", adminKey);
        // One key posts everything: no rate limit it could reach (RateLimits.MAX_PER_MINUTE).
        builder.environment().put("STANDARDS_RATE_LIMIT", "1000000000");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long started = System.nanoTime();
        Process process = builder.start();
        Files.writeString(pidFile, process.pid() + "\n");
        ServerProcess server = new ServerProcess(process, port, log, null);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with status " + process.exitValue() + " before answering /health:\n"
                        + server.logTail(40));
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() - started > START_LIMIT.toNanos()) {
                server.kill();
                throw new IllegalStateException("the server did not answer /health within " + START_LIMIT + ":\n" + server.logTail(40));
            }
            Thread.sleep(POLL.toMillis());
        }
        return new ServerProcess(process, port, log, Duration.ofNanos(System.nanoTime() - started));
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    long pid() {
        return process.pid();
    }

    /** From process start to the first 200 on /health. */
    Duration startup() {
        return startup;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Resident set size in bytes (VmRSS of /proc/<pid>/status), or -1 once the process is gone. */
    long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
                }
            }
            return -1;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /** User plus system CPU time the process has used so far, in seconds; -1 once it is gone. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** How waiting for the server to go idle went. */
    record Idle(boolean reached, double waitedSeconds, double cpuSeconds) {
    }

    /**
     * Waits until the server has used less than {@code share} of one core over the last
     * {@code quiet} seconds (sampled every second), at most {@code limit}: the background jobs
     * (the deadline keeper, history judging of changed customers) have caught up. The quiet
     * window should be longer than the deadline keeper's interval (30 s), so that it holds at
     * least one of its runs: a run bounded in rounds leaves the rest of a backlog to the next.
     */
    Idle waitIdle(Duration quiet, Duration limit, double share) throws InterruptedException {
        long started = System.nanoTime();
        double cpuAtStart = cpuSeconds();
        Deque<double[]> window = new ArrayDeque<>();
        while (true) {
            double now = (System.nanoTime() - started) / 1e9;
            double cpu = cpuSeconds();
            window.addLast(new double[] {now, cpu});
            while (window.size() > 1 && now - window.peekFirst()[0] > quiet.toSeconds() + 0.5) {
                window.removeFirst();
            }
            double span = now - window.peekFirst()[0];
            if (span >= quiet.toSeconds() - 0.5 && (cpu - window.peekFirst()[1]) < share * span) {
                return new Idle(true, now, cpu - cpuAtStart);
            }
            if (now > limit.toSeconds()) {
                return new Idle(false, now, cpu - cpuAtStart);
            }
            Thread.sleep(1000);
        }
    }

    /** Stops the server as an operator does (SIGTERM: the shutdown hook closes the store); returns how long it took. */
    Duration stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            kill();
            throw new IllegalStateException("the server did not stop within " + STOP_LIMIT + " of SIGTERM; killed");
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The log's WARN and ERROR lines (first line of each entry), by level. */
    Map<String, List<String>> problems() throws IOException {
        List<String> warn = new ArrayList<>();
        List<String> error = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains(" ERROR ")) {
                error.add(line);
            } else if (line.contains(" WARN ")) {
                warn.add(line);
            }
        }
        return Map.of("ERROR", error, "WARN", warn);
    }

    /**
     * CPU seconds the whole machine has spent busy since boot (all cores: user, nice, system,
     * irq, softirq, steal from the first line of /proc/stat); -1 when unreadable.
     */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + (f.length > 8 ? Long.parseLong(f[8]) : 0);
            return busy / (double) TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
