-- 070 The citizen's rights over the personal data held about a case or a
-- dossier (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Art. 4): a request to
-- correct, erase, restrict processing or object, asked from the case's or the
-- dossier's public page and answered by its unit (docs/personal-data.md).
-- A restriction asked (open) or granted (done) marks the case or dossier as
-- restricted: no column of its own, the rows here say it.
CREATE TABLE data_request (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(16) NOT NULL,               -- shown to the citizen: YC-XXXXXXXX
    object_type ENUM('feedback','dossier') NOT NULL,
    object_id   BIGINT UNSIGNED NOT NULL,
    unit_id     INT UNSIGNED NOT NULL,              -- the object's unit when asked
    kind        ENUM('correct','erase','restrict','object') NOT NULL,
    field       ENUM('name','phone','email','address') NULL, -- correct: which one
    new_value   VARCHAR(255) NULL,                  -- correct: the value asked for
    detail      TEXT NOT NULL,                      -- the citizen's reason
    status      ENUM('open','done','refused') NOT NULL DEFAULT 'open',
    due_at      DATETIME NOT NULL,
    answered_at DATETIME NULL,
    answered_by INT UNSIGNED NULL,
    answer      TEXT NULL,
    created_at  DATETIME NOT NULL,
    UNIQUE KEY uq_data_request_code (code),
    KEY ix_data_request_unit (unit_id, status, due_at),
    KEY ix_data_request_object (object_type, object_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
