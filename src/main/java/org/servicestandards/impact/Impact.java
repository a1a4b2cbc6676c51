package org.servicestandards.impact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.records.StandardsService;
import org.servicestandards.report.GroupBy;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.Outcome;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/**
 * Counts an impact preview as its records come: per standard (and the groups asked for), the
 * outcomes before (the current verdicts) and after (the candidate's), how many flipped each way,
 * and the first flipped outcomes with both verdicts' findings; then the history standards of the
 * same customers, both sides judged at one instant. A standard one side does not judge is
 * {@value #NONE} on that side.
 */
public final class Impact implements StandardsService.Comparison {

    /** What an impact can be grouped by, beside the standard. */
    public static final Set<GroupBy> DIMENSIONS = EnumSet.of(GroupBy.AGENT, GroupBy.TEAM, GroupBy.TIER, GroupBy.CHANNEL);
    /** The outcome of a standard that one side's rule set does not have. */
    public static final String NONE = "NONE";

    private final List<GroupBy> groupBy;
    private final int keptFlips;
    private final Map<List<String>, Counting> rows = new TreeMap<>(Impact::compare);
    private final List<Flip> flips = new ArrayList<>();
    private final List<HistoryFlip> historyFlips = new ArrayList<>();
    private long records;
    private long unjudged;
    private long flipped;
    private long customers;
    private long customersUnjudged;

    public Impact(List<GroupBy> groupBy, int keptFlips) {
        if (!DIMENSIONS.containsAll(groupBy)) {
            throw new IllegalArgumentException("an impact groups by " + DIMENSIONS + " only, not " + groupBy);
        }
        this.groupBy = List.copyOf(groupBy);
        this.keptFlips = keptFlips;
    }

    @Override
    public void add(Interaction record, Verdict current, Verdict candidate) {
        records++;
        if (candidate == null) {
            unjudged++;
            return;
        }
        Set<String> standards = new TreeSet<>();
        current.outcomes().forEach(o -> standards.add(o.standard()));
        candidate.outcomes().forEach(o -> standards.add(o.standard()));
        for (String standard : standards) {
            StandardOutcome before = current.outcome(standard);
            StandardOutcome after = candidate.outcome(standard);
            String was = name(before);
            String is = name(after);
            List<String> key = new ArrayList<>();
            groupBy.forEach(g -> key.add(value(record, g)));
            key.add(standard);
            if (count(key, was, is) && flips.size() < keptFlips) {
                flips.add(new Flip(record.id(), current.revision(), standard, was, is, before, after));
            }
        }
    }

    /**
     * One customer's history outcomes on both sides, matched by standard and subject; a subject
     * one side does not judge counts NOT_APPLICABLE there.
     */
    @Override
    public void addHistory(String customer, List<HistoryOutcome> serving, List<HistoryOutcome> candidate) {
        customers++;
        if (candidate == null) {
            customersUnjudged++;
            return;
        }
        Map<List<String>, HistoryOutcome> before = bySubject(serving);
        Map<List<String>, HistoryOutcome> after = bySubject(candidate);
        Set<List<String>> subjects = new java.util.TreeSet<>(Impact::compare);
        subjects.addAll(before.keySet());
        subjects.addAll(after.keySet());
        for (List<String> subject : subjects) {
            HistoryOutcome was = before.get(subject);
            HistoryOutcome is = after.get(subject);
            String from = was == null ? Outcome.NOT_APPLICABLE.name() : was.outcome().name();
            String to = is == null ? Outcome.NOT_APPLICABLE.name() : is.outcome().name();
            HistoryOutcome either = was != null ? was : is;
            List<String> key = new ArrayList<>();
            groupBy.forEach(g -> key.add(value(either, g)));
            key.add(either.standard());
            if (count(key, from, to) && historyFlips.size() < keptFlips) {
                historyFlips.add(new HistoryFlip(customer, either.standard(), either.subject().kind(), either.subject().id(), from, to,
                        was == null ? List.of() : was.findings(), is == null ? List.of() : is.findings()));
            }
        }
    }

    private static Map<List<String>, HistoryOutcome> bySubject(List<HistoryOutcome> outcomes) {
        Map<List<String>, HistoryOutcome> found = new LinkedHashMap<>();
        outcomes.forEach(o -> found.put(List.of(o.standard(), o.subject().kind(), o.subject().id()), o));
        return found;
    }

    /** Counts one outcome before and after in its row; true when it flipped. */
    private boolean count(List<String> key, String was, String is) {
        Counting row = rows.computeIfAbsent(key, k -> new Counting());
        row.before.merge(was, 1L, Long::sum);
        row.after.merge(is, 1L, Long::sum);
        if (was.equals(is)) {
            return false;
        }
        row.flips.merge(was + "->" + is, 1L, Long::sum);
        flipped++;
        return true;
    }

    private static String value(HistoryOutcome outcome, GroupBy by) {
        String value = switch (by) {
            case AGENT -> outcome.subject().isCustomer() ? outcome.accountManager() : outcome.subject().agent();
            case TEAM -> outcome.subject().team();
            case TIER -> outcome.tier();
            case CHANNEL -> outcome.subject().channel();
            default -> throw new IllegalStateException("not a dimension of an impact: " + by);
        };
        return value == null ? "" : value;
    }

    private static String name(StandardOutcome outcome) {
        return outcome == null ? NONE : outcome.outcome().name();
    }

