package org.servicestandards.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.servicestandards.app.Application;
import org.servicestandards.app.ApplicationConfig;
import org.servicestandards.app.StoreConfig;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.Instants;
import org.servicestandards.interaction.RecordsReader;
import org.servicestandards.json.Json;
import org.servicestandards.records.RecordResult;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.ComplianceRow;
import org.servicestandards.report.CsvExport;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.StandardOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Checks files of records against the rules offline and prints a compliance report. Records are
 * judged and reported exactly as the service would, in a private in-memory store that is gone
 * when the command ends. Exit status: 0 when every record was read, 1 when some were rejected,
 * 2 when the rules or files cannot be read.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Judge records (a JSON array, one object, or NDJSON) offline and print a compliance report.")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, csv }

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files of interaction records.")
    List<Path> files;

    @Option(names = "--rules", defaultValue = "${env:STANDARDS_RULES:-./rules}", description = "Rules directory (default ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--as-of", converter = InstantConverter.class,
            description = "Judge open deadlines at this instant (ISO-8601 with offset; default now).")
    Instant asOf;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--group-by", split = ",", defaultValue = "standard",
            description = "Report groups: any of standard, agent, team, tier, channel, week, month (default ${DEFAULT-VALUE}).")
    List<String> groupBy;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        List<GroupBy> groups = new ArrayList<>();
        try {
            groupBy.forEach(g -> groups.add(GroupBy.parse(g)));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        List<Batch.Entry> records = new ArrayList<>();
        for (Path file : files) {
            try {
                records.addAll(RecordsReader.sniff(Files.readAllBytes(file)).entries());
            } catch (IOException | RecordsReader.UnreadableBody e) {
                err.println(file + ": " + e.getMessage());
                return 2;
            }
        }
        Clock clock = Clock.systemUTC();
        Instant judgedAt = asOf == null ? clock.instant() : asOf;
        Application application = open(new StoreConfig.InMemory(), rules, err);
        if (application == null) {
            return 2;
        }
        try (application) {
            StandardsService service = application.service();
            RuleSets ruleSets = application.ruleSets();
            List<RecordResult> results = service.ingest(new Batch(records, false), judgedAt);
            ComplianceReport report = service.compliance(Filters.between(null, null), groups, judgedAt);
            switch (format) {
                case json -> json(results, report, ruleSets.current().version(), judgedAt);
                case csv -> out.print(CsvExport.compliance(report));
                default -> text(results, report, ruleSets.current().version(), judgedAt);
            }
            return results.stream().anyMatch(RecordResult::isRejected) ? 1 : 0;
        }
    }

    /**
     * The application on {@code store} with the rules in {@code rules}, not watched, for a command
     * that runs once; null when the rules cannot be used, every problem printed to {@code err}.
     */
    static Application open(StoreConfig store, Path rules, PrintStream err) {
        try {
            return Application.open(ApplicationConfig.defaults().withClock(Clock.systemUTC()).withStore(store).withRules(rules)
                    .withWatch(ApplicationConfig.Watch.never()));
        } catch (RuleSetException e) {
            e.problems().forEach(err::println);
            return null;
        }
    }

    private void json(List<RecordResult> results, ComplianceReport report, String version, Instant judgedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", judgedAt);
        body.put("ruleset", version);
        body.put("groupBy", report.groupBy().stream().map(GroupBy::key).toList());
        body.put("rows", report.rows());
        body.put("total", report.total());
        body.put("results", results);
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void text(List<RecordResult> results, ComplianceReport report, String version, Instant judgedAt) {
        long rejected = results.stream().filter(RecordResult::isRejected).count();
        out.printf("%d records judged at %s by rule set %s (%d rejected)%n%n", results.size() - rejected, judgedAt,
                version, rejected);
        List<String> header = new ArrayList<>(report.groupBy().stream().map(GroupBy::key).toList());
        header.addAll(List.of("pass", "fail", "pending", "n/a", "rate"));
        List<List<String>> rows = new ArrayList<>();
        for (ComplianceRow row : report.rows()) {
            rows.add(cells(report, row));
        }
        ComplianceRow total = report.total();
        List<String> totalCells = cells(report, total);
        totalCells.set(0, "TOTAL");
        rows.add(totalCells);
        table(header, rows);

        out.println();
        out.println("Failures:");
        boolean any = false;
        for (RecordResult result : results) {
            if (result.verdict() == null) {
                continue;
            }
            for (StandardOutcome outcome : result.verdict().outcomes()) {
                if (outcome.outcome() != Outcome.FAIL) {
                    continue;
                }
                for (Finding finding : outcome.findings()) {
                    any = true;
                    out.printf("  %s  %-20s %-8s %s (measured %s, target %s)%n", result.id(), outcome.standard(),
                            finding.severity(), finding.message(), finding.measured(), finding.target());
                }
            }
        }
        if (!any) {
            out.println("  none");
        }
        if (rejected > 0) {
            out.println();
            out.println("Rejected records:");
            for (RecordResult result : results) {
                if (result.isRejected()) {
                    result.errors().forEach(e -> out.printf("  #%d %s  %s %s%n", result.index() + 1,
                            result.id() == null ? "(no id)" : result.id(), e.pointer(), e.reason()));
                }
            }
        }
    }

    private static List<String> cells(ComplianceReport report, ComplianceRow row) {
        List<String> cells = new ArrayList<>();
        for (GroupBy g : report.groupBy()) {
            cells.add(String.valueOf(row.group().getOrDefault(g.key(), "")));
        }
        if (cells.isEmpty()) {
            cells.add("");
        }
        cells.add(Long.toString(row.pass()));
        cells.add(Long.toString(row.fail()));
        cells.add(Long.toString(row.pending()));
        cells.add(Long.toString(row.notApplicable()));
        cells.add(row.rate() == null ? "-" : row.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        return cells;
    }

    private void table(List<String> header, List<List<String>> rows) {
        List<String> head = new ArrayList<>(header);
        if (head.size() < rows.get(0).size()) {
            head.add(0, "");
        }
        int[] widths = new int[head.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = head.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        printRow(head, widths);
        for (List<String> row : rows) {
            printRow(row, widths);
        }
    }

    private void printRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(c == 0 ? String.format("%-" + widths[c] + "s", cell) : String.format("  %" + widths[c] + "s", cell));
        }
        out.println(line.toString().stripTrailing());
    }

    /** Reads {@code --as-of} as an ISO-8601 instant with an offset. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return Instants.read(value);
        }
    }
}
