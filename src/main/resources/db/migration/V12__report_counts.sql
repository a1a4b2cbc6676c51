-- Compliance counted ahead: how many current outcomes (and history outcomes) there are of each
-- standard and outcome per UTC day or ISO week of opening, in three rollups, kept in the same
-- transaction as the outcomes they count. A report over whole days or weeks reads these rows
-- (a few thousand a day) instead of every outcome; the hours at the edges of its range, and any
-- report a rollup cannot answer, read the outcomes themselves.
--   ad: by day, standard, agent and team
--   sd: by day, standard, team, tier, channel and severity
--   sw: the same by ISO week (Monday 00:00 UTC), for long ranges not grouped by month
-- A dimension a rollup does not keep, or a null value, is '' (a value no record carries).
-- bucket is the epoch millisecond at which the day or week starts; opened_week and opened_month
-- follow from it ('' for the month of a week, which can span two).
CREATE TABLE report_counts (
    rollup       VARCHAR(2)   NOT NULL,
    bucket       BIGINT       NOT NULL,
    standard     VARCHAR(64)  NOT NULL,
    agent_id     VARCHAR(128) NOT NULL,
    team         VARCHAR(128) NOT NULL,
    tier         VARCHAR(16)  NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    severity     VARCHAR(16)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    opened_week  VARCHAR(8)   NOT NULL,
    opened_month VARCHAR(7)   NOT NULL,
    n            BIGINT       NOT NULL,
    PRIMARY KEY (rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome)
);

-- What is stored already, counted once. Day start: opened_at less its (non-negative) remainder
-- in the day; week start: the day less its days since Monday (1970-01-01 was a Thursday).
INSERT INTO report_counts (rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome, opened_week, opened_month, n)
SELECT 'ad', day, standard, agent_id, team, '', '', '', outcome, opened_week, opened_month, COUNT(*) FROM (
    SELECT opened_at - ((opened_at % 86400000) + 86400000) % 86400000 AS day, standard, COALESCE(agent_id, '') AS agent_id,
           COALESCE(team, '') AS team, outcome, opened_week, opened_month FROM outcomes WHERE is_current = TRUE
    UNION ALL
    SELECT opened_at - ((opened_at % 86400000) + 86400000) % 86400000, standard, COALESCE(agent_id, ''), COALESCE(team, ''),
           outcome, opened_week, opened_month FROM history_outcomes) a
GROUP BY day, standard, agent_id, team, outcome, opened_week, opened_month;

INSERT INTO report_counts (rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome, opened_week, opened_month, n)
SELECT 'sd', day, standard, '', team, tier, channel, severity, outcome, opened_week, opened_month, COUNT(*) FROM (
    SELECT opened_at - ((opened_at % 86400000) + 86400000) % 86400000 AS day, standard, COALESCE(team, '') AS team,
           COALESCE(tier, '') AS tier, COALESCE(channel, '') AS channel, COALESCE(severity, '') AS severity, outcome,
           opened_week, opened_month FROM outcomes WHERE is_current = TRUE
    UNION ALL
    SELECT opened_at - ((opened_at % 86400000) + 86400000) % 86400000, standard, COALESCE(team, ''), COALESCE(tier, ''),
           COALESCE(channel, ''), COALESCE(severity, ''), outcome, opened_week, opened_month FROM history_outcomes) s
GROUP BY day, standard, team, tier, channel, severity, outcome, opened_week, opened_month;

INSERT INTO report_counts (rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome, opened_week, opened_month, n)
SELECT 'sw', bucket - (((bucket / 86400000) + 3) % 7 + 7) % 7 * 86400000, standard, '', team, tier, channel, severity, outcome,
       opened_week, '', SUM(n)
FROM report_counts WHERE rollup = 'sd'
GROUP BY bucket - (((bucket / 86400000) + 3) % 7 + 7) % 7 * 86400000, standard, team, tier, channel, severity, outcome, opened_week;
