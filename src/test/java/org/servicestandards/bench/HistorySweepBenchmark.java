package org.servicestandards.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.history.HistoryStore;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.records.RecordResult;
import org.servicestandards.records.StandardsService;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.store.Database;
import org.servicestandards.store.JdbcHistoryStore;
import org.servicestandards.store.JdbcInteractionStore;
import org.servicestandards.testing.Services;
import org.servicestandards.verdict.HistoryOutcome;

/**
 * The history sweep over a large store, for {@code bench/history-sweep.sh}: fills (once) a
 * SQLite store with {@link HistoryDataSet} through the service's own ingest, then runs
 * {@link HistoryStandards#sweep} as of {@link HistoryDataSet#AS_OF} several times, each beside
 * two baselines measured in the same run on the same pages and threads: reading every
 * customer's history from the store and nothing else, and the same sweep over a store that
 * keeps nothing (reading and judging alone).
 *
 * <p>Arguments: {@code [customers] [records] [seed] [runs] [rulesDirectory] [dataDirectory]},
 * defaults 100000 1000000 20261120 4 rules target/history-bench. The first run is a warm-up.
 */
public final class HistorySweepBenchmark {

    private static final int LOAD_BATCH = 1000;
    /** As {@code HistoryStandards.PAGE}. */
    private static final int PAGE = 250;

    private HistorySweepBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20261120L;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path rules = Path.of(args.length > 4 ? args[4] : "rules");
        Path data = Path.of(args.length > 5 ? args[5] : "target/history-bench");
        int threads = Runtime.getRuntime().availableProcessors();

        HistoryDataSet dataSet = new HistoryDataSet(customers, records, seed);
        Path directory = data.resolve(dataSet.key());
        Clock clock = Clock.fixed(HistoryDataSet.AS_OF, ZoneOffset.UTC);
        RuleSets ruleSets = RuleSets.load(rules, clock);
        System.out.printf("processors %d, max heap %d MiB, rule set %s%n", threads,
                Runtime.getRuntime().maxMemory() >> 20, ruleSets.current().version());
        if (!Files.exists(directory.resolve("loaded.txt"))) {
            deleteTree(directory);
            load(dataSet, directory, ruleSets, clock, threads);
        } else {
            System.out.println("reusing the store in " + directory + " (delete it to load again)");
        }
        System.out.print(Files.readString(directory.resolve("loaded.txt")));

