package org.servicestandards.records;

import java.time.Instant;
import java.util.List;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Verdict;

/** A stored record id with every revision, oldest first, each with its verdicts, oldest first. */
public record StoredRecord(String id, int latestRevision, List<Revision> revisions) {

    /** One revision as posted, with the verdicts given to it. */
    public record Revision(int revision, String contentHash, Instant receivedAt, Interaction record,
                           List<Verdict> verdicts) {
    }
}
