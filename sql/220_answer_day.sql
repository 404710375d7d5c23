-- 220 Time to answer by day of receipt: the rows of stat_answer_month (sql/140)
-- by local day, kept on write with them (stats_answer_time) and recounted by
-- `motcuactl rebuild-stats`.  A dashboard period reads its whole months from
-- stat_answer_month and the days before and after them here, no longer from
-- the cases: three years at a million cases read some ten thousand cases of
-- the partial months at its ends (and of the period before), more every year.
CREATE TABLE stat_answer_day (
    day       DATE NOT NULL COMMENT 'local day of receipt',
    unit_id   INT UNSIGNED NOT NULL,
    answered  INT UNSIGNED NOT NULL,
    hours_sum BIGINT UNSIGNED NOT NULL,
    hours     MEDIUMTEXT CHARACTER SET ascii NOT NULL,
    PRIMARY KEY (day, unit_id)
) ENGINE=InnoDB;

INSERT INTO stat_answer_day (day, unit_id, answered, hours_sum, hours)
SELECT t.day, t.unit_id, SUM(t.n), SUM(t.h * t.n),
       GROUP_CONCAT(CONCAT(t.h, ':', t.n) ORDER BY t.h SEPARATOR ' ')
  FROM (SELECT DATE(f.created_at + INTERVAL 7 HOUR) AS day, f.unit_id,
               LEAST(GREATEST(TIMESTAMPDIFF(HOUR, f.created_at, f.answered_at), 0), 19999) AS h,
               COUNT(*) AS n
          FROM feedback f WHERE f.answered_at IS NOT NULL GROUP BY 1, 2, 3) t
 GROUP BY t.day, t.unit_id;
