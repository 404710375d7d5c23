-- 060 Hot rows spread over slots.  Every rating of a counter added to the
-- same row of stat_day (its unit's, its counter's, its officer's of the day)
-- and to the same row of rate_limit (its link's), so concurrent ratings waited
-- for each other's commit.  A row is now (key, slot): a writer on a citizen's
-- path picks one of Stats.Slots (the aggregates) or Rating.LinkSlots (a
-- link's limit) slots at random; every reader sums over the slots; a rebuild
-- folds them back into slot 0.  Rows written before this are slot 0.
ALTER TABLE stat_day
    ADD slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER day,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (scope, scope_id, day, slot);

-- its unhappy count moves when a citizen rates a dossier or files a case on it
ALTER TABLE stat_dossier_day
    ADD slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER day,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (scope, scope_id, day, slot);

ALTER TABLE rate_limit
    ADD slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER k,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (bucket, k, slot);
