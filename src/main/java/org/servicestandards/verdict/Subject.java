package org.servicestandards.verdict;

import java.time.Instant;

/**
 * What a history standard judges: a customer (kind {@code customer}) or one interaction of
 * theirs, such as a complaint or a sale (kind {@code interaction}). For an interaction, its
 * opening, agent, team and channel come along, as reports place it by them.
 */
public record Subject(String kind, String id, Instant openedAt, String agent, String team, String channel) {

    public static final String CUSTOMER = "customer";
    public static final String INTERACTION = "interaction";

    public static Subject customer(String id) {
        return new Subject(CUSTOMER, id, null, null, null, null);
    }

    public boolean isCustomer() {
        return CUSTOMER.equals(kind);
    }
}
