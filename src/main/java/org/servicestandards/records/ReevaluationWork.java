package org.servicestandards.records;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicestandards.interaction.Instants;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobWork;

/**
 * A re-evaluation as a job: the records opened in [from, to) judged again, a page at a time in
 * id order, by the rule set {@code ruleset} (the serving one when absent) as of {@code asOf}.
 * The cursor is the last id judged; a page judged twice stores its verdicts once more, and
 * reports count the current ones only.
 */
public final class ReevaluationWork implements JobWork {

    public static final String KIND = "reevaluate";

    private final StandardsService service;

    public ReevaluationWork(StandardsService service) {
        this.service = service;
    }

    @Override
    public void run(Job job, Progress progress) {
        Instant from = Instants.parse(job.params().get("from"));
        Instant to = Instants.parse(job.params().get("to"));
        Instant asOf = Instants.parse(job.params().get("asOf"));
        String version = job.params().get("ruleset");
        long total = service.reevaluationSize(from, to);
        long before = progress.done();
        Map<String, Object> result = new LinkedHashMap<>(job.result());
        // The last page's id, so the final checkpoint keeps it: a node taking over after it goes on from there.
        String[] last = {progress.cursor()};
        StandardsService.Reevaluation done = service.reevaluate(from, to, version, asOf, progress.cursor(), (id, records) -> {
            last[0] = id;
            result.put("records", before + records);
            return progress.checkpoint(id, before + records, Math.max(total, before + records), result);
        }).orElseThrow(() -> new IllegalStateException("no rule set with version '" + version + "' has served"));
        result.put("ruleset", done.ruleset());
        result.put("asOf", done.asOf().toString());
        result.put("records", before + done.records());
        progress.checkpoint(last[0], before + done.records(), Math.max(total, before + done.records()), result);
    }
}
