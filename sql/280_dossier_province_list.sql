-- 280 The province's leader's dossier list, read in the list's own order
-- from two indexes over every dossier (store_dossier.c, dossier_list_root):
-- the list's order (list_later, appointment) for all and near, the order
-- within a status (status, appointment) for a status, the open and the late
-- ones.  Merging the per-unit indexes of sql/160 costs two reads a unit of
-- the province for each page (a hundred units and more since the communes
-- of 2025); from these a page reads as far as its end.
ALTER TABLE dossier
    ADD KEY ix_dossier_list (list_later, original_due_at),
    ADD KEY ix_dossier_status_orig (status, original_due_at);
