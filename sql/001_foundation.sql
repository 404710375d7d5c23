-- 001 foundation: units, counters, staff, sessions, audit log, rate limits, calendar.
-- Times are UTC DATETIME; pages show Asia/Ho_Chi_Minh (UTC+7, no DST).

CREATE TABLE org_unit (
    id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    parent_id     INT UNSIGNED NULL,
    code          VARCHAR(40)  NOT NULL,           -- identifier code (TT 10/2016), used in dossier codes
    name          VARCHAR(255) NOT NULL,
    short_name    VARCHAR(120) NULL,
    level         ENUM('ministry','province','department','district','commune','centre','branch') NOT NULL,
    path          VARCHAR(255) NOT NULL DEFAULT '', -- "/1/4/9/": ancestors and self, for subtree scans
    address       VARCHAR(255) NULL,
    hotline       VARCHAR(40)  NULL,
    email         VARCHAR(120) NULL,
    opening_hours VARCHAR(255) NULL,
    valid_from    DATE NOT NULL DEFAULT '2025-07-01',
    valid_to      DATE NULL,                        -- NULL: still exists
    sort_order    INT NOT NULL DEFAULT 0,
    UNIQUE KEY uq_org_unit_code (code),
    KEY ix_org_unit_parent (parent_id),
    KEY ix_org_unit_path (path),
    CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE counter (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    unit_id    INT UNSIGNED NOT NULL,
    code       VARCHAR(20)  NOT NULL,               -- "Q01", printed on the poster
    name       VARCHAR(255) NOT NULL,
    active     TINYINT(1)   NOT NULL DEFAULT 1,
    sort_order INT NOT NULL DEFAULT 0,
    UNIQUE KEY uq_counter_unit_code (unit_id, code),
    CONSTRAINT fk_counter_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    full_name      VARCHAR(255) NOT NULL,
    title          VARCHAR(255) NULL,               -- as on the badge: "Chuyên viên", "Phó Giám đốc"
    role           ENUM('officer','leader','admin') NOT NULL,
    unit_id        INT UNSIGNED NOT NULL,
    counter_id     INT UNSIGNED NULL,               -- the counter an officer usually serves
    password_hash  VARCHAR(128) NOT NULL,           -- argon2id (libsodium crypto_pwhash_str)
    disabled       TINYINT(1)   NOT NULL DEFAULT 0,
    must_change_pw TINYINT(1)   NOT NULL DEFAULT 0,
    created_at     DATETIME NOT NULL DEFAULT UTC_TIMESTAMP(),
    UNIQUE KEY uq_users_username (username),
    KEY ix_users_unit (unit_id),
    CONSTRAINT fk_users_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_users_counter FOREIGN KEY (counter_id) REFERENCES counter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session (
    id_hash    CHAR(64) NOT NULL PRIMARY KEY,       -- BLAKE2b of the cookie token; the token is never stored
    user_id    INT UNSIGNED NOT NULL,
    created_at DATETIME NOT NULL,
    last_seen  DATETIME NOT NULL,
    expires_at DATETIME NOT NULL,
    ip         VARCHAR(45) NOT NULL DEFAULT '',
    KEY ix_session_user (user_id),
    KEY ix_session_expires (expires_at),
    CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Append-only: no program account has UPDATE or DELETE on it (sql/grants.sql).
CREATE TABLE audit_log (
    id          BIGINT UNSIGNED NOT NULL PRIMARY KEY,
    at          DATETIME NOT NULL,
    actor_id    INT UNSIGNED NULL,                  -- NULL: the system or an operator command
    action      VARCHAR(64) NOT NULL,
    object_type VARCHAR(32) NOT NULL,
    object_id   BIGINT NOT NULL DEFAULT 0,
    ip          VARCHAR(45) NOT NULL DEFAULT '',
    detail      TEXT NOT NULL,
    prev_hash   CHAR(64) NOT NULL,
    row_hash    CHAR(64) NOT NULL,
    KEY ix_audit_object (object_type, object_id),
    KEY ix_audit_actor (actor_id, at),
    KEY ix_audit_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rate_limit (
    bucket       VARCHAR(32)  NOT NULL,
    k            VARCHAR(128) NOT NULL,
    window_start DATETIME NOT NULL,
    hits         INT UNSIGNED NOT NULL,
    PRIMARY KEY (bucket, k)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Exceptions to "Monday-Friday work, Saturday-Sunday rest" (sql/data/vn-calendar-*.csv).
CREATE TABLE calendar_day (
    day        DATE NOT NULL PRIMARY KEY,
    is_working TINYINT(1) NOT NULL,
    kind       VARCHAR(20) NOT NULL,                -- holiday, tet, compensatory, swap_off, makeup_workday
    name_vi    VARCHAR(255) NOT NULL,
    name_en    VARCHAR(255) NOT NULL,
    source     VARCHAR(500) NOT NULL DEFAULT '',
    confirmed  TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
