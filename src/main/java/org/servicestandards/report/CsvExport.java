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
    public static String compliance(ComplianceReport report, List<ComplianceTrend.Row> trend) {
        List<String> header = new ArrayList<>();
        report.groupBy().forEach(g -> header.add(g.key()));
        header.addAll(List.of("pass", "fail", "pending", "not_applicable", "rate", "previous_rate", "change"));
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceTrend.Row row : trend) {
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

    private static String write(List<String> header, List<List<Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        header.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report rows always write as CSV", e);
        }
    }
}
