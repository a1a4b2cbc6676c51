package org.servicestandards.impact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.servicestandards.interaction.Instants;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobInput;
import org.servicestandards.jobs.JobStore;
import org.servicestandards.jobs.JobWork;
import org.servicestandards.json.Json;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.GroupBy;
import org.servicestandards.rulesets.CandidateValidation;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleSet;

/**
 * An impact preview as a job: the stored records opened in [from, to) judged by a candidate rule
 * set (the files kept as the job's input, or a version that has served, {@code ruleset}) and
 * counted beside their current verdicts. Nothing is stored but the job's result. A preview is
 * whole or not at all: one taken over by another node starts again from the first record.
 */
public final class ImpactWork implements JobWork {

    public static final String KIND = "impact";
    /** How many flipped outcomes a preview shows with their findings. */
    public static final int KEPT_FLIPS = 200;

    private final StandardsService service;
    private final RuleSets ruleSets;
    private final JobStore jobs;

    public ImpactWork(StandardsService service, RuleSets ruleSets, JobStore jobs) {
        this.service = service;
        this.ruleSets = ruleSets;
        this.jobs = jobs;
    }

    @Override
    public void run(Job job, Progress progress) {
        Instant from = Instants.parse(job.params().get("from"));
        Instant to = Instants.parse(job.params().get("to"));
        RuleSet candidate = candidate(job);
        long total = service.reevaluationSize(from, to);
        Impact impact = new Impact(groupBy(job.params().get("groupBy")), KEPT_FLIPS);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleset", candidate.version());
        result.put("serving", ruleSets.current().version());
        if (!progress.checkpoint("", 0, total, result)) {
            return;
        }
        // The history standards as of the period's end, or as of when the preview was asked when that is earlier.
        Instant historyAsOf = to.isBefore(job.createdAt()) ? to : job.createdAt();
        result.put("historyAsOf", historyAsOf.toString());
        service.preview(candidate, from, to, historyAsOf, impact, (last, records) -> progress.checkpoint("", records, Math.max(total, records), result));
        if (!progress.holding()) {
            return;
        }
        Impact.Result done = impact.result();
        result.putAll(Json.mapper().convertValue(done, new TypeReference<Map<String, Object>>() { }));
        progress.checkpoint("", done.records(), Math.max(total, done.records()), result);
    }

    /** The dimensions of {@code groupBy} as a job keeps them: keys joined by commas. */
    public static List<GroupBy> groupBy(String keys) {
        List<GroupBy> groupBy = new ArrayList<>();
        if (keys != null && !keys.isBlank()) {
            for (String key : keys.split(",")) {
                groupBy.add(GroupBy.parse(key));
            }
        }
        return groupBy;
    }

    private RuleSet candidate(Job job) {
        Optional<Map<String, byte[]>> files = files(job);
        if (files.isEmpty()) {
            String version = job.params().get("ruleset");
            return ruleSets.compiled(version)
                    .orElseThrow(() -> new IllegalStateException("no rule set with version '" + version + "' has served"));
        }
        CandidateValidation validation = ruleSets.validate(files.get());
        return validation.set().orElseThrow(() -> new IllegalStateException("the candidate rule set no longer builds here: "
                + validation.problems().get(0)));
    }

    /** A candidate's files as a job's input: one line a file, {@code {"path": …, "content": base64}}. */
    public static byte[] input(Map<String, byte[]> files) {
        StringBuilder lines = new StringBuilder();
        files.forEach((path, content) -> {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("path", path);
            line.put("content", Base64.getEncoder().encodeToString(content));
            try {
                lines.append(Json.mapper().writeValueAsString(line)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The candidate's files kept as the job's input; empty when it names a version instead. */
    private Optional<Map<String, byte[]>> files(Job job) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int seq = 0; ; seq++) {
            Optional<JobStore.Chunk> chunk = jobs.input(job.id(), seq);
            if (chunk.isEmpty()) {
                break;
            }
            for (String line : new String(JobInput.lines(chunk.get().body()), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode file = Json.mapper().readTree(line);
                    files.put(file.get("path").textValue(), Base64.getDecoder().decode(file.get("content").textValue()));
                } catch (IOException e) {
                    throw new UncheckedIOException("job " + job.id() + "'s candidate files no longer read", e);
                }
            }
        }
        return files.isEmpty() ? Optional.empty() : Optional.of(files);
    }
}
