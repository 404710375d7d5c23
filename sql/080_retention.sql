-- 080 Retention of citizens' personal data (Luật Bảo vệ dữ liệu cá nhân
-- 91/2025/QH15): `motcuactl retention`, run once a day by `motcuactl tick`,
-- erases the personal fields of records whose purpose has passed
-- (docs/personal-data.md, "Retention").  The record stays, so every count
-- stays; these columns say when its personal fields went, and a record is
-- erased once.  The stat_mark row 'retention' holds the local day of the
-- ticker's last run.
ALTER TABLE feedback
    ADD COLUMN contact_erased_at DATETIME NULL,   -- sender's name, phone, e-mail, address
    ADD COLUMN files_erased_at   DATETIME NULL,   -- evidence files deleted (rows and files)
    ADD KEY ix_feedback_closed (closed_at);

ALTER TABLE rating
    ADD COLUMN comment_erased_at DATETIME NULL;   -- free-text comment and address hash

ALTER TABLE notification
    ADD COLUMN erased_at DATETIME NULL,           -- recipient, body and parameters
    ADD KEY ix_notification_created (created_at);

ALTER TABLE dossier
    ADD COLUMN contact_erased_at DATETIME NULL,   -- the applicant's phone and e-mail only
    ADD KEY ix_dossier_returned (returned_at);
