package org.servicestandards.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.records.InteractionStore;
import org.servicestandards.records.Stored;
import org.servicestandards.records.StoredRecord;
import org.servicestandards.records.Submission;
import org.servicestandards.report.AtRisk;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.ComplianceRow;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Page;
import org.servicestandards.report.Violation;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/** The store over JDBC with portable SQL, for SQLite and PostgreSQL alike. */
public final class JdbcInteractionStore implements InteractionStore {

    /** A write that lost a race with another node's write of the same id; the transaction is retried. */
    private static final class LostRace extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static final int ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final Clock clock;
    private final ReentrantLock writes;
    private final Outbox outbox;

    public JdbcInteractionStore(Database database, Clock clock) {
        this(database, clock, Outbox.NONE);
    }

    /** A store that enqueues a notification, in the same transaction, for every outcome that becomes FAIL. */
    public JdbcInteractionStore(Database database, Clock clock, Outbox outbox) {
        this.jdbi = database.jdbi();
        this.writes = database.writeLock();
        this.clock = clock;
        this.outbox = outbox;
    }

    /** The standards whose current outcome for the record is FAIL. */
    private static Set<String> failing(Handle h, String id) {
        return new HashSet<>(h.createQuery("SELECT standard FROM outcomes WHERE interaction_id = ? AND is_current = ? AND outcome = 'FAIL'")
                .bind(0, id).bind(1, true).mapTo(String.class).list());
    }

    private record Head(int revision, String hash) {
    }

