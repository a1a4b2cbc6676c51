package org.servicestandards.records;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.verdict.Verdict;

/** Where records, their revisions and verdicts are kept, and what reports read. */
public interface InteractionStore {

    /**
     * Stores submissions in one transaction, in order, committed before this returns: each
     * record, its verdict, the notifications it causes and its customer's tier in the register.
     * A submission whose content equals the id's latest revision changes nothing and gets the
     * stored verdict back; otherwise it becomes the id's next revision.
     */
    List<Stored> save(List<Submission> submissions);

    Optional<StoredRecord> find(String id);

    /**
     * A stored record's latest revision, to judge again. {@code basis} is the number of the
     * verdict found stale, when the judging replaces that verdict alone (the keeper's), or
     * {@link #ANY_BASIS} when it replaces whichever verdict is current (a re-evaluation's).
     */
    record Rejudging(int revision, int basis, Interaction record) {
    }

    /** {@link Rejudging#basis} of judging that replaces whichever verdict is current. */
    int ANY_BASIS = 0;

    /** A new verdict for a stored revision, judged in place of verdict {@code basis} (see {@link Rejudging}). */
    record Rejudged(int revision, int basis, Interaction record, Verdict verdict) {
    }

    /**
     * The latest revisions of records opened in [from, to), ordered by id, the page after
     * {@code after} (empty string for the first page).
     */
    List<Rejudging> latestRevisions(Instant from, Instant to, String after, int limit);

    /** A stored record's latest revision and its current verdict. */
    record Judged(int revision, Interaction record, Verdict verdict) {
    }

    /** {@link #latestRevisions}, each with its current verdict: what an impact preview compares against. */
    List<Judged> currentVerdicts(Instant from, Instant to, String after, int limit);

    /** How many records {@link #latestRevisions} walks over [from, to): a re-evaluation's total. */
    long countLatest(Instant from, Instant to);

    /**
     * The latest revisions whose current verdict holds a PENDING outcome that fell due before
     * {@code until}: verdicts the passing of time has made stale; ordered by id, the page after
     * {@code after} (empty string for the first page).
     */
    List<Rejudging> pendingFallenDue(Instant until, String after, int limit);

    /**
     * Stores new verdicts beside the old ones, in one transaction; they become the ones reports
     * count. A verdict for a revision that is no longer the latest, judged in place of a verdict
     * that is no longer current (another node's keeper judged it meanwhile), or equal to the
     * current one (same rule set, same outcomes), is not stored. Returns those stored.
     */
    List<Rejudged> appendVerdicts(List<Rejudged> rejudged);

    /** The latest verdict of the id's latest revision. */
    Optional<Verdict> currentVerdict(String id);
}
