package org.servicestandards.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.servicestandards.service.RuleSets;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;

/** The rule set in service, and reloading it. */
final class RulesController {

    private final RuleSets ruleSets;

    RulesController(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    void get(Context ctx) {
        RuleSet rules = ruleSets.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", rules.version());
        body.put("loadedAt", rules.loadedAt());
        body.put("directory", ruleSets.directory().toString());
        body.put("standards", rules.standards());
        body.put("rules", rules.rulesByPackage());
        body.put("files", rules.files());
        body.put("lastReload", lastLoad(ruleSets.lastLoad()));
        body.put("reloads", reloads());
        ctx.json(body);
    }

    void reload(Context ctx) {
        RuleSets.LoadResult result = ruleSets.reload(RuleSets.Trigger.REQUEST);
        ctx.status(result.ok() ? 200 : 422).json(lastLoad(result));
    }

    private Map<String, Object> lastLoad(RuleSets.LoadResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", result.at());
        body.put("trigger", result.trigger());
        body.put("ok", result.ok());
        body.put("version", result.version());
        body.put("serving", ruleSets.current().version());
        body.put("problems", result.problems().stream().map(RuleProblem::toString).toList());
        return body;
    }

    /** Accepted and refused loads since start, in all and by trigger: refusals must not go unnoticed. */
    private Map<String, Object> reloads() {
        RuleSets.ReloadCounts total = ruleSets.totalReloadCounts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", total.ok());
        body.put("refused", total.refused());
        body.put("byTrigger", ruleSets.reloadCounts());
        return body;
    }
}
