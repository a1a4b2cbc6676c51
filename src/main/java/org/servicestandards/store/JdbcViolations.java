package org.servicestandards.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.servicestandards.report.Filters;
import org.servicestandards.report.Page;
import org.servicestandards.report.Violation;
import org.servicestandards.report.ViolationCursor;

/**
 * The violations list: the findings of FAIL outcomes, of interactions' standards and of history
 * standards, in the order {@link ViolationCursor} describes. After a cursor, each of the two
 * kinds is read from its index of FAIL outcomes by opening (migration V14) from the cursor on,
 * at most a page and one of each, and the two are merged here; so a page costs the same wherever
 * it lies in the list. By page number, the earlier pages are counted off (and the total counted),
 * which costs more the further the page is.
 */
final class JdbcViolations {

    /** The columns both kinds answer, in this order; the last four place a finding in the order. */
    private static final String INTERACTIONS = "SELECT o.interaction_id AS subject_id, o.revision AS revision, o.standard AS standard,"
            + " f.rule AS rule, f.severity AS severity, f.message AS message, f.measured AS measured, f.target AS target,"
            + " o.ruleset AS ruleset, o.opened_at AS opened_at, o.customer_id AS customer_id, o.tier AS tier, o.agent_id AS agent_id,"
            + " o.team AS team, o.channel AS channel, 'interaction' AS subject_kind, 0 AS arm, o.verdict_no AS verdict_no,"
            + " '' AS period, f.seq AS seq FROM outcomes o JOIN findings f ON f.interaction_id = o.interaction_id"
            + " AND f.revision = o.revision AND f.verdict_no = o.verdict_no AND f.standard = o.standard WHERE o.outcome = 'FAIL' AND ";
    private static final String HISTORY = "SELECT o.subject_id, CAST(NULL AS INTEGER), o.standard, f.rule, f.severity, f.message,"
            + " f.measured, f.target, o.ruleset, o.opened_at, o.customer_id, o.tier, o.agent_id, o.team, o.channel, o.subject_kind,"
            + " 1, 0, o.period, f.seq FROM history_outcomes o JOIN history_findings f ON f.standard = o.standard"
            + " AND f.subject_kind = o.subject_kind AND f.subject_id = o.subject_id AND f.period = o.period"
            + " WHERE o.outcome = 'FAIL' AND ";
    /** Each kind in the order of its index: its findings are then read without sorting them. */
    private static final String INTERACTIONS_ORDER = " ORDER BY o.opened_at DESC, o.interaction_id, o.standard, o.revision,"
            + " o.verdict_no, f.seq";
    private static final String HISTORY_ORDER = " ORDER BY o.opened_at DESC, o.subject_id, o.standard, o.subject_kind, o.period, f.seq";
    /** Both kinds at once, in the same order: at the same opening, interactions' findings first. */
    private static final String ORDER = " ORDER BY opened_at DESC, arm, subject_id, standard, subject_kind, period, revision,"
            + " verdict_no, seq";

    private final Jdbi jdbi;

