-- 210 Late dossiers by month: stat_late added up by receiving unit, month of
-- the statutory appointment (its first day) and delay.  Kept with stat_late
-- in the same transactions (each rewrite of stat_late rows takes the old rows
-- out of their months and adds the new ones), so that a dashboard period of
-- years reads its whole months here (a few hundred rows) and only the days at
-- its ends from stat_late (three years were 16,000 rows of stat_late at a
-- million dossiers, read twice for the period and the one before: 22 ms).
-- A row may hold zeros once its dossiers moved to another delay.
CREATE TABLE stat_late_month (
    unit_id    INT UNSIGNED NOT NULL,
    month      DATE NOT NULL,
    delay      INT NOT NULL,
    late       INT NOT NULL DEFAULT 0,
    no_apology INT NOT NULL DEFAULT 0,
    escalated  INT NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, month, delay),
    KEY ix_stat_late_month (month, unit_id, delay, late, no_apology, escalated)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

INSERT INTO stat_late_month (unit_id, month, delay, late, no_apology, escalated)
SELECT unit_id, DATE_FORMAT(day, '%Y-%m-01'), delay, SUM(late), SUM(no_apology), SUM(escalated)
  FROM stat_late GROUP BY 1, 2, 3;
