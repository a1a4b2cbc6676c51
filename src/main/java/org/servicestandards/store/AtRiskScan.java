package org.servicestandards.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.notify.Webhook;

/**
 * The query behind at-risk warnings: the current PENDING outcomes, of records and of customers'
 * history, that fall due within a webhook's warning window and that it has not been warned of.
 */
final class AtRiskScan {

    /** The most at-risk warnings one scan enqueues for one webhook; the next scan takes the rest. */
    private static final int SCAN_LIMIT = 1000;

    private AtRiskScan() {
    }

    /** The current PENDING outcomes falling due in [now, until] of the webhook's standards that it has not been warned of. */
    static List<OutcomeEvent> due(Handle h, Webhook webhook, Instant now, Instant until,
                                             Map<String, String> declaredSeverities) {
        List<OutcomeEvent> events = new ArrayList<>();
        window(h.createQuery("SELECT o.interaction_id, o.standard, o.severity, o.due_at, o.customer_id, o.agent_id, o.ruleset,"
                        + " v.as_of FROM outcomes o JOIN verdicts v ON v.interaction_id = o.interaction_id"
                        + " AND v.revision = o.revision AND v.verdict_no = o.verdict_no"
                        + " WHERE o.is_current = :current AND o.outcome = 'PENDING'"
                        + window(webhook, "'interaction'", "o.interaction_id", "o.standard", "o.due_at")
                        + " ORDER BY o.due_at, o.interaction_id, o.standard LIMIT :limit"), webhook, now, until)
                .bind("current", true)
                .map((rs, ctx) -> atRiskEvent(rs, "interaction", rs.getString(1), 2, declaredSeverities))
                .forEach(events::add);
        window(h.createQuery("SELECT subject_kind, subject_id, standard, severity, due_at, customer_id, agent_id, ruleset, as_of"
                        + " FROM history_outcomes WHERE outcome = 'PENDING'"
                        + window(webhook, "subject_kind", "subject_id", "standard", "due_at")
                        + " ORDER BY due_at, subject_kind, subject_id, standard LIMIT :limit"), webhook, now, until)
                .map((rs, ctx) -> atRiskEvent(rs, rs.getString(1), rs.getString(2), 3, declaredSeverities))
                .forEach(events::add);
        return events;
    }

    /**
     * The conditions of a warning's window over the given columns: falling due in [now, until],
     * of the webhook's standards, not yet warned of (its key, as {@link OutcomeEvent#atRiskKey}, not enqueued).
     */
    private static String window(Webhook webhook, String kind, String subject, String standard, String dueAt) {
        return " AND " + dueAt + " IS NOT NULL AND " + dueAt + " >= :now AND " + dueAt + " <= :until"
                + (webhook.standards().isEmpty() ? "" : " AND " + standard + " IN (<standards>)")
                + " AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.webhook_id = :webhook AND d.event_key ="
                + " 'at-risk|' || " + kind + " || '|' || " + subject + " || '|' || " + standard + " || '|' || CAST("
                + dueAt + " AS VARCHAR(20)))";
    }

    private static Query window(Query query, Webhook webhook, Instant now, Instant until) {
        if (!webhook.standards().isEmpty()) {
            query.bindList("standards", webhook.standards());
        }
        return query.bind("webhook", webhook.id()).bind("now", now.toEpochMilli()).bind("until", until.toEpochMilli())
                .bind("limit", SCAN_LIMIT);
    }

    /** An at-risk event from a row whose columns from {@code first} are standard, severity, due_at, customer, agent, ruleset, as_of. */
    private static OutcomeEvent atRiskEvent(ResultSet rs, String kind, String subject, int first,
                                            Map<String, String> declaredSeverities) throws SQLException {
        String standard = rs.getString(first);
        String severity = rs.getString(first + 1);
        long due = rs.getLong(first + 2);
        return OutcomeEvent.atRisk(kind, subject, standard, severity != null ? severity : declaredSeverities.get(standard),
                Instant.ofEpochMilli(due), rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5),
                JdbcWebhooks.instant(rs, first + 6));
    }
}
