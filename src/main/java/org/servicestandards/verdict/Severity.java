package org.servicestandards.verdict;

/** How bad a finding is; declared worst first. */
public enum Severity {
    CRITICAL,
    MAJOR,
    MINOR;

    public boolean isWorseThan(Severity other) {
        return other == null || ordinal() < other.ordinal();
    }
}
