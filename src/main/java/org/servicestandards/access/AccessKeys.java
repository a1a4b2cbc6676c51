package org.servicestandards.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.servicestandards.interaction.ContentHash;

/**
 * Makes, checks and revokes API keys. A key reads {@code ssk_<id>_<secret>}: the id is public
 * (it names the key in lists and the audit log), the secret is 32 random bytes. Only the
 * SHA-256 of the whole key is stored (a random 256-bit secret needs no slow hash), and a key
 * is shown once, when made. Checked keys are remembered for a short while, so a request costs
 * no store lookup; a key revoked on another node stops working within that while.
 */
public final class AccessKeys {

    /** How long a checked key is trusted without asking the store again. */
    static final Duration REMEMBERED = Duration.ofSeconds(3);
    private static final int MAX_REMEMBERED = 10_000;
    private static final int MIN_PRESET_LENGTH = 20;

    private final ApiKeyStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(ApiKey key, long until) {
    }

    /** A key just made: what is stored, and the key itself, to hand over once. */
    public record Created(ApiKey key, String secret) {
    }

    /** Keys in {@code store}; every key made or revoked is written to {@code audit}. */
    public AccessKeys(ApiKeyStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a key with the given roles. */
    public Created create(String name, Set<Role> roles, String createdBy) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a key needs a name of 1 to 200 characters saying whose it is");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one role: ingest, auditor, officer or admin");
        }
        byte[] idBytes = new byte[6];
        random.nextBytes(idBytes);
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String id = HexFormat.of().formatHex(idBytes);
        String secret = "ssk_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKey key = new ApiKey(id, name.trim(), roles, clock.instant(), createdBy, null);
        store.add(key, hash(secret));
        audited(createdBy, "key.create", key);
        return new Created(key, secret);
    }

    /**
     * Makes the first admin key when there is no key at all: {@code preset} when given (the
     * operator chose it), else a new one, which is returned to be shown once. Empty when keys
     * exist already.
     */
    public Optional<Created> bootstrap(String preset) {
        if (store.count() > 0) {
            return Optional.empty();
        }
        if (preset == null || preset.isBlank()) {
            return Optional.of(create("first admin", Set.of(Role.ADMIN), "first start"));
        }
        String secret = preset.trim();
        if (secret.length() < MIN_PRESET_LENGTH) {
            throw new IllegalArgumentException("STANDARDS_ADMIN_KEY must be at least " + MIN_PRESET_LENGTH + " characters");
        }
        ApiKey key = new ApiKey(hash(secret).substring(0, 12), "first admin (STANDARDS_ADMIN_KEY)", Set.of(Role.ADMIN),
                clock.instant(), "first start", null);
        store.add(key, hash(secret));
        audited("first start", "key.create", key);
        return Optional.of(new Created(key, secret));
    }

    /** The active key a caller presented, or empty when it is unknown or revoked. */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret.trim());
        long now = System.nanoTime();
        Remembered known = remembered.get(hash);
        if (known != null && now - known.until() < 0) {
            return Optional.of(known.key());
        }
        Optional<ApiKey> found = store.findByHash(hash).filter(ApiKey::isActive);
        if (found.isPresent()) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(hash, new Remembered(found.get(), now + REMEMBERED.toNanos()));
        } else {
            remembered.remove(hash);
        }
        return found;
    }

    public List<ApiKey> list() {
        return store.list();
    }

    /** Revokes a key; it stops working on this node at once. False when there is no such active key. */
    public boolean revoke(String id, String revokedBy) {
        boolean revoked = store.revoke(id, clock.instant());
        remembered.values().removeIf(r -> r.key().id().equals(id));
        if (revoked) {
            audit.append(revokedBy, "key.revoke", id, Map.of());
        }
        return revoked;
    }

    private void audited(String actor, String action, ApiKey key) {
        audit.append(actor, action, key.id(), Map.of("name", key.name(), "roles",
                key.roles().stream().map(Role::key).sorted().toList()));
    }

    static String hash(String secret) {
        return ContentHash.sha256(secret);
    }
}