    private static Map<String, Head> heads(Handle h, List<String> ids) {
        Map<String, Head> heads = new HashMap<>();
        for (int start = 0; start < ids.size(); start += 500) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + 500));
            h.createQuery("SELECT id, latest_revision, content_hash FROM interactions WHERE id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new Head(rs.getInt(2), rs.getString(3))))
                    .forEach(e -> heads.put(e.getKey(), e.getValue()));
        }
        return heads;
    }

    @Override
    public List<Stored> save(List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        writes.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return jdbi.inTransaction(h -> saveInTransaction(h, submissions));
                } catch (LostRace race) {
                    if (attempt == ATTEMPTS) {
                        throw new IllegalStateException("gave up storing after " + ATTEMPTS + " concurrent updates of the same records");
                    }
                }
            }
        } finally {
            writes.unlock();
        }
    }

    private List<Stored> saveInTransaction(Handle h, List<Submission> submissions) {
        long now = clock.millis();
        List<String> ids = submissions.stream().map(s -> s.record().id()).distinct().toList();
        Map<String, Head> heads = heads(h, ids);
        Map<String, Verdict> storedNow = new HashMap<>();
        List<Stored> results = new ArrayList<>(submissions.size());

        PreparedBatch revisions = h.prepareBatch(
                "INSERT INTO revisions (interaction_id, revision, content_hash, received_at, body) VALUES (?, ?, ?, ?, ?)");
        VerdictWriter writer = new VerdictWriter(h, now);
        List<OutcomeEvent> events = new ArrayList<>();
        for (Submission submission : submissions) {
            Interaction record = submission.record();
            String id = record.id();
            Head head = heads.get(id);
            if (head != null && head.hash().equals(submission.contentHash())) {
                Verdict current = storedNow.containsKey(id) ? storedNow.get(id) : currentVerdict(h, id).orElseThrow();
                results.add(new Stored(Stored.Status.UNCHANGED, current));
                continue;
            }
            int revision = head == null ? 1 : head.revision() + 1;
            boolean fails = submission.verdict().outcomes().stream().anyMatch(o -> o.outcome() == Outcome.FAIL);
            Set<String> failedBefore = !fails || head == null ? Set.of()
                    : storedNow.containsKey(id) ? OutcomeEvent.failing(storedNow.get(id)) : failing(h, id);
            if (head == null) {
                int inserted = h.createUpdate("INSERT INTO interactions (id, latest_revision, content_hash, updated_at, customer_id)"
                                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")
                        .bind(0, id).bind(1, revision).bind(2, submission.contentHash()).bind(3, now)
                        .bind(4, record.customer().id()).execute();
                if (inserted != 1) {
                    throw new LostRace();
                }
            } else {
                int updated = h.createUpdate("UPDATE interactions SET latest_revision = ?, content_hash = ?, updated_at = ?,"
                                + " customer_id = ? WHERE id = ? AND latest_revision = ?")
                        .bind(0, revision).bind(1, submission.contentHash()).bind(2, now).bind(3, record.customer().id())
                        .bind(4, id).bind(5, head.revision()).execute();
                if (updated != 1) {
                    throw new LostRace();
                }
                h.createUpdate("UPDATE outcomes SET is_current = ? WHERE interaction_id = ? AND is_current = ?")
                        .bind(0, false).bind(1, id).bind(2, true).execute();
            }
            heads.put(id, new Head(revision, submission.contentHash()));
            Verdict verdict = submission.verdict().withRevision(revision);
            storedNow.put(id, verdict);
            results.add(new Stored(head == null ? Stored.Status.CREATED : Stored.Status.REVISED, verdict));

            revisions.add(id, revision, submission.contentHash(), now, submission.canonicalJson());
            writer.add(record, revision, 1, verdict);
            if (fails) {
                events.addAll(OutcomeEvent.becameFailing(record, verdict, 1, failedBefore));
            }
        }
        if (revisions.size() > 0) {
            revisions.execute();
        }
        // Only the last revision stored for an id in this batch is current.
        writer.flush((id, revision) -> heads.get(id).revision() == revision);
        outbox.enqueue(h, events);
        return results;
    }

    /** Batches the rows of verdicts (verdict, outcomes, findings) and writes them in one go. */
    private final class VerdictWriter {
        private record OutcomeRow(Interaction record, int revision, int verdictNo, String ruleset, StandardOutcome outcome) {
        }

        private final long now;
        private final PreparedBatch verdicts;
        private final PreparedBatch findings;
        private final PreparedBatch outcomes;
        private final List<OutcomeRow> rows = new ArrayList<>();

        VerdictWriter(Handle h, long now) {
            this.now = now;
            verdicts = h.prepareBatch("INSERT INTO verdicts (interaction_id, revision, verdict_no, ruleset, as_of, evaluated_at, body)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)");
            findings = h.prepareBatch("INSERT INTO findings (interaction_id, revision, verdict_no, standard, seq, rule, severity,"
                    + " message, measured, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            outcomes = h.prepareBatch("INSERT INTO outcomes (interaction_id, revision, verdict_no, standard, outcome, severity, due_at,"
                    + " score, is_current, ruleset, opened_at, opened_week, opened_month, customer_id, tier, agent_id, team, channel)"
                    + " VALUES (:id, :revision, :verdictNo, :standard, :outcome, :severity, :dueAt, :score, :current, :ruleset,"
                    + " :openedAt, :week, :month, :customer, :tier, :agent, :team, :channel)");
        }

        void add(Interaction record, int revision, int verdictNo, Verdict verdict) {
            String id = record.id();
            verdicts.add(id, revision, verdictNo, verdict.ruleset(), verdict.asOf().toEpochMilli(), now, StoredJson.write(verdict));
            for (StandardOutcome outcome : verdict.outcomes()) {
                rows.add(new OutcomeRow(record, revision, verdictNo, verdict.ruleset(), outcome));
                int seq = 0;
                for (Finding finding : outcome.findings()) {
                    findings.add(id, revision, verdictNo, outcome.standard(), ++seq, finding.rule(), finding.severity().name(),
                            finding.message(), finding.measured(), finding.target());
                }
            }
        }

        /** Writes everything added; {@code current} says which (id, revision) verdicts reports count now. */
        void flush(java.util.function.BiPredicate<String, Integer> current) {
            for (OutcomeRow row : rows) {
                Interaction record = row.record();
                StandardOutcome outcome = row.outcome();
                outcomes.bind("id", record.id()).bind("revision", row.revision()).bind("verdictNo", row.verdictNo())
                        .bind("standard", outcome.standard()).bind("outcome", outcome.outcome().name())
                        .bind("severity", outcome.severity() == null ? null : outcome.severity().name())
                        .bind("dueAt", outcome.dueAt() == null ? null : outcome.dueAt().toEpochMilli())
                        .bind("score", outcome.score()).bind("current", current.test(record.id(), row.revision()))
                        .bind("ruleset", row.ruleset()).bind("openedAt", record.openedAt().toEpochMilli())
                        .bind("week", ReportPeriods.week(record.openedAt()))
                        .bind("month", ReportPeriods.month(record.openedAt()))
                        .bind("customer", record.customer().id()).bind("tier", record.tier().name())
                        .bind("agent", record.agent().id()).bind("team", record.agent().team())
                        .bind("channel", record.channel().name()).add();
            }
            for (PreparedBatch batch : List.of(verdicts, outcomes, findings)) {
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
        }
    }

    @Override
    public List<Rejudging> latestRevisions(Instant from, Instant to, String after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.interaction_id, r.revision, r.body FROM revisions r"
                        + " JOIN interactions i ON i.id = r.interaction_id AND i.latest_revision = r.revision"
                        + " WHERE r.interaction_id > :after AND EXISTS (SELECT 1 FROM outcomes o WHERE o.interaction_id = r.interaction_id"
                        + " AND o.revision = r.revision AND o.is_current = :current AND o.opened_at >= :from AND o.opened_at < :to)"
                        + " ORDER BY r.interaction_id LIMIT :limit")
                .bind("after", after).bind("current", true).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new Rejudging(rs.getInt(2), StoredJson.read(rs.getString(3), Interaction.class)))
                .list());
    }

    @Override
    public List<Rejudging> pendingFallenDue(Instant until, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.revision, r.body FROM revisions r WHERE EXISTS"
                        + " (SELECT 1 FROM outcomes o WHERE o.interaction_id = r.interaction_id AND o.revision = r.revision"
                        // Strictly before: due_at is kept to the millisecond, so a deadline in the
                        // same millisecond as now may not have passed yet, and judging it again
                        // would only store the same PENDING verdict once more.
                        + " AND o.is_current = :current AND o.outcome = 'PENDING' AND o.due_at < :until)"
                        + " ORDER BY r.interaction_id LIMIT :limit")
                .bind("current", true).bind("until", until.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new Rejudging(rs.getInt(1), StoredJson.read(rs.getString(2), Interaction.class)))
                .list());
    }

    @Override
    public void appendVerdicts(List<Rejudged> rejudged) {
        if (rejudged.isEmpty()) {
            return;
        }
        writes.lock();
        try {
            jdbi.useTransaction(h -> {
                VerdictWriter writer = new VerdictWriter(h, clock.millis());
                List<OutcomeEvent> events = new ArrayList<>();
                for (Rejudged r : rejudged) {
                    String id = r.verdict().interactionId();
                    int next = h.createQuery("SELECT COALESCE(MAX(verdict_no), 0) + 1 FROM verdicts WHERE interaction_id = ? AND revision = ?")
                            .bind(0, id).bind(1, r.revision()).mapTo(Integer.class).one();
                    Verdict verdict = r.verdict().withRevision(r.revision());
                    if (!OutcomeEvent.failing(verdict).isEmpty()) {
                        events.addAll(OutcomeEvent.becameFailing(r.record(), verdict, next, failing(h, id)));
                    }
                    h.createUpdate("UPDATE outcomes SET is_current = ? WHERE interaction_id = ? AND revision = ? AND is_current = ?")
                            .bind(0, false).bind(1, id).bind(2, r.revision()).bind(3, true).execute();
                    writer.add(r.record(), r.revision(), next, verdict);
                }
                writer.flush((id, revision) -> true);
                outbox.enqueue(h, events);
            });
        } finally {
            writes.unlock();
        }
    }

    @Override
    public Optional<StoredRecord> find(String id) {
        return jdbi.withHandle(h -> {
            Optional<Integer> latest = h.createQuery("SELECT latest_revision FROM interactions WHERE id = ?")
                    .bind(0, id).mapTo(Integer.class).findOne();
            if (latest.isEmpty()) {
                return Optional.empty();
            }
            Map<Integer, List<Verdict>> verdictsByRevision = new HashMap<>();
            h.createQuery("SELECT revision, body FROM verdicts WHERE interaction_id = ? ORDER BY revision, verdict_no")
                    .bind(0, id)
                    .map((rs, ctx) -> Map.entry(rs.getInt(1), StoredJson.read(rs.getString(2), Verdict.class)))
                    .forEach(e -> verdictsByRevision.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            List<StoredRecord.Revision> revisions = h.createQuery(
                            "SELECT revision, content_hash, received_at, body FROM revisions WHERE interaction_id = ? ORDER BY revision")
                    .bind(0, id)
                    .map((rs, ctx) -> new StoredRecord.Revision(rs.getInt(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), StoredJson.read(rs.getString(4), Interaction.class),
                            verdictsByRevision.getOrDefault(rs.getInt(1), List.of())))
                    .list();
            return Optional.of(new StoredRecord(id, latest.get(), revisions));
        });
    }

    @Override
    public Optional<Verdict> currentVerdict(String id) {
        return jdbi.withHandle(h -> currentVerdict(h, id));
    }

    private Optional<Verdict> currentVerdict(Handle h, String id) {
        return h.createQuery("SELECT v.body FROM verdicts v JOIN interactions i ON i.id = v.interaction_id"
                        + " AND i.latest_revision = v.revision WHERE v.interaction_id = ? ORDER BY v.verdict_no DESC")
                .bind(0, id).setMaxRows(1).mapTo(String.class).findFirst().map(body -> StoredJson.read(body, Verdict.class));
    }

    private static String column(GroupBy groupBy) {
        return switch (groupBy) {
            case STANDARD -> "standard";
            case AGENT -> "agent_id";
            case TEAM -> "team";
            case TIER -> "tier";
            case CHANNEL -> "channel";
            case WEEK -> "opened_week";
            case MONTH -> "opened_month";
        };
    }

    @Override
    public ComplianceReport compliance(Filters filters, List<GroupBy> groupBy, Instant asOf) {
        StringJoiner columns = new StringJoiner(", ");
        groupBy.forEach(g -> columns.add(column(g)));
        String select = groupBy.isEmpty() ? "" : columns + ", ";
        // Per-interaction outcomes and the history standards' kept outcomes, counted alike.
        String dimensions = "standard, outcome, due_at, agent_id, team, tier, channel, opened_week, opened_month";
        // A PENDING outcome past its deadline has breached (strictly before, as pendingFallenDue
        // has it): it counts as FAIL before the deadline keeper has judged it again.
        String sql = "SELECT " + select
                + "SUM(CASE WHEN outcome = 'PASS' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'FAIL' OR (outcome = 'PENDING' AND due_at < :asOf) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'PENDING' AND (due_at IS NULL OR due_at >= :asOf) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'NOT_APPLICABLE' THEN 1 ELSE 0 END)"
                + " FROM (SELECT " + dimensions + " FROM outcomes o WHERE " + where(filters, false, false)
                + " UNION ALL SELECT " + dimensions + " FROM history_outcomes o WHERE " + where(filters, false, true) + ") o"
                + (groupBy.isEmpty() ? "" : " GROUP BY " + columns + " ORDER BY " + columns);
        List<ComplianceRow> rows = jdbi.withHandle(h -> bind(h.createQuery(sql), filters).bind("asOf", asOf.toEpochMilli())
                .map((rs, ctx) -> {
                    Map<String, String> group = new LinkedHashMap<>();
                    for (int k = 0; k < groupBy.size(); k++) {
                        group.put(groupBy.get(k).key(), rs.getString(k + 1));
                    }
                    int n = groupBy.size();
                    return new ComplianceRow(group, rs.getLong(n + 1), rs.getLong(n + 2), rs.getLong(n + 3), rs.getLong(n + 4));
                }).list());
        if (groupBy.isEmpty() && rows.size() == 1 && rows.get(0).pass() + rows.get(0).fail() + rows.get(0).pending()
                + rows.get(0).notApplicable() == 0) {
            rows = List.of();
        }
        return new ComplianceReport(filters, groupBy, rows);
    }

    @Override
    public Page<Violation> violations(Filters filters, int page, int size) {
        String union = "SELECT o.interaction_id AS subject_id, 'interaction' AS subject_kind, o.revision, o.standard, f.rule,"
                + " f.severity, f.message, f.measured, f.target, o.ruleset, o.opened_at, o.customer_id, o.tier, o.agent_id, o.team,"
                + " o.channel, f.seq FROM outcomes o JOIN findings f ON f.interaction_id = o.interaction_id AND f.revision = o.revision"
                + " AND f.verdict_no = o.verdict_no AND f.standard = o.standard WHERE o.outcome = 'FAIL' AND " + where(filters, true, false)
                + " UNION ALL SELECT o.subject_id, o.subject_kind, CAST(NULL AS INTEGER), o.standard, f.rule, f.severity, f.message,"
                + " f.measured, f.target, o.ruleset, o.opened_at, o.customer_id, o.tier, o.agent_id, o.team, o.channel, f.seq"
                + " FROM history_outcomes o JOIN history_findings f ON f.standard = o.standard AND f.subject_kind = o.subject_kind"
                + " AND f.subject_id = o.subject_id AND f.period = o.period WHERE o.outcome = 'FAIL' AND " + where(filters, true, true);
        return jdbi.withHandle(h -> {
            long total = bind(h.createQuery("SELECT COUNT(*) FROM (" + union + ") v"), filters).mapTo(Long.class).one();
            List<Violation> items = bind(h.createQuery("SELECT subject_id, revision, standard, rule, severity, message, measured,"
                            + " target, ruleset, opened_at, customer_id, tier, agent_id, team, channel, subject_kind FROM (" + union + ") v"
                            + " ORDER BY opened_at DESC, subject_id, standard, seq LIMIT :limit OFFSET :offset"), filters)
                    .bind("limit", size).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> new Violation(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getString(15), rs.getString(16)))
                    .list();
            return new Page<>(items, page, size, total);
        });
    }

    @Override
    public List<AtRisk> atRisk(Instant asOf, Instant until, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT subject_id, revision, standard, due_at, opened_at, customer_id, tier,"
                        + " agent_id, team, channel, subject_kind FROM (SELECT interaction_id AS subject_id, revision, standard, due_at,"
                        + " opened_at, customer_id, tier, agent_id, team, channel, 'interaction' AS subject_kind FROM outcomes"
                        + " WHERE is_current = :current AND outcome = 'PENDING' AND due_at IS NOT NULL AND due_at <= :until"
                        + " UNION ALL SELECT subject_id, CAST(NULL AS INTEGER), standard, due_at, opened_at, customer_id, tier, agent_id,"
                        + " team, channel, subject_kind FROM history_outcomes WHERE outcome = 'PENDING' AND due_at IS NOT NULL"
                        + " AND due_at <= :until) a ORDER BY due_at, subject_id, standard LIMIT :limit")
                .bind("current", true).bind("until", until.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> {
                    Instant due = Instant.ofEpochMilli(rs.getLong(4));
                    return new AtRisk(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2), rs.getString(3), due,
                            due.isBefore(asOf), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11));
                }).list());
    }

    /** The conditions of a report's filters, over outcomes or (when {@code history}) the history standards' outcomes. */
    private static String where(Filters f, boolean findingSeverity, boolean history) {
        StringBuilder where = new StringBuilder(history ? (f.ruleset() == null ? "o.is_latest IS NOT NULL" : "o.ruleset = :ruleset")
                : f.ruleset() == null ? "o.is_current = :current"
                // Each record's latest revision, judged by the chosen rule set, its latest such verdict.
                : "o.ruleset = :ruleset AND o.revision = (SELECT i.latest_revision FROM interactions i WHERE i.id = o.interaction_id)"
                        + " AND o.verdict_no = (SELECT MAX(v.verdict_no) FROM verdicts v WHERE v.interaction_id = o.interaction_id"
                        + " AND v.revision = o.revision AND v.ruleset = :ruleset)");
        if (f.from() != null) {
            where.append(" AND o.opened_at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND o.opened_at < :to");
        }
        if (f.standard() != null) {
            where.append(" AND o.standard = :standard");
        }
        if (f.agent() != null) {
            where.append(" AND o.agent_id = :agent");
        }
        if (f.team() != null) {
            where.append(" AND o.team = :team");
        }
        if (f.tier() != null) {
            where.append(" AND o.tier = :tier");
        }
        if (f.channel() != null) {
            where.append(" AND o.channel = :channel");
        }
        if (f.severity() != null) {
            where.append(findingSeverity ? " AND f.severity = :severity" : " AND o.severity = :severity");
        }
        return where.toString();
    }

    private static Query bind(Query query, Filters f) {
        if (f.ruleset() == null) {
            query.bind("current", true);
        } else {
            query.bind("ruleset", f.ruleset());
        }
        if (f.from() != null) {
            query.bind("from", f.from().toEpochMilli());
        }
        if (f.to() != null) {
            query.bind("to", f.to().toEpochMilli());
        }
        bindText(query, "standard", f.standard());
        bindText(query, "agent", f.agent());
        bindText(query, "team", f.team());
        bindText(query, "tier", f.tier());
        bindText(query, "channel", f.channel());
        bindText(query, "severity", f.severity());
        return query;
    }

    private static void bindText(Query query, String name, String value) {
        if (value != null) {
            query.bind(name, value);
        }
    }
}
