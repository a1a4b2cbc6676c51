package org.servicestandards.standards.facts;

import java.time.Instant;

/** A standard that cannot be decided yet, whatever its subject; it falls due at {@code dueAt} (null: clock stopped). */
public interface Deadline {

    String standard();

    Instant dueAt();
}
