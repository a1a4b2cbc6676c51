package org.servicestandards.standards.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.servicestandards.standards.RuleProblem;

/**
 * Where a place in the DRL the verifier reads stands in the file the officer wrote: the same line
 * and column for a DRL file, the sentence's line for a DSLR file (the DRL is its expansion), and
 * the row and cell for a decision table (the DRL is what its rows generate).
 */
abstract class RuleOrigin {

    private static final Pattern TABLE_ROW = Pattern.compile("// rule values at ([A-Z]+)(\\d+)");

    final String file;
    final String drl;
    private final int[] lineStarts;

    private RuleOrigin(String file, String drl) {
        this.file = file;
        this.drl = drl;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < drl.length(); i++) {
            if (drl.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The problem {@code message} about the DRL at {@code offset}, where {@code near} is the text refused. */
    abstract RuleProblem at(int offset, String near, String message);

    /** The DRL's line (from 1) at an offset. */
    final int lineOf(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, drl.length())));
        return line >= 0 ? line + 1 : -line - 1;
    }

    /** The DRL's column (from 1) at an offset. */
    final int columnOf(int offset) {
        return Math.max(0, Math.min(offset, drl.length())) - lineStarts[lineOf(offset) - 1] + 1;
    }

    /** The offset of a line (from 1) and column (from 0), as Drools' parser counts them. */
    final int offsetOf(int line, int column) {
        if (line < 1) {
            return 0;
        }
        return Math.min(lineStarts[Math.min(line, lineStarts.length) - 1] + Math.max(column, 0), drl.length());
    }

    /** A DRL file the officer wrote: positions are its own. */
    static RuleOrigin drl(String file, String drl) {
        return new RuleOrigin(file, drl) {
            @Override
            RuleProblem at(int offset, String near, String message) {
                return new RuleProblem(file, lineOf(offset), columnOf(offset), message);
            }
        };
    }

    /** A DSLR file: {@code sentenceLine} maps a line of the expanded DRL to the line of the sentence it came from. */
    static RuleOrigin expanded(String file, String drl, String dslr, IntUnaryOperator sentenceLine) {
        String[] lines = dslr.split("\n", -1);
        return new RuleOrigin(file, drl) {
            @Override
            RuleProblem at(int offset, String near, String message) {
                int line = sentenceLine.applyAsInt(lineOf(offset));
                int column = line >= 1 && line <= lines.length ? lines[line - 1].length() - lines[line - 1].stripLeading().length() + 1 : 0;
                return new RuleProblem(file, line, column, near.isBlank() ? message : message + " (in the expansion: " + near + ")");
            }
        };
    }

    /** A decision table: the DRL line's rule came from a row; the column is the cell that holds the refused text. */
    static RuleOrigin table(String file, String drl, List<List<String>> cells) {
        return new RuleOrigin(file, drl) {
            @Override
            RuleProblem at(int offset, String near, String message) {
                int row = tableRow(drl, lineOf(offset));
                int column = cellHolding(cells, row, near);
                if (column == 0) {
                    // The refused text may come from the code rows above the data (the templates).
                    for (int r = 1; r <= cells.size() && column == 0; r++) {
                        column = cellHolding(cells, r, near);
                        row = column == 0 ? row : r;
                    }
                }
                return new RuleProblem(file, row, column, message);
            }
        };
    }

    /** The table row whose rule the generated DRL line belongs to; 0 when unknown. */
    static int tableRow(String generatedDrl, int line) {
        String[] lines = generatedDrl.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher row = TABLE_ROW.matcher(lines[i]);
            if (row.find()) {
                return Integer.parseInt(row.group(2));
            }
        }
        return 0;
    }

    private static int cellHolding(List<List<String>> cells, int row, String near) {
        if (row < 1 || row > cells.size() || near == null || near.isBlank()) {
            return 0;
        }
        List<String> cellsOfRow = cells.get(row - 1);
        for (int column = 0; column < cellsOfRow.size(); column++) {
            String cell = cellsOfRow.get(column);
            if (cell != null && !cell.isBlank() && (cell.contains(near) || near.contains(cell.strip()))) {
                return column + 1;
            }
        }
        return 0;
    }
}
