-- One rate limit for the cluster: each node keeps here how many requests of each key it admitted
-- in its last minute (rewritten every second), and admits a request only while its own count and
-- the other nodes' recent ones stay under the limit.
CREATE TABLE rate_counts (
    node        VARCHAR(200) NOT NULL,
    key_id      VARCHAR(200) NOT NULL,
    admitted    BIGINT       NOT NULL,
    reported_at BIGINT       NOT NULL,
    PRIMARY KEY (node, key_id)
);
CREATE INDEX rate_counts_reported ON rate_counts (reported_at);
