-- 040 Messages to citizens at each step of a case or a dossier, by e-mail, SMS
-- and Zalo: one transactional outbox.  A row is written in the transaction of
-- the change it tells of (a rolled-back change sends nothing) and delivered by
-- `motcuactl send` (also run by `motcuactl tick`), at least once, with its
-- idempotency key.  The e-mail queue of 003 becomes this table: its rows keep
-- their ids (the outbox directory names files by them).
RENAME TABLE mail_queue TO notification;
ALTER TABLE notification
    CHANGE to_addr recipient VARCHAR(254) NOT NULL,
    CHANGE last_error answer VARCHAR(255) NULL,
    -- random, sent to providers that take one (SMS request id, ZNS tracking_id,
    -- e-mail Message-ID) and the key of the message's stop link (with its MAC)
    ADD idem_key CHAR(32) NULL AFTER id,
    ADD channel ENUM('email','sms','zalo') NOT NULL DEFAULT 'email' AFTER idem_key,
    ADD step VARCHAR(24) NOT NULL DEFAULT '' AFTER recipient,
    ADD object_type ENUM('feedback','dossier') NULL AFTER step,
    ADD object_id BIGINT UNSIGNED NULL AFTER object_type,
    -- a confidential sender's address is shown only to who may see the sender
    ADD confidential TINYINT(1) NOT NULL DEFAULT 0 AFTER object_id,
    -- the template's parameters (SMS and Zalo templates), a JSON object
    ADD params TEXT NULL AFTER body,
    ADD state ENUM('queued','sent','failed','stopped') NOT NULL DEFAULT 'queued' AFTER params,
    ADD next_attempt_at DATETIME NULL AFTER attempts,
    ADD segments INT NULL AFTER next_attempt_at;
UPDATE notification
   SET idem_key = LPAD(HEX(id), 32, '0'),
       state = IF(sent_at IS NOT NULL, 'sent', IF(attempts >= 10, 'failed', 'queued')),
       next_attempt_at = created_at
 WHERE idem_key IS NULL;
ALTER TABLE notification
    MODIFY idem_key CHAR(32) NOT NULL,
    MODIFY next_attempt_at DATETIME NOT NULL,
    DROP KEY ix_mail_pending,
    ADD UNIQUE KEY uq_notification_idem (idem_key),
    ADD KEY ix_notification_due (state, next_attempt_at),
    ADD KEY ix_notification_object (object_type, object_id),
    ADD KEY ix_notification_recipient (recipient, sent_at);

-- The one-click stop: a recipient here gets nothing more (the stop link of any
-- message it was sent).
CREATE TABLE notification_optout (
    recipient   VARCHAR(254) NOT NULL PRIMARY KEY,
    created_at  DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Provider tokens that rotate (Zalo's access token lasts about a day, its
-- refresh token serves once): written by the sender under its lease, the new
-- refresh token in the transaction that records the answer that gave it.
CREATE TABLE notify_token (
    provider       VARCHAR(16) NOT NULL PRIMARY KEY,
    access_token   TEXT NOT NULL,
    refresh_token  TEXT NOT NULL,
    expires_at     DATETIME NOT NULL,
    updated_at     DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
