package org.servicestandards.standards.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.servicestandards.interaction.FieldError;
import org.servicestandards.interaction.Instants;
import org.servicestandards.interaction.Interaction;
import org.servicestandards.interaction.RecordDecoder;
import org.servicestandards.interaction.Tier;
import org.servicestandards.standards.Engine;
import org.servicestandards.standards.HistoryEngine;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.RuleSet;
import org.servicestandards.standards.StandardScope;
import org.servicestandards.standards.facts.CustomerHistory;
import org.servicestandards.verdict.Finding;
import org.servicestandards.verdict.HistoryOutcome;
import org.servicestandards.verdict.StandardOutcome;
import org.servicestandards.verdict.Verdict;

/**
 * The officers' own example cases, {@code examples/*.yaml}: records, the instant to judge them
 * at, and the outcome each standard must give. A rule set whose cases do not come out as
 * expected is refused like one that does not compile.
 * <pre>
 * description: A VIP email answered within two business hours passes
 * asOf: 2026-11-18T15:00:00Z
 * records:
 *   - { id: ex-1, customer: { id: c1, tier: VIP }, agent: { id: a1 }, channel: EMAIL, type: INQUIRY,
 *       openedAt: 2026-11-16T10:00:00Z, firstResponseAt: 2026-11-16T11:30:00Z }
 * expect:
 *   ex-1:
 *     first-response: PASS          # or FAIL, FAIL MAJOR, PENDING, NOT_APPLICABLE
 * </pre>
 * History standards are expected of a customer or an interaction by its id; the records are the
 * customers' histories, and {@code customers: { c1: { tiers: { "2026-01-01T00:00:00Z": VIP },
 * accountManager: am-1 } } } gives a customer tiers of their own (else each record's tier counts
 * from its opening).
 */
final class ExampleCases {