    private static String value(Interaction record, GroupBy by) {
        String value = switch (by) {
            case AGENT -> record.agent() == null ? null : record.agent().id();
            case TEAM -> record.agent() == null ? null : record.agent().team();
            case TIER -> record.tier() == null ? null : record.tier().name();
            case CHANNEL -> record.channel() == null ? null : record.channel().name();
            default -> throw new IllegalStateException("not a dimension of an impact: " + by);
        };
        return value == null ? "" : value;
    }

    private static int compare(List<String> a, List<String> b) {
        for (int k = 0; k < Math.min(a.size(), b.size()); k++) {
            int c = a.get(k).compareTo(b.get(k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static final class Counting {
        final Map<String, Long> before = new TreeMap<>();
        final Map<String, Long> after = new TreeMap<>();
        final Map<String, Long> flips = new TreeMap<>();
    }

    /** The preview so far. */
    public Result result() {
        List<Row> shown = new ArrayList<>();
        rows.forEach((key, row) -> {
            Map<String, String> group = new LinkedHashMap<>();
            for (int k = 0; k < groupBy.size(); k++) {
                group.put(groupBy.get(k).key(), key.get(k));
            }
            shown.add(new Row(group, key.get(key.size() - 1), Tally.of(row.before), Tally.of(row.after), Map.copyOf(row.flips)));
        });
        shown.sort(Comparator.comparing(Row::standard).thenComparing(r -> String.join("\u0000", r.group().values())));
        return new Result(groupBy.stream().map(GroupBy::key).toList(), records, unjudged, customers, customersUnjudged, flipped,
                shown, List.copyOf(flips), List.copyOf(historyFlips), flipped > flips.size() + historyFlips.size());
    }

    /**
     * The rows of a preview as CSV: the groups, the standard, each side's counts and rate, the
     * flips to FAIL and to PASS, and every flip as {@code BEFORE->AFTER n}.
     */
    public static String csv(List<String> groupBy, List<Row> rows) {
        List<String> header = new ArrayList<>(groupBy);
        header.add("standard");
        for (String side : List.of("before", "after")) {
            for (String column : List.of("pass", "fail", "pending", "not_applicable", "none", "rate")) {
                header.add(side + "_" + column);
            }
        }
        header.addAll(List.of("flipped", "flipped_to_fail", "flipped_to_pass", "flips"));
        List<List<Object>> lines = new ArrayList<>();
        for (Row row : rows) {
            List<Object> cells = new ArrayList<>();
            groupBy.forEach(g -> cells.add(row.group().get(g)));
            cells.add(row.standard());
            for (Tally side : List.of(row.before(), row.after())) {
                cells.addAll(List.of(side.pass(), side.fail(), side.pending(), side.notApplicable(), side.none(),
                        side.rate() == null ? "" : side.rate().setScale(4, RoundingMode.HALF_UP).toPlainString()));
            }
            Map<String, Long> flips = new TreeMap<>(row.flips());
            cells.add(flips.values().stream().mapToLong(Long::longValue).sum());
            cells.add(flips.entrySet().stream().filter(f -> f.getKey().endsWith("->FAIL")).mapToLong(Map.Entry::getValue).sum());
            cells.add(flips.entrySet().stream().filter(f -> f.getKey().endsWith("->PASS")).mapToLong(Map.Entry::getValue).sum());
            cells.add(String.join("; ", flips.entrySet().stream().map(f -> f.getKey() + " " + f.getValue()).toList()));
            lines.add(cells);
        }
        return org.servicestandards.report.CsvExport.write(header, lines);
    }

    /**
     * An impact preview: {@code records} judged, {@code unjudged} of them the candidate could not
     * judge, the history standards of {@code customers} ({@code customersUnjudged} the candidate
     * could not judge), {@code flipped} outcomes that change; {@code flips} and
     * {@code historyFlips} the first of them, and {@code flipsTruncated} whether there are more.
     */
    public record Result(List<String> groupBy, long records, long unjudged, long customers, long customersUnjudged, long flipped,
                         List<Row> rows, List<Flip> flips, List<HistoryFlip> historyFlips, boolean flipsTruncated) {
    }

    /** One history outcome that flips: the customer, the standard and subject, both sides' outcome and findings. */
    public record HistoryFlip(String customer, String standard, String subjectKind, String subjectId, String from, String to,
                              List<Finding> before, List<Finding> after) {
    }

    /** One standard (in one group): the outcomes before and after, and the flips, keyed {@code BEFORE->AFTER}. */
    public record Row(Map<String, String> group, String standard, Tally before, Tally after, Map<String, Long> flips) {
    }

    /** Outcome counts of one side; {@code rate} is PASS / (PASS + FAIL), four decimals, null when nothing was decided. */
    public record Tally(long pass, long fail, long pending, long notApplicable, long none, BigDecimal rate) {

        static Tally of(Map<String, Long> counts) {
            long pass = counts.getOrDefault(Outcome.PASS.name(), 0L);
            long fail = counts.getOrDefault(Outcome.FAIL.name(), 0L);
            long decided = pass + fail;
            return new Tally(pass, fail, counts.getOrDefault(Outcome.PENDING.name(), 0L),
                    counts.getOrDefault(Outcome.NOT_APPLICABLE.name(), 0L), counts.getOrDefault(NONE, 0L),
                    decided == 0 ? null : BigDecimal.valueOf(pass).divide(BigDecimal.valueOf(decided), 4, RoundingMode.HALF_UP));
        }
    }

    /** One outcome that flips, with both sides' outcome (null for {@value #NONE}) and findings. */
    public record Flip(String interactionId, Integer revision, String standard, String from, String to,
                       StandardOutcome before, StandardOutcome after) {
    }
}
