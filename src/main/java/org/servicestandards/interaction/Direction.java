package org.servicestandards.interaction;

/** Who started the interaction: the customer (inbound) or the business (outbound). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
