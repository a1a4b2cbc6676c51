package org.servicestandards.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.servicestandards.access.ApiKey;
import org.servicestandards.access.ApiKeyStore;
import org.servicestandards.access.Role;

/** API keys over JDBC, portable SQL. */
public final class JdbcApiKeyStore implements ApiKeyStore {

    private static final RowMapper<ApiKey> KEY = (rs, ctx) -> new ApiKey(rs.getString("id"), rs.getString("name"),
            Arrays.stream(rs.getString("roles").split(",")).map(Role::parse).collect(Collectors.toSet()),
            Instant.ofEpochMilli(rs.getLong("created_at")), rs.getString("created_by"),
            rs.getObject("revoked_at") == null ? null : Instant.ofEpochMilli(rs.getLong("revoked_at")));

    private final Jdbi jdbi;
    private final Database database;

    public JdbcApiKeyStore(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
    }

    @Override
    public void add(ApiKey key, String secretHash) {
        database.use(h -> h.createUpdate("INSERT INTO api_keys (id, name, roles, secret_hash, created_at, created_by, revoked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, NULL)")
                .bind(0, key.id()).bind(1, key.name())
                .bind(2, key.roles().stream().map(Role::key).sorted().collect(Collectors.joining(",")))
                .bind(3, secretHash).bind(4, key.createdAt().toEpochMilli()).bind(5, key.createdBy()).execute());
    }

    @Override
    public Optional<ApiKey> findByHash(String secretHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys WHERE secret_hash = ?").bind(0, secretHash)
                .map(KEY).findOne());
    }

    @Override
    public List<ApiKey> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM api_keys ORDER BY created_at, id").map(KEY).list());
    }

    @Override
    public boolean revoke(String id, Instant at) {
        return database.write(h -> h.createUpdate("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .bind(0, at.toEpochMilli()).bind(1, id).execute()) == 1;
    }

    @Override
    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys").mapTo(Integer.class).one());
    }
}
