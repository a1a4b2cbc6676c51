package org.servicestandards.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.servicestandards.access.ApiKey;
import org.servicestandards.access.Role;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobInput;
import org.servicestandards.jobs.Jobs;
import org.servicestandards.history.SweepWork;
import org.servicestandards.records.ImportWork;
import org.servicestandards.records.ReevaluationWork;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleSetException;

/**
 * Long work as jobs: an import of a file, a re-evaluation, a sweep on demand; every job read and
 * cancelled by id. A job is its starter's (the key that started it) and the admins': to any
 * other key it is not there (404), so job ids tell nobody else what runs.
 */
final class JobsController {

    /** The largest file an import takes. */
    static final long MAX_IMPORT_BYTES = 8L << 30;
    private static final Set<String> IMPORT_TYPES = Set.of("application/x-ndjson", "application/jsonl", "application/json-seq",
            "text/plain", "application/octet-stream");

    private final Jobs jobs;
    private final RuleSets ruleSets;
    private final HttpSettings settings;
    private final Clock clock;
    private final Audit audit;

    JobsController(Jobs jobs, RuleSets ruleSets, HttpSettings settings, Clock clock, Audit audit) {
        this.jobs = jobs;
        this.ruleSets = ruleSets;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * POST /api/v1/imports: NDJSON, read to its end into the store, then judged and stored as a
     * job; {@code asOf} judges every record as of that instant (a backfill), else each when its
     * chunk is judged.
     */
    void importFile(Context ctx) {
        String type = Bodies.mediaType(ctx);
        if (!type.isEmpty() && !IMPORT_TYPES.contains(type)) {
            throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                    "an import is NDJSON: one record a line, Content-Type application/x-ndjson", List.of());
        }
        Instant asOf = Params.instant(ctx, "asOf", null);
        Map<String, String> params = asOf == null ? Map.of() : Map.of("asOf", asOf.toString());
        ApiKey caller = caller(ctx);
        Job job;
        try {
            job = jobs.submit(ImportWork.KIND, params, caller.actor(), caller.id(), ctx.req().getInputStream(), MAX_IMPORT_BYTES,
                    (int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()));
        } catch (JobInput.Refused e) {
            throw new Problem(413, "body-too-large", "Body too large", e.getMessage(), List.of());
        } catch (IOException | UncheckedIOException e) {
            throw Bodies.unreadable(e);
        }
        audit.record(ctx, "import.start", job.id(), Map.of("records", job.total() == null ? 0 : job.total(), "params", params));
        accepted(ctx, job);
    }

    /**
     * POST /api/v1/reevaluate: the stored records opened in [from, to) judged again by the
     * serving rule set, or by an older one ({@code ruleset=}), as of {@code asOf}, as a job.
     */
    void reevaluate(Context ctx) {
        Period period = Period.of(ctx, clock);
        Instant from = period.from();
        Instant to = period.to();
        String version = Params.text(ctx, "ruleset", Set.of());
        Instant asOf = Params.instant(ctx, "asOf", clock.instant());
        String ruleset = served(ruleSets, version).version();
        Map<String, String> params = Map.of("from", from.toString(), "to", to.toString(), "ruleset", ruleset, "asOf", asOf.toString());
        Job job = submit(ctx, ReevaluationWork.KIND, params);
        audit.record(ctx, "reevaluate", ruleset, Map.of("job", job.id(), "params", params));
        accepted(ctx, job);
    }

    /**
     * POST /api/v1/history-standards/sweep: a sweep now (as of {@code asOf}, default now) that
     * keeps its outcomes, as a job. A sweep of record judges what has happened: an {@code asOf}
     * in the future would keep judgements of a time nobody has seen yet, so it is refused
     * (GET /api/v1/history-standards previews one).
     */
    void sweep(Context ctx) {
        Instant now = clock.instant();
        Instant asOf = Params.instant(ctx, "asOf", now);
        if (asOf.isAfter(now)) {
            throw Problem.badParameter("asOf", "is in the future (" + asOf + " is after now, " + now
                    + "): a sweep keeps what has happened; GET /api/v1/history-standards judges any instant without keeping it");
        }
        Job job = submit(ctx, SweepWork.KIND, Map.of("asOf", asOf.toString()));
        audit.record(ctx, "history.sweep", asOf.toString(), Map.of("job", job.id()));
        accepted(ctx, job);
    }

