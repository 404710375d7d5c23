-- 180 The dashboard's late dossiers of the days not yet in stat_late (today,
-- mostly) from the index alone: every dossier due on those days was read from
-- the table to see whether it is finished, how and where (4,000 row reads a
-- day at a million dossiers, 10 ms on each dashboard).  The index on the
-- original appointment carries those columns now.
ALTER TABLE dossier DROP KEY ix_dossier_original_due,
  ADD KEY ix_dossier_original_due (original_due_at, unit_id, finished_at, status, wait_clock,
                                   escalated_at);
