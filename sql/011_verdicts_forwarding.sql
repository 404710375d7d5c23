-- 011 the citizens' verdicts on answers kept as history, and missed
-- forwarding deadlines (Decree 20/2008 Art. 9(1)(d)) kept as history, each
-- counted in stat_day on the write path (and by `motcuactl rebuild-stats`).
--
-- "INTERVAL 7 HOUR" below turns a UTC column into Vietnam's local time (UTC+7,
-- no DST).  SQL scripts have no macros, so they write it out; the C code says
-- SQL_VN_OFFSET (cgi-bin/core/calendar.h, tied there to CAL_UTC_OFFSET).

-- Every verdict a citizen gives on an answer, with its time.  Written in the
-- transaction of the verdict; never changed or deleted: a reopen or a new
-- answer resets feedback.answer_satisfied (the verdict on the current answer)
-- but not this history.  unit_id: the unit that gave the answer.
CREATE TABLE feedback_verdict (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    feedback_id BIGINT UNSIGNED NOT NULL,
    answer_id   BIGINT UNSIGNED NULL,               -- the feedback_event 'answer' rated
    unit_id     INT UNSIGNED NOT NULL,
    satisfied   TINYINT(1) NOT NULL,
    at          DATETIME NOT NULL,
    KEY ix_verdict_at (at, unit_id),
    KEY ix_verdict_feedback (feedback_id, at),
    CONSTRAINT fk_verdict_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Today's verdicts become the first rows of the history: the time is that of
-- the verdict's event when there is one, else the answer's.
INSERT INTO feedback_verdict (feedback_id, answer_id, unit_id, satisfied, at)
SELECT f.id,
       (SELECT e.id FROM feedback_event e
         WHERE e.feedback_id = f.id AND e.event = 'answer' ORDER BY e.at DESC, e.id DESC LIMIT 1),
       f.unit_id, f.answer_satisfied,
       COALESCE((SELECT MAX(e.at) FROM feedback_event e
                  WHERE e.feedback_id = f.id
                    AND e.event IN ('citizen_satisfied', 'review_requested')),
                f.answered_at, f.created_at)
  FROM feedback f
 WHERE f.answer_satisfied IS NOT NULL;

-- A forwarding deadline missed by the unit holding the case: marked by
-- `motcuactl tick` when a case still awaiting classification passes its
-- forward_due, or by a forward made after it.  One row per case, unit and
-- deadline; never deleted.
CREATE TABLE feedback_forward_late (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    feedback_id BIGINT UNSIGNED NOT NULL,
    unit_id     INT UNSIGNED NOT NULL,
    due_at      DATETIME NOT NULL,                  -- the forwarding deadline missed
    marked_at   DATETIME NOT NULL,
    UNIQUE KEY uq_forward_late (feedback_id, unit_id, due_at),
    KEY ix_forward_late_due (due_at, unit_id),
    CONSTRAINT fk_forward_late_feedback FOREIGN KEY (feedback_id) REFERENCES feedback (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The unit's day rows: verdicts by the local day they were given, missed
-- forwarding deadlines by the local day of the deadline.
ALTER TABLE stat_day
    ADD verdicts              INT NOT NULL DEFAULT 0,
    ADD verdicts_unsatisfied  INT NOT NULL DEFAULT 0,
    ADD forward_late          INT NOT NULL DEFAULT 0;

INSERT INTO stat_day (scope, scope_id, day, verdicts, verdicts_unsatisfied)
SELECT 'unit', unit_id, DATE(at + INTERVAL 7 HOUR), COUNT(*), SUM(satisfied = 0)
  FROM feedback_verdict
 GROUP BY 2, 3
ON DUPLICATE KEY UPDATE verdicts = VALUES(verdicts),
    verdicts_unsatisfied = VALUES(verdicts_unsatisfied);
