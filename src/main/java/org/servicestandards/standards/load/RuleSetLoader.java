package org.servicestandards.standards.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.servicestandards.calendar.BusinessCalendar;
import org.servicestandards.calendar.CalendarFile;
import org.servicestandards.interaction.ContentHash;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.StandardDefinition;

/**
 * Reads a rules directory and compiles it into a {@link RuleSet}, or reports every problem as
 * {@code file:line:column: message}. The layout:
 * <ul>
 *   <li>{@code standards.csv}: the standards (id, scope, severity, title, principle);</li>
 *   <li>{@code calendar.yaml}: business hours and holidays;</li>
 *   <li>{@code **}{@code /*.drl}: rules; {@code **}{@code /*.csv} elsewhere: decision tables.</li>
 * </ul>
 * Hidden files, editor backups and {@code examples/} are not part of the rule set.
 */
public final class RuleSetLoader {

    public static final String STANDARDS_FILE = "standards.csv";
    public static final String CALENDAR_FILE = "calendar.yaml";
    /** Rules in this package (or below it) judge a customer's history; all others judge each record. */
    public static final String HISTORY_PACKAGE = "history";

    private static final AtomicLong BUILDS = new AtomicLong();

    private final Clock clock;

    public RuleSetLoader(Clock clock) {
        this.clock = clock;
    }

    public RuleSetLoader() {
        this(Clock.systemUTC());
    }

    /** Loads the rule files under {@code directory}. */
    public RuleSet load(Path directory) {
        return compile(read(directory));
    }

    /** Reads the rule files of a directory, path (with '/') to content, in a stable order. */
    public static Map<String, byte[]> read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException(List.of(new RuleProblem(directory.toString(), 0, 0, "is not a directory")));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = directory.relativize(path).toString().replace('\\', '/');
                if (isRuleFile(relative)) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + directory, e);
        }
        return files;
    }

    /** Whether a path relative to the rules directory (with '/') is part of the rule set; editor backups are not. */
    public static boolean isRuleFile(String relative) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        if (name.startsWith(".") || name.startsWith("~") || name.endsWith("~")) {
            return false;
        }
        if (relative.startsWith(ExampleCases.FOLDER)) {
            return ExampleCases.isCase(relative);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".drl") || lower.endsWith(".dsl") || lower.endsWith(".dslr") || lower.endsWith(".csv")
                || lower.endsWith(".xlsx") || relative.equals(CALENDAR_FILE);
    }

    /** Compiles rule files given as path to content; the same files always give the same version. */
    public RuleSet compile(Map<String, byte[]> files) {
        List<RuleProblem> problems = new ArrayList<>();
        List<StandardDefinition> standards = standards(files, problems);
        BusinessCalendar calendar = calendar(files, problems);
        // Every rule file is verified against the vocabulary before anything of it is compiled or run.
        List<RuleSources.RuleSource> sources = RuleSources.read(files, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        Bases bases = Bases.build(sources, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((path, content) -> hashes.put(path, "sha256:" + ContentHash.sha256(content)));
        RuleSet ruleSet = new RuleSet(version(files), standards, calendar, files, hashes, bases.rulesByPackage(), clock.instant(),
                bases.records(), bases.declares(bases.records(), "judging"), bases.history(),
                bases.history() != null && bases.declares(bases.history(), "history"));
        return proven(ruleSet, files, sources);
    }

    private static List<StandardDefinition> standards(Map<String, byte[]> files, List<RuleProblem> problems) {
        if (!files.containsKey(STANDARDS_FILE)) {
            problems.add(new RuleProblem(STANDARDS_FILE, 0, 0, "is missing: the rule set must declare its standards"));
            return List.of();
        }
        return StandardsFile.read(text(files.get(STANDARDS_FILE)), problems);
    }

    private static BusinessCalendar calendar(Map<String, byte[]> files, List<RuleProblem> problems) {
        if (files.containsKey(CALENDAR_FILE)) {
            try {
                return CalendarFile.parse(text(files.get(CALENDAR_FILE)));
            } catch (CalendarFile.CalendarException e) {
                problems.add(new RuleProblem(CALENDAR_FILE, (int) e.line(), 0, e.getMessage()));
            }
        }
        return BusinessCalendar.standardWeek();
    }

    /**
     * The rule set, once its rules have judged the sample records and its example cases hold;
     * a rule that throws on a sample is reported where it is written.
     */
    private static RuleSet proven(RuleSet ruleSet, Map<String, byte[]> files, List<RuleSources.RuleSource> sources) {
        ExampleCases.Results examples;
        try {
            new Engine().evaluate(ruleSet, Probes.all(), Probes.AS_OF);
            Probes.judgeHistories(ruleSet);
            examples = ExampleCases.run(ruleSet, files);
        } catch (RuntimeException | LinkageError e) {
            throw new RuleSetException(List.of(Diagnostics.failure(e, sources)));
        }
        if (!examples.problems().isEmpty()) {
            throw new RuleSetException(examples.problems());
        }
        return ruleSet.withExamples(examples.cases(), examples.expectations());
    }

    /**
     * The two rule bases of a rule set: the per-interaction rules, and the history rules (package
     * "history"), which judge a customer's stored interactions and must not fire on each
     * record's own. {@code history} is null when there are no history rules.
     */
    private record Bases(KieBase records, KieBase history) {

        static Bases build(List<RuleSources.RuleSource> sources, List<RuleProblem> problems) {
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
            return new Bases(records, hasHistory ? buildBase(kie, historyFiles, sourceOf, problems) : null);
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

        /** Whether a package of {@code base} declares the global {@code name}. */
        boolean declares(KieBase base, String name) {
            return base.getKiePackages().stream().anyMatch(pkg -> pkg.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(name)));
        }
    }

    /** Whether rules of this package judge customers' histories rather than single records. */
    static boolean isHistoryPackage(String packageName) {
        return packageName.equals(HISTORY_PACKAGE) || packageName.startsWith(HISTORY_PACKAGE + ".");
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

    /** The version rule files would load as: a hash over their paths and contents. */
    public static String version(Map<String, byte[]> files) {
        MessageDigest digest = ContentHash.digest();
        for (Map.Entry<String, byte[]> file : new TreeMap<>(files).entrySet()) {
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.getValue());
            digest.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
