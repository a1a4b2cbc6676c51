package org.servicestandards.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.servicestandards.rulesets.RuleFiles;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;

/** The rule set in service, and reloading it. */
final class RulesController {

    private final RuleSets ruleSets;

    private final Audit audit;

    RulesController(RuleSets ruleSets, Audit audit) {
        this.audit = audit;
        this.ruleSets = ruleSets;
    }

    void get(Context ctx) {
        RuleSet rules = ruleSets.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", rules.version());
        body.put("loadedAt", rules.loadedAt());
        body.put("directory", ruleSets.directory().toString());
        body.put("standards", rules.standards());
        body.put("examples", Map.of("cases", rules.exampleCases(), "expectations", rules.exampleExpectations()));
        body.put("rules", rules.rulesByPackage());
        body.put("files", rules.files());
        body.put("lastReload", lastLoad(ruleSets.lastLoad()));
        body.put("reloads", reloads());
        ctx.json(body);
    }

    /**
     * Validates a candidate rule set: a zip of the rules directory ({@code application/zip}), or
     * JSON {@code {"files": {"path": "text", …}}}. Never changes what is loaded.
     */
    void validate(Context ctx) {
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
        RuleSets.Validation result = ruleSets.validate(files);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", result.ok());
        body.put("version", result.version());
        body.put("files", files.keySet());
        body.put("examples", Map.of("cases", result.exampleCases(), "expectations", result.exampleExpectations()));
        body.put("problems", result.problems().stream().map(RuleProblem::toString).toList());
        body.put("serving", ruleSets.current().version());
        ctx.status(result.ok() ? 200 : 422).json(body);
    }

    private static Map<String, byte[]> fromJson(JsonNode root) {
        JsonNode files = root == null ? null : root.get("files");
        if (files == null || !files.isObject() || files.isEmpty()) {
            throw new IllegalArgumentException("send {\"files\": {\"path\": \"text\", …}} with at least one file");
        }
        Map<String, byte[]> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> file = it.next();
            if (!file.getValue().isTextual()) {
                throw new IllegalArgumentException("files/" + file.getKey() + " must be the file's text");
            }
            if (file.getKey().startsWith("/") || file.getKey().contains("..")) {
                throw new IllegalArgumentException("files/" + file.getKey() + " points outside the rules directory");
            }
            result.put(file.getKey(), file.getValue().textValue().getBytes(StandardCharsets.UTF_8));
        }
        return result;
    }

    void versions(Context ctx) {
        ctx.json(Map.of("serving", ruleSets.current().version(), "versions", ruleSets.versions()));
    }

    void version(Context ctx) {
        String version = ctx.pathParam("version");
        Map<String, byte[]> files = ruleSets.files(version)
                .orElseThrow(() -> Problem.notFound("no rule set with version '" + version + "' has served"));
        Map<String, Object> shown = new LinkedHashMap<>();
        files.forEach((path, content) -> shown.put(path, Map.of("encoding", "base64".equals(encoding(content)) ? "base64" : "utf-8",
                "content", "base64".equals(encoding(content)) ? java.util.Base64.getEncoder().encodeToString(content)
                        : new String(content, StandardCharsets.UTF_8))));
        ctx.json(Map.of("version", version, "files", shown));
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

    private static String encoding(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(content));
            return "utf-8";
        } catch (java.nio.charset.CharacterCodingException e) {
            return "base64";
        }
    }

    void reload(Context ctx) {
        RuleSets.LoadResult result = ruleSets.reload(RuleSets.Trigger.REQUEST);
        audit.record(ctx, "rules.reload", ruleSets.directory().toString(), result.summary());
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
