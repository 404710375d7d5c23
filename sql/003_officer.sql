-- 003 officer workspace: case handling, canned answers, escalation, notifications.

ALTER TABLE feedback
    ADD COLUMN classified_at DATETIME NULL AFTER created_at,
    ADD COLUMN forward_due   DATETIME NULL AFTER due_at,      -- ND20 Art. 9: forward within 5 working days
    ADD COLUMN forwarded_to  INT UNSIGNED NULL,
    ADD COLUMN escalated_at  DATETIME NULL,                   -- overdue: sent up to the unit's leader
    ADD KEY ix_feedback_due (status, due_at);

CREATE TABLE canned_answer (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id    INT UNSIGNED NOT NULL,
    title      VARCHAR(120) NOT NULL,
    body       TEXT NOT NULL,
    updated_by INT UNSIGNED NULL,
    updated_at DATETIME NOT NULL,
    KEY ix_canned_unit (unit_id),
    CONSTRAINT fk_canned_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Messages to citizens.  Delivered by `motcuactl tick` (Mail.Mode: outbox = files
-- under Paths.Outbox, sendmail = the local MTA); sent_at NULL = waiting.
CREATE TABLE mail_queue (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    to_addr     VARCHAR(254) NOT NULL,
    subject     VARCHAR(255) NOT NULL,
    body        TEXT NOT NULL,
    created_at  DATETIME NOT NULL,
    sent_at     DATETIME NULL,
    attempts    INT NOT NULL DEFAULT 0,
    last_error  VARCHAR(255) NULL,
    KEY ix_mail_pending (sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
