package org.servicestandards.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.json.Json;
import org.servicestandards.store.Database;
import org.sqlite.SQLiteConfig;

/**
 * The service at scale, for {@code bench/scale.sh}: a real {@code serve} process (its own JVM,
 * {@link ServerProcess}) on SQLite or PostgreSQL, filled over HTTP with {@link HistoryDataSet}
 * (customers = records / 10, seed 20261120) up to each checkpoint size, the reports timed at
 * every checkpoint, and the ingest set against the raw insert rate of the same rows.
 *
 * <ol>
 *   <li>Start time: process start to the first 200 on GET /health (polled every 50 ms), on the
 *       empty store and, at the end, after a restart on the full store.</li>
 *   <li>Register: every customer's register updates (PUT /api/v1/customers/{id}, in order per
 *       customer) before any record, as a deployment imports its register first; timed apart.</li>
 *   <li>Load: all records sorted by openedAt (then id), posted as NDJSON in batches of 1,000 to
 *       POST /api/v1/interactions from 2 client threads. Mode {@code normal}: no asOf, judged at
 *       the server's clock. Mode {@code backfill}: batches never straddle an ISO week (UTC) of
 *       openedAt and carry {@code asOf} = the next Monday 00:00Z, so their deadlines are judged
 *       as of then and have passed by now (the deadline keeper judges them again). Records/s
 *       per segment between checkpoints (first send to last answer) and overall. Any non-2xx
 *       answer, or a record not CREATED, aborts the run.</li>
 *   <li>At each checkpoint: waits until the server is idle (its CPU below 5 % of a core over
 *       IDLE_QUIET seconds, default 35, longer than the deadline keeper's 30 s interval; at most
 *       IDLE_MAX, default 900), then times each report over HTTP (1 warm-up, 5 timed; median and
 *       max, from sending to the last byte of the answer), one request at a time, and the
 *       dashboard's load (its 8 data calls fired together, timed until all have answered).</li>
 *   <li>Server RSS (VmRSS) sampled every second: median and peak per phase; also the server's
 *       and this client's CPU seconds per phase (both share the same 2 cores).</li>
 *   <li>Baseline: the server stopped, its store's rows replayed into a fresh store by
 *       {@link RawInsertBaseline}: raw records/s and the ratio ingest/raw.</li>
 * </ol>
 *
 * <p>Arguments: {@code mode sizes heap jar rules outputDirectory [databaseUrl]}; the script
 * gives them. Everything printed goes to stdout and to {@code outputDirectory/summary.txt}.
 */
public final class ScaleBenchmark {

    static final String KEY = "scale-bench-admin-key-0123456789abcdef";
    private static final long SEED = 20261120L;
    private static final int BATCH = 1000;
    private static final int CLIENT_THREADS = 2;
    private static final int WARM_UPS = 1;
    private static final int TIMED = 5;
    private static final double IDLE_SHARE = 0.05;
    /** The dashboard's page size for violations (dashboard.js PAGE_SIZE). */
    private static final int DASHBOARD_PAGE_SIZE = 25;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private enum Mode { NORMAL, BACKFILL }

    /** One record as posted: when it opened (the sort key), its id, its customer and its JSON. */
    private record Line(long openedAt, String id, String customer, byte[] json) {
    }

    /** One customer's register updates, each a PUT body, in order. */
    private record Register(String customer, List<byte[]> updates) {
    }

    /** Records [from, to) of the sorted lines, posted in one request, with asOf or none. */
    private record Batch(int from, int to, Instant asOf) {
        int size() {
            return to - from;
        }
    }

    private final Mode mode;
    private final List<Integer> sizes;
    private final String heap;
    private final Path jar;
    private final Path rules;
    private final Path out;
    private final String databaseUrl;
    private final Summary summary;
    private final Duration idleQuiet = Duration.ofSeconds(Long.parseLong(env("IDLE_QUIET", "35")));
    private final Duration idleMax = Duration.ofSeconds(Long.parseLong(env("IDLE_MAX", "900")));
    private final List<Batch> posted = new ArrayList<>();
    private List<Line> lines;
    private List<Register> register;
    private ServerProcess server;
    private Sampler sampler;
    private int serverStarts;
    private double loadSeconds;

