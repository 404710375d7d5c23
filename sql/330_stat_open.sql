-- 330 The running cases of each day of receipt, by the day they fall due:
-- the dashboard's "overdue and not answered" figure of a period read from
-- this table, not from the cases.  A row per local day of receipt, receiving
-- unit, local day the case is due and slot, with n, the cases of that key
-- whose status is running (new, accepted, conduct, review: CASE_RUNNING_SQL,
-- cgi-bin/core/case_fsm.h).  The period's cases overdue now are the rows due
-- before today, plus those due today before this instant, read from the cases
-- due today (ix_feedback_open; figs_load, cgi-bin/core/store_report.c).
-- The slot is the one of the inbox's counts (migration 320): a new case's id
-- modulo 16, so that cases filed at once for one unit take different rows;
-- any other status, slot 0.  A row whose count falls to 0 is deleted, so the
-- table holds no more rows than there are running cases.
-- Kept by the triggers below, whoever writes the cases (the programs, the
-- demo data, retention, an operator's SQL), in the writer's transaction and
-- without a round trip more; recounted by `motcuactl rebuild-stats` and
-- compared with the cases by its --check.  The triggers run as the account
-- that created them (docs/deploy.md on binary logging).
CREATE TABLE stat_open (
    day     DATE NOT NULL COMMENT 'local day of receipt',
    unit_id INT UNSIGNED NOT NULL,
    due_day DATE NOT NULL COMMENT 'local day of due_at',
    slot    TINYINT UNSIGNED NOT NULL,
    n       INT NOT NULL,
    PRIMARY KEY (day, unit_id, due_day, slot)
) ENGINE=InnoDB;

INSERT INTO stat_open (day, unit_id, due_day, slot, n)
SELECT DATE(created_at + INTERVAL 7 HOUR), unit_id, DATE(due_at + INTERVAL 7 HOUR),
       IF(status = 'new', id MOD 16, 0), COUNT(*)
  FROM feedback WHERE status IN ('new', 'accepted', 'conduct', 'review')
 GROUP BY 1, 2, 3, 4;

CREATE TRIGGER feedback_open_added AFTER INSERT ON feedback FOR EACH ROW
    IF NEW.status IN ('new', 'accepted', 'conduct', 'review') THEN
        INSERT INTO stat_open (day, unit_id, due_day, slot, n)
        VALUES (DATE(NEW.created_at + INTERVAL 7 HOUR), NEW.unit_id,
                DATE(NEW.due_at + INTERVAL 7 HOUR), IF(NEW.status = 'new', NEW.id MOD 16, 0), 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
    END IF;

-- A change of key takes the case out of its old row and into its new one,
-- the two rows in key order, as every writer takes them.
CREATE TRIGGER feedback_open_changed AFTER UPDATE ON feedback FOR EACH ROW
BEGIN
    DECLARE was, still BOOLEAN;
    DECLARE od, ndy, odue, ndue DATE;
    DECLARE oslot, nslot TINYINT UNSIGNED;
    SET was = OLD.status IN ('new', 'accepted', 'conduct', 'review'),
        still = NEW.status IN ('new', 'accepted', 'conduct', 'review'),
        od = DATE(OLD.created_at + INTERVAL 7 HOUR), ndy = DATE(NEW.created_at + INTERVAL 7 HOUR),
        odue = DATE(OLD.due_at + INTERVAL 7 HOUR), ndue = DATE(NEW.due_at + INTERVAL 7 HOUR),
        oslot = IF(OLD.status = 'new', OLD.id MOD 16, 0),
        nslot = IF(NEW.status = 'new', NEW.id MOD 16, 0);
    IF NOT (was AND still AND (od, OLD.unit_id, odue, oslot) = (ndy, NEW.unit_id, ndue, nslot))
       AND (was OR still) THEN
        IF still AND (NOT was OR (ndy, NEW.unit_id, ndue, nslot) < (od, OLD.unit_id, odue, oslot)) THEN
            INSERT INTO stat_open (day, unit_id, due_day, slot, n)
            VALUES (ndy, NEW.unit_id, ndue, nslot, 1) ON DUPLICATE KEY UPDATE n = n + 1;
        END IF;
        IF was THEN
            INSERT INTO stat_open (day, unit_id, due_day, slot, n)
            VALUES (od, OLD.unit_id, odue, oslot, -1) ON DUPLICATE KEY UPDATE n = n - 1;
            DELETE FROM stat_open
             WHERE day = od AND unit_id = OLD.unit_id AND due_day = odue AND slot = oslot AND n = 0;
        END IF;
        IF still AND was AND (ndy, NEW.unit_id, ndue, nslot) > (od, OLD.unit_id, odue, oslot) THEN
            INSERT INTO stat_open (day, unit_id, due_day, slot, n)
            VALUES (ndy, NEW.unit_id, ndue, nslot, 1) ON DUPLICATE KEY UPDATE n = n + 1;
        END IF;
    END IF;
END;

CREATE TRIGGER feedback_open_removed AFTER DELETE ON feedback FOR EACH ROW
    IF OLD.status IN ('new', 'accepted', 'conduct', 'review') THEN
        INSERT INTO stat_open (day, unit_id, due_day, slot, n)
        VALUES (DATE(OLD.created_at + INTERVAL 7 HOUR), OLD.unit_id,
                DATE(OLD.due_at + INTERVAL 7 HOUR), IF(OLD.status = 'new', OLD.id MOD 16, 0), -1)
        ON DUPLICATE KEY UPDATE n = n - 1;
        DELETE FROM stat_open
         WHERE day = DATE(OLD.created_at + INTERVAL 7 HOUR) AND unit_id = OLD.unit_id
           AND due_day = DATE(OLD.due_at + INTERVAL 7 HOUR)
           AND slot = IF(OLD.status = 'new', OLD.id MOD 16, 0) AND n = 0;
    END IF;
