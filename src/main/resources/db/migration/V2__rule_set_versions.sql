-- Every rule set that has served, with its files, so any verdict can be shown with the rule
-- text that produced it, and old standards can judge new records again.
CREATE TABLE rulesets (
    version         VARCHAR(80) NOT NULL PRIMARY KEY,
    first_loaded_at BIGINT      NOT NULL
);

CREATE TABLE ruleset_files (
    version  VARCHAR(80)  NOT NULL,
    path     VARCHAR(500) NOT NULL,
    encoding VARCHAR(8)   NOT NULL,
    content  TEXT         NOT NULL,
    PRIMARY KEY (version, path)
);

-- Each time a rule set started serving: when, and what made it (start, watch, request).
CREATE TABLE ruleset_loads (
    version   VARCHAR(80) NOT NULL,
    loaded_at BIGINT      NOT NULL,
    triggered_by VARCHAR(16) NOT NULL
);
CREATE INDEX ruleset_loads_version ON ruleset_loads (version, loaded_at);
