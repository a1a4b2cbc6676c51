package org.servicestandards.interaction;

/** Where the interaction happened. VISIT means staff visited the customer. */
public enum Channel {
    PHONE,
    EMAIL,
    CHAT,
    IN_PERSON,
    VISIT,
    WEB
}
