package org.servicestandards.standards;

/** Something wrong with a rule file, located for the officer who must fix it. Line and column are 0 when unknown. */
public record RuleProblem(String file, int line, int column, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").append(message).toString();
    }
}
