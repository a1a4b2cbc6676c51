-- One serving rule set for the cluster. The store holds which version serves (one row, id 1);
-- every node follows it within seconds and says here what it serves and what its own rules
-- directory holds, so an operator sees a node that lags or holds other files.
CREATE TABLE ruleset_serving (
    id           INTEGER      NOT NULL PRIMARY KEY CHECK (id = 1),
    version      VARCHAR(80)  NOT NULL,
    generation   BIGINT       NOT NULL,
    since        BIGINT       NOT NULL,
    published_by VARCHAR(200) NOT NULL,
    triggered_by VARCHAR(16)  NOT NULL
);

CREATE TABLE ruleset_nodes (
    node              VARCHAR(200) NOT NULL PRIMARY KEY,
    version           VARCHAR(80)  NOT NULL,
    directory_version VARCHAR(80),
    seen_at           BIGINT       NOT NULL
);

-- A store that served before this migration serves its most recent rule set.
INSERT INTO ruleset_serving (id, version, generation, since, published_by, triggered_by)
SELECT 1, version, 1, loaded_at, 'migration', triggered_by FROM ruleset_loads
ORDER BY loaded_at DESC LIMIT 1;
