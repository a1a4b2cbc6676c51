package org.servicestandards.standards.load;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.servicestandards.standards.RuleProblem;
import org.servicestandards.standards.StandardDefinition;
import org.servicestandards.standards.StandardScope;
import org.servicestandards.verdict.Severity;

/** {@code standards.csv}: the standards a rule set declares (id, scope, severity, title, principle), each row checked. */
final class StandardsFile {

    private StandardsFile() {
    }

    static List<StandardDefinition> read(String text, List<RuleProblem> problems) {
        List<StandardDefinition> standards = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = rows.next();
                String id = row.getOrDefault("id", "").trim();
                if (id.isEmpty()) {
                    problems.add(new RuleProblem(RuleSetLoader.STANDARDS_FILE, line, 0, "a standard needs an id"));
                    continue;
                }
                StandardScope scope = parse(StandardScope.class, row.get("scope"), line, "scope", problems);
                Severity severity = parse(Severity.class, row.get("severity"), line, "severity", problems);
                String principle = row.getOrDefault("principle", "").trim();
                if (principle.isEmpty()) {
                    problems.add(new RuleProblem(RuleSetLoader.STANDARDS_FILE, line, 0, "standard '" + id + "' names no source principle"));
                }
                if (standards.stream().anyMatch(s -> s.id().equals(id))) {
                    problems.add(new RuleProblem(RuleSetLoader.STANDARDS_FILE, line, 0, "standard '" + id + "' is declared twice"));
                }
                standards.add(new StandardDefinition(id, scope, severity, row.getOrDefault("title", "").trim(), principle));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new RuleProblem(RuleSetLoader.STANDARDS_FILE, 0, 0, "not readable as CSV with a header row: " + e.getMessage()));
        }
        return standards;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, int line, String column,
                                              List<RuleProblem> problems) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            problems.add(new RuleProblem(RuleSetLoader.STANDARDS_FILE, line, 0, column + " '" + value + "' must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
