-- 010 One lateness model: legal versions of the rules, and processing cycles.
--
-- Rules belong to a legal version, chosen by the day a dossier was received
-- (not by today's date): the apology rules that apology_rule held, the
-- supplement rules, the on-time rate's denominator and the set of papers.
-- A later amendment is a new row, not a code change.
RENAME TABLE apology_rule TO legal_version;

ALTER TABLE legal_version
    ADD COLUMN title            VARCHAR(255) NOT NULL DEFAULT '' AFTER effective_from,
    -- Decree 61/2018 Art. 19(4): an incomplete dossier is returned "không quá 03
    -- ngày làm việc kể từ ngày tiếp nhận hồ sơ"; a request later than this (or
    -- beyond the restarts allowed) is still recorded but leaves the clock running.
    ADD COLUMN supplement_within_days  INT NOT NULL DEFAULT 3,
    ADD COLUMN supplement_max_restarts INT NOT NULL DEFAULT 1,
    -- "Thời hạn giải quyết được tính lại từ đầu sau khi nhận đủ hồ sơ": restart;
    -- pause keeps the cycle and moves its end by the working days waited.
    ADD COLUMN supplement_rule  ENUM('restart','pause') NOT NULL DEFAULT 'restart',
    -- the on-time rate's denominator: dossiers received in the period (Decree
    -- 61/2018 Art. 30(2)(c)) or finished in it; QĐ 766's wording is unconfirmed
    ADD COLUMN ontime_base      ENUM('received','finished') NOT NULL DEFAULT 'received',
    -- the papers printed for dossiers of this version (Circular 01/2018 or 03/2025)
    ADD COLUMN papers           ENUM('TT01','TT03') NOT NULL DEFAULT 'TT01';

UPDATE legal_version SET title = 'Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP'
 WHERE legal_version = 'ND61/2018';

-- Decree 118/2025 from 01/07/2025; whether it kept the 1-day lead time, the
-- once-only re-appointment and the 3-day supplement rule is unconfirmed: the
-- Decree 61 values are carried over and an administrator can change them.
-- Circular 03/2025/TT-VPCP papers from 15/09/2025 (its Annex I "từ ngày 15/9/2025").
INSERT INTO legal_version (legal_version, effective_from, title, lead_days, lead_unit,
                           max_reappoint, near_due_days, supplement_within_days,
                           supplement_max_restarts, supplement_rule, ontime_base, papers)
SELECT 'ND118/2025', '2025-07-01', 'Nghị định 118/2025/NĐ-CP, Thông tư 01/2018/TT-VPCP',
       lead_days, lead_unit, max_reappoint, near_due_days, 3, 1, 'restart', 'received', 'TT01'
  FROM legal_version WHERE legal_version = 'ND61/2018'
UNION ALL
SELECT 'ND118/2025+TT03', '2025-09-15', 'Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP',
       lead_days, lead_unit, max_reappoint, near_due_days, 3, 1, 'restart', 'received', 'TT03'
  FROM legal_version WHERE legal_version = 'ND61/2018';

-- A dossier's processing cycles.  The first starts at receipt; a supplement
-- request that restarts the clock ends the open cycle, and the complete dossier
-- opens the next one with a new statutory appointment (and a new receipt).  A
-- pause keeps the cycle and moves its end by the working days waited.
CREATE TABLE dossier_cycle (
    dossier_id       BIGINT UNSIGNED NOT NULL,
    n                INT NOT NULL,
    started_at       DATETIME NOT NULL,       -- the complete dossier received
    statutory_due_at DATETIME NOT NULL,       -- the appointment on this cycle's receipt
    paused_days      INT NOT NULL DEFAULT 0,  -- working days added by pauses
    ended_at         DATETIME NULL,
    end_reason       ENUM('restart','finished') NULL,
    PRIMARY KEY (dossier_id, n),
    CONSTRAINT fk_cycle_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- original_due_at now holds the statutory appointment of the last cycle (the
-- one lateness is judged against); due_at the appointment in force (moved by a
-- signed apology).  wait_clock, while waiting for the citizen's documents, says
-- what the request did to the clock: restart or pause (never late meanwhile), or
-- runs (the request was outside the rules).
ALTER TABLE dossier
    ADD COLUMN cycle      INT NOT NULL DEFAULT 1 AFTER reappointments,
    ADD COLUMN wait_clock ENUM('restart','pause','late_request','too_many') NULL AFTER paused_at;

-- The cycles of existing dossiers are replayed from their history by
-- `motcuactl migrate` right after this file (store_dossier.c
-- dossier_cycles_fill: it needs the working-day calendar), then the figures
-- are recounted and the months that changed recorded in stat_correction.

-- Dossiers waiting for documents: what the old rule did (a restart, by default).
UPDATE dossier SET wait_clock = 'restart' WHERE status = 'supplement';

-- Each recount of the figures after a correction of the rules: which months
-- changed, before and after, so a leader who signed a report knows.
CREATE TABLE stat_correction (
    id           INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    corrected_at DATETIME NOT NULL,
    month        DATE NOT NULL,           -- first day of the month whose figures changed
    unit_id      INT UNSIGNED NOT NULL,   -- receiving unit
    late_before  INT NOT NULL,
    late_after   INT NOT NULL,
    ontime_before INT NOT NULL,           -- finished early or on time
    ontime_after  INT NOT NULL,
    KEY ix_stat_correction_month (month, unit_id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
