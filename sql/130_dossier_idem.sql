-- 130 An intake sent twice is one dossier: the form carries an idempotency
-- key (random, per form shown), kept with the dossier it made.  A resend after
-- a lost answer (a dead database node, a connection cut during COMMIT, a
-- double click) finds that dossier instead of numbering a second one.
ALTER TABLE dossier
    ADD COLUMN idem_key CHAR(32) CHARACTER SET ascii NULL,
    ADD UNIQUE KEY uq_dossier_idem (idem_key);
