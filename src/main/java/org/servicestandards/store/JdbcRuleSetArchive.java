package org.servicestandards.store;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.servicestandards.rulesets.RuleSetArchive;
import org.servicestandards.rulesets.RuleSetVersion;

/** The rule-set archive over JDBC, portable SQL. Text files are kept as text, others in base64. */
public final class JdbcRuleSetArchive implements RuleSetArchive {

    private final Jdbi jdbi;
    private final Database database;

    public JdbcRuleSetArchive(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
    }

    @Override
    public void recordLoad(String version, Map<String, byte[]> files, Instant at, String trigger) {
        database.use(h -> {
            int inserted = h.createUpdate("INSERT INTO rulesets (version, first_loaded_at) VALUES (?, ?) ON CONFLICT (version) DO NOTHING")
                    .bind(0, version).bind(1, at.toEpochMilli()).execute();
            if (inserted == 1) {
                PreparedBatch batch = h.prepareBatch("INSERT INTO ruleset_files (version, path, encoding, content) VALUES (?, ?, ?, ?)");
                files.forEach((path, content) -> {
                    String text = utf8(content);
                    batch.add(version, path, text == null ? "base64" : "utf-8",
                            text == null ? Base64.getEncoder().encodeToString(content) : text);
                });
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
            h.createUpdate("INSERT INTO ruleset_loads (version, loaded_at, triggered_by) VALUES (?, ?, ?)")
                    .bind(0, version).bind(1, at.toEpochMilli()).bind(2, trigger).execute();
        });
    }

    @Override
    public List<RuleSetVersion> versions() {
        return jdbi.withHandle(h -> {
            Map<String, List<RuleSetVersion.Load>> loads = new LinkedHashMap<>();
            h.createQuery("SELECT version, loaded_at, triggered_by FROM ruleset_loads ORDER BY loaded_at DESC")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), new RuleSetVersion.Load(Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3))))
                    .forEach(e -> loads.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
            return h.createQuery("SELECT version, first_loaded_at FROM rulesets ORDER BY first_loaded_at DESC, version")
                    .map((rs, ctx) -> new RuleSetVersion(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            loads.getOrDefault(rs.getString(1), List.of())))
                    .list();
        });
    }

    @Override
    public Optional<Map<String, byte[]>> files(String version) {
        return jdbi.withHandle(h -> {
            Map<String, byte[]> files = new TreeMap<>();
            h.createQuery("SELECT path, encoding, content FROM ruleset_files WHERE version = ?").bind(0, version)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), "base64".equals(rs.getString(2))
                            ? Base64.getDecoder().decode(rs.getString(3)) : rs.getString(3).getBytes(StandardCharsets.UTF_8)))
                    .forEach(e -> files.put(e.getKey(), e.getValue()));
            boolean known = h.createQuery("SELECT COUNT(*) FROM rulesets WHERE version = ?").bind(0, version).mapTo(Long.class).one() > 0;
            return known ? Optional.of(files) : Optional.empty();
        });
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
