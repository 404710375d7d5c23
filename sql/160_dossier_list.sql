-- 160 The officer's dossier list, a page at a time, in the list's own order:
-- the running dossiers (received, processing) first, then the others, each
-- by the statutory appointment.  list_later is that first key (0: running),
-- a virtual column computed from the status.  For each unit column
-- (receiving, processing) one index holds the list's order (all, open and
-- near) and one the order within a status (a status, the late ones), so
-- that a page's dossiers are read in order from an index and the reading
-- stops at the page's end (store_dossier.c, dossier_list_unit) instead of
-- sorting every open dossier of a busy centre.
ALTER TABLE dossier
    ADD COLUMN list_later TINYINT AS (status NOT IN ('received', 'processing')) VIRTUAL,
    ADD KEY ix_dossier_unit_list (unit_id, list_later, original_due_at),
    ADD KEY ix_dossier_proc_list (processing_unit_id, list_later, original_due_at),
    ADD KEY ix_dossier_unit_status_orig (unit_id, status, original_due_at),
    ADD KEY ix_dossier_proc_status_orig (processing_unit_id, status, original_due_at);
