-- 340 The daily aggregates added up by month: stat_month holds stat_day's
-- figures (ratings, criteria, cases, verdicts, QĐ 766's) and
-- stat_dossier_month stat_dossier_day's (dossiers received, finished, late,
-- apologies), a row per scope, unit, counter or officer, local month (its
-- first day) and slot.  A dashboard period of months or years reads its whole
-- months here and only the days at either end from the daily tables
-- (figs_aggregates, cgi-bin/core/store_report.c): its rows no longer grow with
-- the number of days on which a unit, counter or officer had something to
-- count, which grows with the province's volume (three years were 4,000
-- daily rows of the units alone at a million dossiers, and more at five).
-- Kept by the triggers below, whoever writes the daily rows (the programs,
-- the demo and bench data, the rebuilds, an operator's SQL), in the writer's
-- statement: the month's row of the same slot as the day's, so writers that
-- do not wait on each other's day rows do not wait on their month rows
-- either.  A row may hold zeros.  `motcuactl rebuild-stats --check` compares
-- them with the daily rows.  The triggers run as the account that created
-- them (docs/deploy.md on binary logging).

CREATE TABLE stat_month (
    scope    ENUM('unit', 'counter', 'officer') NOT NULL,
    scope_id INT UNSIGNED NOT NULL,
    month    DATE NOT NULL COMMENT 'first day of the local month',
    slot     TINYINT UNSIGNED NOT NULL DEFAULT 0,
    ratings              INT NOT NULL DEFAULT 0,
    r3                   INT NOT NULL DEFAULT 0,
    r2                   INT NOT NULL DEFAULT 0,
    r1                   INT NOT NULL DEFAULT 0,
    feedback             INT NOT NULL DEFAULT 0,
    answered             INT NOT NULL DEFAULT 0,
    answered_on_time     INT NOT NULL DEFAULT 0,
    att_sum              INT NOT NULL DEFAULT 0,
    att_n                INT NOT NULL DEFAULT 0,
    time_sum             INT NOT NULL DEFAULT 0,
    time_n               INT NOT NULL DEFAULT 0,
    trips_sum            INT NOT NULL DEFAULT 0,
    trips_n              INT NOT NULL DEFAULT 0,
    guide_sum            INT NOT NULL DEFAULT 0,
    guide_n              INT NOT NULL DEFAULT 0,
    verdicts             INT NOT NULL DEFAULT 0,
    verdicts_unsatisfied INT NOT NULL DEFAULT 0,
    forward_late         INT NOT NULL DEFAULT 0,
    pakn                 INT NOT NULL DEFAULT 0,
    anonymous            INT NOT NULL DEFAULT 0,
    praise               INT NOT NULL DEFAULT 0,
    pakn_answered        INT NOT NULL DEFAULT 0,
    pakn_on_time         INT NOT NULL DEFAULT 0,
    pakn_unhappy         INT NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, month, scope_id, slot)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

CREATE TABLE stat_dossier_month (
    scope    ENUM('unit', 'counter', 'officer') NOT NULL,
    scope_id INT UNSIGNED NOT NULL,
    month    DATE NOT NULL COMMENT 'first day of the local month',
    slot     TINYINT UNSIGNED NOT NULL DEFAULT 0,
    received       INT NOT NULL DEFAULT 0,
    finished       INT NOT NULL DEFAULT 0,
    early          INT NOT NULL DEFAULT 0,
    on_time        INT NOT NULL DEFAULT 0,
    late           INT NOT NULL DEFAULT 0,
    apologies      INT NOT NULL DEFAULT 0,
    apologies_late INT NOT NULL DEFAULT 0,
    delay_days     INT NOT NULL DEFAULT 0,
    unhappy        INT NOT NULL DEFAULT 0,
    recv_in_time   INT NOT NULL DEFAULT 0,
    recv_out       INT NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, month, scope_id, slot)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;

INSERT INTO stat_month (scope, scope_id, month, slot,
    ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n, time_sum,
    time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts, verdicts_unsatisfied,
    forward_late, pakn, anonymous, praise, pakn_answered, pakn_on_time, pakn_unhappy)
SELECT scope, scope_id, DATE_FORMAT(day, '%Y-%m-01'), slot,
       SUM(ratings), SUM(r3), SUM(r2), SUM(r1), SUM(feedback), SUM(answered),
       SUM(answered_on_time), SUM(att_sum), SUM(att_n), SUM(time_sum), SUM(time_n),
       SUM(trips_sum), SUM(trips_n), SUM(guide_sum), SUM(guide_n), SUM(verdicts),
       SUM(verdicts_unsatisfied), SUM(forward_late), SUM(pakn), SUM(anonymous),
       SUM(praise), SUM(pakn_answered), SUM(pakn_on_time), SUM(pakn_unhappy)
  FROM stat_day GROUP BY scope, scope_id, DATE_FORMAT(day, '%Y-%m-01'), slot;

INSERT INTO stat_dossier_month (scope, scope_id, month, slot,
    received, finished, early, on_time, late, apologies, apologies_late, delay_days,
    unhappy, recv_in_time, recv_out)
SELECT scope, scope_id, DATE_FORMAT(day, '%Y-%m-01'), slot,
       SUM(received), SUM(finished), SUM(early), SUM(on_time), SUM(late), SUM(apologies),
       SUM(apologies_late), SUM(delay_days), SUM(unhappy), SUM(recv_in_time), SUM(recv_out)
  FROM stat_dossier_day GROUP BY scope, scope_id, DATE_FORMAT(day, '%Y-%m-01'), slot;

CREATE TRIGGER stat_day_month_added AFTER INSERT ON stat_day FOR EACH ROW
INSERT INTO stat_month (scope, scope_id, month, slot,
    ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n, time_sum,
    time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts, verdicts_unsatisfied,
    forward_late, pakn, anonymous, praise, pakn_answered, pakn_on_time, pakn_unhappy)
VALUES (NEW.scope, NEW.scope_id, NEW.day - INTERVAL (DAYOFMONTH(NEW.day) - 1) DAY, NEW.slot,
        NEW.ratings, NEW.r3, NEW.r2, NEW.r1, NEW.feedback, NEW.answered,
        NEW.answered_on_time, NEW.att_sum, NEW.att_n, NEW.time_sum, NEW.time_n,
        NEW.trips_sum, NEW.trips_n, NEW.guide_sum, NEW.guide_n, NEW.verdicts,
        NEW.verdicts_unsatisfied, NEW.forward_late, NEW.pakn, NEW.anonymous, NEW.praise,
        NEW.pakn_answered, NEW.pakn_on_time, NEW.pakn_unhappy)
ON DUPLICATE KEY UPDATE
    ratings = ratings + VALUES(ratings), r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2),
    r1 = r1 + VALUES(r1), feedback = feedback + VALUES(feedback),
    answered = answered + VALUES(answered),
    answered_on_time = answered_on_time + VALUES(answered_on_time),
    att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),
    time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),
    trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),
    guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n),
    verdicts = verdicts + VALUES(verdicts),
    verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),
    forward_late = forward_late + VALUES(forward_late), pakn = pakn + VALUES(pakn),
    anonymous = anonymous + VALUES(anonymous), praise = praise + VALUES(praise),
    pakn_answered = pakn_answered + VALUES(pakn_answered),
    pakn_on_time = pakn_on_time + VALUES(pakn_on_time),
    pakn_unhappy = pakn_unhappy + VALUES(pakn_unhappy);

