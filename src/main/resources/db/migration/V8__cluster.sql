-- Several nodes on one database: the database, not a node, decides what is true.

-- Each receiver numbers its own deliveries. Enqueueing takes the webhook's row (UPDATE … next_seq),
-- so a receiver's deliveries are numbered in the order their transactions commit, on any node,
-- and a number is never given twice.
ALTER TABLE webhooks ADD COLUMN next_seq BIGINT NOT NULL DEFAULT 1;
UPDATE webhooks SET next_seq = COALESCE((SELECT MAX(d.seq) + 1 FROM webhook_deliveries d WHERE d.webhook_id = webhooks.id), 1);
CREATE UNIQUE INDEX webhook_deliveries_webhook_seq ON webhook_deliveries (webhook_id, seq);

-- Who runs a background job now: a node holds a job's lease until expires_at and renews it while
-- it works; a lease that expired (its node died) is taken by the next node that asks.
CREATE TABLE job_leases (
    job        VARCHAR(200) NOT NULL PRIMARY KEY,
    holder     VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);
