package org.servicestandards.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.records.InteractionStore;
import org.servicestandards.records.Stored;
import org.servicestandards.records.StoredRecord;
import org.servicestandards.records.Submission;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.Verdict;

/** The store over JDBC with portable SQL, for SQLite and PostgreSQL alike. */
public final class JdbcInteractionStore implements InteractionStore {

    private final Database database;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Outbox outbox;
    private final RejudgingReads reads;

    public JdbcInteractionStore(Database database, Clock clock) {
        this(database, clock, Outbox.NONE);
    }

    /** A store that enqueues a notification, in the same transaction, for every outcome that becomes FAIL. */
    public JdbcInteractionStore(Database database, Clock clock, Outbox outbox) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.outbox = outbox;
        this.reads = new RejudgingReads(jdbi);
    }

    /**
     * Per-record statements name the record and revision, a prefix of the primary key, and put
     * the flag of the current outcomes as {@code is_current <> false}, a condition no index
     * serves: so the planner takes the key, never an index over every current outcome (which
     * SQLite prefers on a store whose statistics are not known yet, making each record cost more
     * as the store grows).
     */
    static final String FAILING = "SELECT standard FROM outcomes WHERE interaction_id = ? AND revision = ? AND is_current <> ?"
            + " AND outcome = 'FAIL'";
    static final String NEXT_VERDICT_NO = "SELECT COALESCE(MAX(verdict_no), 0) + 1 FROM verdicts WHERE interaction_id = ? AND revision = ?";
    static final String CURRENT_VERDICT = "SELECT v.body FROM verdicts v JOIN interactions i ON i.id = v.interaction_id"
            + " AND i.latest_revision = v.revision WHERE v.interaction_id = ? ORDER BY v.verdict_no DESC";

    /** The standards whose current outcome for the record's {@code revision} is FAIL. */
    private static Set<String> failing(Handle h, String id, int revision) {
        return new HashSet<>(h.createQuery(FAILING).bind(0, id).bind(1, revision).bind(2, false).mapTo(String.class).list());
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
                    // A row without a revision is this transaction's claim on a new id.
                    .forEach(e -> {
                        if (e.getValue().revision() > 0) {
                            heads.put(e.getKey(), e.getValue());
                        }
                    });
        }
        return heads;
    }

    @Override
    public List<Stored> save(List<Submission> submissions) {
        if (submissions.isEmpty()) {
            return List.of();
        }
        return database.write(h -> saveInTransaction(h, submissions));
    }

    /**
     * Locks the rows of {@code ids} in id order (PostgreSQL; SQLite has one writer), so two
     * batches of the same records queue for each other instead of deadlocking. An id not yet
     * stored first gets a row holding no revision (revision 0, seen by no other transaction):
     * inserting it takes its lock, or waits for the writer inserting it meanwhile, in the same
     * order as the stored ids are locked.
     */
    private void lockInOrder(Handle h, List<String> ids, long now) {
        if (database.kind() != Database.Kind.POSTGRESQL) {
            return;
        }
        List<String> sorted = ids.stream().sorted().toList();
        Rows claimed = Rows.of(h, "INSERT INTO interactions (id, latest_revision, content_hash, updated_at) VALUES (?, 0, '', ?)"
                + " ON CONFLICT (id) DO NOTHING");
        sorted.forEach(id -> claimed.add(id, now));
        claimed.execute();
        for (int start = 0; start < sorted.size(); start += 500) {
            h.createQuery("SELECT id FROM interactions WHERE id IN (<ids>) ORDER BY id FOR UPDATE")
                    .bindList("ids", sorted.subList(start, Math.min(sorted.size(), start + 500))).mapTo(String.class).list();
        }
    }

    /** A new id's head row, or this transaction's claim on it (revision 0) filled in. */
    private static final String CREATE_HEAD = "INSERT INTO interactions (id, latest_revision, content_hash, updated_at, customer_id)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET latest_revision = excluded.latest_revision,"
            + " content_hash = excluded.content_hash, updated_at = excluded.updated_at, customer_id = excluded.customer_id"
            + " WHERE interactions.latest_revision = 0";
    /** A stored id's head moved to its next revision, if no other writer moved it meanwhile. */
    private static final String REVISE_HEAD = "UPDATE interactions SET latest_revision = ?, content_hash = ?, updated_at = ?,"
            + " customer_id = ? WHERE id = ? AND latest_revision = ?";

    /** Every head row written, or another writer got there first and the transaction starts again. */
    private static void expectOneEach(int[] counts) {
        for (int count : counts) {
            if (count != 1) {
                throw new Database.Conflict("another writer stored a record of this batch meanwhile");
            }
        }
    }

    private List<Stored> saveInTransaction(Handle h, List<Submission> submissions) {
        long now = clock.millis();
        List<String> ids = submissions.stream().map(s -> s.record().id()).distinct().toList();
        lockInOrder(h, ids, now);
        Map<String, Head> heads = heads(h, ids);
        Map<String, Verdict> storedNow = new HashMap<>();
        List<Stored> results = new ArrayList<>(submissions.size());

        Rows revisions = Rows.of(h, 
                "INSERT INTO revisions (interaction_id, revision, content_hash, received_at, body) VALUES (?, ?, ?, ?, ?)");
        Rows created = Rows.of(h, CREATE_HEAD);
        Rows revised = Rows.of(h, REVISE_HEAD);
        VerdictWriter writer = new VerdictWriter(h, now);
        List<OutcomeEvent> events = new ArrayList<>();
        List<Interaction> changed = new ArrayList<>();
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
                    : storedNow.containsKey(id) ? OutcomeEvent.failing(storedNow.get(id)) : failing(h, id, head.revision());
            if (head == null) {
                // Inserted, or this transaction's claim on the id filled in.
                created.add(id, revision, submission.contentHash(), now, record.customer().id());
            } else {
                revised.add(revision, submission.contentHash(), now, record.customer().id(), id, head.revision());
                writer.supersede(id, head.revision());
            }
            heads.put(id, new Head(revision, submission.contentHash()));
            Verdict verdict = submission.verdict().withRevision(revision);
            storedNow.put(id, verdict);
            results.add(new Stored(head == null ? Stored.Status.CREATED : Stored.Status.REVISED, verdict));

            changed.add(record);
            revisions.add(id, revision, submission.contentHash(), now, submission.canonicalJson());
            writer.add(record, revision, 1, verdict);
            if (fails) {
                events.addAll(OutcomeEvent.becameFailing(record, verdict, 1, failedBefore));
            }
        }
        // New ids first: a later revision of one in the same batch updates the row its first made.
        expectOneEach(created.execute());
        expectOneEach(revised.execute());
        revisions.execute();
        // Only the last revision stored for an id in this batch is current.
        writer.flush((id, revision) -> heads.get(id).revision() == revision);
        TierPeriods.noteRecords(h, changed, now);
        outbox.enqueue(h, events);
        return results;
    }

    @Override
    public List<Rejudging> latestRevisions(Instant from, Instant to, String after, int limit) {
        return reads.latestRevisions(from, to, after, limit);
    }

    @Override
    public List<Judged> currentVerdicts(Instant from, Instant to, String after, int limit) {
        return reads.currentVerdicts(from, to, after, limit);
    }

    @Override
    public long countLatest(Instant from, Instant to) {
        return reads.countLatest(from, to);
    }

    @Override
    public List<Rejudging> pendingFallenDue(Instant until, String after, int limit) {
        return reads.pendingFallenDue(until, after, limit);
    }

    @Override
    public List<Rejudged> appendVerdicts(List<Rejudged> rejudged) {
        if (rejudged.isEmpty()) {
            return List.of();
        }
        return database.write(h -> {
            VerdictWriter writer = new VerdictWriter(h, clock.millis());
            List<OutcomeEvent> events = new ArrayList<>();
            List<Rejudged> stored = new ArrayList<>();
            for (Rejudged r : rejudged.stream().sorted(Comparator.comparing((Rejudged r) -> r.record().id())).toList()) {
                String id = r.verdict().interactionId();
                // Only the latest revision's verdict may become current; the row stays locked
                // until commit, so a new revision waits for this verdict or supersedes it after.
                int latest = h.createUpdate("UPDATE interactions SET updated_at = updated_at WHERE id = ? AND latest_revision = ?")
                        .bind(0, id).bind(1, r.revision()).execute();
                if (latest != 1) {
                    continue;
                }
                int next = h.createQuery(NEXT_VERDICT_NO)
                        .bind(0, id).bind(1, r.revision()).mapTo(Integer.class).one();
                // Another keeper replaced the stale verdict meanwhile: its verdict stands.
                if (r.basis() != ANY_BASIS && r.basis() != next - 1) {
                    continue;
                }
                Verdict verdict = r.verdict().withRevision(r.revision());
                Optional<Verdict> current = currentVerdict(h, id);
                if (current.isPresent() && current.get().ruleset().equals(verdict.ruleset())
                        && current.get().outcomes().equals(verdict.outcomes())) {
                    continue;
                }
                if (!OutcomeEvent.failing(verdict).isEmpty()) {
                    events.addAll(OutcomeEvent.becameFailing(r.record(), verdict, next, failing(h, id, r.revision())));
                }
                writer.supersede(id, r.revision());
                writer.add(r.record(), r.revision(), next, verdict);
                stored.add(new Rejudged(r.revision(), r.basis(), r.record(), verdict));
            }
            writer.flush((id, revision) -> true);
            outbox.enqueue(h, events);
            return stored;
        });
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
        return h.createQuery(CURRENT_VERDICT)
                .bind(0, id).setMaxRows(1).mapTo(String.class).findFirst().map(body -> StoredJson.read(body, Verdict.class));
    }
}
