package org.servicestandards.access;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as the store knows it: its public id (the part of the key before the secret), a
 * name saying whose it is, its roles, who made it and when, and when it was revoked. The secret
 * itself is never kept, only its hash.
 */
public record ApiKey(String id, String name, Set<Role> roles, Instant createdAt, String createdBy, Instant revokedAt) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    /** Whether this key may do what {@code required} may. */
    public boolean may(Role required) {
        return isActive() && roles.stream().anyMatch(r -> r.grants(required));
    }

    /** How the key shows in logs and the audit log: its name and id, never its secret. */
    public String actor() {
        return name + " (" + id + ")";
    }
}