CREATE TRIGGER stat_day_month_changed AFTER UPDATE ON stat_day FOR EACH ROW
IF (NEW.scope, NEW.scope_id, NEW.slot) = (OLD.scope, OLD.scope_id, OLD.slot)
   AND DATE_FORMAT(NEW.day, '%Y-%m') = DATE_FORMAT(OLD.day, '%Y-%m') THEN
    INSERT INTO stat_month (scope, scope_id, month, slot,
        ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n,
        time_sum, time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts,
        verdicts_unsatisfied, forward_late, pakn, anonymous, praise, pakn_answered,
        pakn_on_time, pakn_unhappy)
    VALUES (NEW.scope, NEW.scope_id, NEW.day - INTERVAL (DAYOFMONTH(NEW.day) - 1) DAY, NEW.slot,
            NEW.ratings - OLD.ratings, NEW.r3 - OLD.r3, NEW.r2 - OLD.r2, NEW.r1 - OLD.r1,
            NEW.feedback - OLD.feedback, NEW.answered - OLD.answered,
            NEW.answered_on_time - OLD.answered_on_time, NEW.att_sum - OLD.att_sum,
            NEW.att_n - OLD.att_n, NEW.time_sum - OLD.time_sum, NEW.time_n - OLD.time_n,
            NEW.trips_sum - OLD.trips_sum, NEW.trips_n - OLD.trips_n,
            NEW.guide_sum - OLD.guide_sum, NEW.guide_n - OLD.guide_n,
            NEW.verdicts - OLD.verdicts,
            NEW.verdicts_unsatisfied - OLD.verdicts_unsatisfied,
            NEW.forward_late - OLD.forward_late, NEW.pakn - OLD.pakn,
            NEW.anonymous - OLD.anonymous, NEW.praise - OLD.praise,
            NEW.pakn_answered - OLD.pakn_answered, NEW.pakn_on_time - OLD.pakn_on_time,
            NEW.pakn_unhappy - OLD.pakn_unhappy)
    ON DUPLICATE KEY UPDATE
        ratings = ratings + VALUES(ratings), r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2),
        r1 = r1 + VALUES(r1), feedback = feedback + VALUES(feedback),
        answered = answered + VALUES(answered),
        answered_on_time = answered_on_time + VALUES(answered_on_time),
        att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),
        time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),
        trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),
        guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n),
        verdicts = verdicts + VALUES(verdicts),
        verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),
        forward_late = forward_late + VALUES(forward_late), pakn = pakn + VALUES(pakn),
        anonymous = anonymous + VALUES(anonymous), praise = praise + VALUES(praise),
        pakn_answered = pakn_answered + VALUES(pakn_answered),
        pakn_on_time = pakn_on_time + VALUES(pakn_on_time),
        pakn_unhappy = pakn_unhappy + VALUES(pakn_unhappy);
