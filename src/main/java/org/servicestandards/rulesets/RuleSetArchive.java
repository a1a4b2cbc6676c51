package org.servicestandards.rulesets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the rule sets that have served are kept, file by file. */
public interface RuleSetArchive {

    /** Keeps nothing: only the serving rule set is known (for offline checks and tests of one part). */
    RuleSetArchive NONE = new RuleSetArchive() {
        @Override
        public void recordLoad(String version, Map<String, byte[]> files, Instant at, String trigger) {
        }

        @Override
        public List<RuleSetVersion> versions() {
            return List.of();
        }

        @Override
        public Optional<Map<String, byte[]>> files(String version) {
            return Optional.empty();
        }

        @Override
        public Optional<Serving> serving() {
            return Optional.empty();
        }

        @Override
        public Serving publish(String version, Map<String, byte[]> files, Instant at, String trigger, String by) {
            return new Serving(version, 1, at, by, trigger);
        }

        @Override
        public void nodeServes(NodeServing node) {
        }

        @Override
        public List<NodeServing> nodes(Instant seenSince) {
            return List.of();
        }
    };

    /** The version the store says serves the cluster: since when, published by whom and how. */
    record Serving(String version, long generation, Instant since, String publishedBy, String trigger) {
    }

    /** What a node serves, and what its own rules directory holds (null when it cannot be read). */
    record NodeServing(String node, String version, String directoryVersion, Instant seenAt) {
    }

    /** Records that a rule set started serving; its files are stored the first time it is seen. */
    void recordLoad(String version, Map<String, byte[]> files, Instant at, String trigger);

    /** Every rule set that has served, newest first. */
    List<RuleSetVersion> versions();

    /** The files of a version as they were, path to content. */
    Optional<Map<String, byte[]>> files(String version);

    /** The version serving the cluster; empty before the first is published. */
    Optional<Serving> serving();

    /**
     * Makes {@code version} the one serving the cluster, archiving its files when they are new and
     * recording the load, in one transaction; the answer is what serves now.
     */
    Serving publish(String version, Map<String, byte[]> files, Instant at, String trigger, String by);

    /** Notes what a node serves now. */
    void nodeServes(NodeServing node);

    /** The nodes heard from since {@code seenSince}, by name. */
    List<NodeServing> nodes(Instant seenSince);
}
