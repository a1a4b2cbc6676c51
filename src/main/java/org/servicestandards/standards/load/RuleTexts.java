package org.servicestandards.standards.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicestandards.standards.RuleText;

/** Finds the text of a rule in a rule set's files, a table's rule as the DRL its row became. */
public final class RuleTexts {

    private static final Pattern TABLE_ROW = Pattern.compile("_(\\d+)$");

    /** Finds the rule named {@code rule} in the files of a rule set. */
    public static Optional<RuleText> find(Map<String, byte[]> files, String rule) {
        String declaration = "rule \"" + rule + "\"";
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            String lower = path.toLowerCase(Locale.ROOT);
            String source;
            boolean table = false;
            if (lower.endsWith(".drl") || lower.endsWith(".dslr")) {
                source = new String(file.getValue(), StandardCharsets.UTF_8);
            } else if (lower.endsWith(".xlsx") || (lower.endsWith(".csv") && !path.equals(RuleSetLoader.STANDARDS_FILE))) {
                try {
                    source = lower.endsWith(".xlsx") ? DecisionTables.xlsxToDrl(file.getValue())
                            : DecisionTables.csvToDrl(new String(file.getValue(), StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    continue;
                }
                table = true;
            } else {
                continue;
            }
            int start = source.indexOf(declaration);
            if (start < 0) {
                continue;
            }
            Matcher end = Pattern.compile("(?m)^[ \\t]*end[ \\t]*$").matcher(source);
            int stop = end.find(start) ? end.end() : source.length();
            int line;
            if (table) {
                Matcher row = TABLE_ROW.matcher(rule);
                line = row.find() ? Integer.parseInt(row.group(1)) : 0;
            } else {
                line = (int) source.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
            }
            return Optional.of(new RuleText(rule, path, line, source.substring(start, stop).strip()));
        }
        return Optional.empty();
    }

    private RuleTexts() {
    }
}
