-- The audit log: who did what, when, to what. Append-only: the service never updates or
-- deletes a row. seq orders the entries; detail is JSON.
CREATE TABLE audit_log (
    seq    BIGINT       NOT NULL PRIMARY KEY,
    at     BIGINT       NOT NULL,
    actor  VARCHAR(300) NOT NULL,
    action VARCHAR(64)  NOT NULL,
    target VARCHAR(1000),
    detail TEXT
);
CREATE INDEX audit_log_action ON audit_log (action, seq);