    /**
     * A rule set that has served, compiled to judge with (the serving one when {@code version} is
     * null): 404 when it never served, 422 when it no longer compiles here.
     */
    static org.servicestandards.standards.RuleSet served(RuleSets ruleSets, String version) {
        try {
            return ruleSets.compiled(version).orElseThrow(() -> Problem.notFound("no rule set with version '" + version + "' has served"));
        } catch (RuleSetException e) {
            throw new Problem(422, "rule-set-unusable", "Rule set cannot judge", "rule set " + version
                    + " no longer compiles here: " + e.problems().get(0), List.of());
        }
    }

    /** The records opened in [from, to) that long work takes: {@code to} defaults to now, {@code from} to 30 days before it. */
    record Period(Instant from, Instant to) {

        static Period of(Context ctx, Clock clock) {
            Instant to = Params.instant(ctx, "to", clock.instant());
            Instant from = Params.instant(ctx, "from", to.minus(ReportsController.DEFAULT_RANGE));
            if (!to.isAfter(from) || Duration.between(from, to).compareTo(ReportsController.MAX_RANGE) > 0) {
                throw Problem.badParameter("to", "must be after from, at most " + ReportsController.MAX_RANGE.toDays() + " days later");
            }
            return new Period(from, to);
        }
    }

    private Job submit(Context ctx, String kind, Map<String, String> params) {
        ApiKey caller = caller(ctx);
        return jobs.submit(kind, params, caller.actor(), caller.id());
    }

    /** Answers 202 with the job just started and where to follow it. */
    void accepted(Context ctx, Job job) {
        ctx.status(202).header("Location", "/api/v1/jobs/" + job.id()).json(view(job, clock.instant()));
    }

    /** GET /api/v1/jobs: the caller's jobs (an admin's: everyone's), newest first; {@code before} a job id, {@code limit}. */
    void list(Context ctx) {
        ApiKey caller = caller(ctx);
        int limit = Params.integer(ctx, "limit", 50, 1, 500);
        String before = Params.text(ctx, "before", Set.of());
        Instant now = clock.instant();
        List<Map<String, Object>> items = jobs.list(caller.may(Role.ADMIN) ? null : caller.id(), before, limit).stream()
                .map(job -> view(job, now)).toList();
        ctx.json(Map.of("items", items));
    }

    /** GET /api/v1/jobs/{id}. */
    void get(Context ctx) {
        ctx.json(view(visible(ctx), clock.instant()));
    }

    /** DELETE /api/v1/jobs/{id}: cancels a job that has not ended (what it did so far stays done); 409 when it has. */
    void cancel(Context ctx) {
        Job job = visible(ctx);
        if (job.state().ended()) {
            throw new Problem(409, "job-ended", "Job has ended", "job " + job.id() + " ended as " + job.state() + "; nothing to cancel",
                    List.of());
        }
        Job cancelled = jobs.cancel(job.id(), caller(ctx).actor()).orElseThrow();
        if (cancelled.state() != org.servicestandards.jobs.JobState.CANCELLED) {
            throw new Problem(409, "job-ended", "Job has ended", "job " + job.id() + " ended as " + cancelled.state()
                    + " before it could be cancelled", List.of());
        }
        audit.record(ctx, "job.cancel", job.id(), Map.of("kind", job.kind(), "done", cancelled.done()));
        ctx.json(view(cancelled, clock.instant()));
    }

    /** The job of the path's id, when it is the caller's (or the caller is an admin); else 404. */
    Job visible(Context ctx) {
        String id = ctx.pathParam("id");
        ApiKey caller = caller(ctx);
        return jobs.find(id).filter(job -> caller.may(Role.ADMIN) || caller.id().equals(job.keyId()))
                .orElseThrow(() -> Problem.notFound("no job with id '" + id + "' of yours"));
    }

    static ApiKey caller(Context ctx) {
        return Access.caller(ctx).orElseThrow(() -> new IllegalStateException("a job route ran without a key"));
    }

    /** A job as the API shows it (schema Job). */
    static Map<String, Object> view(Job job, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("kind", job.kind());
        view.put("state", job.state().name());
        view.put("params", job.params());
        view.put("startedBy", job.startedBy());
        view.put("createdAt", job.createdAt());
        put(view, "startedAt", job.startedAt());
        view.put("updatedAt", job.updatedAt());
        put(view, "finishedAt", job.finishedAt());
        view.put("done", job.done());
        put(view, "total", job.total());
        put(view, "rate", job.rate(now).map(rate -> Math.round(rate * 10) / 10.0).orElse(null));
        put(view, "estimatedEnd", job.estimatedEnd(now).orElse(null));
        put(view, "node", job.state().ended() ? null : job.node());
        view.put("runs", job.runs());
        view.put("result", job.result());
        put(view, "error", job.error());
        put(view, "cancelledBy", job.cancelledBy());
        return view;
    }

    private static void put(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
