-- 007 indexes for the leader's figures: late dossiers are found by their
-- statutory appointment, apologies by their dossier and signature time.
ALTER TABLE dossier ADD KEY ix_dossier_original_due (original_due_at, unit_id);
ALTER TABLE apology ADD KEY ix_apology_signed (signed_at);
ALTER TABLE rating ADD KEY ix_rating_created (created_at);
