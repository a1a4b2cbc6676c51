package org.servicestandards.standards;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.servicestandards.interaction.Channel;
import org.servicestandards.interaction.Courtesy;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.InteractionType;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.facts.Judging;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.testing.RecordBuilder;
import org.servicestandards.verdict.Verdict;

/**
 * Records judged per second by the rules in {@code ./rules}: through the service path
 * ({@link Engine}) and, as the baseline measured in the same run, on a bare Drools session with
 * nothing of ours around it. Each, one record per session and 1,000 records per session.
 *
 * <p>Run with {@code bench/jmh.sh} (from the repository root, so {@code ./rules} resolves; or
 * pass {@code -Dbench.rules=/path/to/rules} in the fork's JVM arguments).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
public class EvaluationBenchmark {

    public static final int DESIGNS = 200;
    static final int BATCH = 1_000;

    /** A Wednesday afternoon: records opened over the ten days before it, some still open. */
    public static final Instant AS_OF = Instant.parse("2026-11-18T15:00:00Z");

    private RuleSet rules;
    private KieSessionsPool pool;
    private final Engine engine = new Engine();
    /** The fixed mix judged one at a time. */
    private Interaction[] mix;
    /** Five distinct copies of the mix (a session holds each object once). */
    private List<Interaction> batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        rules = new RuleSetLoader().load(Path.of(System.getProperty("bench.rules", "rules")));
        pool = rules.kieBase().newKieSessionsPool(2);
        mix = new Interaction[DESIGNS];
        for (int k = 0; k < DESIGNS; k++) {
            mix[k] = design(k, "bench-" + k);
        }
        batch = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
            batch.add(design(k % DESIGNS, "bench-batch-" + k));
        }
        // Fail fast if the mix does not exercise every standard.
        List<Verdict> verdicts = engine.evaluate(rules, batch, AS_OF);
        for (StandardDefinition standard : rules.standards(StandardScope.INTERACTION)) {
            boolean judged = verdicts.stream().flatMap(v -> v.outcomes().stream())
                    .anyMatch(o -> o.standard().equals(standard.id()) && o.outcome() != org.servicestandards.verdict.Outcome.NOT_APPLICABLE);
            if (!judged) {
                throw new IllegalStateException("the record mix never exercises " + standard.id());
            }
        }
    }

    private Interaction nextRecord() {
        Interaction record = mix[next];
        next = next + 1 == DESIGNS ? 0 : next + 1;
        return record;
    }

    @Benchmark
    public Verdict serviceOneAtATime() {
        return engine.evaluate(rules, nextRecord(), AS_OF);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Verdict> serviceBatchOf1000() {
        return engine.evaluate(rules, batch, AS_OF);
    }

    @Benchmark
    public int droolsOneAtATime() {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("judging", new Judging(rules.calendars(), AS_OF));
            session.insert(nextRecord());
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    /** The bare engine at its best: a reset session from a pool, as the service uses. */
    @Benchmark
    public int droolsPooledOneAtATime() {
        KieSession session = pool.newKieSession();
        try {
            session.setGlobal("judging", new Judging(rules.calendars(), AS_OF));
            session.insert(nextRecord());
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int droolsPooledBatchOf1000() {
        KieSession session = pool.newKieSession();
        try {
            session.setGlobal("judging", new Judging(rules.calendars(), AS_OF));
            for (Interaction record : batch) {
                session.insert(record);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int droolsBatchOf1000() {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("judging", new Judging(rules.calendars(), AS_OF));
            for (Interaction record : batch) {
                session.insert(record);
            }
            return session.fireAllRules();
        } finally {
            session.dispose();
        }
    }

    /**
     * Record design {@code k} of the mix, the same on every run: a contact-centre day's spread of
     * channels, tiers and types; complaints mostly owned, some unresolved; requests and complaints
     * with updates and pauses (a few still open); promises kept, late, or late with notice;
     * courtesy assessed on most human contacts, rudeness rare; some records still waiting.
     */
    public static Interaction design(int k, String id) {
        SplittableRandom random = new SplittableRandom(0x5EED_0000L + k);
        Channel channel = pick(random, new Channel[] {Channel.PHONE, Channel.PHONE, Channel.PHONE, Channel.EMAIL,
                Channel.EMAIL, Channel.CHAT, Channel.CHAT, Channel.IN_PERSON, Channel.WEB, Channel.VISIT});
        Tier tier = pick(random, new Tier[] {Tier.STANDARD, Tier.STANDARD, Tier.STANDARD, Tier.VIP, Tier.VIP,
                Tier.STRATEGIC});
        InteractionType type = pick(random, new InteractionType[] {InteractionType.INQUIRY, InteractionType.INQUIRY,
                InteractionType.INQUIRY, InteractionType.REQUEST, InteractionType.REQUEST, InteractionType.COMPLAINT,
                InteractionType.COMPLAINT, InteractionType.FOLLOW_UP, InteractionType.SALE, InteractionType.SURVEY});
        RecordBuilder b = RecordBuilder.record().id(id).customer("C-" + (10_000 + random.nextInt(400))).tier(tier)
                .agent("agent-" + random.nextInt(25)).team(pick(random, new String[] {"front", "digital", "key-accounts"}))
                .channel(channel).type(type).attribute("category", pick(random, new String[] {"billing", "delivery",
                        "refund", "tariffs", "faulty-product"}));
        if (random.nextInt(10) == 0) {
            b.outbound();
        }
        Instant opened = openedAt(random);
        b.openedAt(opened.toString());

        boolean isCase = type == InteractionType.COMPLAINT || type == InteractionType.REQUEST;
        boolean realtime = channel == Channel.PHONE || channel == Channel.CHAT || channel == Channel.IN_PERSON
                || channel == Channel.VISIT;
        boolean stillOpen = opened.isAfter(AS_OF.minus(Duration.ofHours(6))) ? random.nextInt(2) == 0 : random.nextInt(8) == 0;

        // First answer: seconds to minutes on live channels, hours on written ones; some late, some never.
        Instant firstResponse = null;
        int answer = random.nextInt(20);
        if (answer > 0 && !(stillOpen && answer == 1)) {
            long seconds = realtime ? 10 + random.nextInt(answer > 16 ? 900 : 150) : 600 + random.nextInt(answer > 16 ? 60 * 3600 : 5 * 3600);
            firstResponse = min(opened.plusSeconds(seconds), AS_OF.minusSeconds(1));
            if (firstResponse.isBefore(opened)) {
                firstResponse = null;
            }
        }
        if (firstResponse != null) {
            b.firstResponseAt(firstResponse.toString());
        }

        Instant closed = null;
        if (!stillOpen) {
            Instant from = firstResponse != null ? firstResponse : opened;
            long seconds = isCase ? 3600L + random.nextInt(6 * 24 * 3600) : 60L + random.nextInt(realtime ? 1800 : 4 * 3600);
            closed = min(from.plusSeconds(seconds), AS_OF.minusSeconds(1));
            if (closed.isBefore(from)) {
                closed = from;
            }
            b.closedAt(closed.toString());
        }
        Instant end = closed != null ? closed : AS_OF;

        if (type == InteractionType.COMPLAINT) {
            String owner = random.nextInt(8) == 0 ? (random.nextBoolean() ? null : " ") : "owner-" + random.nextInt(10);
            String resolved = closed != null && random.nextInt(5) > 0 ? closed.minusSeconds(random.nextInt(3600)).toString() : null;
            if (resolved != null && Instant.parse(resolved).isBefore(opened)) {
                resolved = closed.toString();
            }
            b.complaint(owner, resolved);
        }
        if (isCase && firstResponse != null) {
            long span = Duration.between(firstResponse, end).getSeconds();
            int updates = span > 0 ? random.nextInt(4) : 0;
            for (int u = 0; u < updates; u++) {
                b.update(firstResponse.plusSeconds(1 + random.nextLong(span)).toString());
            }
            if (span > 7200 && random.nextInt(3) == 0) {
                Instant from = firstResponse.plusSeconds(600 + random.nextLong(span / 2));
                boolean open = closed == null && random.nextInt(3) == 0;
                Instant to = min(from.plusSeconds(1800 + random.nextLong(span / 2)), end);
                b.pause(from.toString(), open ? null : to.toString());
            }
        }
        if (random.nextInt(10) < 3) {
            int promises = 1 + random.nextInt(2);
            for (int p = 0; p < promises; p++) {
                Instant due = opened.plusSeconds(3600 + random.nextInt(4 * 24 * 3600));
                String fulfilled = null;
                String notice = null;
                int fate = random.nextInt(6);
                if (fate <= 2 && due.isBefore(AS_OF)) {
                    fulfilled = due.minusSeconds(random.nextInt(7200)).toString();           // kept in time
                } else if (fate == 3) {
                    fulfilled = due.plusSeconds(600 + random.nextInt(36_000)).toString();    // kept late
                } else if (fate == 4) {
                    notice = due.minusSeconds(1800).toString();                              // warned in time
                }
                if (fulfilled != null && Instant.parse(fulfilled).isAfter(AS_OF)) {
                    fulfilled = null;
                }
                b.promise("P" + (p + 1), due.toString(), fulfilled, notice);
            }
        }
        if (realtime || random.nextInt(3) > 0) {
            int assessed = random.nextInt(10);
            if (assessed >= 3) {
                b.courtesy(RecordBuilder.allCourteous());
                for (String field : Courtesy.FIELDS) {
                    if (field.equals("rudeness")) {
                        b.courtesy(field, random.nextInt(40) == 0);
                    } else if (random.nextInt(8) == 0) {
                        b.courtesy(field, false);
                    }
                }
            } else if (assessed == 2) {
                b.courtesy("greeting", random.nextInt(4) > 0).courtesy("warmFarewell", random.nextInt(4) > 0);
            }
        }
        if (closed != null && random.nextInt(3) == 0) {
            b.satisfaction(1 + random.nextInt(5));
        }
        return b.build();
    }

    /** Mostly within business hours over the ten days before AS_OF; some at night or at weekends. */
    private static Instant openedAt(SplittableRandom random) {
        Instant day = AS_OF.minus(Duration.ofDays(random.nextInt(10))).atZone(ZoneOffset.UTC).toLocalDate()
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean weekend = day.atZone(ZoneOffset.UTC).getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0;
        int secondOfDay = random.nextInt(10) < 8 && !weekend ? 9 * 3600 + random.nextInt(9 * 3600) : random.nextInt(24 * 3600);
        Instant at = day.plusSeconds(secondOfDay);
        return at.isAfter(AS_OF) ? AS_OF.minusSeconds(60 + random.nextInt(3 * 3600)) : at;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