ELSE
    INSERT INTO stat_month (scope, scope_id, month, slot,
        ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n,
        time_sum, time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts,
        verdicts_unsatisfied, forward_late, pakn, anonymous, praise, pakn_answered,
        pakn_on_time, pakn_unhappy)
    VALUES (OLD.scope, OLD.scope_id, OLD.day - INTERVAL (DAYOFMONTH(OLD.day) - 1) DAY, OLD.slot,
            -OLD.ratings, -OLD.r3, -OLD.r2, -OLD.r1, -OLD.feedback, -OLD.answered,
            -OLD.answered_on_time, -OLD.att_sum, -OLD.att_n, -OLD.time_sum, -OLD.time_n,
            -OLD.trips_sum, -OLD.trips_n, -OLD.guide_sum, -OLD.guide_n, -OLD.verdicts,
            -OLD.verdicts_unsatisfied, -OLD.forward_late, -OLD.pakn, -OLD.anonymous,
            -OLD.praise, -OLD.pakn_answered, -OLD.pakn_on_time, -OLD.pakn_unhappy)
    ON DUPLICATE KEY UPDATE
        ratings = ratings + VALUES(ratings), r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2),
        r1 = r1 + VALUES(r1), feedback = feedback + VALUES(feedback),
        answered = answered + VALUES(answered),
        answered_on_time = answered_on_time + VALUES(answered_on_time),
        att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),
        time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),
        trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),
        guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n),
        verdicts = verdicts + VALUES(verdicts),
        verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),
        forward_late = forward_late + VALUES(forward_late), pakn = pakn + VALUES(pakn),
        anonymous = anonymous + VALUES(anonymous), praise = praise + VALUES(praise),
        pakn_answered = pakn_answered + VALUES(pakn_answered),
        pakn_on_time = pakn_on_time + VALUES(pakn_on_time),
        pakn_unhappy = pakn_unhappy + VALUES(pakn_unhappy);
    INSERT INTO stat_month (scope, scope_id, month, slot,
        ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n,
        time_sum, time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts,
        verdicts_unsatisfied, forward_late, pakn, anonymous, praise, pakn_answered,
        pakn_on_time, pakn_unhappy)
    VALUES (NEW.scope, NEW.scope_id, NEW.day - INTERVAL (DAYOFMONTH(NEW.day) - 1) DAY, NEW.slot,
            NEW.ratings, NEW.r3, NEW.r2, NEW.r1, NEW.feedback, NEW.answered,
            NEW.answered_on_time, NEW.att_sum, NEW.att_n, NEW.time_sum, NEW.time_n,
            NEW.trips_sum, NEW.trips_n, NEW.guide_sum, NEW.guide_n, NEW.verdicts,
            NEW.verdicts_unsatisfied, NEW.forward_late, NEW.pakn, NEW.anonymous,
            NEW.praise, NEW.pakn_answered, NEW.pakn_on_time, NEW.pakn_unhappy)
    ON DUPLICATE KEY UPDATE
        ratings = ratings + VALUES(ratings), r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2),
        r1 = r1 + VALUES(r1), feedback = feedback + VALUES(feedback),
        answered = answered + VALUES(answered),
        answered_on_time = answered_on_time + VALUES(answered_on_time),
        att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),
        time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),
        trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),
        guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n),
        verdicts = verdicts + VALUES(verdicts),
        verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),
        forward_late = forward_late + VALUES(forward_late), pakn = pakn + VALUES(pakn),
        anonymous = anonymous + VALUES(anonymous), praise = praise + VALUES(praise),
        pakn_answered = pakn_answered + VALUES(pakn_answered),
        pakn_on_time = pakn_on_time + VALUES(pakn_on_time),
        pakn_unhappy = pakn_unhappy + VALUES(pakn_unhappy);
