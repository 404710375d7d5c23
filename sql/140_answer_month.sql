-- 140 Time to answer by month of receipt: the dashboard's median time to
-- answer read one row per unit and month, whatever the number of cases.
-- A row holds the histogram of the hours from receipt to answer of the
-- unit's cases received in that local month and answered ("h:n h:n …",
-- hours ascending, capped at 19 999 as the dashboard counts them), their
-- number and the sum of their hours (what `motcuactl rebuild-stats --check`
-- compares).  Kept on write by the answer, the reopening and the forwarding
-- of a case (stats_answer_time, cgi-bin/core/stats.c) and recounted by
-- `motcuactl rebuild-stats`; the days of a period that do not make a whole
-- month are read from the cases (ix_feedback_period).
CREATE TABLE stat_answer_month (
    month     DATE NOT NULL COMMENT 'first day of the local month of receipt',
    unit_id   INT UNSIGNED NOT NULL,
    answered  INT UNSIGNED NOT NULL,
    hours_sum BIGINT UNSIGNED NOT NULL,
    hours     MEDIUMTEXT CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (month, unit_id)
) ENGINE=InnoDB;

INSERT INTO stat_answer_month (month, unit_id, answered, hours_sum, hours)
SELECT t.month, t.unit_id, SUM(t.n), SUM(t.h * t.n),
       GROUP_CONCAT(CONCAT(t.h, ':', t.n) ORDER BY t.h SEPARATOR ' ')
  FROM (SELECT DATE_FORMAT(f.created_at + INTERVAL 7 HOUR, '%Y-%m-01') AS month, f.unit_id,
               LEAST(GREATEST(TIMESTAMPDIFF(HOUR, f.created_at, f.answered_at), 0), 19999) AS h,
               COUNT(*) AS n
          FROM feedback f WHERE f.answered_at IS NOT NULL GROUP BY 1, 2, 3) t
 GROUP BY t.month, t.unit_id;

-- The overdue open cases of a period: the running cases past their due time
-- only, not every case of the period.
ALTER TABLE feedback ADD KEY ix_feedback_open (status, due_at, created_at, unit_id);