    static final String FOLDER = "examples/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ExampleCases() {
    }

    static boolean isCase(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return path.startsWith(FOLDER) && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
    }

    /** How many expectations were checked, and every one that did not hold. */
    record Results(int cases, int expectations, List<RuleProblem> problems) {
    }

    static Results run(RuleSet rules, Map<String, byte[]> files) {
        List<RuleProblem> problems = new ArrayList<>();
        int cases = 0;
        int expectations = 0;
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!isCase(file.getKey())) {
                continue;
            }
            cases++;
            expectations += runOne(rules, file.getKey(), new String(file.getValue(), StandardCharsets.UTF_8), problems);
        }
        return new Results(cases, expectations, problems);
    }

    private static int runOne(RuleSet rules, String path, String text, List<RuleProblem> problems) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            problems.add(new RuleProblem(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0,
                    "not readable YAML: " + e.getOriginalMessage()));
            return 0;
        }
        if (root == null || !root.isObject()) {
            problems.add(new RuleProblem(path, 1, 0, "an example case has asOf, records and expect"));
            return 0;
        }
        Instant asOf;
        try {
            asOf = Instants.read(root.path("asOf").asText(""));
        } catch (Instants.Unacceptable e) {
            problems.add(new RuleProblem(path, lineOf(text, "asOf:", 0), 0, "asOf: " + e.getMessage()));
            return 0;
        }
        RecordDecoder decoder = new RecordDecoder();
        List<Interaction> records = new ArrayList<>();
        int index = 0;
        for (JsonNode node : root.path("records")) {
            RecordDecoder.Decoded decoded = decoder.decode(node);
            if (!decoded.isValid()) {
                for (FieldError error : decoded.errors()) {
                    problems.add(new RuleProblem(path, lineOf(text, "records:", 0), 0,
                            "record " + (index + 1) + (decoded.id() == null ? "" : " (" + decoded.id() + ")") + ": "
                                    + error.pointer() + " " + error.reason()));
                }
            } else {
                records.add(decoded.interaction());
            }
            index++;
        }
        if (records.isEmpty() && index == 0 && root.path("customers").isEmpty()) {
            problems.add(new RuleProblem(path, 1, 0, "the case has no records and no customers"));
            return 0;
        }
        if (!customersReadable(path, text, root.path("customers"), problems)) {
            return 0;
        }
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<Verdict> judged = new Engine().evaluate(rules, records, asOf);
        for (Verdict verdict : judged) {
            verdicts.put(verdict.interactionId(), verdict);
        }
        Set<String> historyStandards = new HashSet<>();
        rules.standards(StandardScope.HISTORY).forEach(h -> historyStandards.add(h.id()));
        Map<String, StandardOutcome> history = null;
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> byRecord = root.path("expect").fields(); byRecord.hasNext(); ) {
            Map.Entry<String, JsonNode> expected = byRecord.next();
            String id = expected.getKey();
            int recordLine = lineOf(text, id + ":", lineOf(text, "expect:", 0));
            Verdict verdict = verdicts.get(id);
            boolean isCustomer = records.stream().anyMatch(r -> r.customer().id().equals(id)) || root.path("customers").has(id);
            if (verdict == null && !isCustomer) {
                problems.add(new RuleProblem(path, recordLine, 0, "expect names '" + id
                        + "', which is neither a record nor a customer of the case"));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> byStandard = expected.getValue().fields(); byStandard.hasNext(); ) {
                Map.Entry<String, JsonNode> expectation = byStandard.next();
                checked++;
                int line = lineOf(text, expectation.getKey() + ":", recordLine);
                StandardOutcome outcome;
                if (historyStandards.contains(expectation.getKey())) {
                    if (history == null) {
                        history = judgeHistories(rules, root.path("customers"), records, asOf);
                    }
                    outcome = history.getOrDefault(id + '\u0000' + expectation.getKey(),
                            StandardOutcome.notApplicable(expectation.getKey()));
                } else {
                    outcome = verdict == null ? null : verdict.outcome(expectation.getKey());
                }
                if (outcome == null) {
                    problems.add(new RuleProblem(path, line, 0, (verdict == null ? "customer " : "record ") + id
                            + ": the rule set has no " + (verdict == null ? "history " : "") + "standard '" + expectation.getKey() + "'"));
                    continue;
                }
                String want = expectation.getValue().asText("").trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                String got = outcome.outcome().name() + (outcome.severity() == null ? "" : " " + outcome.severity().name());
                boolean matches = want.contains(" ") ? got.equals(want) : outcome.outcome().name().equals(want);
                if (!matches) {
                    problems.add(new RuleProblem(path, line, 0, (verdict == null ? "customer " : "record ") + id + ", "
                            + expectation.getKey() + ": expected " + want + ", got " + got + because(outcome)));
                }
            }
        }
        if (checked == 0) {
            problems.add(new RuleProblem(path, 1, 0, "the case expects nothing; list outcomes under expect"));
        }
        return checked;
    }

    /**
     * Whether the case's {@code customers} (if any) read as {@code id: { tiers: { instant: TIER },
     * accountManager: id }}; each one that does not is a problem at its line.
     */
    private static boolean customersReadable(String path, String text, JsonNode customers, List<RuleProblem> problems) {
        if (customers.isMissingNode()) {
            return true;
        }
        int block = lineOf(text, "customers:", 0);
        if (!customers.isObject()) {
            problems.add(new RuleProblem(path, block, 0, "customers must map each customer's id to its tiers and account manager"));
            return false;
        }
        int before = problems.size();
        for (Iterator<Map.Entry<String, JsonNode>> each = customers.fields(); each.hasNext(); ) {
            Map.Entry<String, JsonNode> customer = each.next();
            int line = lineOf(text, customer.getKey() + ":", block);
            JsonNode tiers = customer.getValue().path("tiers");
            if (!customer.getValue().isObject() || !(tiers.isMissingNode() || tiers.isObject())) {
                problems.add(new RuleProblem(path, line, 0, "customer " + customer.getKey()
                        + ": write { tiers: { \"2026-01-01T00:00:00Z\": VIP }, accountManager: am-1 }"));
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> period = tiers.fields(); period.hasNext(); ) {
                Map.Entry<String, JsonNode> held = period.next();
                try {
                    Instants.read(held.getKey());
                } catch (Instants.Unacceptable e) {
                    problems.add(new RuleProblem(path, line, 0, "customer " + customer.getKey() + ": " + e.getMessage()));
                }
                try {
                    Tier.valueOf(held.getValue().asText().trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new RuleProblem(path, line, 0, "customer " + customer.getKey() + ": '" + held.getValue().asText()
                            + "' is not a tier; use STRATEGIC, VIP or STANDARD"));
                }
            }
        }
        return problems.size() == before;
    }

    /**
     * The history outcomes of every customer of the case, by subject id and standard. A customer
     * listed under {@code customers} holds the tiers given there ({@code tiers: {instant: TIER}});
     * any other holds each record's tier from the record's opening on.
     */
    private static Map<String, StandardOutcome> judgeHistories(RuleSet rules, JsonNode customers, List<Interaction> records,
                                                               Instant asOf) {
        Map<String, List<Interaction>> byCustomer = new TreeMap<>();
        records.forEach(r -> byCustomer.computeIfAbsent(r.customer().id(), k -> new ArrayList<>()).add(r));
        customers.fieldNames().forEachRemaining(id -> byCustomer.computeIfAbsent(id, k -> new ArrayList<>()));
        Map<String, StandardOutcome> outcomes = new HashMap<>();
        HistoryEngine engine = new HistoryEngine();
        for (Map.Entry<String, List<Interaction>> customer : byCustomer.entrySet()) {
            JsonNode given = customers.path(customer.getKey());
            Map<Instant, Tier> tiers = new TreeMap<>();
            if (given.has("tiers")) {
                given.get("tiers").fields().forEachRemaining(t -> tiers.put(Instants.read(t.getKey()),
                        Tier.valueOf(t.getValue().asText().trim().toUpperCase(Locale.ROOT))));
            } else {
                customer.getValue().stream().sorted(java.util.Comparator.comparing(Interaction::openedAt)).forEach(r -> {
                    Tier held = tiers.isEmpty() ? null : ((TreeMap<Instant, Tier>) tiers).lastEntry().getValue();
                    if (held != r.tier()) {
                        tiers.put(r.openedAt(), r.tier());
                    }
                });
            }
            String manager = given.hasNonNull("accountManager") ? given.get("accountManager").asText() : null;
            for (HistoryOutcome outcome : engine.judge(rules, new CustomerHistory(customer.getKey(), null, manager, tiers, asOf),
                    customer.getValue())) {
                outcomes.put(outcome.subject().id() + '\u0000' + outcome.standard(), new StandardOutcome(outcome.standard(),
                        outcome.outcome(), outcome.severity(), outcome.dueAt(), null, outcome.findings()));
            }
        }
        return outcomes;
    }

    private static String because(StandardOutcome outcome) {
        if (outcome.findings().isEmpty()) {
            return outcome.dueAt() == null ? "" : " (due " + outcome.dueAt() + ")";
        }
        Finding first = outcome.findings().get(0);
        return " (" + first.rule() + ": " + first.message() + ")";
    }

    /** The 1-based line of the first line after {@code from} that starts (after indentation) with {@code key}; 0 if none. */
    private static int lineOf(String text, String key, int from) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.max(from, 0); i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (trimmed.startsWith(key) || trimmed.startsWith("\"" + key.replace(":", "\":"))) {
                return i + 1;
            }
        }
        return 0;
    }
}