END IF;

CREATE TRIGGER stat_day_month_removed AFTER DELETE ON stat_day FOR EACH ROW
INSERT INTO stat_month (scope, scope_id, month, slot,
    ratings, r3, r2, r1, feedback, answered, answered_on_time, att_sum, att_n, time_sum,
    time_n, trips_sum, trips_n, guide_sum, guide_n, verdicts, verdicts_unsatisfied,
    forward_late, pakn, anonymous, praise, pakn_answered, pakn_on_time, pakn_unhappy)
VALUES (OLD.scope, OLD.scope_id, OLD.day - INTERVAL (DAYOFMONTH(OLD.day) - 1) DAY, OLD.slot,
        -OLD.ratings, -OLD.r3, -OLD.r2, -OLD.r1, -OLD.feedback, -OLD.answered,
        -OLD.answered_on_time, -OLD.att_sum, -OLD.att_n, -OLD.time_sum, -OLD.time_n,
        -OLD.trips_sum, -OLD.trips_n, -OLD.guide_sum, -OLD.guide_n, -OLD.verdicts,
        -OLD.verdicts_unsatisfied, -OLD.forward_late, -OLD.pakn, -OLD.anonymous,
        -OLD.praise, -OLD.pakn_answered, -OLD.pakn_on_time, -OLD.pakn_unhappy)
