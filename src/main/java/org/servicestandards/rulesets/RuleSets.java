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
 *
 * <p>With a store, the store decides which version serves the cluster: a rule set this node loads
 * from its directory (at start, by the watcher, on request) is published there, and {@link #follow}
 * takes up whatever another node or the {@code publish} command made serving. A directory never
 * takes the cluster back to a version that has served before (a node started with an old copy of
 * {@code rules/} serves the cluster's version); going back is {@link #rollback}, asked for explicitly.
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
        REQUEST,
        /** Another node, or the publish command, made it the cluster's version. */
        CLUSTER,
        /** Files uploaded (POST /api/v1/rules/publish) or published by the publish command. */
        PUBLISH,
        /** An explicit request to serve a version that has served before (POST /api/v1/rules/rollback). */
        ROLLBACK;

        /** Whether this load reads the node's own rules directory. */
        boolean readsDirectory() {
            return this == START || this == WATCH || this == REQUEST;
        }

        /** Whether a load recorded with {@code trigger} read a node's directory (one not known here counts as such). */
        static boolean readsDirectory(String trigger) {
            for (Trigger known : values()) {
                if (known.name().equals(trigger)) {
                    return known.readsDirectory();
                }
            }
            return true;
        }
    }

    /** The outcome of a load attempt; {@code version} is null when the rule set was refused. */
    public record LoadResult(Instant at, Trigger trigger, boolean ok, String version, List<RuleProblem> problems) {

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
    private final String node;
    /** The version the files of the directory would load as when last read; null when they could not be read. */
    private final AtomicReference<String> directoryVersion = new AtomicReference<>();
    /** A cluster version this node could not build, so it is not tried again every second. */
    private volatile String unbuildable;
    private final Path directory;
    private final RuleSetLoader loader;
    private final Clock clock;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final AtomicReference<LoadResult> lastLoad = new AtomicReference<>();
    private final Map<Trigger, AtomicLong> accepted = counters();
    private final Map<Trigger, AtomicLong> refused = counters();

    private RuleSets(Path directory, RuleSetLoader loader, Clock clock, RuleSetArchive archive, String node) {
        this.node = node;
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
        return load(directory, clock, archive, "local");
    }

    /**
     * Loads the directory as node {@code node} of the cluster whose store {@code archive} is: the
     * directory's rule set serves and is published unless it is one that has served before and the
     * cluster serves another; then, or when the directory cannot be used, the cluster's serves.
     * Throws when neither can.
     */
    public static RuleSets load(Path directory, Clock clock, RuleSetArchive archive, String node) {
        RuleSets rules = new RuleSets(directory, new RuleSetLoader(clock), clock, archive, node);
        LoadResult result = rules.reload(Trigger.START);
        if (rules.current() == null) {
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

    /** The name this node goes by in the cluster. */
    public String node() {
        return node;
    }

    /** The version the files in the directory would load as when last read; null when they could not be read. */
    public String directoryVersion() {
        return directoryVersion.get();
    }

    /** The version serving the cluster; empty without a store (or before the first publication). */
    public Optional<RuleSetArchive.Serving> clusterServing() {
        return archive.serving();
    }

    /** The nodes heard from in the last ten minutes: what each serves and what its directory holds. */
    public List<RuleSetArchive.NodeServing> nodes() {
        return archive.nodes(clock.instant().minus(NODES_SHOWN));
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

    /** How long a node that is no longer heard from still shows in {@link #nodes()}. */
    private static final java.time.Duration NODES_SHOWN = java.time.Duration.ofMinutes(10);

    /** Tells the store what this node serves now, and what its directory holds. */
    public void heartbeat() {
        RuleSet serving = current.get();
        if (serving == null) {
            return;
        }
        try {
            archive.nodeServes(new RuleSetArchive.NodeServing(node, serving.version(), directoryVersion.get(), clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not tell the store that {} serves {}", node, serving.version(), e);
        }
    }

    /**
     * Serves the version the store says serves the cluster, when this node serves another:
     * compiled from the archived files. Empty when there was nothing to do.
     */
    public synchronized Optional<LoadResult> follow() {
        Optional<RuleSetArchive.Serving> serving = archive.serving();
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        String version = serving.get().version();
        if ((current.get() != null && current.get().version().equals(version)) || version.equals(unbuildable)) {
            return Optional.empty();
        }
        Optional<Map<String, byte[]>> files = archive.files(version);
        if (files.isEmpty()) {
            unbuildable = version;
            return Optional.of(refuse(Trigger.CLUSTER, List.of(new RuleProblem("rules", 0, 0,
                    "the cluster serves " + version + ", whose files the store does not hold"))));
        }
        RuleSet loaded;
        try {
            loaded = compiled(version).orElseThrow();
        } catch (RuleSetException e) {
            unbuildable = version;
            return Optional.of(refuse(Trigger.CLUSTER, e.problems()));
        } catch (RuntimeException e) {
            unbuildable = version;
            LOG.warn("the cluster's rule set {} could not be built here", version, e);
            return Optional.of(refuse(Trigger.CLUSTER, List.of(new RuleProblem("rules", 0, 0, "could not be built: " + e))));
        }
        return Optional.of(serve(loaded, Trigger.CLUSTER, null));
    }

    /**
     * Makes {@code version}, which has served before, the cluster's version again: the explicit,
     * audited way back. Empty when no such version has served.
     */
    public synchronized Optional<LoadResult> rollback(String version, String by) {
        if (archive.files(version).isEmpty()) {
            return Optional.empty();
        }
        RuleSet loaded;
        try {
            loaded = compiled(version).orElseThrow();
        } catch (RuleSetException e) {
            return Optional.of(refuse(Trigger.ROLLBACK, e.problems()));
        }
        return Optional.of(serve(loaded, Trigger.ROLLBACK, by));
    }

    /**
     * Compiles uploaded rule files, runs their example cases and, when they hold, makes them the
     * cluster's version (whatever has served before: the files are named explicitly).
     */
    public synchronized LoadResult publish(Map<String, byte[]> files, String by) {
        RuleSet loaded;
        try {
            loaded = loader.compile(files);
        } catch (RuleSetException e) {
            return refuse(Trigger.PUBLISH, e.problems());
        } catch (RuntimeException e) {
            LOG.warn("uploaded rule set could not be built", e);
            return refuse(Trigger.PUBLISH, List.of(new RuleProblem("rules", 0, 0, "could not be built: " + e)));
        }
        return serve(loaded, Trigger.PUBLISH, by);
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
        if (serving != null && (version == null || serving.version().equals(version))) {
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
            directoryVersion.set(null);
            return fromCluster(trigger, e.problems());
        } catch (UncheckedIOException e) {
            // A file removed or replaced while the directory was read: the set as read is not one the officer wrote.
            directoryVersion.set(null);
            return fromCluster(trigger, List.of(new RuleProblem(directory.toString(), 0, 0,
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
        String read = RuleSetLoader.version(files);
        directoryVersion.set(read);
        Optional<RuleSetArchive.Serving> cluster = archive.serving();
        if (cluster.isPresent() && !cluster.get().version().equals(read) && archive.files(read).isPresent()) {
            return fromCluster(trigger, List.of(new RuleProblem(directory.toString(), 0, 0, "holds rule set " + read
                    + ", which has served before, while the cluster serves " + cluster.get().version()
                    + ": a rules directory never takes the cluster back; ask for it with POST /api/v1/rules/rollback")));
        }
        if (trigger == Trigger.START && cluster.isPresent() && !cluster.get().version().equals(read)
                && !Trigger.readsDirectory(cluster.get().trigger())) {
            // Published explicitly (the publish command, an upload, a rollback): a node starting
            // with whatever copy it has must not undo that. Reloading or editing its directory still publishes.
            return fromCluster(trigger, List.of(new RuleProblem(directory.toString(), 0, 0, "holds rule set " + read
                    + " while the cluster serves " + cluster.get().version() + ", published by " + cluster.get().publishedBy()
                    + " (" + cluster.get().trigger() + "): a node does not publish its directory at start over an explicit"
                    + " publication; reload it (POST /api/v1/rules/reload) to publish it")));
        }
        RuleSet loaded;
        try {
            loaded = loader.compile(files);
        } catch (RuleSetException e) {
            return fromCluster(trigger, e.problems());
        } catch (RuntimeException e) {
            // Whatever the engine throws, a rule set it cannot build is refused like any other.
            LOG.warn("rule set in {} could not be built", directory, e);
            return fromCluster(trigger, List.of(new RuleProblem(directory.toString(), 0, 0, "could not be built: " + e)));
        }
        return serve(loaded, trigger, cluster.isPresent() && cluster.get().version().equals(loaded.version()) ? null : node);
    }

    /**
     * Refuses what the directory holds. At start the node then serves the cluster's version, so a
     * bad or old copy of {@code rules/} on one node never keeps it from serving what the others do.
     */
    private LoadResult fromCluster(Trigger trigger, List<RuleProblem> problems) {
        if (trigger == Trigger.START) {
            follow();
        }
        return refuse(trigger, problems);
    }

    /**
     * Serves {@code loaded}: published first as the cluster's version when {@code publishedBy} is
     * not null (a publication the store refuses is a refused load: serving it here alone would be
     * undone by {@link #follow} a second later).
     */
    private LoadResult serve(RuleSet loaded, Trigger trigger, String publishedBy) {
        Instant at = clock.instant();
        LoadResult result = new LoadResult(at, trigger, true, loaded.version(), List.of());
        if (publishedBy != null) {
            try {
                archive.publish(loaded.version(), loaded.sources(), at, trigger.name(), publishedBy);
            } catch (RuntimeException e) {
                LOG.error("rule set {} could not be published", loaded.version(), e);
                return refuse(trigger, List.of(new RuleProblem("rules", 0, 0, "could not be published to the store: " + e)));
            }
        } else {
            archive(loaded, result);
        }
        current.set(loaded);
        unbuildable = null;
        lastLoad.set(result);
        accepted.get(trigger).incrementAndGet();
        LOG.info("rule set {} serves ({}{}): {} standards", loaded.version(), trigger,
                publishedBy == null ? "" : ", published by " + publishedBy, loaded.standards().size());
        heartbeat();
        return told(result);
    }

    private LoadResult refuse(Trigger trigger, List<RuleProblem> problems) {
        LoadResult result = new LoadResult(clock.instant(), trigger, false, null, problems);
        lastLoad.set(result);
        refused.get(trigger).incrementAndGet();
        LOG.warn("rule set {} refused ({}); {} keeps serving:\n{}", trigger.readsDirectory() ? "in " + directory : "", trigger,
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
