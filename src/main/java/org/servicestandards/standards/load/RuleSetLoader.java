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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.servicestandards.calendar.BusinessCalendars;
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
 *   <li>{@code calendar.yaml}: business hours and holidays, the default calendar; {@code calendars/NAME.yaml}: more;</li>
 *   <li>{@code **}{@code /*.drl}: rules; {@code **}{@code /*.csv} elsewhere: decision tables.</li>
 * </ul>
 * Hidden files, editor backups and {@code examples/} are not part of the rule set.
 */
public final class RuleSetLoader {

    public static final String STANDARDS_FILE = "standards.csv";
    public static final String CALENDAR_FILE = "calendar.yaml";
    /** Rules in this package (or below it) judge a customer's history; all others judge each record. */
    public static final String HISTORY_PACKAGE = "history";

    private final Clock clock;
    private final RuleBaseCache cache;

    /** A loader that keeps compiled rule bases in {@code cache}, and takes them from there when the same files come again. */
    public RuleSetLoader(Clock clock, RuleBaseCache cache) {
        this.clock = clock;
        this.cache = cache;
    }

    public RuleSetLoader(Clock clock) {
        this(clock, RuleBaseCache.NONE);
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
                || lower.endsWith(".xlsx") || CalendarFiles.isCalendar(relative);
    }

    /**
     * Compiles rule files given as path to content; the same files always give the same version.
     * Files compiled before by this engine and this build, and kept in the cache then, come from
     * there instead: they were verified and passed the same sample records and example cases.
     */
    public RuleSet compile(Map<String, byte[]> files) {
        String version = version(files);
        Optional<RuleSet> cached = cache.read(version).flatMap(entry -> fromCache(version, files, entry));
        if (cached.isPresent()) {
            return cached.get();
        }
        List<RuleProblem> problems = new ArrayList<>();
        List<StandardDefinition> standards = standards(files, problems);
        BusinessCalendars calendars = CalendarFiles.read(files, problems);
        // Every rule file is verified against the vocabulary before anything of it is compiled or run.
        List<RuleSources.RuleSource> sources = RuleSources.read(files, problems);
        CalendarFiles.check(sources, calendars, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        RuleBases bases = RuleBases.build(sources, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        // Serialised before any record is judged, so the entry holds the packages as compiled.
        byte[] packages = cache.serialize(bases);
        RuleSet ruleSet = assemble(version, files, standards, calendars, bases);
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
        cache.write(version, packages, examples.cases(), examples.expectations());
        return ruleSet.withExamples(examples.cases(), examples.expectations());
    }

    /** The rule set of files whose rule bases came from the cache; empty when the standards or calendar do not read. */
    private Optional<RuleSet> fromCache(String version, Map<String, byte[]> files, RuleBaseCache.Entry entry) {
        List<RuleProblem> problems = new ArrayList<>();
        List<StandardDefinition> standards = standards(files, problems);
        BusinessCalendars calendars = CalendarFiles.read(files, problems);
        if (!problems.isEmpty()) {
            cache.discard(version, "its files no longer read: " + problems.get(0));
            return Optional.empty();
        }
        return Optional.of(assemble(version, files, standards, calendars, entry.bases())
                .withExamples(entry.exampleCases(), entry.exampleExpectations()));
    }

    private RuleSet assemble(String version, Map<String, byte[]> files, List<StandardDefinition> standards,
                             BusinessCalendars calendars, RuleBases bases) {
        Map<String, String> hashes = new TreeMap<>();
        files.forEach((path, content) -> hashes.put(path, "sha256:" + ContentHash.sha256(content)));
        return new RuleSet(version, standards, calendars, files, hashes, bases.rulesByPackage(), clock.instant(),
                bases.records(), bases.recordsDeclareJudging(), bases.history(), bases.historyDeclaresHistory());
    }

    private static List<StandardDefinition> standards(Map<String, byte[]> files, List<RuleProblem> problems) {
        if (!files.containsKey(STANDARDS_FILE)) {
            problems.add(new RuleProblem(STANDARDS_FILE, 0, 0, "is missing: the rule set must declare its standards"));
            return List.of();
        }
        return StandardsFile.read(text(files.get(STANDARDS_FILE)), problems);
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
