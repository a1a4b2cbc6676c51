-- The customer each record is about, so that a customer's history is one indexed range.
ALTER TABLE interactions ADD COLUMN customer_id VARCHAR(128);
UPDATE interactions SET customer_id = (SELECT MIN(o.customer_id) FROM outcomes o
    WHERE o.interaction_id = interactions.id AND o.revision = interactions.latest_revision);
CREATE INDEX interactions_customer ON interactions (customer_id, id);

-- When a customer's history changed (a record of theirs came in) and has not been judged since.
ALTER TABLE customers ADD COLUMN history_changed_at BIGINT;
CREATE INDEX customers_history_changed ON customers (history_changed_at);

-- The outcomes of the history standards, as last judged by the sweep or a passing deadline.
-- One row per standard, subject and period: an interaction (a complaint, a sale) is judged once
-- for good, period '-'; a customer is judged afresh each month (period 'YYYY-MM' of asOf), so a
-- monthly report counts each customer once a month. The report dimensions are copied in, as in
-- outcomes: opened_at is the subject interaction's opening, or asOf for a customer; agent_id is
-- the customer's account manager, else the subject interaction's agent. is_latest marks each
-- subject's latest judgement under each standard, whatever its period; digest hashes what was
-- judged but asOf, so a judgement that changed nothing is not written again.
CREATE TABLE history_outcomes (
    standard     VARCHAR(64)  NOT NULL,
    subject_kind VARCHAR(16)  NOT NULL,
    subject_id   VARCHAR(128) NOT NULL,
    period       VARCHAR(8)   NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    severity     VARCHAR(16),
    due_at       BIGINT,
    window_from  BIGINT,
    window_to    BIGINT,
    as_of        BIGINT       NOT NULL,
    judged_at    BIGINT       NOT NULL,
    ruleset      VARCHAR(80)  NOT NULL,
    opened_at    BIGINT       NOT NULL,
    opened_week  VARCHAR(8)   NOT NULL,
    opened_month VARCHAR(7)   NOT NULL,
    customer_id  VARCHAR(128) NOT NULL,
    tier         VARCHAR(16),
    agent_id     VARCHAR(128),
    team         VARCHAR(128),
    channel      VARCHAR(16),
    is_latest    BOOLEAN      NOT NULL,
    digest       CHAR(64)     NOT NULL,
    body         TEXT         NOT NULL,
    PRIMARY KEY (standard, subject_kind, subject_id, period)
);
CREATE INDEX history_outcomes_opened ON history_outcomes (opened_at);
CREATE INDEX history_outcomes_due ON history_outcomes (outcome, due_at);
CREATE INDEX history_outcomes_customer ON history_outcomes (customer_id, is_latest);

-- The findings of failed history outcomes: the evidence auditors read.
CREATE TABLE history_findings (
    standard     VARCHAR(64)  NOT NULL,
    subject_kind VARCHAR(16)  NOT NULL,
    subject_id   VARCHAR(128) NOT NULL,
    period       VARCHAR(8)   NOT NULL,
    seq          INTEGER      NOT NULL,
    rule         VARCHAR(500) NOT NULL,
    severity     VARCHAR(16)  NOT NULL,
    message      TEXT         NOT NULL,
    measured     VARCHAR(200),
    target       VARCHAR(200),
    PRIMARY KEY (standard, subject_kind, subject_id, period, seq)
);

-- Each daily sweep: when it ran, as of when, and what it judged.
CREATE TABLE history_sweeps (
    as_of       BIGINT      NOT NULL PRIMARY KEY,
    started_at  BIGINT      NOT NULL,
    finished_at BIGINT,
    ruleset     VARCHAR(80) NOT NULL,
    customers   INTEGER,
    outcomes    INTEGER
);
