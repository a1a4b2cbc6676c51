package org.servicestandards.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.servicestandards.access.AccessKeys;
import org.servicestandards.access.ApiKey;
import org.servicestandards.access.Role;

/**
 * API keys for admins: list, make, revoke. A revoked key stops on this node at once and on every
 * other within seconds (nodes remember a checked key briefly). Each change is in the audit log.
 */
final class KeysController {

    private final AccessKeys keys;

    KeysController(AccessKeys keys) {
        this.keys = keys;
    }

    /** KeyView: a key as admins see it; never its secret. */
    record KeyView(String id, String name, List<String> roles, Instant createdAt, String createdBy, Instant revokedAt) {

        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.name(), key.roles().stream().map(Role::key).sorted().toList(), key.createdAt(),
                    key.createdBy(), key.revokedAt());
        }
    }

    /** CreatedKey: the new key and its secret, shown this once. */
    record CreatedKey(KeyView key, String secret) {
    }

    record KeyList(List<KeyView> keys) {
    }

    void list(Context ctx) {
        ctx.json(new KeyList(keys.list().stream().map(KeyView::of).toList()));
    }

    /** {@code {"name": "Q3 audit", "roles": ["auditor"]}}. */
    void create(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        List<Problem.Fault> faults = new ArrayList<>();
        JsonNode name = body == null ? null : body.get("name");
        if (name == null || !name.isTextual() || name.textValue().isBlank() || name.textValue().length() > 200) {
            faults.add(Problem.Fault.field("/name", "must say whose key it is, 1 to 200 characters"));
        }
        Set<Role> roles = new LinkedHashSet<>();
        JsonNode given = body == null ? null : body.get("roles");
        if (given == null || !given.isArray() || given.isEmpty()) {
            faults.add(Problem.Fault.field("/roles", "must list at least one of ingest, auditor, officer, admin"));
        } else {
            for (int k = 0; k < given.size(); k++) {
                try {
                    if (!given.get(k).isTextual()) {
                        throw new IllegalArgumentException("must be one of ingest, auditor, officer, admin");
                    }
                    roles.add(Role.parse(given.get(k).textValue()));
                } catch (IllegalArgumentException e) {
                    faults.add(Problem.Fault.field("/roles/" + k, e.getMessage()));
                }
            }
        }
        if (body != null) {
            body.fieldNames().forEachRemaining(field -> {
                if (!field.equals("name") && !field.equals("roles")) {
                    faults.add(Problem.Fault.field("/" + field, "is not a field of a key"));
                }
            });
        }
        if (!faults.isEmpty()) {
            throw new Problem(400, "invalid-key", "Invalid key", faults.get(0).pointer() + " " + faults.get(0).reason(), faults);
        }
        AccessKeys.Created created = keys.create(name.textValue(), roles, actor(ctx));
        ctx.status(201).json(new CreatedKey(KeyView.of(created.key()), created.secret()));
    }

    void revoke(Context ctx) {
        String id = ctx.pathParam("id");
        if (!keys.revoke(id, actor(ctx))) {
            throw Problem.notFound("no active key with id '" + id + "'");
        }
        ctx.status(204);
    }

    private static String actor(Context ctx) {
        return Access.caller(ctx).map(ApiKey::actor).orElse("anonymous");
    }
}
