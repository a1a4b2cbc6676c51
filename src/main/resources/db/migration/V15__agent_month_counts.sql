-- Compliance counted ahead by month: rollup 'am' keeps, per UTC month (bucket: the epoch
-- millisecond the month starts), standard, agent and outcome, without team, tier, channel or
-- severity. A month's report by agent reads a row per agent, standard and outcome instead of
-- one per day of the month, team and all; a stretch of most of a month is its month less the
-- other days, read from the daily rollup 'ad'. Counted here once from 'ad', which holds the
-- same outcomes by day; kept from now on in the same transaction as the outcomes, as 'ad' is.
-- The month's start follows from opened_month 'YYYY-MM' (days from the civil date, in integer
-- arithmetic both databases share); a month written otherwise (years beyond 0001-9999) takes
-- its earliest day, which the month's range holds all the same.
INSERT INTO report_counts (rollup, bucket, standard, agent_id, team, tier, channel, severity, outcome, opened_week, opened_month, n)
SELECT 'am',
       CASE WHEN LENGTH(opened_month) = 7 AND opened_month >= '0001' AND opened_month <= '9999' THEN
           (era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + (153 * ((m + 9) % 12) + 2) / 5 - 719468) * 86400000
       ELSE MIN(bucket) END,
       standard, agent_id, '', '', '', '', outcome, '', opened_month, SUM(n)
FROM (SELECT bucket, standard, agent_id, outcome, opened_month, n, m, yy / 400 AS era, yy - (yy / 400) * 400 AS yoe
      FROM (SELECT bucket, standard, agent_id, outcome, opened_month, n,
                   CAST(SUBSTR(opened_month, 6, 2) AS BIGINT) AS m,
                   CAST(SUBSTR(opened_month, 1, 4) AS BIGINT)
                       - CASE WHEN CAST(SUBSTR(opened_month, 6, 2) AS BIGINT) <= 2 THEN 1 ELSE 0 END AS yy
            FROM report_counts WHERE rollup = 'ad') d) c
GROUP BY opened_month, era, yoe, m, standard, agent_id, outcome;
