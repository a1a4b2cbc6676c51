package org.servicestandards.rulesets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.servicestandards.standards.RuleProblem;

/** The outcome of a load attempt; {@code version} is null when the rule set was refused. */
public record LoadResult(Instant at, LoadTrigger trigger, boolean ok, String version, List<RuleProblem> problems) {

    /** The audit log's action for this load: {@code rules.load} at start, {@code rules.reload} after, and so on. */
    public String auditAction() {
        return switch (trigger) {
            case START -> "rules.load";
            case PUBLISH -> "rules.publish";
            case ROLLBACK -> "rules.rollback";
            case CLUSTER -> "rules.follow";
            default -> "rules.reload";
        };
    }

    /** What the audit log keeps of this load, and the API answers: ok, the version, the problems. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("ok", ok);
        if (version != null) {
            summary.put("version", version);
        }
        if (!problems.isEmpty()) {
            summary.put("problems", problems.stream().map(RuleProblem::toString).toList());
        }
        return summary;
    }
}
