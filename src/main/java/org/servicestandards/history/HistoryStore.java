package org.servicestandards.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.Tier;
import org.servicestandards.verdict.HistoryOutcome;

/** Customers' stored histories, read a customer at a time, and the history standards' outcomes kept for reports. */
public interface HistoryStore {

    /** A customer as the register knows them, with the latest revision of every stored record of theirs. */
    record CustomerRecords(String id, String name, String accountManager, Map<Instant, Tier> tiers, List<Interaction> records) {
    }

    /** One customer's history; empty when the register does not know them. */
    Optional<CustomerRecords> customer(String id);

    /**
     * The ids of the next customers in id order after {@code after} (empty string for the
     * first), at most {@code limit}, only those of {@code accountManager} when it is not null.
     */
    List<String> customerIds(String after, int limit, String accountManager);

    /** How many customers the register holds: a sweep's total. */
    long customerCount();

    /**
     * The histories of the given customers (in id order), read together. A sweep reads a page
     * at a time, so its memory does not grow with the store.
     */
    List<CustomerRecords> histories(List<String> ids);

    /**
     * Keeps the outcomes judged for each customer as of {@code asOf}, replacing what was judged
     * for the same subjects and period before (never a later judgement), and forgetting this
     * period's outcomes of subjects the standard no longer applies to. An outcome that becomes
     * FAIL is enqueued for notification in the same transaction. Returns how many were kept.
     */
    int save(Map<String, List<HistoryOutcome>> byCustomer, Instant asOf);

    /** Customers after {@code after} (in id order) with a PENDING history outcome that fell due before {@code until}. */
    List<String> pendingFallenDue(Instant until, String after, int limit);

    /** Customers whose history changed (a record of theirs came in) since it was last judged, and when. */
    Map<String, Long> changed(int limit);

    /** Marks customers' histories judged, unless they changed again after {@code changedAt}. */
    void judged(Map<String, Long> changedAt);

    /** Notes a sweep: started (finishedAt null) or finished with its counts. */
    void sweep(Instant asOf, Instant startedAt, Instant finishedAt, String ruleset, int customers, int outcomes);

    /** The asOf of the last finished sweep, if any. */
    Optional<Instant> lastSweep();

    /** The sweep as of {@code asOf} that finished at or after {@code since}, if one did. */
    Optional<HistoryStandards.Sweep> finishedSweep(Instant asOf, Instant since);
}
