package org.servicestandards.interaction;

/** What the interaction was about. */
public enum InteractionType {
    INQUIRY,
    REQUEST,
    COMPLAINT,
    FOLLOW_UP,
    SURVEY,
    SALE
}
