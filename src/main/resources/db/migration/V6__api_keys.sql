-- API keys: the public id (the part of the key before its secret), whose it is, its roles
-- (comma-separated: ingest, auditor, officer, admin) and the SHA-256 of the whole key. The key
-- itself is shown once, when made, and kept nowhere.
CREATE TABLE api_keys (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    roles       VARCHAR(100) NOT NULL,
    secret_hash CHAR(64)     NOT NULL,
    created_at  BIGINT       NOT NULL,
    created_by  VARCHAR(300),
    revoked_at  BIGINT
);
CREATE UNIQUE INDEX api_keys_secret_hash ON api_keys (secret_hash);
