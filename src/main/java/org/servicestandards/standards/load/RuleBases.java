package org.servicestandards.standards.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.servicestandards.standards.RuleProblem;

/**
 * The two rule bases of a rule set: the per-interaction rules, and the history rules (package
 * "history"), which judge a customer's stored interactions and must not fire on each
 * record's own. {@code history} is null when there are no history rules.
 */
record RuleBases(KieBase records, KieBase history) {

    private static final AtomicLong BUILDS = new AtomicLong();

    /** Compiles verified sources, adding every error to {@code problems} (a base that does not build is null). */
    static RuleBases build(List<RuleSources.RuleSource> sources, List<RuleProblem> problems) {
        KieServices kie = KieServices.Factory.get();
        KieFileSystem recordFiles = kie.newKieFileSystem();
        KieFileSystem historyFiles = kie.newKieFileSystem();
        boolean hasHistory = false;
        Map<String, RuleSources.RuleSource> sourceOf = new LinkedHashMap<>();
        for (RuleSources.RuleSource source : sources) {
            String packageName = source.packageName();
            String folder = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
            // A folder that matches the package keeps Drools quiet. The verified DRL is what compiles.
            String stem = "src/main/resources/" + folder + source.path().replace('/', '_');
            String target = stem.replaceAll("\\.[^.]+$", "") + ".drl";
            if (sourceOf.containsKey(target)) {
                // x.drl beside x.dslr or x.csv: each keeps a name of its own.
                target = stem.replace('.', '_') + ".drl";
            }
            if (isHistoryPackage(packageName)) {
                historyFiles.write(target, source.drl());
                hasHistory = true;
            } else {
                recordFiles.write(target, source.drl());
            }
            sourceOf.put(target, source);
        }
        KieBase records = buildBase(kie, recordFiles, sourceOf, problems);
        return new RuleBases(records, hasHistory ? buildBase(kie, historyFiles, sourceOf, problems) : null);
    }

    /** Whether rules of this package judge customers' histories rather than single records. */
    static boolean isHistoryPackage(String packageName) {
        return packageName.equals(RuleSetLoader.HISTORY_PACKAGE) || packageName.startsWith(RuleSetLoader.HISTORY_PACKAGE + ".");
    }

    /** The rule names of every package of both bases. */
    Map<String, List<String>> rulesByPackage() {
        Map<String, List<String>> rules = new TreeMap<>();
        for (KieBase base : history == null ? List.of(records) : List.of(records, history)) {
            for (KiePackage pkg : base.getKiePackages()) {
                List<String> names = pkg.getRules().stream().map(Rule::getName).sorted().toList();
                if (!names.isEmpty()) {
                    rules.put(pkg.getName(), names);
                }
            }
        }
        return rules;
    }

    /** Whether the records' base declares the global {@code judging}. */
    boolean recordsDeclareJudging() {
        return declares(records, "judging");
    }

    /** Whether there is a history base and it declares the global {@code history}. */
    boolean historyDeclaresHistory() {
        return history != null && declares(history, "history");
    }

    private static boolean declares(KieBase base, String name) {
        return base.getKiePackages().stream().anyMatch(pkg -> pkg.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name)));
    }

    /** Builds one rule base, adding its errors to {@code problems}; null when it does not build. */
    private static KieBase buildBase(KieServices kie, KieFileSystem kfs, Map<String, RuleSources.RuleSource> sourceOf,
                                     List<RuleProblem> problems) {
        ReleaseId releaseId = kie.newReleaseId("org.servicestandards.rules", "rules", "1." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        boolean failed = false;
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            failed = true;
            RuleProblem problem = Diagnostics.locate(message, sourceOf);
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
        if (failed) {
            kie.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return kie.newKieContainer(releaseId).getKieBase();
        } finally {
            kie.getRepository().removeKieModule(releaseId);
        }
    }
}
