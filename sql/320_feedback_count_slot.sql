-- 320 the inbox's counts of new cases in slot rows.  Every case filed for a
-- unit added to one feedback_count row, held locked from that statement until
-- the commit: complaints filed at once for one unit waited on one another's
-- commit, one after the other.  A new case is now counted in the row of its
-- slot, its id modulo 16; a case of any other status, which officers write
-- one case at a time, in slot 0 (FB_COUNT_COLS, cgi-bin/core/stats.h).  The
-- slot follows from the case's own columns, so a change of status finds the
-- row the case was counted in.  Every reader sums over the slots, as it
-- summed over counters and kinds.
-- The rows written before stay in slot 0: a new case counted there and moved
-- later leaves its own slot's row at -1 and slot 0's one higher than its
-- cases, and the sums are the same; `motcuactl rebuild-stats` lays the rows
-- out anew.  No recount here, so the programs may keep running.
ALTER TABLE feedback_count
    ADD COLUMN slot TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER escalated,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (unit_id, status, kind, counter_id, hidden_from, escalated, slot);