    JdbcViolations(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A finding and its place in the order. */
    private record Row(Violation violation, ViolationCursor at) {
    }

    /** The page of {@code size} findings after {@code after} (from the first when null). */
    Page<Violation> after(Filters filters, ViolationCursor after, int size) {
        return jdbi.withHandle(h -> {
            After fromInteractions = interactionsAfter(after);
            After fromHistory = historyAfter(after);
            List<Row> interactions = read(h, interactionsSql(filters, fromInteractions), filters, fromInteractions, size + 1);
            List<Row> history = read(h, historySql(filters, fromHistory), filters, fromHistory, size + 1);
            List<Row> page = merge(interactions, history, size);
            boolean more = interactions.size() + history.size() > size;
            return new Page<>(page.stream().map(Row::violation).toList(), null, size, null,
                    more ? page.get(page.size() - 1).at().token() : null);
        });
    }

    /** Page {@code page} (from 1) of {@code size} findings, and how many there are in all. */
    Page<Violation> page(Filters filters, int page, int size) {
        String union = INTERACTIONS + JdbcReports.where(filters, true, false) + " UNION ALL " + HISTORY
                + JdbcReports.where(filters, true, true);
        return jdbi.withHandle(h -> {
            long total = JdbcReports.bind(h.createQuery("SELECT COUNT(*) FROM (" + union + ") v"), filters).mapTo(Long.class).one();
            List<Row> rows = JdbcReports.bind(h.createQuery(union + ORDER + " LIMIT :limit OFFSET :offset"), filters)
                    .bind("limit", size + 1).bind("offset", (long) (page - 1) * size)
                    .map((rs, ctx) -> row(rs)).list();
            List<Row> items = rows.subList(0, Math.min(size, rows.size()));
            return new Page<>(items.stream().map(Row::violation).toList(), page, size, total,
                    rows.size() > size ? items.get(items.size() - 1).at().token() : null);
        });
    }

    /** The interactions' findings of {@code filters} from {@code after} on, {@code :limit} of them, in the order of their index. */
    static String interactionsSql(Filters filters, After after) {
        return INTERACTIONS + JdbcReports.where(filters, true, false) + after.sql() + INTERACTIONS_ORDER + " LIMIT :limit";
    }

    /** The history findings of {@code filters} from {@code after} on, {@code :limit} of them, in the order of their index. */
    static String historySql(Filters filters, After after) {
        return HISTORY + JdbcReports.where(filters, true, true) + after.sql() + HISTORY_ORDER + " LIMIT :limit";
    }

    /** A condition and the parameters it names. */
    record After(String sql, Map<String, Object> parameters) {

        static final After NONE = new After("", Map.of());
    }

    /** Where the interactions' findings after {@code after} begin: after it at its opening, or at the next opening after a history finding. */
    static After interactionsAfter(ViolationCursor after) {
        if (after == null) {
            return After.NONE;
        }
        if (after.history()) {
            return new After(" AND o.opened_at < :atOpened", Map.of("atOpened", after.openedAt()));
        }
        return new After(" AND o.opened_at <= :atOpened AND (o.opened_at < :atOpened OR (o.interaction_id, o.standard, o.revision,"
                + " o.verdict_no, f.seq) > (:atSubject, :atStandard, :atRevision, :atVerdict, :atSeq))",
                Map.of("atOpened", after.openedAt(), "atSubject", after.subjectId(), "atStandard", after.standard(),
                        "atRevision", after.revision(), "atVerdict", after.verdictNo(), "atSeq", after.seq()));
    }

    /** Where the history findings after {@code after} begin: after it, or with all of its opening after an interaction's finding. */
    static After historyAfter(ViolationCursor after) {
        if (after == null) {
            return After.NONE;
        }
        if (!after.history()) {
            return new After(" AND o.opened_at <= :atOpened", Map.of("atOpened", after.openedAt()));
        }
        return new After(" AND o.opened_at <= :atOpened AND (o.opened_at < :atOpened OR (o.subject_id, o.standard, o.subject_kind,"
                + " o.period, f.seq) > (:atSubject, :atStandard, :atKind, :atPeriod, :atSeq))",
                Map.of("atOpened", after.openedAt(), "atSubject", after.subjectId(), "atStandard", after.standard(),
                        "atKind", after.subjectKind(), "atPeriod", after.period(), "atSeq", after.seq()));
    }

    private static List<Row> read(Handle h, String sql, Filters filters, After after, int limit) {
        Query query = JdbcReports.bind(h.createQuery(sql), filters).bind("limit", limit);
        after.parameters().forEach(query::bind);
        return query.map((rs, ctx) -> row(rs)).list();
    }

    /** The first {@code size} of both lists in the order: by opening, newest first; at the same opening, interactions' first. */
    private static List<Row> merge(List<Row> interactions, List<Row> history, int size) {
        List<Row> merged = new ArrayList<>(size);
        int i = 0;
        int k = 0;
        while (merged.size() < size && (i < interactions.size() || k < history.size())) {
            boolean interaction = k == history.size() || i < interactions.size()
                    && interactions.get(i).at().openedAt() >= history.get(k).at().openedAt();
            merged.add(interaction ? interactions.get(i++) : history.get(k++));
        }
        return merged;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Instant opened = Instant.ofEpochMilli(rs.getLong(10));
        Violation violation = new Violation(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), opened,
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16));
        ViolationCursor at = new ViolationCursor(opened.toEpochMilli(), rs.getInt(17) == 1, rs.getString(1), rs.getString(3),
                rs.getString(16), rs.getString(19), rs.getInt(2), rs.getInt(18), rs.getInt(20));
        return new Row(violation, at);
    }
}
