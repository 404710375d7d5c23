-- 260 A dossier's feedback cases, by the dossier: its QĐ 766 verdict is read
-- again on every rating of the dossier and every change of a case about it
-- (stats.c, stats_dossier_touch), and the leader's list of unhappy dossiers
-- counts each one's cases.  Without an index each read went through every
-- case of the province: 200,000 rows at a million dossiers for one rating,
-- and a list of 73 dossiers took 8 s (past the statement time limit).
ALTER TABLE feedback ADD KEY ix_feedback_dossier (dossier_id);
