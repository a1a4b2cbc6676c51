package org.servicestandards.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.servicestandards.customers.CustomerRegister;
import org.servicestandards.customers.RegisteredCustomer;
import org.servicestandards.history.HistoryStandards;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.ContentHash;
import org.servicestandards.interaction.CustomerUpdate;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.report.AtRisk;
import org.servicestandards.report.ComplianceReport;
import org.servicestandards.report.Filters;
import org.servicestandards.report.GroupBy;
import org.servicestandards.report.Page;
import org.servicestandards.report.ReportQueries;
import org.servicestandards.report.Violation;
import org.servicestandards.report.ViolationCursor;
import org.servicestandards.rulesets.RuleSets;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.verdict.Verdict;

/**
 * What the service does, whatever carries the request: validates records, judges them by the
 * rule set in service, stores them with their verdicts, and answers the auditors' questions.
 */
public final class StandardsService {

    private static final int REJUDGE_PAGE = 500;
    /** Bounds one catch-up; a backlog larger than this is finished by the next one. */
    private static final int MAX_DEADLINE_ROUNDS = 200;

    private final RuleSets ruleSets;
    private final InteractionStore store;
    private final CustomerRegister customers;
    private final HistoryStandards history;
    private final ReportQueries reports;
    private final List<java.util.function.Consumer<Verdict>> storedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Judging judging = new Judging();

    /**
     * Records kept in {@code store}, the register of {@code customers} kept up to date by every
     * stored record's tier, the {@code history} standards judged over the stored records, and the
     * {@code reports} read from them.
     */
    public StandardsService(RuleSets ruleSets, InteractionStore store, CustomerRegister customers, HistoryStandards history,
                            ReportQueries reports) {
        this.ruleSets = Objects.requireNonNull(ruleSets, "ruleSets");
        this.store = Objects.requireNonNull(store, "store");
        this.customers = Objects.requireNonNull(customers, "customers");
        this.history = Objects.requireNonNull(history, "history");
        this.reports = Objects.requireNonNull(reports, "reports");
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
        Judging.Decoding decoding = judging.decode(records);
        List<Verdict> verdicts = judging.judge(ruleSets.current(), decoding, asOf);
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
        Judging.Decoding decoding = judging.decode(records);
        if (decoding.valid.isEmpty()) {
            return decoding.results;
        }
        // Every record is judged, changed or not: judging in one session is cheaper than a
        // round trip to learn which ones changed, and the store alone decides that, atomically.
        List<Verdict> verdicts = judging.judge(ruleSets.current(), decoding, asOf);
        if (decoding.valid.isEmpty()) {
            return decoding.results;
        }
        List<Submission> submissions = new ArrayList<>(decoding.valid.size());
        for (int k = 0; k < decoding.valid.size(); k++) {
            ContentHash content = ContentHash.of(decoding.valid.get(k));
            submissions.add(new Submission(decoding.valid.get(k), content.canonicalJson(), content.hash(), verdicts.get(k)));
        }
        List<Stored> stored = store.save(submissions);
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
        return reevaluate(from, to, version, asOf, "", (last, records) -> true);
    }

    /** Hears after each page of a re-evaluation how far it got; answers false to stop it there. */
    @FunctionalInterface
    public interface Pages {
        boolean judged(String lastId, int records);
    }

