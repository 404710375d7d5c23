-- 150 A counter's live link without reading every link: a province has a
-- handful of counter, officer and unit links and millions of dossier links
-- (one per receipt, each with its counter).  The public unit pages, the
-- counter lists and the administrator's overview look up a counter's newest
-- link that is not revoked, or count the links that are not a dossier's;
-- with only ix_qr_counter each lookup read all of that counter's receipts.
ALTER TABLE qr_link ADD KEY ix_qr_kind_counter (kind, counter_id, revoked_at, id);
