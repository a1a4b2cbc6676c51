package org.servicestandards.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.servicestandards.rulesets.RuleSetArchive;
import org.servicestandards.rulesets.RuleSetVersion;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.rulesets.ReloadCounts;
import org.servicestandards.rulesets.LoadTrigger;
import org.servicestandards.rulesets.LoadResult;
import org.servicestandards.rulesets.CandidateValidation;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.StandardDefinition;

/** The bodies of the rules routes, each the shape of its schema in openapi.yaml. */
final class RuleSetResponses {

    private RuleSetResponses() {
    }

    /** ExampleCounts: the officers' example cases and the expectations they hold. */
    record ExampleCounts(int cases, int expectations) {
    }

    /** Load: one load of the rules directory, accepted or refused, beside the version serving now. */
    record Load(Instant at, LoadTrigger trigger, boolean ok, String version, String serving, List<String> problems) {

        static Load of(LoadResult result, String serving) {
            return new Load(result.at(), result.trigger(), result.ok(), result.version(), serving, lines(result.problems()));
        }
    }

    /** Accepted and refused loads since start, in all and by trigger: refusals must not go unnoticed. */
    record Reloads(long ok, long refused, Map<LoadTrigger, ReloadCounts> byTrigger) {

        static Reloads of(RuleSets ruleSets) {
            ReloadCounts total = ruleSets.totalReloadCounts();
            return new Reloads(total.ok(), total.refused(), ruleSets.reloadCounts());
        }
    }

    /** RuleSetView: the rule set this node serves, the cluster's version, and what each node serves. */
    record RuleSetView(String version, Instant loadedAt, String directory, String directoryVersion, String node,
                       RuleSetArchive.Serving cluster, List<RuleSetArchive.NodeServing> nodes, List<StandardDefinition> standards,
                       ExampleCounts examples, Map<String, List<String>> rules, Map<String, String> files, Load lastReload,
                       Reloads reloads) {

        static RuleSetView of(RuleSets ruleSets) {
            RuleSet rules = ruleSets.current();
            return new RuleSetView(rules.version(), rules.loadedAt(), ruleSets.directory().toString(), ruleSets.directoryVersion(),
                    ruleSets.node(), ruleSets.clusterServing().orElse(null), ruleSets.nodes(), rules.standards(),
                    new ExampleCounts(rules.exampleCases(), rules.exampleExpectations()), rules.rulesByPackage(), rules.files(),
                    Load.of(ruleSets.lastLoad(), rules.version()), Reloads.of(ruleSets));
        }
    }

    /** Validation: what a candidate rule set would be, and the version serving meanwhile. */
    record Validation(boolean ok, String version, List<String> files, ExampleCounts examples, List<String> problems,
                      String serving) {

        static Validation of(CandidateValidation result, Iterable<String> files, String serving) {
            List<String> names = new ArrayList<>();
            files.forEach(names::add);
            return new Validation(result.ok(), result.version(), names,
                    new ExampleCounts(result.exampleCases(), result.exampleExpectations()), lines(result.problems()), serving);
        }
    }

    /** GET /api/v1/rules/versions. */
    record Versions(String serving, List<RuleSetVersion> versions) {
    }

    /** GET /api/v1/rules/versions/{version}: each file as it was, text in UTF-8 and anything else in base64. */
    record VersionFiles(String version, Map<String, FileContent> files) {

        static VersionFiles of(String version, Map<String, byte[]> files) {
            Map<String, FileContent> shown = new LinkedHashMap<>();
            files.forEach((path, content) -> shown.put(path, FileContent.of(content)));
            return new VersionFiles(version, shown);
        }
    }

    /** One file of a version. */
    record FileContent(String encoding, String content) {

        static FileContent of(byte[] content) {
            try {
                return new FileContent("utf-8", StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content)).toString());
            } catch (CharacterCodingException e) {
                return new FileContent("base64", Base64.getEncoder().encodeToString(content));
            }
        }
    }

    /** Each problem as {@code file:line:column: message}. */
    private static List<String> lines(List<RuleProblem> problems) {
        return problems.stream().map(RuleProblem::toString).toList();
    }
}
