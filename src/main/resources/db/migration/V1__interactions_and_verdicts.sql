-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Instants are epoch milliseconds (UTC).

-- One row per record id: its latest revision, for idempotency checks.
CREATE TABLE interactions (
    id              VARCHAR(128) NOT NULL PRIMARY KEY,
    latest_revision INTEGER      NOT NULL,
    content_hash    CHAR(64)     NOT NULL,
    updated_at      BIGINT       NOT NULL
);

-- Every revision of every record as it was posted (canonical JSON); never updated or deleted.
CREATE TABLE revisions (
    interaction_id VARCHAR(128) NOT NULL,
    revision       INTEGER      NOT NULL,
    content_hash   CHAR(64)     NOT NULL,
    received_at    BIGINT       NOT NULL,
    body           TEXT         NOT NULL,
    PRIMARY KEY (interaction_id, revision)
);

-- Every verdict of every revision, with the rule-set version that produced it.
CREATE TABLE verdicts (
    interaction_id VARCHAR(128) NOT NULL,
    revision       INTEGER      NOT NULL,
    verdict_no     INTEGER      NOT NULL,
    ruleset        VARCHAR(80)  NOT NULL,
    as_of          BIGINT       NOT NULL,
    evaluated_at   BIGINT       NOT NULL,
    body           TEXT         NOT NULL,
    PRIMARY KEY (interaction_id, revision, verdict_no)
);

-- One row per standard per verdict, with the record's dimensions copied in so reports are
-- plain GROUP BY queries. is_current marks the latest verdict of each record's latest revision.
CREATE TABLE outcomes (
    interaction_id VARCHAR(128) NOT NULL,
    revision       INTEGER      NOT NULL,
    verdict_no     INTEGER      NOT NULL,
    standard       VARCHAR(64)  NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    severity       VARCHAR(16),
    due_at         BIGINT,
    score          DECIMAL(6, 1),
    is_current     BOOLEAN      NOT NULL,
    ruleset        VARCHAR(80)  NOT NULL,
    opened_at      BIGINT       NOT NULL,
    opened_week    VARCHAR(8)   NOT NULL,
    opened_month   VARCHAR(7)   NOT NULL,
    customer_id    VARCHAR(128) NOT NULL,
    tier           VARCHAR(16)  NOT NULL,
    agent_id       VARCHAR(128) NOT NULL,
    team           VARCHAR(128),
    channel        VARCHAR(16)  NOT NULL,
    PRIMARY KEY (interaction_id, revision, verdict_no, standard)
);
CREATE INDEX outcomes_current_opened ON outcomes (is_current, opened_at);
CREATE INDEX outcomes_current_due ON outcomes (is_current, outcome, due_at);

-- The findings of failed outcomes: the evidence auditors read.
CREATE TABLE findings (
    interaction_id VARCHAR(128) NOT NULL,
    revision       INTEGER      NOT NULL,
    verdict_no     INTEGER      NOT NULL,
    standard       VARCHAR(64)  NOT NULL,
    seq            INTEGER      NOT NULL,
    rule           VARCHAR(500) NOT NULL,
    severity       VARCHAR(16)  NOT NULL,
    message        TEXT         NOT NULL,
    measured       VARCHAR(200),
    target         VARCHAR(200),
    PRIMARY KEY (interaction_id, revision, verdict_no, standard, seq)
);
