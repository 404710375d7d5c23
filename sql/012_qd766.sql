-- 012 the QĐ 766/QĐ-TTg figures as the decision defines them, from aggregates
-- kept on write (store_*.c) and recomputed by `motcuactl rebuild-stats`
-- (stats_qd766_rebuild in cgi-bin/core/stats.c, the same statements as below).
-- Apply with the programs stopped: a rating or case written by an older program
-- while this runs would not be counted.
--
-- "INTERVAL 7 HOUR" below turns a UTC column into Vietnam's local time (UTC+7,
-- no DST).  SQL scripts have no macros, so they write it out; the C code says
-- SQL_VN_OFFSET (cgi-bin/core/calendar.h, tied there to CAL_UTC_OFFSET).

-- Dossiers a citizen was not satisfied with: rated "Không hài lòng", or the
-- subject of a petition or conduct report that was not rejected.  One row per
-- dossier; written and removed by whoever changes a rating or a case of it.
CREATE TABLE dossier_unhappy (
    dossier_id BIGINT UNSIGNED NOT NULL PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

-- Per unit and local day (unit rows only):
--   unhappy       dossiers whose result was ready that day and are in dossier_unhappy
--   recv_in_time  dossiers received that day whose result was ready early or on time
--   recv_out      dossiers received that day then refused or stopped (not within competence)
ALTER TABLE stat_dossier_day
    ADD unhappy      INT NOT NULL DEFAULT 0,
    ADD recv_in_time INT NOT NULL DEFAULT 0,
    ADD recv_out     INT NOT NULL DEFAULT 0;

-- Per unit, counter and officer and local day:
--   pakn, anonymous, praise   cases received that day: identified petitions (ND 20
--                             Art. 7, feedback.formal), anonymous information, praise
--                             (counted at the unit that holds the case)
--   pakn_answered             identified petitions first answered that day (a case once,
--                             however often it is answered again)
--   pakn_on_time              of which by the case's deadline
--   pakn_unhappy              of which answered late, or the answer drew a "không hài lòng" verdict
ALTER TABLE stat_day
    ADD pakn          INT NOT NULL DEFAULT 0,
    ADD anonymous     INT NOT NULL DEFAULT 0,
    ADD praise        INT NOT NULL DEFAULT 0,
    ADD pakn_answered INT NOT NULL DEFAULT 0,
    ADD pakn_on_time  INT NOT NULL DEFAULT 0,
    ADD pakn_unhappy  INT NOT NULL DEFAULT 0;

-- The lists behind the answers' figures find a case's verdict after an answer.
ALTER TABLE feedback_event ADD KEY ix_fevent_case_event (feedback_id, event, id);

-- Existing data.
INSERT IGNORE INTO dossier_unhappy (dossier_id)
SELECT dossier_id FROM rating WHERE dossier_id IS NOT NULL AND level = 1
UNION
SELECT dossier_id FROM feedback
 WHERE dossier_id IS NOT NULL AND kind IN ('petition','conduct') AND status <> 'rejected';

INSERT INTO stat_dossier_day (scope, scope_id, day, unhappy)
SELECT 'unit', d.unit_id, DATE(d.finished_at + INTERVAL 7 HOUR), COUNT(*)
  FROM dossier_unhappy u JOIN dossier d ON d.id = u.dossier_id
 WHERE d.finished_at IS NOT NULL AND d.status NOT IN ('refused','stopped')
 GROUP BY 2, 3
ON DUPLICATE KEY UPDATE unhappy = VALUES(unhappy);

INSERT INTO stat_dossier_day (scope, scope_id, day, recv_in_time, recv_out)
SELECT 'unit', d.unit_id, DATE(d.received_at + INTERVAL 7 HOUR),
       SUM(d.finished_at IS NOT NULL AND d.status NOT IN ('refused','stopped')
           AND DATE(d.finished_at + INTERVAL 7 HOUR) <= DATE(d.original_due_at + INTERVAL 7 HOUR)),
       SUM(d.status IN ('refused','stopped'))
  FROM dossier d
 GROUP BY 2, 3
ON DUPLICATE KEY UPDATE recv_in_time = VALUES(recv_in_time), recv_out = VALUES(recv_out);

INSERT INTO stat_day (scope, scope_id, day, pakn, anonymous, praise)
SELECT s.scope, s.id, s.day, SUM(s.formal), SUM(s.anon), SUM(s.praise)
  FROM (SELECT 'unit' AS scope, unit_id AS id, DATE(created_at + INTERVAL 7 HOUR) AS day,
               formal, identity = 'anonymous' AS anon, kind = 'praise' AS praise FROM feedback
        UNION ALL
        SELECT 'counter', counter_id, DATE(created_at + INTERVAL 7 HOUR), formal,
               identity = 'anonymous', kind = 'praise' FROM feedback WHERE counter_id IS NOT NULL
        UNION ALL
        SELECT 'officer', officer_id, DATE(created_at + INTERVAL 7 HOUR), formal,
               identity = 'anonymous', kind = 'praise' FROM feedback WHERE officer_id IS NOT NULL) s
 GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE pakn = VALUES(pakn), anonymous = VALUES(anonymous), praise = VALUES(praise);

INSERT INTO stat_day (scope, scope_id, day, pakn_answered, pakn_on_time, pakn_unhappy)
WITH a AS (
    SELECT f.unit_id, f.counter_id, f.officer_id, DATE(e.at + INTERVAL 7 HOUR) AS day,
           e.at <= f.due_at AS ok,
           e.at > f.due_at OR EXISTS (
               SELECT 1 FROM feedback_event v
                WHERE v.feedback_id = e.feedback_id AND v.event = 'review_requested'
                  AND v.id > e.id
                  AND NOT EXISTS (SELECT 1 FROM feedback_event n
                                   WHERE n.feedback_id = e.feedback_id AND n.event = 'answer'
                                     AND n.id > e.id AND n.id < v.id)) AS bad
      FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id
     WHERE e.event = 'answer' AND f.formal = 1
       AND NOT EXISTS (SELECT 1 FROM feedback_event p WHERE p.feedback_id = e.feedback_id
                         AND p.event = 'answer' AND p.id < e.id))
SELECT s.scope, s.id, s.day, COUNT(*), SUM(s.ok), SUM(s.bad)
  FROM (SELECT 'unit' AS scope, unit_id AS id, day, ok, bad FROM a
        UNION ALL
        SELECT 'counter', counter_id, day, ok, bad FROM a WHERE counter_id IS NOT NULL
        UNION ALL
        SELECT 'officer', officer_id, day, ok, bad FROM a WHERE officer_id IS NOT NULL) s
 GROUP BY 1, 2, 3
ON DUPLICATE KEY UPDATE pakn_answered = VALUES(pakn_answered), pakn_on_time = VALUES(pakn_on_time),
    pakn_unhappy = VALUES(pakn_unhappy);
