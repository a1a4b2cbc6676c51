package org.servicestandards.store;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.servicestandards.jobs.Job;
import org.servicestandards.jobs.JobState;
import org.servicestandards.jobs.JobStore;
import org.servicestandards.json.Json;

/**
 * Jobs in the {@code jobs} table, an import's file in {@code job_input}. Every write by the node
 * running a job names that node and asks for the job RUNNING, so a node whose job was cancelled or
 * taken over changes nothing; a claim is a conditional update, so of two nodes one wins.
 */
public final class JdbcJobStore implements JobStore {

    private static final String COLUMNS = "id, kind, state, params, started_by, key_id, created_at, started_at, updated_at,"
            + " finished_at, done, total, cursor_at, node, runs, result, error, cancelled_by";
    private static final String CLAIMABLE = "(state = 'QUEUED' OR (state = 'RUNNING' AND lease_until <= :now))";
    private static final String HELD = " WHERE id = :id AND node = :node AND state = 'RUNNING'";

    private final Database database;
    private final Clock clock;

    public JdbcJobStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Job create(String kind, Map<String, String> params, String startedBy, String keyId, boolean receiving, Instant now) {
        String id = UUID.randomUUID().toString();
        database.use(h -> h.createUpdate("INSERT INTO jobs (id, kind, state, params, started_by, key_id, created_at, updated_at, done,"
                        + " cursor_at, lease_until, runs, result) VALUES (:id, :kind, :state, :params, :by, :key, :now, :now, 0, '', 0, 0, '{}')")
                .bind("id", id).bind("kind", kind).bind("state", (receiving ? JobState.RECEIVING : JobState.QUEUED).name())
                .bind("params", StoredJson.write(params)).bind("by", startedBy).bind("key", keyId).bind("now", now.toEpochMilli())
                .execute());
        return find(id).orElseThrow();
    }

    @Override
    public void append(String id, int seq, int lines, byte[] body) {
        database.use(h -> {
            h.createUpdate("INSERT INTO job_input (job_id, seq, lines, body) VALUES (?, ?, ?, ?)")
                    .bind(0, id).bind(1, seq).bind(2, lines).bind(3, Base64.getEncoder().encodeToString(body)).execute();
            h.createUpdate("UPDATE jobs SET updated_at = ? WHERE id = ?").bind(0, clock.millis()).bind(1, id).execute();
        });
    }

    @Override
    public boolean queue(String id, long total, Instant now) {
        return database.write(h -> h.createUpdate("UPDATE jobs SET state = 'QUEUED', total = ?, updated_at = ? WHERE id = ? AND state = 'RECEIVING'")
                .bind(0, total).bind(1, now.toEpochMilli()).bind(2, id).execute()) == 1;
    }

