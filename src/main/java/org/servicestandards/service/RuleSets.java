package org.servicestandards.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.RuleSetException;
import org.servicestandards.standards.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rule set in service, swapped atomically. A reload that fails leaves the last good rule set
 * serving and records why; every verdict comes from exactly one rule set.
 */
public final class RuleSets {

    private static final Logger LOG = LoggerFactory.getLogger(RuleSets.class);

    /** The outcome of the latest load attempt. */
    public record LoadResult(Instant at, boolean ok, String version, List<RuleProblem> problems) {
    }

    private final Path directory;
    private final RuleSetLoader loader;
    private final Clock clock;
    private final AtomicReference<RuleSet> current = new AtomicReference<>();
    private final AtomicReference<LoadResult> lastLoad = new AtomicReference<>();

    private RuleSets(Path directory, RuleSetLoader loader, Clock clock) {
        this.directory = directory;
        this.loader = loader;
        this.clock = clock;
    }

    /** Loads the directory; the service cannot start without a good rule set, so this throws if it fails. */
    public static RuleSets load(Path directory, Clock clock) {
        RuleSets rules = new RuleSets(directory, new RuleSetLoader(clock), clock);
        LoadResult result = rules.reload();
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

    /** The outcome of validating a candidate rule set, which is never loaded. */
    public record Validation(boolean ok, String version, int exampleCases, int exampleExpectations,
                             List<RuleProblem> problems) {
    }

    /** Compiles candidate files and runs their example cases; what is serving does not change. */
    public Validation validate(java.util.Map<String, byte[]> files) {
        try {
            RuleSet candidate = loader.compile(files);
            return new Validation(true, candidate.version(), candidate.exampleCases(), candidate.exampleExpectations(), List.of());
        } catch (RuleSetException e) {
            return new Validation(false, null, 0, 0, e.problems());
        }
    }

    /** Loads the directory again; on failure the current rule set stays. */
    public synchronized LoadResult reload() {
        LoadResult result;
        try {
            RuleSet loaded = loader.load(directory);
            current.set(loaded);
            result = new LoadResult(clock.instant(), true, loaded.version(), List.of());
            LOG.info("rule set {} loaded from {}: {} standards", loaded.version(), directory, loaded.standards().size());
        } catch (RuleSetException e) {
            result = new LoadResult(clock.instant(), false, null, e.problems());
            LOG.warn("rule set in {} refused; {} keeps serving:\n{}", directory,
                    current.get() == null ? "nothing" : current.get().version(), e.getMessage());
        }
        lastLoad.set(result);
        return result;
    }
}
