package org.servicestandards.standards.load;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import org.servicestandards.standards.JudgingException;
import org.servicestandards.standards.RuleProblem;

/**
 * What officers read when a rule set is refused: each problem the compiler or a sample record
 * raised, as file:line:column of the file they wrote (its row, in a table), not of the DRL the
 * engine compiled.
 */
final class Diagnostics {

    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):");

    private Diagnostics() {
    }

    /** Where the rule named in a consequence failure is written: its file and line (its row, in a table). */
    static RuleProblem failure(Throwable e, List<RuleSources.RuleSource> sources) {
        // The engine names the rule and what it threw, past its own wrappers.
        JudgingException judging = JudgingException.of(e);
        String name = judging.rule() != null ? judging.rule() : JudgingException.ruleNamedIn(judging.getMessage());
        String why = judging.getCause() == null ? judging.getMessage() : JudgingException.rootCause(judging.getCause()).getMessage();
        if (name == null) {
            return new RuleProblem("rules", 0, 0, "a rule failed while judging a sample record: " + why);
        }
        String message = "rule '" + name + "' failed while judging a sample record: " + why;
        for (RuleSources.RuleSource source : sources) {
            int at = source.drl().indexOf("rule \"" + name + "\"");
            if (at >= 0) {
                RuleProblem located = source.origin().at(at, "", message);
                return new RuleProblem(located.file(), located.line(), 0, message);
            }
        }
        return new RuleProblem("rules", 0, 0, message);
    }

    static RuleProblem locate(Message message, Map<String, RuleSources.RuleSource> sourceOf) {
        String path = message.getPath() == null ? "" : message.getPath().startsWith("src/") ? message.getPath()
                : "src/main/resources/" + message.getPath();
        RuleSources.RuleSource source = sourceOf.get(path);
        String text = message.getText().replaceAll("\\s+", " ").trim();
        if (source == null) {
            return new RuleProblem(message.getPath() == null ? "" : message.getPath(), message.getLine(),
                    Math.max(message.getColumn(), 0), text);
        }
        int line = message.getLine();
        Matcher expression = EXPRESSION.matcher(text);
        if (line <= 0 && source.isTable() && expression.find()) {
            // Some errors carry no line, only the expression that failed; find it in the generated DRL.
            String[] lines = source.drl().split("\n", -1);
            for (int i = 0; i < lines.length && line <= 0; i++) {
                if (lines[i].contains(expression.group(1).trim())) {
                    line = i + 1;
                }
            }
        }
        if (line <= 0 && !source.isTable()) {
            return new RuleProblem(source.path(), 0, 0, text);
        }
        // Drools' messages point at the DRL it compiled: the origin names the line (row, sentence) the officer wrote.
        return source.origin().at(source.origin().offsetOf(line, Math.max(message.getColumn(), 0)), "", text);
    }
}
