-- 160 The officer's dossier list, a page at a time: the unit (receiving or
-- processing), the status and the statutory appointment in one index each,
-- so that a page's dossiers are found and ordered from the indexes alone
-- (store_dossier.c, dossier_list_unit) instead of every open dossier's row.
ALTER TABLE dossier
    ADD KEY ix_dossier_unit_orig (unit_id, status, original_due_at),
    ADD KEY ix_dossier_proc_orig (processing_unit_id, status, original_due_at);
