-- 009 the officer inbox at province scale: its counts come from a small table
-- kept on write, not from counting every case of the scope on each page view.

-- Cases per receiving unit, status, kind, counter (0: none), the officer a
-- confidential case is hidden from (its officer_id; 0: hidden from nobody) and
-- escalation.  Every write that files a case or changes one of these columns
-- moves the case's count in the same transaction (store_feedback.c
-- feedback_count_lock and feedback_count_move); rows are never deleted, n may
-- fall to 0.  Apply with the programs stopped: a case filed by an older
-- program while this runs would not be counted.
CREATE TABLE feedback_count (
    unit_id     INT UNSIGNED NOT NULL,
    status      ENUM('new','accepted','conduct','rejected','forwarded','need_info',
                     'answered','closed','review') NOT NULL,
    kind        VARCHAR(20) NOT NULL,
    counter_id  INT UNSIGNED NOT NULL,
    hidden_from INT UNSIGNED NOT NULL,
    escalated   TINYINT(1) NOT NULL,
    n           INT NOT NULL,
    PRIMARY KEY (unit_id, status, kind, counter_id, hidden_from, escalated)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO feedback_count (unit_id, status, kind, counter_id, hidden_from, escalated, n)
SELECT unit_id, status, kind, COALESCE(counter_id, 0),
       IF(identity = 'confidential', COALESCE(officer_id, 0), 0), escalated_at IS NOT NULL,
       COUNT(*)
  FROM feedback
 GROUP BY 1, 2, 3, 4, 5, 6;
