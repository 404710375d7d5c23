-- 008 the leader's figures from aggregates (docs/architecture.md §5), so a dashboard view
-- reads a few thousand aggregate rows instead of the dossiers of the period.
--
-- "INTERVAL 7 HOUR" below turns a UTC column into Vietnam's local time (UTC+7,
-- no DST).  SQL scripts have no macros, so they write it out; the C code says
-- SQL_VN_OFFSET (cgi-bin/core/calendar.h, tied there to CAL_UTC_OFFSET).

-- Late dossiers by receiving unit and local day of the statutory appointment
-- (original_due_at), one row per delay: the calendar days between that day and
-- the result, -1 while there is none.  Only days up to stat_mark 'late' are
-- complete; later days are counted from the dossiers themselves.  Rows of a
-- complete day are recomputed in the transaction of every change to one of
-- its dossiers (result, refusal, apology signed, escalation, import), and the
-- days that end are completed by `motcuactl tick`.
CREATE TABLE stat_late (
    unit_id    INT UNSIGNED NOT NULL,
    day        DATE NOT NULL,
    delay      INT NOT NULL,
    late       INT NOT NULL DEFAULT 0,
    no_apology INT NOT NULL DEFAULT 0,   -- without a signed apology letter
    escalated  INT NOT NULL DEFAULT 0,   -- late again after the re-appointment
    PRIMARY KEY (unit_id, day, delay),
    KEY ix_stat_late_day (day)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

CREATE TABLE stat_mark (
    name VARCHAR(32) NOT NULL PRIMARY KEY,
    day  DATE NOT NULL                    -- the aggregate is complete up to this local day
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- TT01 criteria per rating day: sum and number of answers of each criterion.
ALTER TABLE stat_day
    ADD att_sum   INT NOT NULL DEFAULT 0, ADD att_n   INT NOT NULL DEFAULT 0,
    ADD time_sum  INT NOT NULL DEFAULT 0, ADD time_n  INT NOT NULL DEFAULT 0,
    ADD trips_sum INT NOT NULL DEFAULT 0, ADD trips_n INT NOT NULL DEFAULT 0,
    ADD guide_sum INT NOT NULL DEFAULT 0, ADD guide_n INT NOT NULL DEFAULT 0;

INSERT INTO stat_day (scope, scope_id, day, att_sum, att_n, time_sum, time_n, trips_sum, trips_n,
                      guide_sum, guide_n)
SELECT s.scope, s.id, s.day, COALESCE(SUM(s.a), 0), COUNT(s.a), COALESCE(SUM(s.t), 0), COUNT(s.t),
       COALESCE(SUM(s.r), 0), COUNT(s.r), COALESCE(SUM(s.g), 0), COUNT(s.g)
  FROM (SELECT 'unit' AS scope, unit_id AS id, DATE(created_at + INTERVAL 7 HOUR) AS day,
               c_attitude AS a, c_time AS t, c_trips AS r, c_guidance AS g FROM rating
        UNION ALL
        SELECT 'counter', counter_id, DATE(created_at + INTERVAL 7 HOUR),
               c_attitude, c_time, c_trips, c_guidance FROM rating WHERE counter_id IS NOT NULL
        UNION ALL
        SELECT 'officer', officer_id, DATE(created_at + INTERVAL 7 HOUR),
               c_attitude, c_time, c_trips, c_guidance FROM rating WHERE officer_id IS NOT NULL) s
 GROUP BY s.scope, s.id, s.day
ON DUPLICATE KEY UPDATE att_sum = VALUES(att_sum), att_n = VALUES(att_n),
    time_sum = VALUES(time_sum), time_n = VALUES(time_n),
    trips_sum = VALUES(trips_sum), trips_n = VALUES(trips_n),
    guide_sum = VALUES(guide_sum), guide_n = VALUES(guide_n);

-- The answers' figures of a period read the feedback of the period from one
-- covering index range, whatever the scope.
ALTER TABLE feedback ADD KEY ix_feedback_period (created_at, unit_id, status, due_at,
                                                 answered_at, answer_satisfied);

-- A period's aggregate rows of every unit, from one index range on the day.
ALTER TABLE stat_day ADD KEY ix_stat_day_period (scope, day);
ALTER TABLE stat_dossier_day ADD KEY ix_stat_dossier_day_period (scope, day);

-- The lists behind "finished", "early", "on time" and "finished late".
ALTER TABLE dossier ADD KEY ix_dossier_finished (finished_at);

-- The list behind "answered": the answers given in the period.
ALTER TABLE feedback_event ADD KEY ix_fevent_event_at (event, at);
