package org.servicestandards.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.servicestandards.report.AtRisk;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.ComplianceRow;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Page;
import org.servicestandards.report.ReportQueries;
import org.servicestandards.report.Violation;
import org.servicestandards.report.ViolationCursor;

/** What reports read, over JDBC with portable SQL: compliance counts, violations, outcomes at risk. */
public final class JdbcReports implements ReportQueries {

    private final Jdbi jdbi;
    private final JdbcViolations violations;

    public JdbcReports(Database database) {
        this.jdbi = database.jdbi();
        this.violations = new JdbcViolations(jdbi);
    }

    static String column(GroupBy groupBy) {
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
        return compliance(filters, groupBy, asOf, true);
    }

    /** Compliance from the counts kept ahead when {@code counted} (and a rollup answers it), else from the outcomes as they stand. */
    ComplianceReport compliance(Filters filters, List<GroupBy> groupBy, Instant asOf, boolean counted) {
        Optional<CountedCompliance.Plan> plan = counted ? CountedCompliance.of(filters, groupBy) : Optional.empty();
        List<ComplianceRow> rows = jdbi.withHandle(h -> {
            Query query;
            if (plan.isPresent()) {
                query = bindDimensions(h.createQuery(plan.get().sql()), filters);
                plan.get().parameters().forEach(query::bind);
            } else {
                query = bind(h.createQuery(complianceSql(filters, groupBy)), filters);
            }
            return query.bind("asOf", asOf.toEpochMilli()).map((rs, ctx) -> {
                    Map<String, String> group = new LinkedHashMap<>();
                    for (int k = 0; k < groupBy.size(); k++) {
                        group.put(groupBy.get(k).key(), rs.getString(k + 1));
                    }
                    int n = groupBy.size();
                    return new ComplianceRow(group, rs.getLong(n + 1), rs.getLong(n + 2), rs.getLong(n + 3), rs.getLong(n + 4));
                }).list();
        });
        if (groupBy.isEmpty() && rows.size() == 1 && rows.get(0).pass() + rows.get(0).fail() + rows.get(0).pending()
                + rows.get(0).notApplicable() == 0) {
            rows = List.of();
        }
        return new ComplianceReport(filters, groupBy, rows);
    }

    /** The compliance query of {@code filters}, grouped by {@code groupBy}; {@code :asOf} and the filters' parameters to bind. */
    static String complianceSql(Filters filters, List<GroupBy> groupBy) {
        StringJoiner columns = new StringJoiner(", ");
        groupBy.forEach(g -> columns.add(column(g)));
        String select = groupBy.isEmpty() ? "" : columns + ", ";
        // Per-interaction outcomes and the history standards' kept outcomes, counted alike.
        String dimensions = "standard, outcome, due_at, agent_id, team, tier, channel, opened_week, opened_month";
        // A PENDING outcome past its deadline has breached (strictly before, as pendingFallenDue
        // has it): it counts as FAIL before the deadline keeper has judged it again.
        return "SELECT " + select
                + "SUM(CASE WHEN outcome = 'PASS' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'FAIL' OR (outcome = 'PENDING' AND due_at < :asOf) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'PENDING' AND (due_at IS NULL OR due_at >= :asOf) THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'NOT_APPLICABLE' THEN 1 ELSE 0 END)"
                + " FROM (SELECT " + dimensions + " FROM outcomes o WHERE " + where(filters, false, false)
                + " UNION ALL SELECT " + dimensions + " FROM history_outcomes o WHERE " + where(filters, false, true) + ") o"
                + (groupBy.isEmpty() ? "" : " GROUP BY " + columns + " ORDER BY " + columns);
    }

    @Override
    public Page<Violation> violations(Filters filters, int page, int size) {
        return violations.page(filters, page, size);
    }

    @Override
    public Page<Violation> violationsAfter(Filters filters, ViolationCursor after, int size) {
        return violations.after(filters, after, size);
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
    static String where(Filters f, boolean findingSeverity, boolean history) {
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
        return where.append(dimensions(f, findingSeverity)).toString();
    }

    /** The conditions of a report's filters on the dimensions of {@code o} (outcomes, history outcomes or their counts). */
    static String dimensions(Filters f, boolean findingSeverity) {
        StringBuilder where = new StringBuilder();
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

    static Query bind(Query query, Filters f) {
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
        return bindDimensions(query, f);
    }

    /** Binds what {@link #dimensions} names. */
    static Query bindDimensions(Query query, Filters f) {
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
