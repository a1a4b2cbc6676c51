package org.servicestandards.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.servicestandards.access.ApiKey;
import org.servicestandards.impact.Impact;
import org.servicestandards.impact.ImpactWork;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobState;
import org.servicestandards.jobs.Jobs;
import org.servicestandards.json.Json;
import org.servicestandards.report.GroupBy;
import org.servicestandards.rulesets.CandidateValidation;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleSet;

/**
 * Impact previews: what a candidate rule set (uploaded as to validate, or a version that has
 * served) would do to the stored records of a period, judged as a job without storing a verdict;
 * the finished preview as JSON or CSV.
 */
final class ImpactController {

    private final Jobs jobs;
    private final RuleSets ruleSets;
    private final JobsController jobWork;
    private final Clock clock;
    private final Audit audit;

    ImpactController(Jobs jobs, RuleSets ruleSets, JobsController jobWork, Clock clock, Audit audit) {
        this.jobs = jobs;
        this.ruleSets = ruleSets;
        this.jobWork = jobWork;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * POST /api/v1/rules/impact: {@code from}, {@code to}, {@code groupBy} (agent, team, tier,
     * channel); the body a candidate as to validate (a zip, or JSON {@code {"files": …}}) or JSON
     * {@code {"version": "sha256:…"}}. A candidate with problems is refused as validate refuses
     * it (422); otherwise 202 and the job.
     */
    void preview(Context ctx) {
        JobsController.Period period = JobsController.Period.of(ctx, clock);
        List<GroupBy> groupBy = Params.groupBy(ctx);
        for (GroupBy g : groupBy) {
            if (!Impact.DIMENSIONS.contains(g)) {
                throw Problem.badParameter("groupBy", "an impact is grouped by standard and any of agent, team, tier, channel; not "
                        + g.key());
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", period.from().toString());
        params.put("to", period.to().toString());
        params.put("groupBy", groupBy.stream().map(GroupBy::key).collect(Collectors.joining(",")));
        ApiKey caller = JobsController.caller(ctx);
        JsonNode root = Bodies.mediaType(ctx).equals("application/json") ? Bodies.json(ctx) : null;
        Job job;
        if (root != null && root.has("version")) {
            params.put("ruleset", served(root.get("version")).version());
            job = jobs.submit(ImpactWork.KIND, params, caller.actor(), caller.id());
        } else {
            Map<String, byte[]> files = RulesController.candidate(ctx);
            CandidateValidation validation = ruleSets.validate(files);
            if (!validation.ok()) {
                ctx.status(422).json(RuleSetResponses.Validation.of(validation, files.keySet(), ruleSets.current().version()));
                return;
            }
            params.put("ruleset", validation.version());
            byte[] input = ImpactWork.input(files);
            job = jobs.submit(ImpactWork.KIND, params, caller.actor(), caller.id(), new ByteArrayInputStream(input), input.length + 1L,
                    input.length + 1);
        }
        audit.record(ctx, "rules.impact", params.get("ruleset"), Map.of("job", job.id(), "params", params));
        jobWork.accepted(ctx, job);
    }

    private RuleSet served(JsonNode version) {
        if (!version.isTextual() || version.textValue().isBlank()) {
            throw new Problem(400, "invalid-request", "Invalid request",
                    "version names a rule set that has served (GET /api/v1/rules/versions), as \"sha256:…\"", List.of());
        }
        return JobsController.served(ruleSets, version.textValue());
    }

    /** GET /api/v1/rules/impact/{id}: a finished preview; {@code format=csv} for its rows as CSV. */
    void result(Context ctx) {
        Job job = jobWork.visible(ctx);
        if (!job.kind().equals(ImpactWork.KIND)) {
            throw Problem.notFound("job " + job.id() + " is no impact preview");
        }
        if (job.state() != JobState.SUCCEEDED) {
            throw new Problem(409, "preview-not-finished", "Impact preview not finished", "job " + job.id() + " is " + job.state()
                    + (job.state().ended() ? "" : "; follow it at /api/v1/jobs/" + job.id()), List.of());
        }
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("job", job.id());
        preview.put("from", job.params().get("from"));
        preview.put("to", job.params().get("to"));
        preview.putAll(job.result());
        if (!Params.format(ctx).equals("csv")) {
            ctx.json(preview);
            return;
        }
        List<String> groupBy = Json.mapper().convertValue(preview.get("groupBy"), new TypeReference<List<String>>() { });
        List<Impact.Row> rows = Json.mapper().convertValue(preview.get("rows"), new TypeReference<List<Impact.Row>>() { });
        audit.export(ctx, "impact", "impact_" + job.id(), Impact.csv(groupBy, rows));
    }
}
