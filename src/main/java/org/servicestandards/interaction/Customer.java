package org.servicestandards.interaction;

/** The customer served; the tier decides which targets apply. */
public record Customer(String id, Tier tier, String name) {
}
