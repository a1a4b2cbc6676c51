package org.servicestandards.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.servicestandards.app.Application;
import org.servicestandards.impact.Impact;
import org.servicestandards.impact.ImpactWork;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobState;
import org.servicestandards.json.Json;
import org.servicestandards.report.GroupBy;
import org.servicestandards.rulesets.CandidateValidation;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.load.RuleSetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What a candidate rules directory (the officers' working copy, kept in git, say) would do to
 * the records stored in a period, before it serves: a preview as a job on the configured store,
 * run here with a progress bar, and stored nowhere but in the job's result.
 * Exit status: 0 with the preview, 1 when the candidate has problems (each as
 * {@code file:line:column}), 2 when the store, the period or the job fails.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Judge the stored records opened in a period by a candidate rules directory, without storing a verdict, "
                + "and show per standard the outcomes before and after and the flips each way."})
final class ImpactCommand implements Callable<Integer> {

    /** As long as a re-evaluation may span. */
    private static final Duration MAX_PERIOD = Duration.ofDays(400);

    @Mixin
    StoreOptions store;

    @Option(names = "--rules", required = true, description = "The candidate rules directory.")
    Path candidate;

    @Option(names = "--serving-rules", defaultValue = "${env:STANDARDS_RULES:-./rules}",
            description = "This node's rules directory, as serve has it (default ${DEFAULT-VALUE}).")
    Path serving;

    @Option(names = "--from", required = true, converter = CheckCommand.InstantConverter.class,
            description = "Records opened at or after (ISO-8601 with offset).")
    Instant from;

    @Option(names = "--to", required = true, converter = CheckCommand.InstantConverter.class,
            description = "Records opened before (ISO-8601 with offset).")
    Instant to;

    @Option(names = "--group-by", split = ",", paramLabel = "DIMENSION",
            description = "Beside the standard, any of agent, team, tier, channel.")
    List<String> groupBy = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--as", description = "Who asks, for the audit log (default: command line and the user).")
    String as;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws InterruptedException {
        List<GroupBy> dimensions;
        try {
            dimensions = groupBy.stream().map(GroupBy::parse).distinct().toList();
            if (!Impact.DIMENSIONS.containsAll(dimensions)) {
                throw new IllegalArgumentException("an impact is grouped by standard and any of agent, team, tier, channel; not "
                        + String.join(",", groupBy));
            }
        } catch (IllegalArgumentException e) {
            err.println("--group-by: " + e.getMessage());
            return 2;
        }
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            err.println("--to must be after --from, at most " + MAX_PERIOD.toDays() + " days later");
            return 2;
        }
        if (!List.of("text", "json", "csv").contains(format)) {
            err.println("--format is text, json or csv, not " + format);
            return 2;
        }
        Map<String, byte[]> files;
        try {
            files = RuleSetLoader.read(candidate);
        } catch (RuleSetException e) {
            e.problems().forEach(err::println);
            return 1;
        }
        Application application = CheckCommand.open(store.config(), serving, err);
        if (application == null) {
            return 2;
        }
        try (application) {
            CandidateValidation validation = application.service().ruleSets().validate(files);
            if (!validation.ok()) {
                validation.problems().forEach(err::println);
                return 1;
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("from", from.toString());
            params.put("to", to.toString());
            params.put("groupBy", dimensions.stream().map(GroupBy::key).collect(Collectors.joining(",")));
            params.put("ruleset", validation.version());
            String actor = as == null || as.isBlank() ? KeysCommand.actor() : as;
            byte[] input = ImpactWork.input(files);
            Job job = application.jobs().submit(ImpactWork.KIND, params, actor, null, new ByteArrayInputStream(input),
                    input.length + 1L, input.length + 1);
            application.audit().append(actor, "rules.impact", validation.version(), Map.of("job", job.id(), "params", params,
                    "rules", candidate.toString()));
            Job ended = ImportCommand.runHere(application, job, "impact", "records", "", err);
            if (ended.state() != JobState.SUCCEEDED) {
                err.println("job " + ended.id() + " " + ended.state().name().toLowerCase(java.util.Locale.ROOT)
                        + (ended.error() == null ? "" : ": " + ended.error()));
                return 2;
            }
            print(ended.result());
            return 0;
        }
    }

    private void print(Map<String, Object> result) {
        List<String> keys = Json.mapper().convertValue(result.get("groupBy"), new TypeReference<List<String>>() { });
        List<Impact.Row> rows = Json.mapper().convertValue(result.get("rows"), new TypeReference<List<Impact.Row>>() { });
        switch (format) {
            case "csv" -> out.print(Impact.csv(keys, rows));
            case "json" -> {
                try {
                    out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> {
                out.printf("candidate %s against the current verdicts (serving %s), records opened %s to %s:%n", result.get("ruleset"),
                        result.get("serving"), from, to);
                out.printf("%s records judged, and the history standards of their %s customers as of %s; %s outcomes flip;"
                        + " %s records and %s customers the candidate could not judge%n%n", result.get("records"), result.get("customers"),
                        result.get("historyAsOf"), result.get("flipped"), result.get("unjudged"), result.get("customersUnjudged"));
                out.printf("%-24s %-28s %9s %9s  %s%n", "standard", String.join(" / ", keys), "before", "after", "flips");
                for (Impact.Row row : rows) {
                    out.printf("%-24s %-28s %9s %9s  %s%n", row.standard(), String.join(" / ", row.group().values()),
                            percent(row.before().rate()), percent(row.after().rate()),
                            row.flips().entrySet().stream().map(f -> f.getKey() + " " + f.getValue()).sorted()
                                    .collect(Collectors.joining(", ")));
                }
            }
        }
    }

    private static String percent(BigDecimal rate) {
        return rate == null ? "-" : rate.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP) + "%";
    }
}
