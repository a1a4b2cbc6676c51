-- Reports read outcomes by opening time and count them by their dimensions: the indexes they
-- range over now hold every column a compliance report reads, so a report is answered from the
-- index alone, without a lookup into the table per outcome.
DROP INDEX outcomes_current_opened;
CREATE INDEX outcomes_current_opened ON outcomes (is_current, opened_at, standard, outcome, due_at, severity, agent_id, team,
    tier, channel, opened_week, opened_month);
DROP INDEX history_outcomes_opened;
CREATE INDEX history_outcomes_opened ON history_outcomes (opened_at, standard, outcome, due_at, severity, agent_id, team, tier,
    channel, opened_week, opened_month, is_latest);
