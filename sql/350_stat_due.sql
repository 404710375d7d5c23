-- 350 The running cases of each unit by the local day they fall due: the
-- officer's inbox counts its overdue cases from this table, not from the
-- cases.  The count read every overdue running case of the unit, one index
-- entry each (212 for the provincial centre at a million cases, five times
-- as many at five million); the cases overdue for weeks fall due on a few
-- dozen days, one row each here.  A row per receiving unit, local day due,
-- the officer a confidential case is hidden from (its officer_id; 0: hidden
-- from nobody, as in feedback_count) and slot, with n, the cases of that key
-- whose status is running (new, accepted, conduct, review: CASE_RUNNING_SQL,
-- cgi-bin/core/case_fsm.h).  The unit's cases overdue now are its rows due
-- before today, plus its cases due today before this instant, read from the
-- cases (ix_feedback_unit_status; case_list, cgi-bin/core/store_case.c).
-- The slot is the one of the inbox's counts (migration 320), so that cases
-- filed at once for one unit take different rows.  A row whose count falls
-- to 0 is deleted.
-- Kept in the triggers of migration 330, which now keep both tables: a
-- writer of a case pays for no trigger more.  Recounted by `motcuactl
-- rebuild-stats` and compared with the cases by its --check.  The triggers
-- run as the account that created them (docs/deploy.md on binary logging).
CREATE TABLE stat_due (
    unit_id     INT UNSIGNED NOT NULL,
    due_day     DATE NOT NULL COMMENT 'local day of due_at',
    hidden_from INT UNSIGNED NOT NULL,
    slot        TINYINT UNSIGNED NOT NULL,
    n           INT NOT NULL,
    PRIMARY KEY (unit_id, due_day, hidden_from, slot)
) ENGINE=InnoDB;

INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)
SELECT unit_id, DATE(due_at + INTERVAL 7 HOUR),
       IF(identity = 'confidential', COALESCE(officer_id, 0), 0),
       IF(status = 'new', id MOD 16, 0), COUNT(*)
  FROM feedback WHERE status IN ('new', 'accepted', 'conduct', 'review')
 GROUP BY 1, 2, 3, 4;

DROP TRIGGER feedback_open_added;
DROP TRIGGER feedback_open_changed;
DROP TRIGGER feedback_open_removed;

CREATE TRIGGER feedback_open_added AFTER INSERT ON feedback FOR EACH ROW
    IF NEW.status IN ('new', 'accepted', 'conduct', 'review') THEN
        INSERT INTO stat_open (day, unit_id, due_day, slot, n)
        VALUES (DATE(NEW.created_at + INTERVAL 7 HOUR), NEW.unit_id,
                DATE(NEW.due_at + INTERVAL 7 HOUR), IF(NEW.status = 'new', NEW.id MOD 16, 0), 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
        INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)
        VALUES (NEW.unit_id, DATE(NEW.due_at + INTERVAL 7 HOUR),
                IF(NEW.identity = 'confidential', COALESCE(NEW.officer_id, 0), 0),
                IF(NEW.status = 'new', NEW.id MOD 16, 0), 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
    END IF;

-- A change of key takes the case out of its old row and into its new one,
-- the two rows of each table in key order, as every writer takes them:
-- stat_open's first, then stat_due's.
CREATE TRIGGER feedback_open_changed AFTER UPDATE ON feedback FOR EACH ROW
BEGIN
    DECLARE was, still BOOLEAN;
    DECLARE od, ndy, odue, ndue DATE;
    DECLARE oslot, nslot TINYINT UNSIGNED;
    DECLARE ohid, nhid INT UNSIGNED;
    SET was = OLD.status IN ('new', 'accepted', 'conduct', 'review'),
        still = NEW.status IN ('new', 'accepted', 'conduct', 'review'),
        od = DATE(OLD.created_at + INTERVAL 7 HOUR), ndy = DATE(NEW.created_at + INTERVAL 7 HOUR),
        odue = DATE(OLD.due_at + INTERVAL 7 HOUR), ndue = DATE(NEW.due_at + INTERVAL 7 HOUR),
        oslot = IF(OLD.status = 'new', OLD.id MOD 16, 0),
        nslot = IF(NEW.status = 'new', NEW.id MOD 16, 0),
        ohid = IF(OLD.identity = 'confidential', COALESCE(OLD.officer_id, 0), 0),
        nhid = IF(NEW.identity = 'confidential', COALESCE(NEW.officer_id, 0), 0);
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
    IF NOT (was AND still AND (OLD.unit_id, odue, ohid, oslot) = (NEW.unit_id, ndue, nhid, nslot))
       AND (was OR still) THEN
        IF still AND (NOT was OR (NEW.unit_id, ndue, nhid, nslot) < (OLD.unit_id, odue, ohid, oslot)) THEN
            INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)
            VALUES (NEW.unit_id, ndue, nhid, nslot, 1) ON DUPLICATE KEY UPDATE n = n + 1;
        END IF;
        IF was THEN
            INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)
            VALUES (OLD.unit_id, odue, ohid, oslot, -1) ON DUPLICATE KEY UPDATE n = n - 1;
            DELETE FROM stat_due
             WHERE unit_id = OLD.unit_id AND due_day = odue AND hidden_from = ohid
               AND slot = oslot AND n = 0;
        END IF;
        IF still AND was AND (NEW.unit_id, ndue, nhid, nslot) > (OLD.unit_id, odue, ohid, oslot) THEN
            INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)
            VALUES (NEW.unit_id, ndue, nhid, nslot, 1) ON DUPLICATE KEY UPDATE n = n + 1;
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
        INSERT INTO stat_due (unit_id, due_day, hidden_from, slot, n)
        VALUES (OLD.unit_id, DATE(OLD.due_at + INTERVAL 7 HOUR),
                IF(OLD.identity = 'confidential', COALESCE(OLD.officer_id, 0), 0),
                IF(OLD.status = 'new', OLD.id MOD 16, 0), -1)
        ON DUPLICATE KEY UPDATE n = n - 1;
        DELETE FROM stat_due
         WHERE unit_id = OLD.unit_id AND due_day = DATE(OLD.due_at + INTERVAL 7 HOUR)
           AND hidden_from = IF(OLD.identity = 'confidential', COALESCE(OLD.officer_id, 0), 0)
           AND slot = IF(OLD.status = 'new', OLD.id MOD 16, 0) AND n = 0;
    END IF;
