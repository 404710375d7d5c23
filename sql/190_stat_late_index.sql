-- 190 The dashboard's late dossiers of a period from the index alone: a
-- year of stat_late (a few thousand rows at a million dossiers) was read
-- through ix_stat_late_day and then each row from the table (8 ms); the index
-- carries the row's figures now.
ALTER TABLE stat_late DROP KEY ix_stat_late_day,
  ADD KEY ix_stat_late_day (day, unit_id, delay, late, no_apology, escalated);
