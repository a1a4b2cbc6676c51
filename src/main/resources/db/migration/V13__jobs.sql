-- Long work as jobs: a re-evaluation, a sweep on demand, an import. Any node may run a job: the
-- one that claims it holds it until lease_until and renews it as it works; a job whose node died
-- (its lease ran out) is claimed by the next node that looks, and goes on from its cursor.
--   state: RECEIVING (an import's file still arriving), QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED
--   cursor: where the work stands (the kind of job says what it means), saved with done
--   params, result: JSON
CREATE TABLE jobs (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    kind         VARCHAR(32)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    params       TEXT          NOT NULL,
    started_by   VARCHAR(300)  NOT NULL,
    key_id       VARCHAR(64),
    created_at   BIGINT        NOT NULL,
    started_at   BIGINT,
    updated_at   BIGINT        NOT NULL,
    finished_at  BIGINT,
    done         BIGINT        NOT NULL,
    total        BIGINT,
    cursor_at    VARCHAR(500)  NOT NULL,
    node         VARCHAR(200),
    lease_until  BIGINT        NOT NULL,
    runs         INTEGER       NOT NULL,
    result       TEXT          NOT NULL,
    error        VARCHAR(2000),
    cancelled_by VARCHAR(300)
);
CREATE INDEX jobs_waiting ON jobs (state, created_at);

-- An import's file, as it arrived, in numbered chunks of lines (gzip, then base64: the same
-- column type on every store). Deleted when the job ends.
CREATE TABLE job_input (
    job_id VARCHAR(40) NOT NULL,
    seq    INTEGER     NOT NULL,
    lines  INTEGER     NOT NULL,
    body   TEXT        NOT NULL,
    PRIMARY KEY (job_id, seq)
);
