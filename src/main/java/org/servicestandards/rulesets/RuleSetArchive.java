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
    };

    /** Records that a rule set started serving; its files are stored the first time it is seen. */
    void recordLoad(String version, Map<String, byte[]> files, Instant at, String trigger);

    /** Every rule set that has served, newest first. */
    List<RuleSetVersion> versions();

    /** The files of a version as they were, path to content. */
    Optional<Map<String, byte[]>> files(String version);
}
