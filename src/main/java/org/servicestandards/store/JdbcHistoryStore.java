package org.servicestandards.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.history.HistoryStore;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;

/** Customers' histories and the history standards' outcomes over JDBC, portable SQL. */
public final class JdbcHistoryStore implements HistoryStore {

    private static final int CHUNK = 500;
    /** The period of an interaction's outcome: it is judged once for good. */
    private static final String FOR_GOOD = "-";


    /** The latest revision of every record of the customers {@code <ids>}: by the customers' own keys. */
    static final String HISTORY_RECORDS = "SELECT i.customer_id, r.body FROM interactions i JOIN revisions r ON r.interaction_id = i.id"
            + " AND r.revision = i.latest_revision WHERE i.customer_id IN (<ids>)";

    private final Jdbi jdbi;
    private final Database database;
    private final Clock clock;
    private final Outbox outbox;

    public JdbcHistoryStore(Database database, Clock clock, Outbox outbox) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.clock = clock;
        this.outbox = outbox;
    }

    public JdbcHistoryStore(Database database, Clock clock) {
        this(database, clock, Outbox.NONE);
    }

    @Override
    public Optional<CustomerRecords> customer(String id) {
        List<CustomerRecords> found = histories(List.of(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public List<String> customerIds(String after, int limit, String accountManager) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM customers WHERE id > :after"
                        + (accountManager == null ? "" : " AND account_manager = :manager") + " ORDER BY id LIMIT :limit")
                .bind("after", after).bind("limit", limit).bind("manager", accountManager)
                .mapTo(String.class).list());
    }

    @Override
    public long customerCount() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM customers").mapTo(Long.class).one());
    }

    /**
     * Read by the ids themselves, a chunk at a time, never by the range between the first and the
     * last: the customers whose history changed, or whose deadline fell due, lie anywhere in the
     * register, and a range over them would read every customer between.
     */
    @Override
    public List<CustomerRecords> histories(List<String> ids) {
        List<String> sorted = ids.stream().sorted().distinct().toList();
        List<CustomerRecords> histories = new ArrayList<>(sorted.size());
        for (int start = 0; start < sorted.size(); start += CHUNK) {
            List<String> chunk = sorted.subList(start, Math.min(sorted.size(), start + CHUNK));
            histories.addAll(jdbi.withHandle(h -> historiesOf(h, chunk)));
        }
        return histories;
    }

    private static List<CustomerRecords> historiesOf(Handle h, List<String> ids) {
        Map<String, String[]> registered = new TreeMap<>();
        h.createQuery("SELECT id, name, account_manager FROM customers WHERE id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(row -> registered.put(row[0], row));
        Map<String, Map<Instant, Tier>> tiers = new HashMap<>();
        h.createQuery("SELECT customer_id, since, tier FROM customer_tiers WHERE customer_id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)})
                .forEach(row -> tiers.computeIfAbsent((String) row[0], k -> new TreeMap<>())
                        .put(Instant.ofEpochMilli((Long) row[1]), Tier.valueOf((String) row[2])));
        Map<String, List<Interaction>> records = new HashMap<>();
        h.createQuery(HISTORY_RECORDS)
                .bindList("ids", ids)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(row -> records.computeIfAbsent(row[0], k -> new ArrayList<>()).add(StoredJson.read(row[1], Interaction.class)));
        List<CustomerRecords> histories = new ArrayList<>(registered.size());
        for (String[] customer : registered.values()) {
            histories.add(new CustomerRecords(customer[0], customer[1], customer[2],
                    tiers.getOrDefault(customer[0], Map.of()), records.getOrDefault(customer[0], List.of())));
        }
        return histories;
    }

    /** A subject's latest stored judgement under a standard. */
    private record Latest(String period, String outcome, long asOf, String digest) {
    }

    private static String key(String standard, String kind, String id) {
        return standard + '\u0000' + kind + '\u0000' + id;
    }

    @Override
    public int save(Map<String, List<HistoryOutcome>> byCustomer, Instant asOf) {
        if (byCustomer.isEmpty()) {
            return 0;
        }
        String period = ReportPeriods.month(asOf);
        // Hashing every outcome is a good part of a save and needs no lock: done before taking
        // it, so the sweep's other workers hash while one writes.
        Map<HistoryOutcome, String> digests = new IdentityHashMap<>();
        byCustomer.values().forEach(outcomes -> outcomes.forEach(outcome -> digests.put(outcome, HistoryOutcomeWriter.digest(outcome))));
        return database.write(h -> {
            Map<String, Map<String, Latest>> latest = latest(h, new ArrayList<>(byCustomer.keySet()));
            Map<String, Latest> elsewhere = heldByOthers(h, byCustomer, latest);
            HistoryOutcomeWriter writer = new HistoryOutcomeWriter(h, clock.millis());
            int kept = 0;
            for (Map.Entry<String, List<HistoryOutcome>> customer : byCustomer.entrySet()) {
                Map<String, Latest> before = latest.getOrDefault(customer.getKey(), Map.of());
                Set<String> judged = new HashSet<>();
                for (HistoryOutcome outcome : customer.getValue()) {
                    String key = key(outcome.standard(), outcome.subject().kind(), outcome.subject().id());
                    if (!judged.add(key)) {
                        // One judgement per subject and standard: the engine merges its conclusions.
                        continue;
                    }
                    String rowPeriod = outcome.subject().isCustomer() ? period : FOR_GOOD;
                    // A complaint or sale whose record moved to this customer keeps its judgement.
                    Latest previous = before.containsKey(key) ? before.get(key) : elsewhere.get(key);
                    if (previous != null && previous.asOf() > asOf.toEpochMilli()) {
                        continue;
                    }
                    String digest = digests.get(outcome);
                    if (previous != null && previous.period().equals(rowPeriod) && previous.digest().equals(digest)) {
                        continue;
                    }
                    if (previous != null && !previous.period().equals(rowPeriod)) {
                        writer.notLatest(outcome.standard(), outcome.subject().kind(), outcome.subject().id(), previous.period());
                    }
                    writer.put(outcome, rowPeriod, digest);
                    kept++;
                    if (outcome.outcome() == Outcome.FAIL && (previous == null || !Outcome.FAIL.name().equals(previous.outcome()))) {
                        writer.events.add(OutcomeEvent.failed(outcome));
                    }
                }
                for (Map.Entry<String, Latest> gone : before.entrySet()) {
                    if (judged.contains(gone.getKey())) {
                        continue;
                    }
                    String[] parts = gone.getKey().split("\u0000", 3);
                    String gonePeriod = gone.getValue().period();
                    if (gonePeriod.equals(period) || gonePeriod.equals(FOR_GOOD)) {
                        // The standard no longer applies to the subject: this period's judgement goes.
                        writer.drop(parts[0], parts[1], parts[2], gonePeriod);
                    } else {
                        writer.notLatest(parts[0], parts[1], parts[2], gonePeriod);
                    }
                }
            }
            writer.flush();
            outbox.enqueue(h, writer.events);
            return kept;
        });
    }

    /**
     * The latest judgements of the interaction subjects being saved that are kept under another
     * customer: a record's later revision may name another customer, and its complaint or sale
     * then moves with it. Looked up by the primary key's prefix, a query per standard and chunk.
     */
    private Map<String, Latest> heldByOthers(Handle h, Map<String, List<HistoryOutcome>> byCustomer,
                                             Map<String, Map<String, Latest>> latest) {
        // Keyed by standard and kind, so each query is an equality on the primary key's prefix.
        Map<List<String>, List<String>> unknown = new LinkedHashMap<>();
        byCustomer.forEach((customer, outcomes) -> {
            Map<String, Latest> before = latest.getOrDefault(customer, Map.of());
            for (HistoryOutcome outcome : outcomes) {
                if (!outcome.subject().isCustomer()
                        && !before.containsKey(key(outcome.standard(), outcome.subject().kind(), outcome.subject().id()))) {
                    unknown.computeIfAbsent(List.of(outcome.standard(), outcome.subject().kind()), k -> new ArrayList<>())
                            .add(outcome.subject().id());
                }
            }
        });
        Map<String, Latest> found = new HashMap<>();
        unknown.forEach((standardAndKind, ids) -> {
            String standard = standardAndKind.get(0);
            String kind = standardAndKind.get(1);
            for (int start = 0; start < ids.size(); start += CHUNK) {
                h.createQuery("SELECT subject_id, period, outcome, as_of, digest FROM history_outcomes"
                                + " WHERE standard = :standard AND subject_kind = :kind AND subject_id IN (<ids>) AND is_latest = :latest")
                        .bind("standard", standard).bind("kind", kind).bind("latest", true)
                        .bindList("ids", ids.subList(start, Math.min(ids.size(), start + CHUNK)))
                        .map((rs, ctx) -> found.put(key(standard, kind, rs.getString(1)),
                                new Latest(rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5))))
                        .list();
            }
        });
        return found;
    }

    private Map<String, Map<String, Latest>> latest(Handle h, List<String> customers) {
        Map<String, Map<String, Latest>> latest = new HashMap<>();
        for (int start = 0; start < customers.size(); start += CHUNK) {
            h.createQuery("SELECT customer_id, standard, subject_kind, subject_id, period, outcome, as_of, digest"
                            + " FROM history_outcomes WHERE is_latest = :latest AND customer_id IN (<ids>)")
                    .bind("latest", true).bindList("ids", customers.subList(start, Math.min(customers.size(), start + CHUNK)))
                    .map((rs, ctx) -> {
                        latest.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(key(rs.getString(2), rs.getString(3),
                                rs.getString(4)), new Latest(rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8)));
                        return 1;
                    }).list();
        }
        return latest;
    }

    @Override
    public List<String> pendingFallenDue(Instant until, String after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT customer_id FROM history_outcomes WHERE outcome = 'PENDING'"
                        + " AND due_at < :until AND customer_id > :after ORDER BY customer_id LIMIT :limit")
                .bind("until", until.toEpochMilli()).bind("after", after).bind("limit", limit).mapTo(String.class).list());
    }

    @Override
    public Map<String, Long> changed(int limit) {
        Map<String, Long> changed = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, history_changed_at FROM customers WHERE history_changed_at IS NOT NULL"
                        + " ORDER BY history_changed_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> changed.put(rs.getString(1), rs.getLong(2))).list());
        return changed;
    }

    @Override
    public void judged(Map<String, Long> changedAt) {
        if (changedAt.isEmpty()) {
            return;
        }
        database.use(h -> {
            PreparedBatch batch = h.prepareBatch("UPDATE customers SET history_changed_at = NULL WHERE id = ? AND history_changed_at = ?");
            changedAt.forEach((id, at) -> batch.add(id, at));
            batch.execute();
        });
    }

    @Override
    public void sweep(Instant asOf, Instant startedAt, Instant finishedAt, String ruleset, int customers, int outcomes) {
        database.use(h -> {
            h.createUpdate("DELETE FROM history_sweeps WHERE as_of = ?").bind(0, asOf.toEpochMilli()).execute();
            h.createUpdate("INSERT INTO history_sweeps (as_of, started_at, finished_at, ruleset, customers, outcomes)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .bind(0, asOf.toEpochMilli()).bind(1, startedAt.toEpochMilli()).bind(2, millis(finishedAt))
                    .bind(3, ruleset).bind(4, customers).bind(5, outcomes).execute();
        });
    }

    @Override
    public Optional<Instant> lastSweep() {
        return jdbi.withHandle(h -> h.createQuery("SELECT as_of FROM history_sweeps WHERE finished_at IS NOT NULL ORDER BY as_of DESC")
                .setMaxRows(1).mapTo(Long.class).findFirst().map(Instant::ofEpochMilli));
    }

    @Override
    public Optional<HistoryStandards.Sweep> finishedSweep(Instant asOf, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("SELECT ruleset, customers, outcomes FROM history_sweeps"
                        + " WHERE as_of = ? AND finished_at >= ?")
                .bind(0, asOf.toEpochMilli()).bind(1, since.toEpochMilli())
                .map((rs, ctx) -> new HistoryStandards.Sweep(asOf, rs.getString(1), rs.getInt(2), rs.getInt(3), 0))
                .findOne());
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