    private ScaleBenchmark(String[] args) throws IOException {
        mode = Mode.valueOf(args[0].toUpperCase(Locale.ROOT));
        sizes = Arrays.stream(args[1].split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::parseInt)
                .distinct().sorted().toList();
        if (sizes.isEmpty() || sizes.get(0) <= 0) {
            throw new IllegalArgumentException("sizes must be positive numbers of records, comma-separated: " + args[1]);
        }
        heap = args[2];
        jar = Path.of(args[3]);
        rules = Path.of(args[4]);
        out = Path.of(args[5]);
        databaseUrl = args.length > 6 && !args[6].isBlank() ? args[6] : null;
        Files.createDirectories(out);
        summary = new Summary(out.resolve("summary.txt"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: ScaleBenchmark normal|backfill sizes heap jar rules outputDirectory [databaseUrl]");
            System.exit(2);
        }
        ScaleBenchmark bench = new ScaleBenchmark(args);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::killServer, "kill-server"));
        int status = 0;
        try {
            bench.run();
        } catch (Abort e) {
            bench.summary.line("%nABORTED: %s", e.getMessage());
            status = 1;
        } catch (Exception | Error e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            bench.summary.line("%nFAILED: %s", trace);
            status = 1;
        } finally {
            bench.killServer();
            bench.summary.close();
        }
        System.exit(status);
    }

    private void run() throws Exception {
        long runStarted = System.nanoTime();
        int records = sizes.get(sizes.size() - 1);
        summary.line("== scale benchmark, mode %s, checkpoints %s records", mode.name().toLowerCase(Locale.ROOT), sizes);
        summary.line("machine: %d cores (nproc %s); server %s; server heap -Xmx%s; client heap %d MiB", Runtime.getRuntime()
                .availableProcessors(), command("nproc"), javaVersion(), heap, Runtime.getRuntime().maxMemory() >> 20);
        summary.line("store: %s", databaseUrl == null ? "SQLite in " + out.resolve("store") : "PostgreSQL " + databaseUrl);
        summary.line("started %s; load average %s", Instant.now(), loadAverage());

        generate(records);
        checkFreshStore();
        sampler = new Sampler();
        startServer("start on the empty store");
        registerCustomers();
        int loaded = 0;
        for (int size : sizes) {
            loadSegment(loaded, size);
            loaded = size;
            checkpoint(size);
        }
        summary.figure("load", "overall, " + loaded + " records", rate(loaded, loadSeconds), "records/s");
        summary.line("%nload overall: %d records in %.1f s of posting: %.0f records/s", loaded, loadSeconds, loaded / loadSeconds);

        Sampler.Phase stopping = sampler.begin("stop");
        Duration stop = server.stop();
        sampler.end(stopping);
        summary.figure("server", "stop after the load (SIGTERM to exit)", String.format("%.0f", ms(stop)), "ms");
        problems();
        baseline(records);
        startServer("start on the full store (restart)");
        coldReport();
        Duration secondStop = server.stop();
        summary.figure("server", "stop after the restart", String.format("%.0f", ms(secondStop)), "ms");
        problems();
        sampler.close();
        summary.line("%nfinished %s after %.0f s; load average %s", Instant.now(), (System.nanoTime() - runStarted) / 1e9, loadAverage());
        summary.table();
    }

    // ---- data ---------------------------------------------------------------------------

    private void generate(int records) throws IOException {
        long started = System.nanoTime();
        int customers = records / 10;
        if (customers == 0) {
            throw new Abort("the largest size must be at least 10 records (customers = records / 10)");
        }
        HistoryDataSet data = new HistoryDataSet(customers, records, SEED);
        lines = new ArrayList<>(records);
        register = new ArrayList<>();
        ObjectMapper json = Json.mapper();
        for (int k = 0; k < customers; k++) {
            HistoryDataSet.CustomerData customer = data.customer(k);
            if (!customer.register().isEmpty()) {
                List<byte[]> updates = new ArrayList<>();
                for (CustomerUpdate update : customer.register()) {
                    updates.add(json.writeValueAsBytes(registerBody(update)));
                }
                register.add(new Register(customer.id(), updates));
            }
            for (JsonNode record : customer.records()) {
                lines.add(new Line(Instant.parse(record.get("openedAt").asText()).toEpochMilli(), record.get("id").asText(),
                        customer.id(), json.writeValueAsBytes(record)));
            }
        }
        lines.sort(Comparator.comparingLong(Line::openedAt).thenComparing(Line::id));
        long bytes = lines.stream().mapToLong(l -> l.json().length + 1).sum();
        summary.line("data set %s: %d customers (%d with %d register updates), %d records opened %s to %s, %.0f MiB of NDJSON;"
                        + " generated in %.1f s", data.key(), customers, register.size(),
                register.stream().mapToInt(r -> r.updates().size()).sum(), lines.size(), Instant.ofEpochMilli(lines.get(0).openedAt()),
                Instant.ofEpochMilli(lines.get(lines.size() - 1).openedAt()), bytes / 1048576.0, (System.nanoTime() - started) / 1e9);
        for (int size : sizes) {
            if (size > lines.size()) {
                throw new Abort("checkpoint " + size + " is beyond the " + lines.size() + " records");
            }
            summary.line("  checkpoint %8d: records opened up to %s", size, Instant.ofEpochMilli(lines.get(size - 1).openedAt()));
        }
    }

    private static ObjectNode registerBody(CustomerUpdate update) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("tier", update.tier().name());
        if (update.since() != null) {
            body.put("since", update.since().toString());
        }
        if (update.name() != null) {
            body.put("name", update.name());
        }
        if (update.accountManager() != null) {
            body.put("accountManager", update.accountManager());
        }
        return body;
    }

    /** The batches of records [from, to): 1,000 at most; in backfill mode, never across an ISO week, with asOf its end. */
    private List<Batch> batches(int from, int to) {
        List<Batch> batches = new ArrayList<>();
        int start = from;
        Instant asOf = asOf(lines.get(from));
        for (int k = from; k < to; k++) {
            Instant weekEnd = asOf(lines.get(k));
            if (k - start == BATCH || !java.util.Objects.equals(weekEnd, asOf)) {
                batches.add(new Batch(start, k, asOf));
                start = k;
                asOf = weekEnd;
            }
        }
        batches.add(new Batch(start, to, asOf));
        return batches;
    }

    /** Backfill: the end of the ISO week (UTC) the record opened in, the next Monday 00:00Z; normal: none. */
    private Instant asOf(Line line) {
        if (mode == Mode.NORMAL) {
            return null;
        }
        LocalDate day = Instant.ofEpochMilli(line.openedAt()).atZone(ZoneOffset.UTC).toLocalDate();
        return day.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    // ---- server -------------------------------------------------------------------------

    private void startServer(String label) throws Exception {
        List<String> store = databaseUrl == null ? List.of("--data", out.resolve("store").toString())
                : List.of("--database-url", databaseUrl);
        Sampler.Phase phase = sampler.begin(label);
        server = ServerProcess.start(jar, rules, heap, store, KEY, out.resolve("server-" + (++serverStarts) + ".log"),
                out.resolve("server.pid"));
        sampler.attach(server);
        sampler.end(phase);
        summary.figure("server", label + " (process start to first 200 on /health)", String.format("%.0f", ms(server.startup())), "ms");
        summary.line("%n%s: %.0f ms to the first 200 on /health (pid %d, RSS %.0f MiB)", label, ms(server.startup()), server.pid(),
                server.rss() / 1048576.0);
    }

    private void killServer() {
        if (server != null) {
            server.close();
        }
    }

    /** A run starts on an empty store: the SQLite directory is deleted by the script; a PostgreSQL database must be new. */
    private void checkFreshStore() throws SQLException {
        if (databaseUrl == null) {
            if (Files.exists(out.resolve("store"))) {
                throw new Abort(out.resolve("store") + " exists: the script deletes it at the start of a run");
            }
            return;
        }
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new Abort("DATABASE_URL names a database that holds tables; give a new, empty one (DROP/CREATE DATABASE)");
            }
        }
    }

    private void problems() throws IOException {
        Map<String, List<String>> problems = server.problems();
        summary.line("server log: %d ERROR and %d WARN lines", problems.get("ERROR").size(), problems.get("WARN").size());
        for (String level : List.of("ERROR", "WARN")) {
            problems.get(level).stream().limit(5).forEach(l -> summary.line("  %s", l.length() > 300 ? l.substring(0, 300) + "…" : l));
        }
    }

    // ---- load ---------------------------------------------------------------------------

    private void registerCustomers() throws Exception {
        Sampler.Phase phase = sampler.begin("register");
        HttpClient http = client();
        AtomicInteger next = new AtomicInteger();
        AtomicLong puts = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < register.size(); ) {
                    Register customer = register.get(k);
                    for (byte[] update : customer.updates()) {
                        HttpRequest put = authorized("/api/v1/customers/" + encode(customer.customer()))
                                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(update)).build();
                        HttpResponse<byte[]> answer = http.send(put, HttpResponse.BodyHandlers.ofByteArray());
                        requireSuccess("PUT " + put.uri().getPath(), answer);
                        puts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        awaitAll(pool, workers, () -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        Sampler.Result result = sampler.end(phase);
        summary.line("%nregister: %d customers, %d updates in %.1f s: %.0f updates/s", register.size(), puts.get(), seconds,
                puts.get() / seconds);
        summary.line("  %s", result);
        summary.figure("register", "PUT /api/v1/customers/{id}, " + puts.get() + " updates", rate(puts.get(), seconds), "updates/s");
    }

    private void loadSegment(int from, int to) throws Exception {
        List<Batch> batches = batches(from, to);
        posted.addAll(batches);
        String label = "load " + from + " to " + to;
        Sampler.Phase phase = sampler.begin(label);
        HttpClient http = client();
        AtomicInteger next = new AtomicInteger();
        AtomicLong loaded = new AtomicLong();
        long[] nanos = new long[batches.size()];
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < CLIENT_THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int k; (k = next.getAndIncrement()) < batches.size(); ) {
                    long t0 = System.nanoTime();
                    post(http, batches.get(k));
                    nanos[k] = System.nanoTime() - t0;
                    loaded.addAndGet(batches.get(k).size());
                }
                return null;
            }));
        }
        long[] lastProgress = {started, 0};
        summary.line("%n%s: %d batches%s", label, batches.size(), mode == Mode.BACKFILL ? " (asOf the end of each ISO week)" : "");
        awaitAll(pool, workers, () -> {
            long now = System.nanoTime();
            long done = loaded.get();
            summary.line("  %6.0f s: %8d records posted, %6.0f records/s over the last %.0f s; server RSS %.0f MiB, load %s",
                    (now - started) / 1e9, from + done, (done - lastProgress[1]) / ((now - lastProgress[0]) / 1e9),
                    (now - lastProgress[0]) / 1e9, server.rss() / 1048576.0, loadAverage());
            lastProgress[0] = now;
            lastProgress[1] = done;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        loadSeconds += seconds;
        Sampler.Result result = sampler.end(phase);
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        summary.line("%s: %d records in %.1f s: %.0f records/s; per batch median %.0f ms, p90 %.0f ms, max %.0f ms", label, to - from,
                seconds, (to - from) / seconds, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
        summary.line("  %s", result);
        summary.figure("load", label, rate(to - from, seconds), "records/s");
        summary.figure("load", label + ": time per batch (up to 1,000 records), median / max", String.format("%.0f / %.0f", sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length - 1] / 1e6), "ms");
        summary.figure("memory", label + ": server RSS median / peak", result.rss(), "MiB");
    }

    private void post(HttpClient http, Batch batch) throws IOException, InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 600);
        for (int k = batch.from(); k < batch.to(); k++) {
            body.write(lines.get(k).json());
            body.write('\n');
        }
        String path = "/api/v1/interactions" + (batch.asOf() == null ? "" : "?asOf=" + encode(batch.asOf().toString()));
        HttpRequest request = authorized(path).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        requireSuccess("POST " + path + " (records " + batch.from() + "-" + (batch.to() - 1) + ")", answer);
        JsonNode counts = counts(answer.body());
        if (counts == null || counts.size() != 1 || counts.path("CREATED").asInt() != batch.size()) {
            JsonNode all = MAPPER.readTree(answer.body());
            JsonNode first = null;
            for (JsonNode result : all.path("results")) {
                if (!result.path("status").asText().equals("CREATED")) {
                    first = result;
                    break;
                }
            }
            throw new Abort("POST " + path + " of " + batch.size() + " records: counts " + counts + ", not all CREATED; first other: "
                    + first);
        }
    }

    /** The "counts" object at the head of a batch answer, read without parsing the results after it. */
    private static JsonNode counts(byte[] body) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("counts")) {
                    return parser.readValueAsTree();
                }
                parser.skipChildren();
            }
            return null;
        }
    }

    // ---- checkpoints --------------------------------------------------------------------

    /** A report request, and what is told of its answer. */
    private record Report(String label, List<String> paths) {
    }

    private void checkpoint(int size) throws Exception {
        Sampler.Phase waiting = sampler.begin("idle wait at " + size);
        ServerProcess.Idle idle = server.waitIdle(idleQuiet, idleMax, IDLE_SHARE);
        Sampler.Result waited = sampler.end(waiting);
        summary.line("%n== checkpoint %d records (store %s)", size, storeSize());
        if (idle.reached()) {
            summary.line("idle after %.0f s (busy for about %.0f s before %d quiet seconds; server CPU %.1f s meanwhile)",
                    idle.waitedSeconds(), Math.max(0, idle.waitedSeconds() - idleQuiet.toSeconds()), idleQuiet.toSeconds(),
                    idle.cpuSeconds());
        } else {
            summary.line("NOT idle after %.0f s (server CPU %.1f s meanwhile, %.0f %% of a core): measuring anyway",
                    idle.waitedSeconds(), idle.cpuSeconds(), 100 * idle.cpuSeconds() / idle.waitedSeconds());
        }
        summary.line("  %s", waited);
        summary.figure("checkpoint " + size, "background work after the load, until idle",
                idle.reached() ? String.format("%.0f", Math.max(0, idle.waitedSeconds() - idleQuiet.toSeconds()))
                        : String.format("> %.0f", idle.waitedSeconds()), "s");

        Instant newest = Instant.ofEpochMilli(lines.get(size - 1).openedAt());
        ZonedDateTime newestUtc = newest.atZone(ZoneOffset.UTC);
        Instant monthFrom = newestUtc.toLocalDate().withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant monthTo = newestUtc.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ZonedDateTime dayAfter = newestUtc.toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC);
        Instant yearFrom = dayAfter.minusMonths(12).toInstant();
        Instant yearTo = dayAfter.toInstant();
        // The dashboard opened on the newest record's day: its default period is the 28 days
        // up to and including that day (dashboard.js start(): from = today - 27 days, to = today + 1 day).
        Instant dashFrom = dayAfter.minusDays(28).toInstant();
        String month = period(monthFrom, monthTo);
        String year = period(yearFrom, yearTo);
        String dash = period(dashFrom, yearTo);
        summary.line("newest record opened %s; month %s to %s; 12 months %s to %s; dashboard %s to %s", newest, monthFrom, monthTo,
                yearFrom, yearTo, dashFrom, yearTo);

        HttpClient http = client();
        List<Report> reports = List.of(
                new Report("compliance, month, groupBy=agent,standard", List.of("/api/v1/reports/compliance?" + month
                        + "&groupBy=agent,standard")),
                new Report("compliance, 12 months, groupBy=team,week", List.of("/api/v1/reports/compliance?" + year
                        + "&groupBy=team,week")),
                new Report("violations, 12 months, page 1", List.of("/api/v1/violations?" + year + "&page=1")),
                new Report("violations, 12 months, page 500", List.of("/api/v1/violations?" + year + "&page=500")),
                new Report("violations, month, page 1", List.of("/api/v1/violations?" + month + "&page=1")),
                new Report("violations, month, page 500", List.of("/api/v1/violations?" + month + "&page=500")),
                // By cursor: the first page, and page 500 after the cursor page 499 ends with (asked for once, by number).
                new Report("violations by cursor, 12 months, page 1", List.of("/api/v1/violations?" + year)),
                deepPage("violations by cursor, 12 months, page 500", http, year),
                new Report("violations by cursor, month, page 1", List.of("/api/v1/violations?" + month)),
                deepPage("violations by cursor, month, page 500", http, month),
                new Report("at-risk (defaults: now, within PT1H, limit 100)", List.of("/api/v1/at-risk")),
                // What dashboard.js loadAll() asks when the page loads (per-standard weeks unchecked
                // by default, so no week,standard): the compliance calls, then the violations page,
                // the at-risk list and the violations count. The page sends them in two waves; here all at once.
                new Report("dashboard load, 8 calls at once", List.of(
                        "/api/v1/reports/compliance?" + dash,
                        "/api/v1/reports/compliance?" + dash + "&groupBy=standard",
                        "/api/v1/reports/compliance?" + dash + "&groupBy=week",
                        "/api/v1/reports/compliance?" + dash + "&groupBy=agent",
                        "/api/v1/reports/compliance?" + dash + "&groupBy=team",
                        "/api/v1/violations?" + dash + "&page=1&size=" + DASHBOARD_PAGE_SIZE,
                        "/api/v1/at-risk?within=PT24H&limit=200",
                        "/api/v1/violations?" + dash + "&size=1")));
        Sampler.Phase phase = sampler.begin("reports at " + size);
        summary.line("%-52s %10s %10s  %s", "report (" + WARM_UPS + " warm-up, " + TIMED + " timed)", "median ms", "max ms", "answer");
        for (Report report : reports) {
            double[] times = new double[TIMED];
            String answer = null;
            for (int run = -WARM_UPS; run < TIMED; run++) {
                long t0 = System.nanoTime();
                List<HttpResponse<byte[]>> answers = fetch(http, report.paths());
                double ms = (System.nanoTime() - t0) / 1e6;
                if (run >= 0) {
                    times[run] = ms;
                }
                answer = describe(answers);
            }
            Arrays.sort(times);
            summary.line("%-52s %10.1f %10.1f  %s", report.label(), times[TIMED / 2], times[TIMED - 1], answer);
            summary.figure("checkpoint " + size, report.label() + ", median / max",
                    String.format("%.1f / %.1f", times[TIMED / 2], times[TIMED - 1]), "ms");
        }
        Sampler.Result result = sampler.end(phase);
        summary.line("  %s", result);
        summary.figure("memory", "reports at " + size + ": server RSS median / peak", result.rss(), "MiB");
    }

    /**
     * Page 500 (of 50) of the violations of {@code period}, after the cursor page 499 ends with
     * (asked for once, by number); the last page, and a label that says so, when there are fewer.
     */
    private Report deepPage(String label, HttpClient http, String period) throws Exception {
        String path = "/api/v1/violations?" + period;
        JsonNode before = violationsPage(http, path, 499);
        if (!before.path("next").isTextual()) {
            long pages = Math.max(1, (violationsPage(http, path, 1).path("total").asLong() + 49) / 50);
            before = pages > 1 ? violationsPage(http, path, (int) pages - 1) : null;
            label = label.replace("page 500", "last page (" + pages + ")");
        }
        return new Report(label, List.of(path + (before == null ? "" : "&after=" + before.path("next").asText())));
    }

    private JsonNode violationsPage(HttpClient http, String path, int page) throws Exception {
        return MAPPER.readTree(fetch(http, List.of(path + "&page=" + page)).get(0).body());
    }

    /** Sends the GETs at once and waits for every answer; a non-2xx aborts. */
    private List<HttpResponse<byte[]>> fetch(HttpClient http, List<String> paths) throws Exception {
        List<CompletableFuture<HttpResponse<byte[]>>> pending = new ArrayList<>();
        for (String path : paths) {
            pending.add(http.sendAsync(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        List<HttpResponse<byte[]>> answers = new ArrayList<>();
        for (int k = 0; k < paths.size(); k++) {
            HttpResponse<byte[]> answer;
            try {
                answer = pending.get(k).get();
            } catch (ExecutionException e) {
                throw new Abort("GET " + paths.get(k) + " failed: " + e.getCause());
            }
            requireSuccess("GET " + paths.get(k), answer);
            answers.add(answer);
        }
        return answers;
    }

    /** What came back: its size and the counts that show the report read what was loaded. */
    private static String describe(List<HttpResponse<byte[]>> answers) throws IOException {
        long bytes = answers.stream().mapToLong(a -> a.body().length).sum();
        if (answers.size() > 1) {
            return String.format("%d answers, %.0f KiB", answers.size(), bytes / 1024.0);
        }
        JsonNode body = MAPPER.readTree(answers.get(0).body());
        String what;
        if (body.has("rows")) {
            JsonNode total = body.path("total");
            what = String.format("%d rows; total pass %d, fail %d, pending %d", body.path("rows").size(), total.path("pass").asLong(),
                    total.path("fail").asLong(), total.path("pending").asLong());
        } else if (body.has("total")) {
            what = String.format("%d items of %d", body.path("items").size(), body.path("total").asLong());
        } else {
            what = String.format("%d items", body.path("items").size());
        }
        return String.format("%s, %.0f KiB", what, bytes / 1024.0);
    }

    /** After the restart on the full store: the first report the cold server answers, and the second. */
    private void coldReport() throws Exception {
        Instant newest = Instant.ofEpochMilli(lines.get(lines.size() - 1).openedAt());
        LocalDate first = newest.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
        String path = "/api/v1/reports/compliance?" + period(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                first.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant()) + "&groupBy=agent,standard";
        HttpClient http = client();
        long t0 = System.nanoTime();
        fetch(http, List.of(path));
        double cold = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        fetch(http, List.of(path));
        double second = (System.nanoTime() - t0) / 1e6;
        summary.line("after the restart: compliance, month, groupBy=agent,standard: first %.1f ms, second %.1f ms", cold, second);
        summary.figure("server", "after the restart: first / second compliance month report", String.format("%.1f / %.1f", cold, second),
                "ms");
    }

    // ---- baseline -----------------------------------------------------------------------

    private void baseline(int records) throws Exception {
        List<RawInsertBaseline.Chunk> chunks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Batch batch : posted) {
            List<String> ids = new ArrayList<>(batch.size());
            List<String> customers = new ArrayList<>();
            for (int k = batch.from(); k < batch.to(); k++) {
                ids.add(lines.get(k).id());
                if (seen.add(lines.get(k).customer())) {
                    customers.add(lines.get(k).customer());
                }
            }
            chunks.add(new RawInsertBaseline.Chunk(ids, customers));
        }
        summary.line("%nbaseline: the store's rows replayed into a fresh store (%s), one transaction per posted batch", databaseUrl == null
                ? out.resolve("raw-store") : rawDatabaseUrl());
        summary.line("  load average before %s", loadAverage());
        RawInsertBaseline.Result raw;
        try (Connection source = openSource(); Database target = openRawTarget()) {
            raw = RawInsertBaseline.replay(source, target, chunks);
        }
        summary.line("  load average after %s", loadAverage());
        double ingest = records / loadSeconds;
        double rawRate = raw.records() / raw.insertSeconds();
        summary.line("  %d records in %d transactions: %.1f s inserting and committing (%.1f s with reading): %.0f records/s",
                raw.records(), raw.transactions(), raw.insertSeconds(), raw.wallSeconds(), rawRate);
        for (Map.Entry<String, Long> table : raw.sourceRows().entrySet()) {
            long replayed = raw.replayedRows().get(table.getKey());
            summary.line("  %-18s %10d rows in the service's store, %10d replayed%s", table.getKey(), table.getValue(), replayed,
                    replayed == table.getValue() ? "" : "  MISMATCH");
        }
        raw.notReplayed().forEach((table, rows) -> summary.line("  %-18s %10d rows not replayed (the service's own bookkeeping)", table,
                rows));
        summary.line("  ingest %.0f records/s against raw inserts %.0f records/s: ingest/raw = %.3f", ingest, rawRate, ingest / rawRate);
        summary.figure("baseline", "raw inserts of the same rows", rate(raw.records(), raw.insertSeconds()), "records/s");
        summary.figure("baseline", "ingest/raw (overall ingest rate over raw)", String.format("%.3f", ingest / rawRate), "ratio");
        if (databaseUrl == null) {
            summary.line("  store sizes: service %s, raw replay %s", storeSize(), size(out.resolve("raw-store")));
        }
    }

    private Connection openSource() throws SQLException {
        if (databaseUrl == null) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            return DriverManager.getConnection("jdbc:sqlite:" + out.resolve("store").resolve("standards.db").toAbsolutePath(),
                    config.toProperties());
        }
        Connection c = DriverManager.getConnection(databaseUrl);
        c.setReadOnly(true);
        return c;
    }

    private Database openRawTarget() throws SQLException {
        if (databaseUrl == null) {
            return Database.sqlite(out.resolve("raw-store"));
        }
        String raw = rawDatabaseUrl();
        String name = databaseName(raw);
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            s.execute("CREATE DATABASE \"" + name + "\"");
        }
        return Database.postgres(raw, null, null);
    }

    /** The raw replay's PostgreSQL database: the service's with "_raw" after its name, on the same server. */
    private String rawDatabaseUrl() {
        String name = databaseName(databaseUrl);
        int at = databaseUrl.indexOf("/" + name, databaseUrl.indexOf("//") + 2);
        return databaseUrl.substring(0, at + 1) + name + "_raw" + databaseUrl.substring(at + 1 + name.length());
    }

    private static String databaseName(String url) {
        URI uri = URI.create(url.substring("jdbc:".length()));
        return uri.getPath().substring(1);
    }

    // ---- helpers ------------------------------------------------------------------------

    private String storeSize() {
        if (databaseUrl == null) {
            return size(out.resolve("store"));
        }
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return String.format("%.0f MiB", rs.getLong(1) / 1048576.0);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String size(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            long bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            return String.format("%.0f MiB", bytes / 1048576.0);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "http-client");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(server.base().resolve(path)).header("Authorization", "Bearer " + KEY)
                .timeout(Duration.ofMinutes(10));
    }

    private static void requireSuccess(String what, HttpResponse<byte[]> answer) {
        if (answer.statusCode() / 100 != 2) {
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            throw new Abort(what + " answered " + answer.statusCode() + ": " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body));
        }
    }

    /** Waits for the workers, calling {@code progress} every 10 s; the first failure stops the others and aborts. */
    private static void awaitAll(ExecutorService pool, List<Future<?>> workers, Runnable progress) throws InterruptedException {
        try {
            for (Future<?> worker : workers) {
                while (true) {
                    try {
                        worker.get(10, TimeUnit.SECONDS);
                        break;
                    } catch (TimeoutException e) {
                        progress.run();
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof Abort abort ? abort : new Abort(String.valueOf(e.getCause()));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String period(Instant from, Instant to) {
        return "from=" + encode(from.toString()) + "&to=" + encode(to.toString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }

    private static String rate(long n, double seconds) {
        return String.format("%.0f", n / seconds);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return text;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String javaVersion() {
        return command(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").replace('\n', ';');
    }

    /** Stops the run with a message: a refused request, a store that is not fresh. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort(String message) {
            super(message);
        }
    }

    /**
     * Samples the server's resident memory every second into the current phase, and takes each
     * phase's load average, wall time and CPU seconds (server and this client) at its ends.
     */
    private static final class Sampler implements AutoCloseable {
        private final Thread thread;
        private volatile ServerProcess server;
        private volatile Phase current;

        /** A phase being measured. */
        final class Phase {
            final String name;
            final long started = System.nanoTime();
            final String loadBefore = loadAverage();
            final double serverCpu = server == null ? 0 : Math.max(0, server.cpuSeconds());
            final double clientCpu = clientCpu();
            final double machineBusy = ServerProcess.machineBusySeconds();
            final List<Long> rss = java.util.Collections.synchronizedList(new ArrayList<>());

            Phase(String name) {
                this.name = name;
            }
        }

        /** What a phase measured. */
        record Result(String name, double seconds, double serverCpu, double clientCpu, double othersCpu, long rssMedian, long rssPeak,
                      String loadBefore, String loadAfter) {
            String rss() {
                return rssPeak < 0 ? "-" : String.format("%.0f / %.0f", rssMedian / 1048576.0, rssPeak / 1048576.0);
            }

            @Override
            public String toString() {
                return String.format("[%s: %.1f s; server CPU %.1f s (%.0f %% of a core), client CPU %.1f s, other processes %.1f s;"
                                + " server RSS median %s MiB (peak); load average %s before, %s after]", name, seconds, serverCpu,
                        seconds > 0 ? 100 * serverCpu / seconds : 0, clientCpu, othersCpu, rss(), loadBefore, loadAfter);
            }
        }

        Sampler() {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    Phase phase = current;
                    ServerProcess s = server;
                    if (phase != null && s != null) {
                        long rss = s.rss();
                        if (rss > 0) {
                            phase.rss.add(rss);
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void attach(ServerProcess server) {
            this.server = server;
        }

        Phase begin(String name) {
            Phase phase = new Phase(name);
            current = phase;
            return phase;
        }

        Result end(Phase phase) {
            ServerProcess s = server;
            if (s != null) {
                long rss = s.rss();
                if (rss > 0) {
                    phase.rss.add(rss);
                }
            }
            double serverCpu = s == null ? 0 : s.cpuSeconds() - phase.serverCpu;
            double clientCpu = clientCpu() - phase.clientCpu;
            // What else ran on the machine meanwhile (another build, say): the figures' noise.
            double othersCpu = ServerProcess.machineBusySeconds() - phase.machineBusy - Math.max(0, serverCpu) - clientCpu;
            List<Long> rss;
            synchronized (phase.rss) {
                rss = new ArrayList<>(phase.rss);
            }
            rss.sort(null);
            return new Result(phase.name, (System.nanoTime() - phase.started) / 1e9, Math.max(0, serverCpu), clientCpu, Math.max(0, othersCpu),
                    rss.isEmpty() ? -1 : rss.get(rss.size() / 2), rss.isEmpty() ? -1 : rss.get(rss.size() - 1), phase.loadBefore,
                    loadAverage());
        }

        private static double clientCpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** Lines to stdout and to summary.txt, and the table of figures printed at the end. */
    private static final class Summary implements AutoCloseable {
        private final PrintStream file;
        private final Map<String, List<String[]>> figures = new LinkedHashMap<>();

        Summary(Path path) throws IOException {
            file = new PrintStream(Files.newOutputStream(path), true, StandardCharsets.UTF_8);
        }

        synchronized void line(String format, Object... args) {
            String text = String.format(format, args);
            System.out.println(text);
            file.println(text);
        }

        synchronized void figure(String section, String what, String value, String unit) {
            figures.computeIfAbsent(section, s -> new ArrayList<>()).add(new String[] {what, value, unit});
        }

        void table() {
            line("%n== figures");
            figures.forEach((section, rows) -> {
                line("%s", section);
                for (String[] row : rows) {
                    line("  %-72s %16s %s", row[0], row[1], row[2]);
                }
            });
        }

        @Override
        public void close() {
            file.close();
        }
    }
}