ON DUPLICATE KEY UPDATE
    ratings = ratings + VALUES(ratings), r3 = r3 + VALUES(r3), r2 = r2 + VALUES(r2),
    r1 = r1 + VALUES(r1), feedback = feedback + VALUES(feedback),
    answered = answered + VALUES(answered),
    answered_on_time = answered_on_time + VALUES(answered_on_time),
    att_sum = att_sum + VALUES(att_sum), att_n = att_n + VALUES(att_n),
    time_sum = time_sum + VALUES(time_sum), time_n = time_n + VALUES(time_n),
    trips_sum = trips_sum + VALUES(trips_sum), trips_n = trips_n + VALUES(trips_n),
    guide_sum = guide_sum + VALUES(guide_sum), guide_n = guide_n + VALUES(guide_n),
    verdicts = verdicts + VALUES(verdicts),
    verdicts_unsatisfied = verdicts_unsatisfied + VALUES(verdicts_unsatisfied),
    forward_late = forward_late + VALUES(forward_late), pakn = pakn + VALUES(pakn),
    anonymous = anonymous + VALUES(anonymous), praise = praise + VALUES(praise),
    pakn_answered = pakn_answered + VALUES(pakn_answered),
    pakn_on_time = pakn_on_time + VALUES(pakn_on_time),
    pakn_unhappy = pakn_unhappy + VALUES(pakn_unhappy);

CREATE TRIGGER stat_dossier_day_month_added AFTER INSERT ON stat_dossier_day FOR EACH ROW
INSERT INTO stat_dossier_month (scope, scope_id, month, slot,
    received, finished, early, on_time, late, apologies, apologies_late, delay_days,
    unhappy, recv_in_time, recv_out)
VALUES (NEW.scope, NEW.scope_id, NEW.day - INTERVAL (DAYOFMONTH(NEW.day) - 1) DAY, NEW.slot,
        NEW.received, NEW.finished, NEW.early, NEW.on_time, NEW.late, NEW.apologies,
        NEW.apologies_late, NEW.delay_days, NEW.unhappy, NEW.recv_in_time, NEW.recv_out)
ON DUPLICATE KEY UPDATE
    received = received + VALUES(received), finished = finished + VALUES(finished),
    early = early + VALUES(early), on_time = on_time + VALUES(on_time),
    late = late + VALUES(late), apologies = apologies + VALUES(apologies),
    apologies_late = apologies_late + VALUES(apologies_late),
    delay_days = delay_days + VALUES(delay_days), unhappy = unhappy + VALUES(unhappy),
    recv_in_time = recv_in_time + VALUES(recv_in_time),
    recv_out = recv_out + VALUES(recv_out);

CREATE TRIGGER stat_dossier_day_month_changed AFTER UPDATE ON stat_dossier_day FOR EACH ROW
IF (NEW.scope, NEW.scope_id, NEW.slot) = (OLD.scope, OLD.scope_id, OLD.slot)
   AND DATE_FORMAT(NEW.day, '%Y-%m') = DATE_FORMAT(OLD.day, '%Y-%m') THEN
    INSERT INTO stat_dossier_month (scope, scope_id, month, slot,
        received, finished, early, on_time, late, apologies, apologies_late, delay_days,
        unhappy, recv_in_time, recv_out)
    VALUES (NEW.scope, NEW.scope_id, NEW.day - INTERVAL (DAYOFMONTH(NEW.day) - 1) DAY, NEW.slot,
            NEW.received - OLD.received, NEW.finished - OLD.finished,
            NEW.early - OLD.early, NEW.on_time - OLD.on_time, NEW.late - OLD.late,
            NEW.apologies - OLD.apologies, NEW.apologies_late - OLD.apologies_late,
            NEW.delay_days - OLD.delay_days, NEW.unhappy - OLD.unhappy,
            NEW.recv_in_time - OLD.recv_in_time, NEW.recv_out - OLD.recv_out)
    ON DUPLICATE KEY UPDATE
        received = received + VALUES(received), finished = finished + VALUES(finished),
        early = early + VALUES(early), on_time = on_time + VALUES(on_time),
        late = late + VALUES(late), apologies = apologies + VALUES(apologies),
        apologies_late = apologies_late + VALUES(apologies_late),
        delay_days = delay_days + VALUES(delay_days), unhappy = unhappy + VALUES(unhappy),
        recv_in_time = recv_in_time + VALUES(recv_in_time),
        recv_out = recv_out + VALUES(recv_out);