    /**
     * {@link #reevaluate} from the record after {@code after} (in id order) on, telling
     * {@code pages} after each page: a re-evaluation that stopped goes on from the last page's id.
     */
    public Optional<Reevaluation> reevaluate(Instant from, Instant to, String version, Instant asOf, String after, Pages pages) {
        Optional<RuleSet> rules = ruleSets.compiled(version);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        int records = 0;
        String last = after;
        while (true) {
            List<InteractionStore.Rejudging> page = store.latestRevisions(from, to, last, REJUDGE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<InteractionStore.Rejudged> rejudged = judging.rejudge(rules.get(), page, asOf);
            store.appendVerdicts(rejudged).forEach(r -> stored(r.verdict()));
            records += rejudged.size();
            last = page.get(page.size() - 1).record().id();
            if (!pages.judged(last, records)) {
                break;
            }
        }
        return Optional.of(new Reevaluation(rules.get().version(), asOf, records));
    }

    /** Hears, record by record, the current verdict and what a candidate rule set judges instead (null: it could not). */
    @FunctionalInterface
    public interface Comparison {
        void add(Interaction record, Verdict current, Verdict candidate);

        /** A customer's history outcomes by the serving rule set and by the candidate (null: it could not judge them). */
        default void addHistory(String customer, List<HistoryOutcome> serving, List<HistoryOutcome> candidate) {
        }
    }

    /**
     * Judges the stored records opened in [from, to), their latest revisions, by {@code candidate}
     * as of the instant of each one's current verdict, and stores nothing: {@code comparison}
     * hears each record's two verdicts, {@code pages} how far it got after each page (false
     * stops it there). Then the history standards of the customers of those records, judged by
     * the serving rule set and by the candidate as of {@code historyAsOf}.
     */
    public void preview(RuleSet candidate, Instant from, Instant to, Instant historyAsOf, Comparison comparison, Pages pages) {
        int records = 0;
        String last = "";
        java.util.SortedSet<String> customersOfPeriod = new java.util.TreeSet<>();
        while (true) {
            List<InteractionStore.Judged> page = store.currentVerdicts(from, to, last, REJUDGE_PAGE);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(j -> customersOfPeriod.add(j.record().customer().id()));
            List<Verdict> judged = judging.judgeAt(candidate, page.stream().map(InteractionStore.Judged::record).toList(),
                    page.stream().map(j -> j.verdict().asOf()).toList());
            for (int k = 0; k < page.size(); k++) {
                Verdict after = judged.get(k);
                comparison.add(page.get(k).record(), page.get(k).verdict(), after == null ? null : after.withRevision(page.get(k).revision()));
            }
            records += page.size();
            last = page.get(page.size() - 1).record().id();
            if (!pages.judged(last, records)) {
                return;
            }
        }
        // The history standards over the same customers, both rule sets as of one instant.
        String lastRecord = last;
        int judgedRecords = records;
        history.compare(ruleSets.current(), candidate, customersOfPeriod, historyAsOf, comparison::addHistory,
                () -> pages.judged(lastRecord, judgedRecords));
    }

    /** How many records a re-evaluation of [from, to) judges. */
    public long reevaluationSize(Instant from, Instant to) {
        return store.countLatest(from, to);
    }

    /**
     * Judges again, at {@code now}, every stored record whose current verdict still holds a
     * PENDING outcome that has fallen due, and every customer with such a history outcome, so
     * the breach is stored with its findings (violations list them, webhooks hear of them).
     * Driven by what is stored, so it picks up after a restart. Returns how many records and
     * customers were judged. The deadline keeper calls it on a schedule; reads never do.
     */
    public int judgeFallenDue(Instant now) {
        return judgeRecordsFallenDue(now) + history.judgeFallenDue(now);
    }

    private int judgeRecordsFallenDue(Instant now) {
        RuleSet rules = ruleSets.current();
        int judged = 0;
        // A cursor, so records whose verdict comes out unchanged (and is not stored again) or
        // that a new revision superseded meanwhile hold up none after them.
        String after = "";
        for (int round = 0; round < MAX_DEADLINE_ROUNDS; round++) {
            List<InteractionStore.Rejudging> due = store.pendingFallenDue(now, after, REJUDGE_PAGE);
            if (due.isEmpty()) {
                break;
            }
            List<InteractionStore.Rejudged> rejudged = judging.rejudge(rules, due, now);
            List<InteractionStore.Rejudged> stored = store.appendVerdicts(rejudged);
            stored.forEach(r -> stored(r.verdict()));
            judged += stored.size();
            if (due.size() < REJUDGE_PAGE) {
                break;
            }
            after = due.get(due.size() - 1).record().id();
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

    /** Compliance as of {@code asOf}: a PENDING outcome whose deadline has passed by then counts as FAIL. Stores nothing. */
    public ComplianceReport compliance(Filters filters, List<GroupBy> groupBy, Instant asOf) {
        return reports.compliance(filters, groupBy, asOf);
    }

    public Page<Violation> violations(Filters filters, int page, int size) {
        return reports.violations(filters, page, size);
    }

    public Page<Violation> violationsAfter(Filters filters, ViolationCursor after, int size) {
        return reports.violationsAfter(filters, after, size);
    }

    public List<AtRisk> atRisk(Instant asOf, Instant until, int limit) {
        return reports.atRisk(asOf, until, limit);
    }
}
