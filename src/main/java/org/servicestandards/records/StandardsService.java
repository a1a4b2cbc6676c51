package org.servicestandards.records;

import org.servicestandards.history.HistoryStandards;
import org.servicestandards.rulesets.RuleSets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.ContentHash;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.RecordDecoder;
import org.servicestandards.report.AtRisk;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Page;
import org.servicestandards.report.Violation;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.JudgingException;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.customers.RegisteredCustomer;
import org.servicestandards.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the service does, whatever carries the request: validates records, judges them by the
 * rule set in service, stores them with their verdicts, and answers the auditors' questions.
 */
public final class StandardsService {

    private static final Logger LOG = LoggerFactory.getLogger(StandardsService.class);

    private static final int REJUDGE_PAGE = 500;
    /** Bounds one catch-up; a backlog larger than this is finished by the next one. */
    private static final int MAX_DEADLINE_ROUNDS = 200;

    private final RuleSets ruleSets;
    private final InteractionStore store;
    private final CustomerRegister customers;
    private final HistoryStandards history;
    private final Engine engine = new Engine();
    private final List<java.util.function.Consumer<Verdict>> storedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RecordDecoder decoder = new RecordDecoder();

    /**
     * Records kept in {@code store}, the register of {@code customers} kept up to date by every
     * stored record's tier, and the {@code history} standards judged over the stored records.
     */
    public StandardsService(RuleSets ruleSets, InteractionStore store, CustomerRegister customers, HistoryStandards history) {
        this.ruleSets = Objects.requireNonNull(ruleSets, "ruleSets");
        this.store = Objects.requireNonNull(store, "store");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** Hears of every verdict stored from now on: of a new record or revision, or judged again (for metrics). */
    public void onStored(java.util.function.Consumer<Verdict> listener) {
        storedListeners.add(listener);
    }

    private void stored(Verdict verdict) {
        for (java.util.function.Consumer<Verdict> listener : storedListeners) {
            listener.accept(verdict);
        }
    }

    /** The history standards this service judges. */
    public HistoryStandards history() {
        return history;
    }

    public RuleSets ruleSets() {
        return ruleSets;
    }

    /** Judges records without storing them. */
    public List<RecordResult> check(Batch records, Instant asOf) {
        Decoding decoding = decode(records);
        List<Verdict> verdicts = judge(ruleSets.current(), decoding, asOf);
        for (int k = 0; k < verdicts.size(); k++) {
            int index = decoding.validIndex.get(k);
            decoding.results.set(index, new RecordResult(index, decoding.valid.get(k).id(), RecordResult.Status.CHECKED,
                    verdicts.get(k), List.of()));
        }
        return decoding.results;
    }

    /**
     * Judges and stores records. A record whose content equals its id's latest revision changes
     * nothing: its stored verdict comes back. Every acknowledged record is committed.
     */
    public List<RecordResult> ingest(Batch records, Instant asOf) {
        Decoding decoding = decode(records);
        if (decoding.valid.isEmpty()) {
            return decoding.results;
        }
        // Every record is judged, changed or not: judging in one session is cheaper than a
        // round trip to learn which ones changed, and the store alone decides that, atomically.
        List<Verdict> verdicts = judge(ruleSets.current(), decoding, asOf);
        if (decoding.valid.isEmpty()) {
            return decoding.results;
        }
        List<Submission> submissions = new ArrayList<>(decoding.valid.size());
        for (int k = 0; k < decoding.valid.size(); k++) {
            ContentHash content = ContentHash.of(decoding.valid.get(k));
            submissions.add(new Submission(decoding.valid.get(k), content.canonicalJson(), content.hash(), verdicts.get(k)));
        }
        List<Stored> stored = store.save(submissions);
        List<Interaction> changed = new ArrayList<>();
        for (int k = 0; k < stored.size(); k++) {
            if (stored.get(k).status() != Stored.Status.UNCHANGED) {
                changed.add(decoding.valid.get(k));
            }
        }
        customers.noteTiers(changed);
        for (int k = 0; k < stored.size(); k++) {
            if (stored.get(k).status() != Stored.Status.UNCHANGED) {
                stored(stored.get(k).verdict());
            }
            int index = decoding.validIndex.get(k);
            decoding.results.set(index, new RecordResult(index, decoding.valid.get(k).id(), status(stored.get(k).status()),
                    stored.get(k).verdict(), List.of()));
        }
        return decoding.results;
    }

    private static RecordResult.Status status(Stored.Status status) {
        return switch (status) {
            case CREATED -> RecordResult.Status.CREATED;
            case REVISED -> RecordResult.Status.REVISED;
            case UNCHANGED -> RecordResult.Status.UNCHANGED;
        };
    }

    /** What re-judging did: how many records, by which rule set, at which instant. */
    public record Reevaluation(String ruleset, Instant asOf, int records) {
    }

    /**
     * Judges the stored records opened in [from, to) again, their latest revisions, by a rule
     * set that has served (the serving one when {@code version} is null). The new verdicts are
     * stored beside the old ones and become the ones reports count.
     */
    public Optional<Reevaluation> reevaluate(Instant from, Instant to, String version, Instant asOf) {
        Optional<RuleSet> rules = ruleSets.compiled(version);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        int records = 0;
        String after = "";
        while (true) {
            List<InteractionStore.Rejudging> page = store.latestRevisions(from, to, after, REJUDGE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<InteractionStore.Rejudged> rejudged = rejudge(rules.get(), page, asOf);
            store.appendVerdicts(rejudged);
            rejudged.forEach(r -> stored(r.verdict()));
            records += rejudged.size();
            after = page.get(page.size() - 1).record().id();
        }
        return Optional.of(new Reevaluation(rules.get().version(), asOf, records));
    }

    /**
     * Judges again, at {@code now}, every stored record whose current verdict still holds a
     * PENDING outcome that has fallen due, and every customer with such a history outcome, so
     * no report counts as pending what has breached. Driven by what is stored, so it picks up
     * after a restart. Returns how many records and customers were judged.
     */
    public int judgeFallenDue(Instant now) {
        return judgeRecordsFallenDue(now) + history.judgeFallenDue(now);
    }

    private int judgeRecordsFallenDue(Instant now) {
        RuleSet rules = ruleSets.current();
        int judged = 0;
        for (int round = 0; round < MAX_DEADLINE_ROUNDS; round++) {
            List<InteractionStore.Rejudging> due = store.pendingFallenDue(now, REJUDGE_PAGE);
            if (due.isEmpty()) {
                break;
            }
            List<InteractionStore.Rejudged> rejudged = rejudge(rules, due, now);
            store.appendVerdicts(rejudged);
            rejudged.forEach(r -> stored(r.verdict()));
            judged += rejudged.size();
            if (due.size() < REJUDGE_PAGE || rejudged.isEmpty()) {
                break;
            }
        }
        return judged;
    }

    /** Puts a customer into the register. */
    public RegisteredCustomer putCustomer(String id, CustomerUpdate update, Instant now) {
        return customers.put(id, update.tier(), update.since() == null ? now : update.since(), update.name(),
                update.accountManager());
    }

    public Optional<RegisteredCustomer> customer(String id) {
        return customers.find(id);
    }

    public Optional<StoredRecord> find(String id) {
        return store.find(id);
    }

    public ComplianceReport compliance(Filters filters, List<GroupBy> groupBy) {
        return store.compliance(filters, groupBy);
    }

    public Page<Violation> violations(Filters filters, int page, int size) {
        return store.violations(filters, page, size);
    }

    public List<AtRisk> atRisk(Instant asOf, Instant until, int limit) {
        return store.atRisk(asOf, until, limit);
    }

    /**
     * Judges records together; when a rule throws, judges them one by one so that a record the
     * rules cannot judge holds up no other. The verdicts line up with the records; a record that
     * could not be judged has none (null), and the failure is logged for the officers.
     */
    private List<Verdict> judgeEach(RuleSet rules, List<Interaction> records, Instant asOf, List<String> failures) {
        try {
            return engine.evaluate(rules, records, asOf);
        } catch (JudgingException batchFailed) {
            List<Verdict> verdicts = new ArrayList<>(records.size());
            for (Interaction record : records) {
                try {
                    verdicts.add(engine.evaluate(rules, record, asOf));
                    failures.add(null);
                } catch (JudgingException e) {
                    LOG.error("record {} cannot be judged by rule set {}: {}", record.id(), rules.version(), e.getMessage(), e);
                    verdicts.add(null);
                    failures.add(e.getMessage());
                }
            }
            return verdicts;
        }
    }

    /** Judges the valid records; one the rules cannot judge is rejected and no longer counts as valid. */
    private List<Verdict> judge(RuleSet rules, Decoding decoding, Instant asOf) {
        List<String> failures = new ArrayList<>();
        List<Verdict> verdicts = judgeEach(rules, decoding.valid, asOf, failures);
        if (failures.isEmpty()) {
            return verdicts;
        }
        List<Verdict> judged = new ArrayList<>();
        List<Interaction> kept = new ArrayList<>();
        List<Integer> keptIndex = new ArrayList<>();
        for (int k = 0; k < verdicts.size(); k++) {
            int index = decoding.validIndex.get(k);
            if (verdicts.get(k) == null) {
                decoding.results.set(index, new RecordResult(index, decoding.valid.get(k).id(), RecordResult.Status.REJECTED, null,
                        List.of(new FieldError("", "the rules could not judge this record (" + failures.get(k)
                                + "); it was not stored, and the failure is logged for the rule set's officers"))));
            } else {
                judged.add(verdicts.get(k));
                kept.add(decoding.valid.get(k));
                keptIndex.add(index);
            }
        }
        decoding.valid.clear();
        decoding.valid.addAll(kept);
        decoding.validIndex.clear();
        decoding.validIndex.addAll(keptIndex);
        return judged;
    }

    /** New verdicts for stored revisions; revisions the rules cannot judge keep the verdicts they have. */
    private List<InteractionStore.Rejudged> rejudge(RuleSet rules, List<InteractionStore.Rejudging> page, Instant asOf) {
        List<Interaction> batch = page.stream().map(InteractionStore.Rejudging::record).toList();
        List<Verdict> verdicts = judgeEach(rules, batch, asOf, new ArrayList<>());
        List<InteractionStore.Rejudged> rejudged = new ArrayList<>(page.size());
        for (int k = 0; k < page.size(); k++) {
            if (verdicts.get(k) != null) {
                rejudged.add(new InteractionStore.Rejudged(page.get(k).revision(), batch.get(k), verdicts.get(k)));
            }
        }
        return rejudged;
    }

    private Decoding decode(Batch records) {
        Decoding decoding = new Decoding(records.size());
        for (int index = 0; index < records.size(); index++) {
            if (records.entries().get(index) instanceof Batch.Unreadable unreadable) {
                decoding.results.add(new RecordResult(index, null, RecordResult.Status.REJECTED, null,
                        List.of(new FieldError("", unreadable.reason()))));
                continue;
            }
            RecordDecoder.Decoded decoded = decoder.decode(((Batch.Readable) records.entries().get(index)).node());
            if (decoded.isValid()) {
                decoding.valid.add(decoded.interaction());
                decoding.validIndex.add(index);
                decoding.results.add(null);
            } else {
                decoding.results.add(new RecordResult(index, decoded.id(), RecordResult.Status.REJECTED, null, decoded.errors()));
            }
        }
        return decoding;
    }

    /** Records split into the valid ones (to judge) and the results so far, by request position. */
    private static final class Decoding {
        private final List<Interaction> valid;
        private final List<Integer> validIndex;
        private final List<RecordResult> results;

        Decoding(int size) {
            valid = new ArrayList<>(size);
            validIndex = new ArrayList<>(size);
            results = new ArrayList<>(size);
        }
    }
}
