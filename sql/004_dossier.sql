-- 004 dossiers: catalogue of fields and procedures, dossiers (Form 01), hand-overs
-- (Form 05), apology letters (Form 04), rules per legal version, daily aggregates.

CREATE TABLE field (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code       VARCHAR(40) NOT NULL,              -- mã ngành, lĩnh vực (TT01 Art. 19): MX1X2-LV
    name       VARCHAR(255) NOT NULL,
    sort_order INT NOT NULL DEFAULT 0,
    UNIQUE KEY uq_field_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A procedure as published (TTHC record); a new version gets a new row, and a
-- dossier keeps the version in force at receipt.
CREATE TABLE procedure_tthc (
    id             INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    national_code  VARCHAR(20) NOT NULL,          -- "1.001445"
    version        INT NOT NULL DEFAULT 1,
    name           VARCHAR(500) NOT NULL,
    field_id       INT UNSIGNED NOT NULL,
    level          ENUM('ministry','province','commune') NOT NULL,
    unit_id        INT UNSIGNED NOT NULL,         -- the unit that receives it
    time_value     INT NOT NULL,                  -- statutory processing time
    time_unit      ENUM('working_days','calendar_days','hours') NOT NULL DEFAULT 'working_days',
    use_cutoff     TINYINT(1) NOT NULL DEFAULT 0, -- sector rules: received after 15:00 counts from the next working day
    fee            VARCHAR(255) NOT NULL DEFAULT '',
    documents      TEXT NOT NULL,                 -- one document a line
    result         VARCHAR(500) NOT NULL DEFAULT '',
    legal_basis    TEXT NOT NULL,
    effective_from DATE NOT NULL,
    effective_to   DATE NULL,
    UNIQUE KEY uq_procedure_version (national_code, version),
    KEY ix_procedure_unit (unit_id),
    CONSTRAINT fk_procedure_field FOREIGN KEY (field_id) REFERENCES field (id),
    CONSTRAINT fk_procedure_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The apology rules, per legal version (ND61 Art. 19(9) defaults; ND118 values
-- replace them when confirmed).  The row with the latest effective_from that is
-- not in the future applies.
CREATE TABLE apology_rule (
    legal_version   VARCHAR(40) NOT NULL PRIMARY KEY,
    effective_from  DATE NOT NULL,
    lead_days       INT NOT NULL DEFAULT 1,        -- at least this long before the due date
    lead_unit       ENUM('working_days','calendar_days') NOT NULL DEFAULT 'working_days',
    max_reappoint   INT NOT NULL DEFAULT 1,        -- "không quá một lần"
    near_due_days   INT NOT NULL DEFAULT 2         -- "sắp đến hạn": this many working days before
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO apology_rule (legal_version, effective_from, lead_days, lead_unit, max_reappoint, near_due_days)
VALUES ('ND61/2018', '2018-06-21', 1, 'working_days', 1, 2);

CREATE TABLE dossier (
    id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(48) NOT NULL,       -- TT01 Art. 19: unit code-YYMMDD-NNNN
    unit_id            INT UNSIGNED NOT NULL,      -- the receiving one-stop unit
    counter_id         INT UNSIGNED NULL,
    officer_id         INT UNSIGNED NULL,          -- the receiving officer
    procedure_id       INT UNSIGNED NOT NULL,
    processing_unit_id INT UNSIGNED NULL,          -- the unit holding it now
    applicant_name     VARCHAR(255) NOT NULL,
    applicant_address  VARCHAR(255) NOT NULL DEFAULT '',
    applicant_phone    VARCHAR(20) NOT NULL DEFAULT '',
    applicant_email    VARCHAR(254) NOT NULL DEFAULT '',
    documents          TEXT NOT NULL,
    sets               INT NOT NULL DEFAULT 1,
    channel            ENUM('counter','online','post') NOT NULL DEFAULT 'counter',
    collect            ENUM('counter','post','online') NOT NULL DEFAULT 'counter',
    status             ENUM('received','processing','supplement','refused','stopped','ready','returned') NOT NULL DEFAULT 'received',
    received_at        DATETIME NOT NULL,
    due_at             DATETIME NOT NULL,          -- the appointment (moved only by an audited re-appointment)
    original_due_at    DATETIME NOT NULL,
    paused_at          DATETIME NULL,              -- waiting for a supplement (pause rule)
    finished_at        DATETIME NULL,              -- result back at the one-stop unit
    returned_at        DATETIME NULL,
    reappointments     INT NOT NULL DEFAULT 0,
    escalated_at       DATETIME NULL,              -- late again after the re-appointment: to the unit above
    book_volume        INT NOT NULL DEFAULT 1,     -- Sổ theo dõi hồ sơ: quyển số
    book_seq           INT NOT NULL DEFAULT 0,     -- số thứ tự
    source             ENUM('local','import') NOT NULL DEFAULT 'local',
    UNIQUE KEY uq_dossier_code (code),
    KEY ix_dossier_unit_status (unit_id, status, due_at),
    KEY ix_dossier_proc_unit (processing_unit_id, status, due_at),
    KEY ix_dossier_status_due (status, due_at),
    KEY ix_dossier_received (received_at),
    KEY ix_dossier_procedure (procedure_id, finished_at),
    CONSTRAINT fk_dossier_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
    CONSTRAINT fk_dossier_procedure FOREIGN KEY (procedure_id) REFERENCES procedure_tthc (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Form 05: one row per hand-over, each with its own due date and result.
CREATE TABLE dossier_step (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dossier_id   BIGINT UNSIGNED NOT NULL,
    seq          INT NOT NULL,
    from_unit_id INT UNSIGNED NOT NULL,
    to_unit_id   INT UNSIGNED NOT NULL,
    giver        VARCHAR(255) NOT NULL,
    receiver     VARCHAR(255) NOT NULL DEFAULT '',
    handed_at    DATETIME NOT NULL,
    due_at       DATETIME NULL,
    done_at      DATETIME NULL,
    result       ENUM('early','on_time','late') NULL,
    note         VARCHAR(1000) NOT NULL DEFAULT '',
    UNIQUE KEY uq_step (dossier_id, seq),
    CONSTRAINT fk_step_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Public timeline of a dossier (no officer personal data): received, forwarded,
-- supplement requested/supplied, refused, stopped, ready, returned, apology.
CREATE TABLE dossier_event (
    id         BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dossier_id BIGINT UNSIGNED NOT NULL,
    at         DATETIME NOT NULL,
    event      VARCHAR(32) NOT NULL,
    unit_id    INT UNSIGNED NULL,
    body       TEXT NOT NULL,
    KEY ix_devent (dossier_id, at),
    CONSTRAINT fk_devent_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Form 04: the apology and proposed new date, drafted by the processing unit,
-- signed by its head (or a deputy "KT."), delivered to the citizen.
CREATE TABLE apology (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dossier_id     BIGINT UNSIGNED NOT NULL,
    unit_id        INT UNSIGNED NOT NULL,        -- the processing unit that apologises
    number         VARCHAR(40) NULL,             -- "15/PXL", given at signature
    status         ENUM('draft','signed','delivered') NOT NULL DEFAULT 'draft',
    reason_code    VARCHAR(32) NOT NULL,
    reason_text    TEXT NOT NULL,
    old_due_at     DATETIME NOT NULL,
    new_due_at     DATETIME NOT NULL,
    drafted_by     INT UNSIGNED NOT NULL,
    drafted_at     DATETIME NOT NULL,
    signer_id      INT UNSIGNED NULL,
    signer_name    VARCHAR(255) NULL,
    signer_title   VARCHAR(255) NULL,           -- "GIÁM ĐỐC" or "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    signed_at      DATETIME NULL,
    on_time        TINYINT(1) NULL,             -- signed at least the lead time before old_due_at
    delivery       ENUM('counter','sms','email','post') NULL,
    delivered_at   DATETIME NULL,
    KEY ix_apology_dossier (dossier_id),
    KEY ix_apology_unit (unit_id, status),
    CONSTRAINT fk_apology_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Aggregates for dashboards, kept by the write path: per unit (receiving and
-- processing), counter, officer and local day.
CREATE TABLE stat_dossier_day (
    scope        ENUM('unit','counter','officer') NOT NULL,
    scope_id     INT UNSIGNED NOT NULL,
    day          DATE NOT NULL,
    received     INT NOT NULL DEFAULT 0,
    finished     INT NOT NULL DEFAULT 0,
    early        INT NOT NULL DEFAULT 0,
    on_time      INT NOT NULL DEFAULT 0,
    late         INT NOT NULL DEFAULT 0,
    apologies    INT NOT NULL DEFAULT 0,
    apologies_late INT NOT NULL DEFAULT 0,
    delay_days   INT NOT NULL DEFAULT 0,        -- sum of working days late of late dossiers
    PRIMARY KEY (scope, scope_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Systems allowed to push dossier events through /api/ (key stored hashed).
CREATE TABLE api_client (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    key_hash   CHAR(64) NOT NULL,
    unit_id    INT UNSIGNED NOT NULL,           -- what it may write: this unit's subtree
    active     TINYINT(1) NOT NULL DEFAULT 1,
    created_at DATETIME NOT NULL,
    UNIQUE KEY uq_api_key (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
