package org.servicestandards.rulesets;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * When what a node's rules directory holds may not become the cluster's version: a directory
 * never takes the cluster back to a version that has served before, and a node starting with
 * whatever copy it has never undoes an explicit publication (the publish command, an upload, a
 * rollback). Reloading or editing a directory still publishes a version that is new.
 */
final class DirectoryPublication {

    private DirectoryPublication() {
    }

    /**
     * Why the directory's version {@code read}, loaded for {@code trigger}, may not serve while
     * the cluster serves {@code cluster}; empty when it may. {@code hasServed} says whether a
     * version has served before.
     */
    static Optional<String> refusal(LoadTrigger trigger, String read, Optional<RuleSetArchive.Serving> cluster,
                                    Predicate<String> hasServed) {
        if (cluster.isEmpty() || cluster.get().version().equals(read)) {
            return Optional.empty();
        }
        RuleSetArchive.Serving serving = cluster.get();
        if (hasServed.test(read)) {
            return Optional.of("holds rule set " + read + ", which has served before, while the cluster serves " + serving.version()
                    + ": a rules directory never takes the cluster back; ask for it with POST /api/v1/rules/rollback");
        }
        if (trigger == LoadTrigger.START && !LoadTrigger.readsDirectory(serving.trigger())) {
            return Optional.of("holds rule set " + read + " while the cluster serves " + serving.version() + ", published by "
                    + serving.publishedBy() + " (" + serving.trigger() + "): a node does not publish its directory at start over"
                    + " an explicit publication; reload it (POST /api/v1/rules/reload) to publish it");
        }
        return Optional.empty();
    }
}
