-- The violations list in its order, a page at a time: the FAIL outcomes by opening, newest
-- first, then by the rest of their key, so that each page is a range of this index and each
-- outcome's findings follow from the findings' own key, with nothing to sort. Unique because
-- each holds its table's primary key: the planner may then take the order as total.
-- Only FAIL outcomes are indexed, so the index costs nothing for the others.
CREATE UNIQUE INDEX outcomes_violations ON outcomes (is_current, opened_at DESC, interaction_id, standard, revision, verdict_no)
    WHERE outcome = 'FAIL';
CREATE UNIQUE INDEX history_outcomes_violations ON history_outcomes (opened_at DESC, subject_id, standard, subject_kind, period)
    WHERE outcome = 'FAIL';
