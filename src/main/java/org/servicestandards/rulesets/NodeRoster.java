package org.servicestandards.rulesets;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The nodes of the cluster as the store hears of them: what each serves, and what its own directory holds. */
final class NodeRoster {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRoster.class);

    /** How long a node that is no longer heard from still shows. */
    private static final Duration SHOWN = Duration.ofMinutes(10);

    private final RuleSetArchive archive;
    private final String node;
    private final Clock clock;

    NodeRoster(RuleSetArchive archive, String node, Clock clock) {
        this.archive = archive;
        this.node = node;
        this.clock = clock;
    }

    /** The name this node goes by. */
    String node() {
        return node;
    }

    /** The nodes heard from in the last ten minutes. */
    List<RuleSetArchive.NodeServing> heard() {
        return archive.nodes(clock.instant().minus(SHOWN));
    }

    /** Tells the store that this node serves {@code serving} and its directory holds {@code directoryVersion}. */
    void beat(String serving, String directoryVersion) {
        try {
            archive.nodeServes(new RuleSetArchive.NodeServing(node, serving, directoryVersion, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("could not tell the store that {} serves {}", node, serving, e);
        }
    }
}
