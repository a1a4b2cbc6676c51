package org.servicestandards.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.servicestandards.interaction.ContentHash;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.HistoryOutcome;

/** Batches the writes of one save of history outcomes: upserts, their findings, drops, and rows no longer latest. */
final class HistoryOutcomeWriter {
    private final long now;
    private final PreparedBatch upserts;
    private final PreparedBatch findings;
    private final PreparedBatch dropFindings;
    private final PreparedBatch drops;
    private final PreparedBatch notLatest;
    final List<OutcomeEvent> events = new ArrayList<>();
    private final Handle h;
    /** Each row this save writes or drops, by key, as it will stand (null: dropped), for the report counts. */
    private final Map<List<String>, ReportCounts.Dimensions> touched = new LinkedHashMap<>();

    HistoryOutcomeWriter(Handle h, long now) {
        this.h = h;
        this.now = now;
        upserts = h.prepareBatch("INSERT INTO history_outcomes (standard, subject_kind, subject_id, period, outcome, severity,"
                + " due_at, window_from, window_to, as_of, judged_at, ruleset, opened_at, opened_week, opened_month, customer_id,"
                + " tier, agent_id, team, channel, is_latest, digest, body) VALUES (:standard, :kind, :id, :period, :outcome,"
                + " :severity, :dueAt, :from, :to, :asOf, :judgedAt, :ruleset, :openedAt, :week, :month, :customer, :tier, :agent,"
                + " :team, :channel, :latest, :digest, :body) ON CONFLICT (standard, subject_kind, subject_id, period) DO UPDATE SET"
                + " outcome = excluded.outcome, severity = excluded.severity, due_at = excluded.due_at,"
                + " window_from = excluded.window_from, window_to = excluded.window_to, as_of = excluded.as_of,"
                + " judged_at = excluded.judged_at, ruleset = excluded.ruleset, opened_at = excluded.opened_at,"
                + " opened_week = excluded.opened_week, opened_month = excluded.opened_month, customer_id = excluded.customer_id,"
                + " tier = excluded.tier, agent_id = excluded.agent_id, team = excluded.team, channel = excluded.channel,"
                + " is_latest = excluded.is_latest, digest = excluded.digest, body = excluded.body");
        findings = h.prepareBatch("INSERT INTO history_findings (standard, subject_kind, subject_id, period, seq, rule, severity,"
                + " message, measured, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        dropFindings = h.prepareBatch("DELETE FROM history_findings WHERE standard = ? AND subject_kind = ? AND subject_id = ?"
                + " AND period = ?");
        drops = h.prepareBatch("DELETE FROM history_outcomes WHERE standard = ? AND subject_kind = ? AND subject_id = ?"
                + " AND period = ?");
        notLatest = h.prepareBatch("UPDATE history_outcomes SET is_latest = ? WHERE standard = ? AND subject_kind = ?"
                + " AND subject_id = ? AND period = ?");
    }

    void put(HistoryOutcome outcome, String period, String digest) {
        Instant placedAt = outcome.subject().openedAt() != null ? outcome.subject().openedAt() : outcome.asOf();
        upserts.bind("standard", outcome.standard()).bind("kind", outcome.subject().kind()).bind("id", outcome.subject().id())
                .bind("period", period).bind("outcome", outcome.outcome().name())
                .bind("severity", outcome.severity() == null ? null : outcome.severity().name())
                .bind("dueAt", JdbcHistoryStore.millis(outcome.dueAt()))
                .bind("from", outcome.window() == null ? null : JdbcHistoryStore.millis(outcome.window().from()))
                .bind("to", outcome.window() == null ? null : JdbcHistoryStore.millis(outcome.window().to()))
                .bind("asOf", outcome.asOf().toEpochMilli()).bind("judgedAt", now).bind("ruleset", outcome.ruleset())
                .bind("openedAt", placedAt.toEpochMilli()).bind("week", ReportPeriods.week(placedAt))
                .bind("month", ReportPeriods.month(placedAt)).bind("customer", outcome.customer()).bind("tier", outcome.tier())
                .bind("agent", OutcomeEvent.answersFor(outcome)).bind("team", outcome.subject().team()).bind("channel", outcome.subject().channel())
                .bind("latest", true).bind("digest", digest).bind("body", StoredJson.write(outcome)).add();
        // The upserts run after the drops and in order: the last put of a key is what stands.
        touched.put(List.of(outcome.standard(), outcome.subject().kind(), outcome.subject().id(), period),
                new ReportCounts.Dimensions(outcome.standard(), outcome.outcome().name(),
                        outcome.severity() == null ? null : outcome.severity().name(), OutcomeEvent.answersFor(outcome),
                        outcome.subject().team(), outcome.tier(), outcome.subject().channel(), placedAt.toEpochMilli(),
                        ReportPeriods.week(placedAt), ReportPeriods.month(placedAt)));
        // The row is replaced, and so are its findings, whatever was kept under its key before.
        dropFindings.add(outcome.standard(), outcome.subject().kind(), outcome.subject().id(), period);
        int seq = 0;
        for (Finding finding : outcome.findings()) {
            findings.add(outcome.standard(), outcome.subject().kind(), outcome.subject().id(), period, ++seq, finding.rule(),
                    finding.severity().name(), finding.message(), finding.measured(), finding.target());
        }
    }

    void drop(String standard, String kind, String id, String period) {
        dropFindings.add(standard, kind, id, period);
        drops.add(standard, kind, id, period);
        touched.putIfAbsent(List.of(standard, kind, id, period), null);
    }

    void notLatest(String standard, String kind, String id, String period) {
        notLatest.add(false, standard, kind, id, period);
    }

    void flush() {
        // Every history outcome is counted in the reports: what stood under each key is counted
        // no more, what stands now is.
        ReportCounts counts = new ReportCounts();
        touched.forEach((key, stands) -> {
            counts.uncount(h, "SELECT " + ReportCounts.COLUMNS + " FROM history_outcomes WHERE standard = ? AND subject_kind = ?"
                    + " AND subject_id = ? AND period = ?", key.toArray());
            if (stands != null) {
                counts.count(stands, 1);
            }
        });
        // Old findings go before new ones are written under the same key.
        for (PreparedBatch batch : List.of(dropFindings, drops, notLatest, upserts, findings)) {
            if (batch.size() > 0) {
                batch.execute();
            }
        }
        counts.apply(h);
    }

    /** A hash of everything judged but asOf: equal digests, nothing new to write. */
    static String digest(HistoryOutcome outcome) {
        String content = StoredJson.write(new HistoryOutcome(outcome.standard(), outcome.subject(), outcome.customer(), outcome.accountManager(),
                outcome.tier(), outcome.outcome(), outcome.severity(), outcome.dueAt(), outcome.window(), outcome.evidence(),
                outcome.findings(), Instant.EPOCH, outcome.ruleset()));
        return ContentHash.sha256(content);
    }
}