        try (Database database = Database.sqlite(directory)) {
            CountingStore store = new CountingStore(new JdbcHistoryStore(database, clock), false);
            CountingStore keepsNothing = new CountingStore(store, true);
            try (HistoryStandards history = new HistoryStandards(ruleSets, store, clock, threads);
                 HistoryStandards judgeOnly = new HistoryStandards(ruleSets, keepsNothing, clock, threads)) {
                HeapSampler heap = new HeapSampler();
                for (int run = 0; run < runs; run++) {
                    String label = run == 0 ? "warm-up" : "run " + run;
                    System.out.printf("%n== %s (load average %s)%n", label, loadAverage());
                    measure(label + " read only (baseline)", store, heap, () -> readOnly(store, threads));
                    measure(label + " read + judge, nothing kept (baseline)", keepsNothing, heap, () -> sweep(judgeOnly));
                    database.jdbi().useHandle(h -> {
                        h.execute("DELETE FROM history_findings");
                        h.execute("DELETE FROM history_outcomes");
                        h.execute("DELETE FROM history_sweeps");
                    });
                    measure(label + " sweep, no outcomes stored before", store, heap, () -> sweep(history));
                    measure(label + " sweep again, outcomes unchanged", store, heap, () -> sweep(history));
                }
                heap.close();
            }
        }
    }

    /** What one measured pass did. */
    private record Pass(long customers, long kept) {
    }

    private interface Measured {
        Pass run() throws Exception;
    }

    private static void measure(String label, CountingStore store, HeapSampler heap, Measured pass) throws Exception {
        store.reset();
        heap.reset();
        long started = System.nanoTime();
        Pass result = pass.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-58s %7.2f s  %7d customers (%6.0f/s)  %8d records (%7.0f/s)  %7d outcomes judged  %7d written"
                        + "  heap peak %4d MiB, after GC peak %4d MiB  [threads' time: read %.1f s, save %.1f s]%n",
                label, seconds, result.customers, result.customers / seconds, store.records.get(), store.records.get() / seconds,
                store.judged.get(), store.written.get(), heap.peakUsed() >> 20, heap.peakAfterGc() >> 20,
                store.readNanos.get() / 1e9, store.saveNanos.get() / 1e9);
    }

    private static Pass sweep(HistoryStandards history) {
        HistoryStandards.Sweep sweep = history.sweep(HistoryDataSet.AS_OF);
        if (sweep.failed() > 0) {
            throw new IllegalStateException(sweep.failed() + " customers could not be judged");
        }
        return new Pass(sweep.customers(), sweep.outcomes());
    }

    /**
     * The first baseline: every customer's history read a page at a time, as many pages at once
     * as the sweep has in flight, on as many threads; nothing judged. (The second baseline is
     * the sweep itself over a store that keeps nothing.)
     */
    private static Pass readOnly(HistoryStore store, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long customers = 0;
        try {
            String after = "";
            List<Callable<Integer>> pages = new ArrayList<>();
            do {
                pages.clear();
                for (int k = 0; k < threads * 2; k++) {
                    List<String> ids = store.customerIds(after, PAGE, null);
                    if (!ids.isEmpty()) {
                        after = ids.get(ids.size() - 1);
                        pages.add(() -> store.histories(ids).size());
                    }
                }
                for (Future<Integer> page : pool.invokeAll(pages)) {
                    customers += page.get();
                }
            } while (!pages.isEmpty());
        } finally {
            pool.shutdownNow();
        }
        return new Pass(customers, 0);
    }

    /** Fills the store through the service: the register first for each customer, then their records in batches. */
    private static void load(HistoryDataSet dataSet, Path directory, RuleSets ruleSets, Clock clock, int threads) throws Exception {
        Files.createDirectories(directory);
        long started = System.nanoTime();
        Map<String, Long> counts = new TreeMap<>();
        try (Database database = Database.sqlite(directory)) {
            StandardsService service = Services.on(database, clock, ruleSets, new JdbcInteractionStore(database, clock));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Semaphore inFlight = new Semaphore(threads * 2);
            List<Future<?>> chunks = new ArrayList<>();
            AtomicLong loaded = new AtomicLong();
            int perChunk = 100;
            try {
                for (int first = 0; first < dataSet.customers(); first += perChunk) {
                    List<HistoryDataSet.CustomerData> chunk = new ArrayList<>();
                    for (int k = first; k < Math.min(dataSet.customers(), first + perChunk); k++) {
                        HistoryDataSet.CustomerData customer = dataSet.customer(k);
                        chunk.add(customer);
                        customer.records().forEach(r -> count(counts, r));
                    }
                    inFlight.acquire();
                    chunks.add(pool.submit(() -> {
                        try {
                            loadChunk(service, chunk, loaded);
                        } finally {
                            inFlight.release();
                        }
                        return null;
                    }));
                    chunks.removeIf(Future::isDone);
                    if (first % 10_000 == 0) {
                        System.out.printf("loading: %d customers, %d records, %.0f s%n", first, loaded.get(),
                                (System.nanoTime() - started) / 1e9);
                    }
                }
                for (Future<?> chunk : chunks) {
                    chunk.get();
                }
            } finally {
                pool.shutdownNow();
            }
            if (loaded.get() != dataSet.records()) {
                throw new IllegalStateException("loaded " + loaded.get() + " records, expected " + dataSet.records());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder summary = new StringBuilder();
        summary.append(String.format("data set %s: %d customers, %d records, loaded through ingest in %.0f s (%.0f records/s)%n",
                dataSet.key(), dataSet.customers(), dataSet.records(), seconds, dataSet.records() / seconds));
        long total = dataSet.records();
        counts.forEach((key, n) -> summary.append(String.format("  %-28s %8d  %5.1f %%%n", key, n, 100.0 * n / total)));
        Files.writeString(directory.resolve("loaded.txt"), summary);
    }

    private static void loadChunk(StandardsService service, List<HistoryDataSet.CustomerData> chunk, AtomicLong loaded) {
        List<JsonNode> batch = new ArrayList<>(LOAD_BATCH);
        for (HistoryDataSet.CustomerData customer : chunk) {
            for (CustomerUpdate update : customer.register()) {
                service.putCustomer(customer.id(), update, HistoryDataSet.AS_OF);
            }
            for (JsonNode record : customer.records()) {
                batch.add(record);
                if (batch.size() == LOAD_BATCH) {
                    ingest(service, batch, loaded);
                }
            }
        }
        ingest(service, batch, loaded);
    }

    private static void ingest(StandardsService service, List<JsonNode> batch, AtomicLong loaded) {
        if (batch.isEmpty()) {
            return;
        }
        for (RecordResult result : service.ingest(Batch.of(batch), HistoryDataSet.AS_OF)) {
            if (result.status() != RecordResult.Status.CREATED) {
                throw new IllegalStateException("record " + result.id() + " was " + result.status() + ": " + result.errors());
            }
        }
        loaded.addAndGet(batch.size());
        batch.clear();
    }

    private static void count(Map<String, Long> counts, JsonNode record) {
        counts.merge("type " + record.get("type").asText(), 1L, Long::sum);
        counts.merge("channel " + record.get("channel").asText(), 1L, Long::sum);
        counts.merge("direction " + record.get("direction").asText(), 1L, Long::sum);
        counts.merge("tier " + record.get("customer").get("tier").asText(), 1L, Long::sum);
        String type = record.get("type").asText();
        if (type.equals("COMPLAINT")) {
            counts.merge(record.get("complaint").has("resolvedAt") ? "complaint resolved" : "complaint unresolved", 1L, Long::sum);
        }
        if (record.get("direction").asText().equals("OUTBOUND") && type.equals("INQUIRY")) {
            counts.merge("outbound " + record.get("channel").asText() + " contact", 1L, Long::sum);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Counts the records the store hands out and the time threads spend reading and saving. */
    private static final class CountingStore implements HistoryStore {
        private final HistoryStore store;
        private final boolean keepsNothing;
        private final AtomicLong records = new AtomicLong();
        private final AtomicLong judged = new AtomicLong();
        private final AtomicLong written = new AtomicLong();
        private final AtomicLong readNanos = new AtomicLong();
        private final AtomicLong saveNanos = new AtomicLong();

        /** With {@code keepsNothing}, outcomes and sweeps are counted but not written. */
        CountingStore(HistoryStore store, boolean keepsNothing) {
            this.store = store;
            this.keepsNothing = keepsNothing;
        }

        @Override
        public long customerCount() {
            return store.customerCount();
        }

        void reset() {
            records.set(0);
            judged.set(0);
            written.set(0);
            readNanos.set(0);
            saveNanos.set(0);
        }

        @Override
        public Optional<CustomerRecords> customer(String id) {
            return store.customer(id);
        }

        @Override
        public List<String> customerIds(String after, int limit, String accountManager) {
            return store.customerIds(after, limit, accountManager);
        }

        @Override
        public List<CustomerRecords> histories(List<String> ids) {
            long started = System.nanoTime();
            List<CustomerRecords> histories = store.histories(ids);
            readNanos.addAndGet(System.nanoTime() - started);
            histories.forEach(h -> records.addAndGet(h.records().size()));
            return histories;
        }

        @Override
        public int save(Map<String, List<HistoryOutcome>> byCustomer, Instant asOf) {
            judged.addAndGet(byCustomer.values().stream().mapToLong(List::size).sum());
            if (keepsNothing) {
                return 0;
            }
            long started = System.nanoTime();
            int kept = store.save(byCustomer, asOf);
            saveNanos.addAndGet(System.nanoTime() - started);
            written.addAndGet(kept);
            return kept;
        }

        @Override
        public List<String> pendingFallenDue(Instant until, String after, int limit) {
            return store.pendingFallenDue(until, after, limit);
        }

        @Override
        public Map<String, Long> changed(int limit) {
            return store.changed(limit);
        }

        @Override
        public void judged(Map<String, Long> changedAt) {
            store.judged(changedAt);
        }

        @Override
        public void sweep(Instant asOf, Instant startedAt, Instant finishedAt, String ruleset, int customers, int outcomes) {
            if (keepsNothing) {
                return;
            }
            store.sweep(asOf, startedAt, finishedAt, ruleset, customers, outcomes);
        }

        @Override
        public Optional<Instant> lastSweep() {
            return store.lastSweep();
        }

        @Override
        public Optional<HistoryStandards.Sweep> finishedSweep(Instant asOf, Instant since) {
            return store.finishedSweep(asOf, since);
        }
    }

    /**
     * The heap while a pass runs: the highest use seen by a sampler every 50 ms (garbage
     * included), and the highest use right after a collection (what was still reachable).
     */
    private static final class HeapSampler implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peakUsed = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final Thread sampler;

        HeapSampler() {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                        peakAfterGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        void reset() {
            peakUsed.set(0);
            peakAfterGc.set(0);
        }

        long peakUsed() {
            return peakUsed.get();
        }

        long peakAfterGc() {
            return peakAfterGc.get();
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }
}
