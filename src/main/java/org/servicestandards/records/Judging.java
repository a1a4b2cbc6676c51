package org.servicestandards.records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.servicestandards.interaction.Batch;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.RecordDecoder;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.JudgingException;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.verdict.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decoding and judging for the records service: a batch split into the records to judge and
 * the answers so far, and judging that lets no record the rules cannot judge hold up another.
 */
final class Judging {

    private static final Logger LOG = LoggerFactory.getLogger(Judging.class);

    private final Engine engine = new Engine();
    private final RecordDecoder decoder = new RecordDecoder();

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

    /**
     * Judges each record as of its own instant, those sharing one together; the verdicts line up
     * with the records, null where the rules could not judge one.
     */
    List<Verdict> judgeAt(RuleSet rules, List<Interaction> records, List<Instant> asOfs) {
        java.util.Map<Instant, List<Integer>> byInstant = new java.util.LinkedHashMap<>();
        for (int k = 0; k < records.size(); k++) {
            byInstant.computeIfAbsent(asOfs.get(k), at -> new ArrayList<>()).add(k);
        }
        Verdict[] verdicts = new Verdict[records.size()];
        byInstant.forEach((asOf, indexes) -> {
            List<Verdict> judged = judgeEach(rules, indexes.stream().map(records::get).toList(), asOf, new ArrayList<>());
            for (int k = 0; k < indexes.size(); k++) {
                verdicts[indexes.get(k)] = judged.get(k);
            }
        });
        return java.util.Arrays.asList(verdicts);
    }

    /** Judges the valid records; one the rules cannot judge is rejected and no longer counts as valid. */
    List<Verdict> judge(RuleSet rules, Decoding decoding, Instant asOf) {
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
    List<InteractionStore.Rejudged> rejudge(RuleSet rules, List<InteractionStore.Rejudging> page, Instant asOf) {
        List<Interaction> batch = page.stream().map(InteractionStore.Rejudging::record).toList();
        List<Verdict> verdicts = judgeEach(rules, batch, asOf, new ArrayList<>());
        List<InteractionStore.Rejudged> rejudged = new ArrayList<>(page.size());
        for (int k = 0; k < page.size(); k++) {
            if (verdicts.get(k) != null) {
                rejudged.add(new InteractionStore.Rejudged(page.get(k).revision(), page.get(k).basis(), batch.get(k), verdicts.get(k)));
            }
        }
        return rejudged;
    }

    Decoding decode(Batch records) {
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
    static final class Decoding {
        final List<Interaction> valid;
        final List<Integer> validIndex;
        final List<RecordResult> results;

        Decoding(int size) {
            valid = new ArrayList<>(size);
            validIndex = new ArrayList<>(size);
            results = new ArrayList<>(size);
        }
    }
}