ELSE
    INSERT INTO stat_dossier_month (scope, scope_id, month, slot,
        received, finished, early, on_time, late, apologies, apologies_late, delay_days,
        unhappy, recv_in_time, recv_out)
    VALUES (OLD.scope, OLD.scope_id, OLD.day - INTERVAL (DAYOFMONTH(OLD.day) - 1) DAY, OLD.slot,
            -OLD.received, -OLD.finished, -OLD.early, -OLD.on_time, -OLD.late,
            -OLD.apologies, -OLD.apologies_late, -OLD.delay_days, -OLD.unhappy,
            -OLD.recv_in_time, -OLD.recv_out)
    ON DUPLICATE KEY UPDATE
        received = received + VALUES(received), finished = finished + VALUES(finished),
        early = early + VALUES(early), on_time = on_time + VALUES(on_time),
        late = late + VALUES(late), apologies = apologies + VALUES(apologies),
        apologies_late = apologies_late + VALUES(apologies_late),
        delay_days = delay_days + VALUES(delay_days), unhappy = unhappy + VALUES(unhappy),
        recv_in_time = recv_in_time + VALUES(recv_in_time),
        recv_out = recv_out + VALUES(recv_out);
    INSERT INTO stat_dossier_month (scope, scope_id, month, slot,
        received, finished, early, on_time, late, apologies, apologies_late, delay_days,
        unhappy, recv_in_time, recv_out)
    VALUES (NEW.scope, NEW.scope_id, NEW.day - INTERVAL (DAYOFMONTH(NEW.day) - 1) DAY, NEW.slot,
            NEW.received, NEW.finished, NEW.early, NEW.on_time, NEW.late, NEW.apologies,
            NEW.apologies_late, NEW.delay_days, NEW.unhappy, NEW.recv_in_time, NEW.recv_out)
    ON DUPLICATE KEY UPDATE
        received = received + VALUES(received), finished = finished + VALUES(finished),
        early = early + VALUES(early), on_time = on_time + VALUES(on_time),
        late = late + VALUES(late), apologies = apologies + VALUES(apologies),
        apologies_late = apologies_late + VALUES(apologies_late),
        delay_days = delay_days + VALUES(delay_days), unhappy = unhappy + VALUES(unhappy),
        recv_in_time = recv_in_time + VALUES(recv_in_time),
        recv_out = recv_out + VALUES(recv_out);
END IF;

CREATE TRIGGER stat_dossier_day_month_removed AFTER DELETE ON stat_dossier_day FOR EACH ROW
INSERT INTO stat_dossier_month (scope, scope_id, month, slot,
    received, finished, early, on_time, late, apologies, apologies_late, delay_days,
    unhappy, recv_in_time, recv_out)
VALUES (OLD.scope, OLD.scope_id, OLD.day - INTERVAL (DAYOFMONTH(OLD.day) - 1) DAY, OLD.slot,
        -OLD.received, -OLD.finished, -OLD.early, -OLD.on_time, -OLD.late, -OLD.apologies,
        -OLD.apologies_late, -OLD.delay_days, -OLD.unhappy, -OLD.recv_in_time,
        -OLD.recv_out)
ON DUPLICATE KEY UPDATE
    received = received + VALUES(received), finished = finished + VALUES(finished),
    early = early + VALUES(early), on_time = on_time + VALUES(on_time),
    late = late + VALUES(late), apologies = apologies + VALUES(apologies),
    apologies_late = apologies_late + VALUES(apologies_late),
    delay_days = delay_days + VALUES(delay_days), unhappy = unhappy + VALUES(unhappy),
    recv_in_time = recv_in_time + VALUES(recv_in_time),
    recv_out = recv_out + VALUES(recv_out);
