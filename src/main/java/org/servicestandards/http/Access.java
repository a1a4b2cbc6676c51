package org.servicestandards.http;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.ApiKey;
import org.servicestandards.access.RateLimits;
import org.servicestandards.access.Role;

/**
 * Who may call a route: a key with a role that grants the route's ({@link #ANY_KEY}: any valid
 * key). A route given no access is open. Checked before every matched route: no valid key is
 * 401, a key without the role 403.
 */
enum Access implements RouteRole {
    ANY_KEY(null),
    INGEST(Role.INGEST),
    AUDITOR(Role.AUDITOR),
    OFFICER(Role.OFFICER),
    ADMIN(Role.ADMIN);

    static final String CALLER = "api-key";

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    boolean allows(ApiKey key) {
        return role == null ? key.isActive() : key.may(role);
    }

    /** The key that called, set by {@link #check} on every route that needs one. */
    static Optional<ApiKey> caller(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    /** Refuses the request unless it carries a key that may call the matched route. */
    static void check(Context ctx, AccessKeys keys, RateLimits limits) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            return;
        }
        String authorization = ctx.header("Authorization");
        Optional<ApiKey> key = Optional.empty();
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = keys.authenticate(authorization.substring(7).trim());
        }
        if (key.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"service-standards\"");
            throw new Problem(401, "unauthorized", "Unauthorized", authorization == null
                    ? "this route needs an API key: send Authorization: Bearer <key>"
                    : "the API key is unknown or revoked", java.util.List.of());
        }
        ctx.attribute(CALLER, key.get());
        ApiKey caller = key.get();
        RateLimits.Decision decision = limits.take(caller.id());
        if (!decision.allowed()) {
            long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new Problem(429, "rate-limited", "Too many requests", "key " + caller.id() + " may make "
                    + limits.perMinute() + " requests a minute; try again in " + seconds + " s", java.util.List.of());
        }
        if (required.stream().noneMatch(r -> r instanceof Access access && access.allows(caller))) {
            throw new Problem(403, "forbidden", "Forbidden", "key " + caller.id() + " (" + caller.name() + ") has roles "
                    + caller.roles().stream().map(Role::key).sorted().toList() + "; this route needs "
                    + required.stream().map(r -> ((Access) r).describe()).sorted().toList(), java.util.List.of());
        }
    }

    String describe() {
        return role == null ? "any key" : role.key();
    }
}
