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
import org.jdbi.v3.core.Handle;
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
        database.use(h -> recordLoad(h, version, files, at, trigger));
    }

    private static void recordLoad(Handle h, String version, Map<String, byte[]> files, Instant at, String trigger) {
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
    }

    @Override
    public Optional<Serving> serving() {
        return jdbi.withHandle(JdbcRuleSetArchive::serving);
    }

    private static Optional<Serving> serving(Handle h) {
        return h.createQuery("SELECT version, generation, since, published_by, triggered_by FROM ruleset_serving WHERE id = 1")
                .map((rs, ctx) -> new Serving(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4),
                        rs.getString(5)))
                .findOne();
    }

    @Override
    public Serving publish(String version, Map<String, byte[]> files, Instant at, String trigger, String by) {
        return database.write(h -> {
            recordLoad(h, version, files, at, trigger);
            // The row is the cluster's one truth: whoever publishes last, the generation counts every publication.
            h.createUpdate("INSERT INTO ruleset_serving (id, version, generation, since, published_by, triggered_by)"
                            + " VALUES (1, :version, 1, :at, :by, :trigger)"
                            + " ON CONFLICT (id) DO UPDATE SET version = excluded.version, generation = ruleset_serving.generation + 1,"
                            + " since = excluded.since, published_by = excluded.published_by, triggered_by = excluded.triggered_by")
                    .bind("version", version).bind("at", at.toEpochMilli()).bind("by", by).bind("trigger", trigger).execute();
            return serving(h).orElseThrow();
        });
    }

    @Override
    public void nodeServes(NodeServing node) {
        database.use(h -> h.createUpdate("INSERT INTO ruleset_nodes (node, version, directory_version, seen_at)"
                        + " VALUES (:node, :version, :directory, :seen)"
                        + " ON CONFLICT (node) DO UPDATE SET version = excluded.version, directory_version = excluded.directory_version,"
                        + " seen_at = excluded.seen_at")
                .bind("node", node.node()).bind("version", node.version()).bind("directory", node.directoryVersion())
                .bind("seen", node.seenAt().toEpochMilli()).execute());
    }

    @Override
    public List<NodeServing> nodes(Instant seenSince) {
        return jdbi.withHandle(h -> h.createQuery("SELECT node, version, directory_version, seen_at FROM ruleset_nodes"
                        + " WHERE seen_at >= ? ORDER BY node")
                .bind(0, seenSince.toEpochMilli())
                .map((rs, ctx) -> new NodeServing(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))))
                .list());
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
