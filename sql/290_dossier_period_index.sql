-- 290 The leader's lists of a period's dossiers (store_report.c) read the
-- period's range of one index and check each dossier's unit there, without
-- the table: the day received with the unit, status, finish and appointment
-- (received, received in time), the day finished with the unit, status and
-- appointment (finished, early, on time, late, QĐ 766).  The id follows the
-- day, as it did after the one column before, so that a page is still read
-- in the list's order (day, id) and stops at its end.
ALTER TABLE dossier
    DROP KEY ix_dossier_received,
    ADD KEY ix_dossier_received (received_at, id, unit_id, status, finished_at, original_due_at),
    DROP KEY ix_dossier_finished,
    ADD KEY ix_dossier_finished (finished_at, id, unit_id, status, original_due_at);
