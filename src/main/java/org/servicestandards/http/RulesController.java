package org.servicestandards.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicestandards.rulesets.RuleFiles;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.rulesets.LoadResult;
import org.servicestandards.rulesets.CandidateValidation;

/** The rule set in service, and reloading it. */
final class RulesController {

    private final RuleSets ruleSets;

    private final Audit audit;

    RulesController(RuleSets ruleSets, Audit audit) {
        this.audit = audit;
        this.ruleSets = ruleSets;
    }

    void get(Context ctx) {
        ctx.json(RuleSetResponses.RuleSetView.of(ruleSets));
    }

    /**
     * Validates a candidate rule set: a zip of the rules directory ({@code application/zip}), or
     * JSON {@code {"files": {"path": "text", …}}}. Never changes what is loaded.
     */
    void validate(Context ctx) {
        Map<String, byte[]> files = candidate(ctx);
        CandidateValidation result = ruleSets.validate(files);
        ctx.status(result.ok() ? 200 : 422).json(RuleSetResponses.Validation.of(result, files.keySet(), ruleSets.current().version()));
    }

    /**
     * Publishes a candidate rule set, sent as to validate: when it compiles and its example cases
     * hold, it becomes the version every node serves (this one at once, the others within seconds).
     */
    void publish(Context ctx) {
        Map<String, byte[]> files = candidate(ctx);
        LoadResult result = ruleSets.publish(files, Access.caller(ctx).map(org.servicestandards.access.ApiKey::actor)
                .orElse("anonymous"));
        audit.record(ctx, result.auditAction(), "upload", result.summary());
        ctx.status(result.ok() ? 200 : 422).json(RuleSetResponses.Load.of(result, ruleSets.current().version()));
    }

    /** Serves a version that has served before, on every node: the explicit way back. */
    void rollback(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        JsonNode version = body == null ? null : body.get("version");
        if (version == null || !version.isTextual() || version.textValue().isBlank()) {
            throw new Problem(400, "invalid-request", "Invalid request",
                    "send {\"version\": \"sha256:…\"}, naming a version that has served (GET /api/v1/rules/versions)", List.of());
        }
        String wanted = version.textValue();
        LoadResult result = ruleSets.rollback(wanted, Access.caller(ctx).map(org.servicestandards.access.ApiKey::actor)
                        .orElse("anonymous"))
                .orElseThrow(() -> Problem.notFound("no rule set with version '" + wanted + "' has served"));
        audit.record(ctx, result.auditAction(), wanted, result.summary());
        ctx.status(result.ok() ? 200 : 422).json(RuleSetResponses.Load.of(result, ruleSets.current().version()));
    }

    /** The candidate files of a request: a zip of the rules directory, or JSON {@code {"files": {…}}}. */
    static Map<String, byte[]> candidate(Context ctx) {
        Map<String, byte[]> files;
        String type = Bodies.mediaType(ctx);
        try {
            if (type.equals("application/zip") || type.equals("application/octet-stream")) {
                files = RuleFiles.fromZip(Bodies.bytes(ctx));
            } else if (type.equals("application/json")) {
                files = fromJson(Bodies.json(ctx));
            } else {
                throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                        "send the rules directory as application/zip, or as JSON {\"files\": {\"path\": \"text\"}}", List.of());
            }
        } catch (IllegalArgumentException e) {
            throw new Problem(400, "invalid-rule-files", "Invalid rule files", e.getMessage(), List.of());
        }
        return files;
    }

    static Map<String, byte[]> fromJson(JsonNode root) {
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new IllegalArgumentException("send {\"files\": {\"path\": \"text\", …}} with at least one file");
        }
        Map<String, String> texts = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (!file.getValue().isTextual()) {
                throw new IllegalArgumentException("files/" + file.getKey() + " must be the file's text");
            }
            texts.put(file.getKey(), file.getValue().textValue());
        }
        return RuleFiles.fromTexts(texts);
    }

    void versions(Context ctx) {
        ctx.json(new RuleSetResponses.Versions(ruleSets.current().version(), ruleSets.versions()));
    }

    void version(Context ctx) {
        String version = ctx.pathParam("version");
        Map<String, byte[]> files = ruleSets.files(version)
                .orElseThrow(() -> Problem.notFound("no rule set with version '" + version + "' has served"));
        ctx.json(RuleSetResponses.VersionFiles.of(version, files));
    }

    /** The text of one rule of a version: what an auditor reads behind a finding's rule name. */
    void rule(Context ctx) {
        String version = ctx.pathParam("version");
        String name = Params.value(ctx, "name");
        if (name == null || name.isBlank()) {
            throw Problem.badParameter("name", "name the rule, as findings do");
        }
        Map<String, byte[]> files = ruleSets.files(version)
                .orElseThrow(() -> Problem.notFound("no rule set with version '" + version + "' has served"));
        ctx.json(RuleSets.ruleText(files, name)
                .orElseThrow(() -> Problem.notFound("rule set " + version + " has no rule named '" + name + "'")));
    }

    void reload(Context ctx) {
        LoadResult result = ruleSets.reload(LoadTrigger.REQUEST);
        audit.record(ctx, result.auditAction(), ruleSets.directory().toString(), result.summary());
        ctx.status(result.ok() ? 200 : 422).json(RuleSetResponses.Load.of(result, ruleSets.current().version()));
    }
}
