package org.servicestandards.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.List;

/** Reports and lists as RFC 4180 CSV: one header row, then one row per line of the report. */
public final class CsvExport {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvExport() {
    }

    /** The report with each row's previous rate and change, as the trend compares them. */
    public static String compliance(ComplianceComparison comparison) {
        ComplianceReport report = comparison.report();
        List<String> header = new ArrayList<>();
        report.groupBy().forEach(g -> header.add(g.key()));
        header.addAll(List.of("pass", "fail", "pending", "not_applicable", "rate", "previous_rate", "change"));
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceTrend.Row row : comparison.rows()) {
            List<Object> cells = new ArrayList<>();
            report.groupBy().forEach(g -> cells.add(row.row().group().get(g.key())));
            cells.addAll(List.of(row.row().pass(), row.row().fail(), row.row().pending(), row.row().notApplicable(),
                    plain(row.row().rate()), plain(row.previous() == null ? null : row.previous().rate()), plain(row.change())));
            rows.add(cells);
        }
        return write(header, rows);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    public static String compliance(ComplianceReport report) {
        List<String> header = new ArrayList<>();
        report.groupBy().forEach(g -> header.add(g.key()));
        header.addAll(List.of("pass", "fail", "pending", "not_applicable", "rate"));
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceRow row : report.rows()) {
            List<Object> cells = new ArrayList<>();
            report.groupBy().forEach(g -> cells.add(row.group().get(g.key())));
            cells.addAll(List.of(row.pass(), row.fail(), row.pending(), row.notApplicable(),
                    row.rate() == null ? "" : row.rate().toPlainString()));
            rows.add(cells);
        }
        return write(header, rows);
    }

    public static String violations(List<Violation> violations) {
        List<String> header = List.of("interaction_id", "revision", "opened_at", "standard", "severity", "rule", "message",
                "measured", "target", "ruleset", "customer", "tier", "agent", "team", "channel", "subject_kind");
        List<List<Object>> rows = new ArrayList<>();
        for (Violation v : violations) {
            rows.add(java.util.Arrays.asList(v.interactionId(), v.revision(), v.openedAt().toString(), v.standard(),
                    v.severity(), v.rule(), v.message(), v.measured(), v.target(), v.ruleset(), v.customer(), v.tier(),
                    v.agent(), v.team(), v.channel(), v.subjectKind()));
        }
        return write(header, rows);
    }

    public static String atRisk(List<AtRisk> items) {
        List<String> header = List.of("subject_id", "subject_kind", "revision", "standard", "due_at", "overdue", "opened_at",
                "customer", "tier", "agent", "team", "channel");
        List<List<Object>> rows = new ArrayList<>();
        for (AtRisk a : items) {
            rows.add(java.util.Arrays.asList(a.interactionId(), a.subjectKind(), a.revision(), a.standard(), a.dueAt().toString(),
                    a.overdue(), a.openedAt().toString(), a.customer(), a.tier(), a.agent(), a.team(), a.channel()));
        }
        return write(header, rows);
    }

    /** History outcomes, one row per finding (or one row when there is none), the evidence as name=value pairs. */
    public static String history(List<org.servicestandards.verdict.HistoryOutcome> outcomes) {
        List<String> header = List.of("standard", "subject_kind", "subject_id", "customer", "account_manager", "tier", "outcome",
                "severity", "due_at", "window_from", "window_to", "evidence", "rule", "message", "measured", "target", "as_of",
                "ruleset");
        List<List<Object>> rows = new ArrayList<>();
        for (org.servicestandards.verdict.HistoryOutcome o : outcomes) {
            String evidence = o.evidence().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            List<org.servicestandards.verdict.Finding> findings = o.findings().isEmpty()
                    ? java.util.Collections.singletonList(null) : o.findings();
            for (org.servicestandards.verdict.Finding f : findings) {
                rows.add(java.util.Arrays.asList(o.standard(), o.subject().kind(), o.subject().id(), o.customer(),
                        o.accountManager(), o.tier(), o.outcome().name(), o.severity() == null ? null : o.severity().name(),
                        o.dueAt() == null ? null : o.dueAt().toString(),
                        o.window() == null ? null : o.window().from().toString(), o.window() == null ? null : o.window().to().toString(),
                        evidence, f == null ? null : f.rule(), f == null ? null : f.message(), f == null ? null : f.measured(),
                        f == null ? null : f.target(), o.asOf().toString(), o.ruleset()));
            }
        }
        return write(header, rows);
    }

    /** Audit-log entries: seq, at, actor, action, target and the detail as JSON. */
    public static String audit(List<List<Object>> entries) {
        return write(List.of("seq", "at", "actor", "action", "target", "detail"), entries);
    }

    /** Any table as CSV: the header row, then the rows, cell by cell. */
    public static String write(List<String> header, List<List<Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        header.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report rows always write as CSV", e);
        }
    }
}
