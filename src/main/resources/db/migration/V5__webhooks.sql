-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Instants are epoch milliseconds (UTC);
-- ids are UUIDs made by the service.

-- Receivers of notifications. The secret signs every body (HMAC-SHA256), so it is kept as given;
-- it is never answered by the API. Filters are JSON arrays of strings, empty meaning all.
-- A deleted webhook is deactivated, not removed, so its deliveries stay readable.
CREATE TABLE webhooks (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    url            VARCHAR(2000) NOT NULL,
    secret         VARCHAR(256)  NOT NULL,
    standards      TEXT          NOT NULL,
    severities     TEXT          NOT NULL,
    events         TEXT          NOT NULL,
    warn_before_ms BIGINT        NOT NULL,
    created_by     VARCHAR(128),
    created_at     BIGINT        NOT NULL,
    active         BOOLEAN       NOT NULL,
    deactivated_at BIGINT
);

-- The outbox: one row per event per receiver, written in the transaction that stored the change
-- (or by the at-risk scan), delivered from here, so nothing is lost across a restart. seq orders
-- a receiver's deliveries by creation. status is PENDING until the receiver acknowledges it
-- (DELIVERED) or the attempts run out (FAILED). locked_until is the lease of the node sending it.
CREATE TABLE webhook_deliveries (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    webhook_id      VARCHAR(36)   NOT NULL REFERENCES webhooks (id),
    seq             BIGINT        NOT NULL,
    event_id        VARCHAR(36)   NOT NULL,
    event_type      VARCHAR(32)   NOT NULL,
    event_key       VARCHAR(1000) NOT NULL,
    payload         TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    created_at      BIGINT        NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    locked_until    BIGINT,
    last_attempt_at BIGINT,
    last_status     INTEGER,
    last_error      VARCHAR(1000),
    delivered_at    BIGINT,
    UNIQUE (webhook_id, event_key)
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (webhook_id, status, seq);
CREATE INDEX webhook_deliveries_seq ON webhook_deliveries (seq);
