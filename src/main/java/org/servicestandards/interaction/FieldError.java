package org.servicestandards.interaction;

/** What is wrong with one field of a posted record: where (a JSON pointer) and why. */
public record FieldError(String pointer, String reason) {
}
