package org.servicestandards.interaction;

/** What is wrong with one field of a posted record: where (a JSON pointer) and why. */
public record FieldError(String pointer, String reason) {

    /** The pointer to member {@code name} of the object at {@code parent} ("" for the document), escaped as RFC 6901 says. */
    public static String member(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
