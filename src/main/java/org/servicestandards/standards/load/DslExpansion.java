package org.servicestandards.standards.load;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLMapping;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.servicestandards.standards.RuleProblem;

/**
 * The rule language of sentences: DSLR files expanded by Drools' own expander with every DSL file
 * of the rule set (in path order), so the DRL the verifier reads is exactly the DRL Drools
 * compiles; the expansion, not the DSLR, goes to the compiler.
 */
final class DslExpansion {

    /** The DRL of a DSLR file, and the DSLR line each of its lines came from. */
    record Expanded(String drl, IntUnaryOperator sentenceLine) {
    }

    private final List<DSLMapping> mappings = new ArrayList<>();

    /** Reads the DSL files (path to text), adding each problem of theirs to {@code problems}. */
    DslExpansion(Map<String, String> dslFiles, List<RuleProblem> problems) {
        for (Map.Entry<String, String> dsl : dslFiles.entrySet()) {
            DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
            try {
                file.parseAndLoad(new StringReader(dsl.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (KnowledgeBuilderResult error : file.getErrors()) {
                int[] lines = error.getLines();
                problems.add(new RuleProblem(dsl.getKey(), lines.length > 0 ? lines[0] : 0, 0, error.getMessage()));
            }
            mappings.add(file.getMapping());
        }
    }

    /** Expands one DSLR file; a sentence no DSL knows is a problem at its line, and then there is nothing to compile. */
    Expanded expand(String path, String dslr, List<RuleProblem> problems) {
        DefaultExpander expander = new DefaultExpander();
        mappings.forEach(expander::addDSLMapping);
        String drl = expander.expand(dslr);
        if (expander.hasErrors()) {
            for (ExpanderException error : expander.getErrors()) {
                problems.add(new RuleProblem(path, error.getLine(), 0, error.getMessage().replaceFirst("^\\[\\d+\\]\\s*", "")));
            }
            return null;
        }
        return new Expanded(drl, sentenceLines(dslr, drl));
    }

    /**
     * The expander folds each '-' line into the sentence above it and keeps every other line, so
     * the n-th line of the DRL is the n-th line of the DSLR that is not a '-' line. When the counts
     * do not agree (a mapping that writes several lines), a line maps to its rule's heading.
     */
    private static IntUnaryOperator sentenceLines(String dslr, String drl) {
        String[] written = dslr.split("\n", -1);
        String[] expanded = drl.split("\n", -1);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            if (!written[i].strip().startsWith("-")) {
                kept.add(i + 1);
            }
        }
        if (kept.size() == expanded.length) {
            return line -> line >= 1 && line <= kept.size() ? kept.get(line - 1) : 0;
        }
        return line -> {
            for (int i = Math.min(line, expanded.length) - 1; i >= 0; i--) {
                String heading = expanded[i].strip();
                if (heading.startsWith("rule ")) {
                    for (int j = 0; j < written.length; j++) {
                        if (written[j].strip().equals(heading)) {
                            return j + 1;
                        }
                    }
                }
            }
            return 0;
        };
    }
}
