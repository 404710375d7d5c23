-- 002 citizen channel: QR links, ratings, feedback cases, evidence files, public statistics.

-- A QR link names its context.  The public token is nonce + MAC (cgi-bin/core/token.c);
-- only the random nonce is stored, so a leaked database row cannot mint links.
CREATE TABLE qr_link (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    nonce       CHAR(13) NOT NULL,
    kind        ENUM('unit','counter','officer','dossier') NOT NULL,
    unit_id     INT UNSIGNED NOT NULL,
    counter_id  INT UNSIGNED NULL,
    officer_id  INT UNSIGNED NULL,
    dossier_id  BIGINT UNSIGNED NULL,
    created_at  DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
    expires_at  DATETIME NULL,
    revoked_at  DATETIME NULL,
    UNIQUE KEY uq_qr_nonce (nonce),
    KEY ix_qr_counter (counter_id),
    KEY ix_qr_dossier (dossier_id),
    CONSTRAINT fk_qr_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_qr_counter FOREIGN KEY (counter_id) REFERENCES counter (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Satisfaction on the three legal levels: 3 Rất hài lòng, 2 Hài lòng, 1 Không hài lòng.
-- Criteria (TT01 Art. 13 items that apply at a counter) use the same scale, NULL = not answered.
CREATE TABLE rating (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ref         CHAR(16) NOT NULL,                  -- public reference (random)
    qr_link_id  INT UNSIGNED NULL,
    channel     ENUM('qr','kiosk','web') NOT NULL DEFAULT 'qr',
    unit_id     INT UNSIGNED NOT NULL,
    counter_id  INT UNSIGNED NULL,
    officer_id  INT UNSIGNED NULL,
    dossier_id  BIGINT UNSIGNED NULL,
    level       TINYINT UNSIGNED NOT NULL,
    c_attitude  TINYINT UNSIGNED NULL,
    c_time      TINYINT UNSIGNED NULL,
    c_trips     TINYINT UNSIGNED NULL,
    c_guidance  TINYINT UNSIGNED NULL,
    comment     VARCHAR(2000) NOT NULL DEFAULT '',
    client_hash CHAR(16) NOT NULL DEFAULT '',       -- keyed hash of the address: bursts, not identity
    flagged     TINYINT(1) NOT NULL DEFAULT 0,      -- part of a suspicious burst; leaders review
    idem_key    CHAR(32) NULL,
    created_at  DATETIME NOT NULL,
    updated_at  DATETIME NOT NULL,
    UNIQUE KEY uq_rating_ref (ref),
    UNIQUE KEY uq_rating_idem (idem_key),
    UNIQUE KEY uq_rating_dossier (dossier_id),      -- one rating per dossier
    KEY ix_rating_unit (unit_id, created_at),
    KEY ix_rating_counter (counter_id, created_at),
    KEY ix_rating_officer (officer_id, created_at),
    KEY ix_rating_link (qr_link_id, created_at),
    CHECK (level BETWEEN 1 AND 3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Feedback kinds as the law keeps them apart (ND20 Art. 3; complaints and
-- denunciations are out of scope).  Deadlines in working days, per kind.
CREATE TABLE feedback_kind (
    code         VARCHAR(20) NOT NULL PRIMARY KEY,
    sort_order   INT NOT NULL,
    answer_days  INT NOT NULL,                      -- answer deadline (a unit setting: ND20 sets none)
    forward_days INT NOT NULL DEFAULT 5             -- forwarding outside our competence (ND20 Art. 9)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO feedback_kind (code, sort_order, answer_days, forward_days) VALUES
 ('petition', 1, 10, 5),      -- phản ánh, kiến nghị về quy định, thủ tục hành chính
 ('conduct', 2, 10, 5),       -- hành vi của cán bộ: chậm trễ, gây phiền hà, làm sai
 ('suggestion', 3, 15, 5),    -- góp ý
 ('praise', 4, 15, 5);        -- khen ngợi

-- Daily sequences for readable codes (feedback PA-YYYYMMDD-NNNN, dossiers per unit).
CREATE TABLE code_seq (
    scope VARCHAR(48) NOT NULL,
    day   DATE NOT NULL,
    n     INT UNSIGNED NOT NULL,
    PRIMARY KEY (scope, day)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

CREATE TABLE feedback (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code            VARCHAR(24) NOT NULL,           -- PA-20261122-0042
    check_part      CHAR(4) NOT NULL,               -- random; the public code is code-check
    kind            VARCHAR(20) NOT NULL,
    status          ENUM('new','accepted','conduct','rejected','forwarded','need_info',
                         'answered','closed','review') NOT NULL DEFAULT 'new',
    unit_id         INT UNSIGNED NOT NULL,          -- receiving unit (the target's unit)
    counter_id      INT UNSIGNED NULL,
    officer_id      INT UNSIGNED NULL,              -- the officer the feedback is about
    dossier_id      BIGINT UNSIGNED NULL,
    rating_id       BIGINT UNSIGNED NULL,           -- opened from a "Không hài lòng" rating
    qr_link_id      INT UNSIGNED NULL,
    content         TEXT NOT NULL,
    identity        ENUM('anonymous','confidential','named') NOT NULL,
    contact_name    VARCHAR(255) NULL,
    contact_phone   VARCHAR(20) NULL,
    contact_email   VARCHAR(254) NULL,
    contact_address VARCHAR(255) NULL,
    formal          TINYINT(1) NOT NULL DEFAULT 0,  -- a PAKN under ND20 Art. 7 (identified petition)
    idem_key        CHAR(32) NULL,
    assigned_to     INT UNSIGNED NULL,
    created_at      DATETIME NOT NULL,
    due_at          DATETIME NOT NULL,
    paused_at       DATETIME NULL,                  -- waiting for the citizen: the clock stops
    answered_at     DATETIME NULL,
    closed_at       DATETIME NULL,
    answer_satisfied TINYINT(1) NULL,               -- the citizen's verdict on the answer
    UNIQUE KEY uq_feedback_code (code),
    UNIQUE KEY uq_feedback_idem (idem_key),
    KEY ix_feedback_unit_status (unit_id, status, due_at),
    KEY ix_feedback_officer (officer_id),
    KEY ix_feedback_created (created_at),
    CONSTRAINT fk_feedback_kind FOREIGN KEY (kind) REFERENCES feedback_kind (code),
    CONSTRAINT fk_feedback_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Public timeline (public = 1) and internal notes of a case.
CREATE TABLE feedback_event (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    feedback_id BIGINT UNSIGNED NOT NULL,
    at          DATETIME NOT NULL,
    actor_id    INT UNSIGNED NULL,                  -- NULL: the citizen or the system
    event       VARCHAR(32) NOT NULL,               -- created, classified, answer, note, info_request, reply, ...
    public      TINYINT(1) NOT NULL DEFAULT 1,
    body        TEXT NOT NULL,
    KEY ix_event_feedback (feedback_id, at),
    CONSTRAINT fk_event_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Evidence files: stored outside the web root (Paths.Uploads), served only to staff.
CREATE TABLE feedback_file (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    feedback_id BIGINT UNSIGNED NOT NULL,
    stored_name CHAR(32) NOT NULL,
    filename    VARCHAR(255) NOT NULL,
    mime        VARCHAR(40) NOT NULL,
    size        INT UNSIGNED NOT NULL,
    created_at  DATETIME NOT NULL,
    KEY ix_file_feedback (feedback_id),
    CONSTRAINT fk_file_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Aggregates kept up to date by the write path (docs/architecture.md §5): one row per
-- scope and local day.  scope: 'unit', 'counter' or 'officer'.
CREATE TABLE stat_day (
    scope      ENUM('unit','counter','officer') NOT NULL,
    scope_id   INT UNSIGNED NOT NULL,
    day        DATE NOT NULL,
    ratings    INT NOT NULL DEFAULT 0,
    r3         INT NOT NULL DEFAULT 0,
    r2         INT NOT NULL DEFAULT 0,
    r1         INT NOT NULL DEFAULT 0,
    feedback   INT NOT NULL DEFAULT 0,
    answered   INT NOT NULL DEFAULT 0,
    answered_on_time INT NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, scope_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
