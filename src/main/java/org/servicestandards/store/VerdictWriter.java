package org.servicestandards.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Handle;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/** Batches the rows of verdicts (verdict, outcomes, findings) and writes them in one go. */
final class VerdictWriter {
    private record OutcomeRow(Interaction record, int revision, int verdictNo, String ruleset, StandardOutcome outcome) {
    }

    /** Per-record statements, put as those of {@link JdbcInteractionStore#FAILING} are, so they take the key. */
    static final String CURRENT_OUTCOMES = "SELECT " + ReportCounts.COLUMNS + " FROM outcomes WHERE interaction_id = ? AND revision = ?"
            + " AND is_current <> ?";
    static final String SUPERSEDE = "UPDATE outcomes SET is_current = ? WHERE interaction_id = ? AND revision = ? AND is_current <> ?";

    private final Handle h;
    private final long now;
    private final ReportCounts counts = new ReportCounts();
    private final Rows verdicts;
    private final Rows findings;
    private final Rows outcomes;
    private final List<OutcomeRow> rows = new ArrayList<>();

    VerdictWriter(Handle h, long now) {
        this.h = h;
        this.now = now;
        verdicts = Rows.of(h, "INSERT INTO verdicts (interaction_id, revision, verdict_no, ruleset, as_of, evaluated_at, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)");
        findings = Rows.of(h, "INSERT INTO findings (interaction_id, revision, verdict_no, standard, seq, rule, severity,"
                + " message, measured, target) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        outcomes = Rows.of(h, "INSERT INTO outcomes (interaction_id, revision, verdict_no, standard, outcome, severity, due_at,"
                + " score, is_current, ruleset, opened_at, opened_week, opened_month, customer_id, tier, agent_id, team, channel)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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

    /** The record's current outcomes of {@code revision} are current no more, and counted no more; at once. */
    void supersede(String id, int revision) {
        counts.uncount(h, CURRENT_OUTCOMES, id, revision, false);
        h.createUpdate(SUPERSEDE).bind(0, false).bind(1, id).bind(2, revision).bind(3, false).execute();
    }

    /** Writes everything added; {@code current} says which (id, revision) verdicts reports count now. */
    void flush(BiPredicate<String, Integer> current) {
        for (OutcomeRow row : rows) {
            Interaction record = row.record();
            StandardOutcome outcome = row.outcome();
            boolean counted = current.test(record.id(), row.revision());
            String week = ReportPeriods.week(record.openedAt());
            String month = ReportPeriods.month(record.openedAt());
            if (counted) {
                counts.count(new ReportCounts.Dimensions(outcome.standard(), outcome.outcome().name(),
                        outcome.severity() == null ? null : outcome.severity().name(), record.agent().id(), record.agent().team(),
                        record.tier().name(), record.channel().name(), record.openedAt().toEpochMilli(), week, month), 1);
            }
            outcomes.add(record.id(), row.revision(), row.verdictNo(), outcome.standard(), outcome.outcome().name(),
                    outcome.severity() == null ? null : outcome.severity().name(),
                    outcome.dueAt() == null ? null : outcome.dueAt().toEpochMilli(), outcome.score(), counted, row.ruleset(),
                    record.openedAt().toEpochMilli(), week, month, record.customer().id(), record.tier().name(), record.agent().id(),
                    record.agent().team(), record.channel().name());
        }
        verdicts.execute();
        outcomes.execute();
        findings.execute();
        counts.apply(h);
    }
}
