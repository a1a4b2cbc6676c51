package org.servicestandards.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.servicestandards.json.Json;
import org.servicestandards.notify.DueDelivery;
import org.servicestandards.notify.EventPayload;
import org.servicestandards.notify.OutcomeEvent;
import org.servicestandards.notify.Webhook;
import org.servicestandards.notify.WebhookDelivery;
import org.servicestandards.notify.WebhookRegistration;
import org.servicestandards.notify.Webhooks;

/**
 * Webhooks and their outbox over JDBC, portable SQL. The store's write paths enqueue events
 * through {@link Outbox} in their own transactions; the dispatcher claims, sends and settles
 * deliveries through {@link Webhooks}.
 */
public final class JdbcWebhooks implements Webhooks, Outbox {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String WEBHOOK_COLUMNS = "id, url, standards, severities, events, warn_before_ms, created_by,"
            + " created_at, active";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final Jdbi jdbi;
    private final Database database;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public JdbcWebhooks(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.database = database;
        this.clock = clock;
    }

    private <T> T write(HandleCallback<T, RuntimeException> work) {
        return database.write(work);
    }

    @Override
    public Webhook register(WebhookRegistration registration) {
        String id = UUID.randomUUID().toString();
        write(h -> h.createUpdate("INSERT INTO webhooks (" + WEBHOOK_COLUMNS + ", secret)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, id).bind(1, registration.url()).bind(2, text(registration.standards()))
                .bind(3, text(registration.severities())).bind(4, text(registration.events()))
                .bind(5, registration.warnBefore().toMillis()).bind(6, registration.createdBy())
                .bind(7, clock.millis()).bind(8, true).bind(9, registration.secret())
                .execute());
        return find(id).orElseThrow();
    }

    @Override
    public List<Webhook> list() {
        return jdbi.withHandle(h -> active(h));
    }

    private List<Webhook> active(Handle h) {
        return h.createQuery("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks WHERE active = ? ORDER BY created_at, id")
                .bind(0, true).map((rs, ctx) -> webhook(rs)).list();
    }

    @Override
    public Optional<Webhook> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + WEBHOOK_COLUMNS + " FROM webhooks WHERE id = ?")
                .bind(0, id).map((rs, ctx) -> webhook(rs)).findOne());
    }

    private Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString(1), rs.getString(2), strings(rs.getString(3)), strings(rs.getString(4)),
                strings(rs.getString(5)), Duration.ofMillis(rs.getLong(6)), rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8)), rs.getBoolean(9));
    }

    @Override
    public boolean deactivate(String id) {
        long now = clock.millis();
        return write(h -> h.createUpdate("UPDATE webhooks SET active = ?, deactivated_at = COALESCE(deactivated_at, ?) WHERE id = ?")
                .bind(0, false).bind(1, now).bind(2, id).execute()) == 1;
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, event_id, event_type, event_key, status, attempts, created_at,"
                        + " next_attempt_at, last_attempt_at, last_status, last_error, delivered_at FROM webhook_deliveries"
                        + " WHERE webhook_id = ? ORDER BY seq DESC, id DESC LIMIT ?")
                .bind(0, webhookId).bind(1, limit)
                .map((rs, ctx) -> {
                    boolean pending = WebhookDelivery.PENDING.equals(rs.getString(5));
                    return new WebhookDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), instant(rs, 7), pending ? instant(rs, 8) : null,
                            instant(rs, 9), integer(rs, 10), rs.getString(11),
                            instant(rs, 12));
                }).list());
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        long at = now.toEpochMilli();
        // Each active webhook's oldest undelivered delivery: the only one it may be sent now. A
        // head that waits for its next attempt, or is being sent by another node, holds back its
        // webhook's queue, so each receiver hears its events in order.
        List<DueDelivery> heads = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        jdbi.useHandle(h -> h.createQuery("SELECT d.id, d.webhook_id, w.url, w.secret, d.event_id, d.event_type, d.payload,"
                        + " d.attempts, d.next_attempt_at, d.locked_until FROM webhook_deliveries d"
                        + " JOIN webhooks w ON w.id = d.webhook_id"
                        + " JOIN (SELECT webhook_id, MIN(seq) AS head FROM webhook_deliveries WHERE status = ?"
                        + " GROUP BY webhook_id) q ON q.webhook_id = d.webhook_id AND q.head = d.seq"
                        + " WHERE w.active = ? AND d.status = ? ORDER BY d.seq, d.id")
                .bind(0, WebhookDelivery.PENDING).bind(1, true).bind(2, WebhookDelivery.PENDING)
                .map((rs, ctx) -> {
                    Instant locked = instant(rs, 10);
                    boolean ready = rs.getLong(9) <= at && (locked == null || !locked.isAfter(now));
                    return Map.entry(ready, new DueDelivery(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
                })
                .forEach(head -> {
                    if (seen.add(head.getValue().webhookId()) && head.getKey() && heads.size() < limit) {
                        heads.add(head.getValue());
                    }
                }));
        if (heads.isEmpty()) {
            return List.of();
        }
        // Claimed only if still due and unclaimed: another node may have taken it in between.
        return write(h -> heads.stream().filter(head -> h.createUpdate("UPDATE webhook_deliveries SET locked_until = ?"
                                + " WHERE id = ? AND status = ? AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)")
                        .bind(0, leaseUntil.toEpochMilli()).bind(1, head.id()).bind(2, WebhookDelivery.PENDING)
                        .bind(3, at).bind(4, at).execute() == 1)
                .toList());
    }

    @Override
    public void delivered(String deliveryId, Instant at, int status) {
        write(h -> h.createUpdate("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?,"
                        + " last_status = ?, delivered_at = ?, locked_until = NULL WHERE id = ? AND status = ?")
                .bind(0, WebhookDelivery.DELIVERED).bind(1, at.toEpochMilli()).bind(2, status).bind(3, at.toEpochMilli())
                .bind(4, deliveryId).bind(5, WebhookDelivery.PENDING).execute());
    }

    @Override
    public void attemptFailed(String deliveryId, Instant at, Integer status, String error, Instant retryAt) {
        String reason = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        write(h -> h.createUpdate("UPDATE webhook_deliveries SET status = ?, attempts = attempts + 1, last_attempt_at = ?,"
                        + " last_status = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at),"
                        + " locked_until = NULL WHERE id = ? AND status = ?")
                .bind(0, retryAt == null ? WebhookDelivery.FAILED : WebhookDelivery.PENDING).bind(1, at.toEpochMilli())
                .bind(2, status).bind(3, reason).bind(4, retryAt == null ? null : retryAt.toEpochMilli())
                .bind(5, deliveryId).bind(6, WebhookDelivery.PENDING).execute());
    }

    @Override
    public void enqueue(Handle handle, List<OutcomeEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Webhook> webhooks = active(handle);
        if (webhooks.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, String[]> idAndPayload = new HashMap<>();
        // Webhook by webhook in id order, so writers that take several webhooks' rows queue, not deadlock.
        for (Webhook webhook : webhooks.stream().sorted(Comparator.comparing(Webhook::id)).toList()) {
            List<OutcomeEvent> wanted = events.stream().filter(webhook::wants).toList();
            if (wanted.isEmpty()) {
                continue;
            }
            long seq = takeSeqs(handle, webhook.id(), wanted.size());
            for (OutcomeEvent event : wanted) {
                String[] made = idAndPayload.computeIfAbsent(event.key(), key -> {
                    String eventId = UUID.randomUUID().toString();
                    return new String[] {eventId, EventPayload.json(eventId, event, now)};
                });
                insert(handle, webhook.id(), seq++, made[0], event, made[1], now);
            }
        }
    }

    @Override
    public int enqueueAtRisk(Instant now, Map<String, String> declaredSeverities) {
        int enqueued = 0;
        for (Webhook webhook : list()) {
            if (!webhook.events().contains(AT_RISK)) {
                continue;
            }
            Instant until = now.plus(webhook.warnBefore());
            List<OutcomeEvent> due = jdbi.withHandle(h -> AtRiskScan.due(h, webhook, now, until, declaredSeverities))
                    .stream().filter(webhook::wants).toList();
            if (due.isEmpty()) {
                continue;
            }
            enqueued += write(h -> {
                long seq = takeSeqs(h, webhook.id(), due.size());
                int inserted = 0;
                for (OutcomeEvent event : due) {
                    String eventId = UUID.randomUUID().toString();
                    inserted += insert(h, webhook.id(), seq++, eventId, event, EventPayload.json(eventId, event, now), now);
                }
                return inserted;
            });
        }
        return enqueued;
    }

    /**
     * Takes {@code count} numbers of the webhook's sequence and answers the first. The webhook's
     * row stays locked until the caller commits, so its deliveries are numbered in commit order.
     */
    private static long takeSeqs(Handle h, String webhookId, int count) {
        h.createUpdate("UPDATE webhooks SET next_seq = next_seq + ? WHERE id = ?").bind(0, count).bind(1, webhookId).execute();
        return h.createQuery("SELECT next_seq FROM webhooks WHERE id = ?").bind(0, webhookId).mapTo(Long.class).one() - count;
    }

    /** Inserts one delivery; a second of the same event key for the same webhook is dropped. */
    private static int insert(Handle h, String webhookId, long seq, String eventId, OutcomeEvent event, String payload,
                              Instant now) {
        return h.createUpdate("INSERT INTO webhook_deliveries (id, webhook_id, seq, event_id, event_type, event_key, payload,"
                        + " status, attempts, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)"
                        + " ON CONFLICT (webhook_id, event_key) DO NOTHING")
                .bind(0, UUID.randomUUID().toString()).bind(1, webhookId).bind(2, seq).bind(3, eventId)
                .bind(4, event.type()).bind(5, event.key()).bind(6, payload).bind(7, WebhookDelivery.PENDING)
                .bind(8, now.toEpochMilli()).bind(9, now.toEpochMilli()).execute();
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> strings(String text) {
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
