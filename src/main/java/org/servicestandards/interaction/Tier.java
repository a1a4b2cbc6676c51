package org.servicestandards.interaction;

/** How much a customer matters to the business; targets tighten as the tier rises. */
public enum Tier {
    STRATEGIC,
    VIP,
    STANDARD
}
