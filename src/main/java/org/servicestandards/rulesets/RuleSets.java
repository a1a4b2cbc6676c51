package org.servicestandards.rulesets;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.servicestandards.access.AuditLog;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.RuleText;
import org.servicestandards.standards.load.RuleBaseCache;
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

    private final RecentRuleSets recent = new RecentRuleSets();
    private final RuleSetArchive archive;
    private final NodeRoster roster;
    /** A cluster version this node could not build, so it is not tried again every second. */
    private volatile String unbuildable;
    private final RuleDirectory directory;
    private final RuleSetLoader loader;
    private final Clock clock;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final LoadLedger ledger = new LoadLedger();

    private RuleSets(Path directory, RuleSetLoader loader, Clock clock, RuleSetArchive archive, String node) {
        this.roster = new NodeRoster(archive, node, clock);
        this.directory = new RuleDirectory(directory);
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
        return load(directory, clock, archive, "local", RuleBaseCache.NONE);
    }

    /**
     * Loads the directory as node {@code node} of the cluster whose store {@code archive} is: the
     * directory's rule set serves and is published unless it is one that has served before and the
     * cluster serves another; then, or when the directory cannot be used, the cluster's serves.
     * Throws when neither can. Rule bases compiled before come from {@code cache}.
     */
    public static RuleSets load(Path directory, Clock clock, RuleSetArchive archive, String node, RuleBaseCache cache) {
        RuleSets rules = new RuleSets(directory, new RuleSetLoader(clock, cache), clock, archive, node);
        LoadResult result = rules.reload(LoadTrigger.START);
        if (rules.current() == null) {
            throw new RuleSetException(result.problems());
        }
        return rules;
    }

    public RuleSet current() {
        return current.get();
    }

    public LoadResult lastLoad() {
        return ledger.last();
    }

    public Path directory() {
        return directory.path();
    }

    /** The name this node goes by in the cluster. */
    public String node() {
        return roster.node();
    }

    /** The version the files in the directory would load as when last read; null when they could not be read. */
    public String directoryVersion() {
        return directory.version();
    }

    /** The version serving the cluster; empty without a store (or before the first publication). */
    public Optional<RuleSetArchive.Serving> clusterServing() {
        return archive.serving();
    }

    /** The nodes heard from in the last ten minutes: what each serves and what its directory holds. */
    public List<RuleSetArchive.NodeServing> nodes() {
        return roster.heard();
    }

    /** Accepted and refused loads by what triggered them (every trigger present, zero when none). */
    public Map<LoadTrigger, ReloadCounts> reloadCounts() {
        return ledger.counts();
    }

    /** Accepted and refused loads, whatever triggered them. */
    public ReloadCounts totalReloadCounts() {
        return ledger.total();
    }

    private void archive(RuleSet loaded, LoadResult result) {
        try {
            archive.recordLoad(loaded.version(), loaded.sources(), result.at(), result.trigger().name());
        } catch (RuntimeException e) {
            // The rule set serves either way; only its history is incomplete.
            LOG.warn("rule set {} serves but could not be archived", loaded.version(), e);
        }
    }

    /** Tells the store what this node serves now, and what its directory holds. */
    public void heartbeat() {
        RuleSet serving = current.get();
        if (serving != null) {
            roster.beat(serving.version(), directory.version());
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
            return Optional.of(refuse(LoadTrigger.CLUSTER, List.of(new RuleProblem("rules", 0, 0,
                    "the cluster serves " + version + ", whose files the store does not hold"))));
        }
        Built built = Built.of("rules", () -> compiled(version).orElseThrow());
        if (!built.ok()) {
            unbuildable = version;
            return Optional.of(refuse(LoadTrigger.CLUSTER, built.problems()));
        }
        return Optional.of(serve(built.set(), LoadTrigger.CLUSTER, null));
    }

    /**
     * Makes {@code version}, which has served before, the cluster's version again: the explicit,
     * audited way back. Empty when no such version has served.
     */
    public synchronized Optional<LoadResult> rollback(String version, String by) {
        if (archive.files(version).isEmpty()) {
            return Optional.empty();
        }
        Built built = Built.of("rules", () -> compiled(version).orElseThrow());
        return Optional.of(built.ok() ? serve(built.set(), LoadTrigger.ROLLBACK, by) : refuse(LoadTrigger.ROLLBACK, built.problems()));
    }

    /**
     * Compiles uploaded rule files, runs their example cases and, when they hold, makes them the
     * cluster's version (whatever has served before: the files are named explicitly).
     */
    public synchronized LoadResult publish(Map<String, byte[]> files, String by) {
        Built built = Built.of("rules", () -> loader.compile(files));
        return built.ok() ? serve(built.set(), LoadTrigger.PUBLISH, by) : refuse(LoadTrigger.PUBLISH, built.problems());
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
        log.append(actor, result.auditAction(), directory.path().toString(), result.summary());
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
        return recent.get(version, v -> files(v).map(loader::compile));
    }

    /** Compiles candidate files and runs their example cases; what is serving does not change. */
    public CandidateValidation validate(Map<String, byte[]> files) {
        return CandidateValidation.of(loader, files);
    }

    /** Hears of every reload from now on, accepted or refused (for the audit log). */
    public void onReload(java.util.function.Consumer<LoadResult> listener) {
        ledger.listen(listener);
    }

    /** Reads and loads the directory again; on failure the current rule set stays. */
    public synchronized LoadResult reload(LoadTrigger trigger) {
        RuleDirectory.Read read = directory.read();
        return read.files() == null ? fromCluster(trigger, read.problems()) : reload(trigger, read.files());
    }

    /**
     * Loads rule files already read from the directory (path to content, as
     * {@link RuleSetLoader#read(Path)} gives them), so a caller that made sure the files were
     * stable compiles exactly what it checked. On failure the current rule set stays.
     */
    public synchronized LoadResult reload(LoadTrigger trigger, Map<String, byte[]> files) {
        String read = directory.holds(files);
        Optional<RuleSetArchive.Serving> cluster = archive.serving();
        Optional<String> refusal = DirectoryPublication.refusal(trigger, read, cluster, v -> archive.files(v).isPresent());
        if (refusal.isPresent()) {
            return fromCluster(trigger, List.of(new RuleProblem(directory.path().toString(), 0, 0, refusal.get())));
        }
        Built built = Built.of(directory.path().toString(), () -> loader.compile(files));
        if (!built.ok()) {
            return fromCluster(trigger, built.problems());
        }
        return serve(built.set(), trigger, cluster.isPresent() && cluster.get().version().equals(built.set().version()) ? null : roster.node());
    }

    /**
     * Refuses what the directory holds. At start the node then serves the cluster's version, so a
     * bad or old copy of {@code rules/} on one node never keeps it from serving what the others do.
     */
    private LoadResult fromCluster(LoadTrigger trigger, List<RuleProblem> problems) {
        if (trigger == LoadTrigger.START) {
            follow();
        }
        return refuse(trigger, problems);
    }

    /**
     * Serves {@code loaded}: published first as the cluster's version when {@code publishedBy} is
     * not null (a publication the store refuses is a refused load: serving it here alone would be
     * undone by {@link #follow} a second later).
     */
    private LoadResult serve(RuleSet loaded, LoadTrigger trigger, String publishedBy) {
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
        LOG.info("rule set {} serves ({}{}): {} standards", loaded.version(), trigger,
                publishedBy == null ? "" : ", published by " + publishedBy, loaded.standards().size());
        heartbeat();
        return ledger.record(result);
    }

    private LoadResult refuse(LoadTrigger trigger, List<RuleProblem> problems) {
        LoadResult result = new LoadResult(clock.instant(), trigger, false, null, problems);
        LOG.warn("rule set {} refused ({}); {} keeps serving:\n{}", trigger.readsDirectory() ? "in " + directory.path() : "", trigger,
                current.get() == null ? "nothing" : current.get().version(),
                problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        return ledger.record(result);
    }
}
