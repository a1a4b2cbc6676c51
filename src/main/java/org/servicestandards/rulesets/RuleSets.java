package org.servicestandards.rulesets;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.servicestandards.access.AuditLog;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.RuleText;
import org.servicestandards.standards.load.RuleSetLoader;
import org.servicestandards.standards.load.RuleTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set in service, swapped atomically. A reload that fails leaves the last good rule set
 * serving and records why; every verdict comes from exactly one rule set, because a request reads
 * {@link #current()} once and judges all its records with what it got.
 */
public final class RuleSets {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

    /** What asked for a load. */
    public enum Trigger {
        /** The service starting. */
        START,
        /** The rules directory changed on disk. */
        WATCH,
        /** Someone asked for it (POST /api/v1/rules/reload). */
        REQUEST
    }

    /** The outcome of a load attempt; {@code version} is null when the rule set was refused. */
    public record LoadResult(Instant at, Trigger trigger, boolean ok, String version, List<RuleProblem> problems) {

        /** What the audit log keeps of a load: accepted or refused, the version, the problems. */
        /** The audit log's action for this load: {@code rules.load} at start, {@code rules.reload} after. */
        public String auditAction() {
            return trigger == Trigger.START ? "rules.load" : "rules.reload";
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

    /** How many load attempts were accepted and refused, for one trigger or in all. */
    public record ReloadCounts(long ok, long refused) {
    }

    /** Older rule sets compiled for re-judging, the few most recent kept. */
    private final Map<String, RuleSet> recent = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
            return size() > 3;
        }
    };
    private final RuleSetArchive archive;
    private final Path directory;
    private final RuleSetLoader loader;
    private final Clock clock;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final AtomicReference<LoadResult> lastLoad = new AtomicReference<>();
    private final Map<Trigger, AtomicLong> accepted = counters();
    private final Map<Trigger, AtomicLong> refused = counters();

    private RuleSets(Path directory, RuleSetLoader loader, Clock clock, RuleSetArchive archive) {
        this.directory = directory;
        this.loader = loader;
        this.clock = clock;
        this.archive = archive;
    }

    /** Loads the directory; the service cannot start without a good rule set, so this throws if it fails. */
    public static RuleSets load(Path directory, Clock clock) {
        return load(directory, clock, RuleSetArchive.NONE);
    }

    /** Loads the directory, keeping every rule set that serves in the archive (when there is one). */
    public static RuleSets load(Path directory, Clock clock, RuleSetArchive archive) {
        RuleSets rules = new RuleSets(directory, new RuleSetLoader(clock), clock, archive);
        LoadResult result = rules.reload(Trigger.START);
        if (!result.ok()) {
            throw new RuleSetException(result.problems());
        }
        return rules;
    }

    public RuleSet current() {
        return current.get();
    }

    public LoadResult lastLoad() {
        return lastLoad.get();
    }

    public Path directory() {
        return directory;
    }

    /** Accepted and refused loads by what triggered them (every trigger present, zero when none). */
    public Map<Trigger, ReloadCounts> reloadCounts() {
        Map<Trigger, ReloadCounts> counts = new EnumMap<>(Trigger.class);
        for (Trigger trigger : Trigger.values()) {
            counts.put(trigger, new ReloadCounts(accepted.get(trigger).get(), refused.get(trigger).get()));
        }
        return counts;
    }

    /** Accepted and refused loads, whatever triggered them. */
    public ReloadCounts totalReloadCounts() {
        long ok = 0;
        long no = 0;
        for (ReloadCounts counts : reloadCounts().values()) {
            ok += counts.ok();
            no += counts.refused();
        }
        return new ReloadCounts(ok, no);
    }

    private void archive(RuleSet loaded, LoadResult result) {
        try {
            archive.recordLoad(loaded.version(), loaded.sources(), result.at(), result.trigger().name());
        } catch (RuntimeException e) {
            // The rule set serves either way; only its history is incomplete.
            LOG.warn("rule set {} serves but could not be archived", loaded.version(), e);
        }
    }

    /** Every rule set that has served, newest first; empty without an archive. */
    public List<RuleSetVersion> versions() {
        return archive.versions();
    }

    /** The files of a rule set that has served. */
    public Optional<Map<String, byte[]>> files(String version) {
        if (current.get() != null && current.get().version().equals(version)) {
            return Optional.of(current.get().sources());
        }
        return archive.files(version);
    }

    /** Writes a load to the audit log in {@code actor}'s name: the one form every load is audited in. */
    public void audit(AuditLog log, String actor, LoadResult result) {
        log.append(actor, result.auditAction(), directory.toString(), result.summary());
    }

    /** The text of the rule named {@code rule} in a rule set's {@code files}, as an auditor reads it behind a finding. */
    public static Optional<RuleText> ruleText(Map<String, byte[]> files, String rule) {
        return RuleTexts.find(files, rule);
    }

    /** A rule set that has served, compiled again from its archived files (the serving one as it is). */
    public Optional<RuleSet> compiled(String version) {
        RuleSet serving = current.get();
        if (version == null || serving.version().equals(version)) {
            return Optional.of(serving);
        }
        synchronized (recent) {
            RuleSet cached = recent.get(version);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<RuleSet> compiled = files(version).map(loader::compile);
        compiled.ifPresent(set -> {
            synchronized (recent) {
                recent.put(version, set);
            }
        });
        return compiled;
    }

    /** The outcome of validating a candidate rule set, which is never loaded. */
    public record Validation(boolean ok, String version, int exampleCases, int exampleExpectations,
                             List<RuleProblem> problems) {
    }

    /** Compiles candidate files and runs their example cases; what is serving does not change. */
    public Validation validate(Map<String, byte[]> files) {
        try {
            RuleSet candidate = loader.compile(files);
            return new Validation(true, candidate.version(), candidate.exampleCases(), candidate.exampleExpectations(), List.of());
        } catch (RuleSetException e) {
            return new Validation(false, null, 0, 0, e.problems());
        } catch (RuntimeException e) {
            // Whatever the engine throws on a candidate is the candidate's problem, not a server error.
            LOG.warn("candidate rule set could not be built", e);
            return new Validation(false, null, 0, 0, List.of(new RuleProblem("rules", 0, 0, "could not be built: " + e)));
        }
    }

    private final java.util.List<java.util.function.Consumer<LoadResult>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Hears of every reload from now on, accepted or refused (for the audit log). */
    public void onReload(java.util.function.Consumer<LoadResult> listener) {
        listeners.add(listener);
    }

    private LoadResult told(LoadResult result) {
        for (java.util.function.Consumer<LoadResult> listener : listeners) {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                LOG.error("a listener of rule-set reloads failed on {}", result, e);
            }
        }
        return result;
    }

    /** Reads and loads the directory again; on failure the current rule set stays. */
    public synchronized LoadResult reload(Trigger trigger) {
        Map<String, byte[]> files;
        try {
            files = RuleSetLoader.read(directory);
        } catch (RuleSetException e) {
            return refuse(trigger, e.problems());
        } catch (UncheckedIOException e) {
            // A file removed or replaced while the directory was read: the set as read is not one the officer wrote.
            return refuse(trigger, List.of(new RuleProblem(directory.toString(), 0, 0,
                    "could not be read: " + e.getCause())));
        }
        return reload(trigger, files);
    }

    /**
     * Loads rule files already read from the directory (path to content, as
     * {@link RuleSetLoader#read(Path)} gives them), so a caller that made sure the files were
     * stable compiles exactly what it checked. On failure the current rule set stays.
     */
    public synchronized LoadResult reload(Trigger trigger, Map<String, byte[]> files) {
        RuleSet loaded;
        try {
            loaded = loader.compile(files);
        } catch (RuleSetException e) {
            return refuse(trigger, e.problems());
        } catch (RuntimeException e) {
            // Whatever the engine throws, a rule set it cannot build is refused like any other.
            LOG.warn("rule set in {} could not be built", directory, e);
            return refuse(trigger, List.of(new RuleProblem(directory.toString(), 0, 0, "could not be built: " + e)));
        }
        current.set(loaded);
        LoadResult result = new LoadResult(clock.instant(), trigger, true, loaded.version(), List.of());
        archive(loaded, result);
        lastLoad.set(result);
        accepted.get(trigger).incrementAndGet();
        LOG.info("rule set {} loaded from {} ({}): {} standards", loaded.version(), directory, trigger,
                loaded.standards().size());
        return told(result);
    }

    private LoadResult refuse(Trigger trigger, List<RuleProblem> problems) {
        LoadResult result = new LoadResult(clock.instant(), trigger, false, null, problems);
        lastLoad.set(result);
        refused.get(trigger).incrementAndGet();
        LOG.warn("rule set in {} refused ({}); {} keeps serving:\n{}", directory, trigger,
                current.get() == null ? "nothing" : current.get().version(),
                problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        return told(result);
    }

    private static Map<Trigger, AtomicLong> counters() {
        Map<Trigger, AtomicLong> counters = new EnumMap<>(Trigger.class);
        for (Trigger trigger : Trigger.values()) {
            counters.put(trigger, new AtomicLong());
        }
        return counters;
    }
}
