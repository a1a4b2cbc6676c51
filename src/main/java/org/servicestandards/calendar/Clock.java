package org.servicestandards.calendar;

/** How a target's time is counted. */
public enum Clock {
    /** Every second counts, day and night. */
    ELAPSED,
    /** Only the business calendar's opening hours count. */
    BUSINESS_HOURS
}
