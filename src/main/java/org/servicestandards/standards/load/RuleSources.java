package org.servicestandards.standards.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.servicestandards.standards.RuleProblem;

/**
 * The rule files of a rule set as the DRL Drools will compile, each verified against the vocabulary
 * first: a DRL file as written, a DSLR file as its expansion, a decision table as the DRL its rows
 * generate. Only this DRL is ever given to the compiler, so what runs is what was verified.
 */
final class RuleSources {

    /** One file's DRL, the package it declares, and where its lines stand in the file. */
    record RuleSource(String path, String drl, String packageName, RuleOrigin origin) {

        boolean isTable() {
            return isTable(path);
        }

        static boolean isTable(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            return (lower.endsWith(".csv") && !path.equals(RuleSetLoader.STANDARDS_FILE)) || lower.endsWith(".xlsx");
        }
    }

    private RuleSources() {
    }

    /** The verified DRL of every rule file; every problem (unreadable, unexpandable, refused) is added to {@code problems}. */
    static List<RuleSource> read(Map<String, byte[]> files, List<RuleProblem> problems) {
        Map<String, String> languages = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.toLowerCase(Locale.ROOT).endsWith(".dsl")) {
                languages.put(path, text(content));
            }
        });
        DslExpansion expansion = new DslExpansion(languages, problems);
        List<RuleSource> sources = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            String lower = path.toLowerCase(Locale.ROOT);
            RuleOrigin origin;
            if (lower.endsWith(".drl")) {
                origin = RuleOrigin.drl(path, text(file.getValue()));
            } else if (lower.endsWith(".dslr")) {
                String dslr = text(file.getValue());
                DslExpansion.Expanded expanded = expansion.expand(path, dslr, problems);
                if (expanded == null) {
                    continue;
                }
                origin = RuleOrigin.expanded(path, expanded.drl(), dslr, expanded.sentenceLine());
            } else if (RuleSource.isTable(path)) {
                try {
                    boolean workbook = lower.endsWith(".xlsx");
                    String drl = workbook ? DecisionTables.xlsxToDrl(file.getValue()) : DecisionTables.csvToDrl(text(file.getValue()));
                    origin = RuleOrigin.table(path, drl, workbook ? DecisionTables.xlsxCells(file.getValue())
                            : DecisionTables.csvCells(text(file.getValue())));
                } catch (IOException | RuntimeException e) {
                    problems.add(new RuleProblem(path, 0, 0, "not a readable decision table: " + e.getMessage()));
                    continue;
                }
            } else {
                continue;
            }
            RuleVerifier.Verified verified = RuleVerifier.verify(origin);
            problems.addAll(verified.problems());
            sources.add(new RuleSource(path, origin.drl, verified.packageName(), origin));
        }
        return sources;
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
