package org.servicestandards.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API keys: each kept with the hash of its secret, never the secret. */
public interface ApiKeyStore {

    void add(ApiKey key, String secretHash);

    /** The key whose secret hashes to {@code secretHash}, revoked or not. */
    Optional<ApiKey> findByHash(String secretHash);

    /** Every key, oldest first, revoked ones too. */
    List<ApiKey> list();

    /** Revokes a key; false when there is no such active key. */
    boolean revoke(String id, Instant at);

    /** How many keys there are, revoked ones too. */
    int count();
}
