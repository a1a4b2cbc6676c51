package org.servicestandards.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.records.InteractionStore.Judged;
import org.servicestandards.records.InteractionStore.Rejudging;
import org.servicestandards.verdict.Verdict;

/**
 * What is read to judge stored records again, a page at a time in id order: the latest
 * revisions of a period (a re-evaluation, an impact preview) and those whose verdict a passing
 * deadline made stale (the keeper).
 */
final class RejudgingReads {

    /** The latest revisions of records with a current outcome opened in [:from, :to), after :after in id order. */
    private static final String LATEST_IN_PERIOD = " FROM revisions r"
            + " JOIN interactions i ON i.id = r.interaction_id AND i.latest_revision = r.revision"
            + " WHERE r.interaction_id > :after AND EXISTS (SELECT 1 FROM outcomes o WHERE o.interaction_id = r.interaction_id"
            + " AND o.revision = r.revision AND o.is_current = :current AND o.opened_at >= :from AND o.opened_at < :to)"
            + " ORDER BY r.interaction_id LIMIT :limit";

    /**
     * The fallen-due outcomes come from the index over current PENDING outcomes by deadline, so
     * the keeper's cost follows how many have fallen due, not how many records are stored.
     * Strictly before: due_at is kept to the millisecond, so a deadline in the same millisecond
     * as now may not have passed yet, and judging it again would only store the same PENDING
     * verdict once more. The verdict number is the stale verdict's, which the keeper replaces.
     */
    static final String PENDING_FALLEN_DUE = "SELECT r.revision, d.verdict_no, r.body FROM (SELECT DISTINCT interaction_id, revision,"
            + " verdict_no FROM outcomes WHERE is_current = :current AND outcome = 'PENDING' AND due_at < :until"
            + " AND interaction_id > :after) d JOIN revisions r ON r.interaction_id = d.interaction_id AND r.revision = d.revision"
            + " ORDER BY d.interaction_id LIMIT :limit";

    private final Jdbi jdbi;

    RejudgingReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private <T> List<T> latestInPeriod(String columns, Instant from, Instant to, String after, int limit, RowMapper<T> mapper) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + columns + LATEST_IN_PERIOD)
                .bind("after", after).bind("current", true).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .bind("limit", limit).map(mapper).list());
    }

    List<Rejudging> latestRevisions(Instant from, Instant to, String after, int limit) {
        return latestInPeriod("r.revision, r.body", from, to, after, limit, (rs, ctx) -> new Rejudging(rs.getInt(1),
                org.servicestandards.records.InteractionStore.ANY_BASIS, StoredJson.read(rs.getString(2), Interaction.class)));
    }

    List<Judged> currentVerdicts(Instant from, Instant to, String after, int limit) {
        return latestInPeriod("r.revision, r.body, (SELECT v.body FROM verdicts v WHERE v.interaction_id = r.interaction_id"
                        + " AND v.revision = r.revision ORDER BY v.verdict_no DESC LIMIT 1)", from, to, after, limit,
                (rs, ctx) -> new Judged(rs.getInt(1), StoredJson.read(rs.getString(2), Interaction.class),
                        StoredJson.read(rs.getString(3), Verdict.class)));
    }

    long countLatest(Instant from, Instant to) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT interaction_id) FROM outcomes"
                        + " WHERE is_current = :current AND opened_at >= :from AND opened_at < :to")
                .bind("current", true).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .mapTo(Long.class).one());
    }

    List<Rejudging> pendingFallenDue(Instant until, String after, int limit) {
        return jdbi.withHandle(h -> h.createQuery(PENDING_FALLEN_DUE)
                .bind("after", after).bind("current", true).bind("until", until.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new Rejudging(rs.getInt(1), rs.getInt(2), StoredJson.read(rs.getString(3), Interaction.class)))
                .list());
    }
}
