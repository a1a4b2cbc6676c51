-- The customer register: who the customers are, their tier now and every tier they have held,
-- so a customer who became VIP last week is not judged as a VIP for last month.
CREATE TABLE customers (
    id              VARCHAR(128)  NOT NULL PRIMARY KEY,
    name            VARCHAR(2000),
    account_manager VARCHAR(128),
    updated_at      BIGINT        NOT NULL
);

CREATE TABLE customer_tiers (
    customer_id VARCHAR(128) NOT NULL,
    since       BIGINT       NOT NULL,
    tier        VARCHAR(16)  NOT NULL,
    source      VARCHAR(16)  NOT NULL,
    recorded_at BIGINT       NOT NULL,
    PRIMARY KEY (customer_id, since)
);