    @Override
    public Optional<Chunk> input(String id, int seq) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT lines, body FROM job_input WHERE job_id = ? AND seq = ?")
                .bind(0, id).bind(1, seq)
                .map((rs, ctx) -> new Chunk(rs.getInt(1), Base64.getDecoder().decode(rs.getString(2))))
                .findOne());
    }

    @Override
    public Optional<Job> claim(String node, Instant now, Instant leaseUntil) {
        // Every node asks each second: a read finds nothing waiting without a write transaction
        // (on SQLite, without the one writer's lock); the conditional update decides between nodes.
        Optional<String> id = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE " + CLAIMABLE
                + " ORDER BY created_at, id LIMIT 1").bind("now", now.toEpochMilli()).mapTo(String.class).findOne());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return database.write(h -> {
            int taken = h.createUpdate("UPDATE jobs SET state = 'RUNNING', node = :node, lease_until = :until, runs = runs + 1,"
                            + " started_at = COALESCE(started_at, :now), updated_at = :now WHERE id = :id AND " + CLAIMABLE)
                    .bind("node", node).bind("until", leaseUntil.toEpochMilli()).bind("now", now.toEpochMilli()).bind("id", id.get())
                    .execute();
            return taken == 1 ? find(h, id.get()) : Optional.<Job>empty();
        });
    }

    @Override
    public boolean progress(String id, String node, String cursor, long done, Long total, Map<String, Object> result, Instant now,
                            Instant leaseUntil) {
        return database.write(h -> h.createUpdate("UPDATE jobs SET cursor_at = :cursor, done = :done, total = COALESCE(:total, total),"
                        + " result = :result, updated_at = :now, lease_until = :until" + HELD)
                .bind("cursor", cursor).bind("done", done).bind("total", total).bind("result", StoredJson.write(result))
                .bind("now", now.toEpochMilli()).bind("until", leaseUntil.toEpochMilli()).bind("id", id).bind("node", node)
                .execute()) == 1;
    }

    @Override
    public boolean renew(String id, String node, Instant now, Instant leaseUntil) {
        return database.write(h -> h.createUpdate("UPDATE jobs SET lease_until = :until" + HELD)
                .bind("until", leaseUntil.toEpochMilli()).bind("id", id).bind("node", node).execute()) == 1;
    }

    @Override
    public boolean finish(String id, String node, JobState state, Map<String, Object> result, String error, Instant now) {
        return database.write(h -> {
            int ended = h.createUpdate("UPDATE jobs SET state = :state, result = :result, error = :error, finished_at = :now,"
                            + " updated_at = :now, lease_until = 0" + HELD)
                    .bind("state", state.name()).bind("result", StoredJson.write(result)).bind("error", error)
                    .bind("now", now.toEpochMilli()).bind("id", id).bind("node", node).execute();
            dropInput(h, ended, id);
            return ended == 1;
        });
    }

    @Override
    public void release(String id, String node) {
        database.use(h -> h.createUpdate("UPDATE jobs SET lease_until = 0" + HELD).bind("id", id).bind("node", node).execute());
    }

    @Override
    public Optional<Job> cancel(String id, String by, Instant now) {
        return database.write(h -> {
            int ended = h.createUpdate("UPDATE jobs SET state = 'CANCELLED', cancelled_by = ?, finished_at = ?, updated_at = ?, lease_until = 0"
                            + " WHERE id = ? AND state IN ('RECEIVING', 'QUEUED', 'RUNNING')")
                    .bind(0, by).bind(1, now.toEpochMilli()).bind(2, now.toEpochMilli()).bind(3, id).execute();
            dropInput(h, ended, id);
            return find(h, id);
        });
    }

    @Override
    public int abandonReceiving(Instant before, Instant now) {
        List<String> ids = database.jdbi().withHandle(h -> h.createQuery("SELECT id FROM jobs WHERE state = 'RECEIVING' AND updated_at < ?")
                .bind(0, before.toEpochMilli()).mapTo(String.class).list());
        int ended = 0;
        for (String id : ids) {
            ended += refuse(id, "the file stopped arriving before its end", now) ? 1 : 0;
        }
        return ended;
    }

    @Override
    public boolean refuse(String id, String error, Instant now) {
        String why = error.length() > 1900 ? error.substring(0, 1900) : error;
        return database.write(h -> {
            int one = h.createUpdate("UPDATE jobs SET state = 'FAILED', error = ?, finished_at = ?, updated_at = ? WHERE id = ?"
                            + " AND state = 'RECEIVING'")
                    .bind(0, why).bind(1, now.toEpochMilli()).bind(2, now.toEpochMilli()).bind(3, id).execute();
            dropInput(h, one, id);
            return one == 1;
        });
    }

    private static void dropInput(Handle h, int ended, String id) {
        if (ended == 1) {
            h.createUpdate("DELETE FROM job_input WHERE job_id = ?").bind(0, id).execute();
        }
    }

    @Override
    public Optional<Job> find(String id) {
        return database.jdbi().withHandle(h -> find(h, id));
    }

    private static Optional<Job> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE id = ?").bind(0, id).map((rs, ctx) -> job(rs)).findOne();
    }

    @Override
    public List<Job> list(String keyId, String beforeId, int limit) {
        String before = beforeId == null ? "" : " AND (created_at < (SELECT created_at FROM jobs WHERE id = :before)"
                + " OR (created_at = (SELECT created_at FROM jobs WHERE id = :before) AND id < :before))";
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM jobs WHERE 1 = 1"
                        + (keyId == null ? "" : " AND key_id = :key") + before + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("key", keyId).bind("before", beforeId).bind("limit", limit)
                .map((rs, ctx) -> job(rs)).list());
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("kind"), JobState.valueOf(rs.getString("state")), params(rs.getString("params")),
                rs.getString("started_by"), rs.getString("key_id"), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "updated_at"), instant(rs, "finished_at"), rs.getLong("done"), nullableLong(rs, "total"),
                rs.getString("cursor_at"), rs.getString("node"), rs.getInt("runs"), StoredJson.readMap(rs.getString("result")),
                rs.getString("error"), rs.getString("cancelled_by"));
    }

    private static Map<String, String> params(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a job's parameters no longer read as JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Long millis = nullableLong(rs, column);
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
