package org.servicestandards.verdict;

/** What a standard concluded about one subject. */
public enum Outcome {
    PASS,
    FAIL,
    /** Not yet decidable: a deadline has not passed at asOf. */
    PENDING,
    NOT_APPLICABLE
}
