-- 250 The cases overdue now, counted on every inbox page from ix_feedback_due
-- (status, due_at): a leader's count joined each of them to its unit and read
-- it from the table for the confidential-case rule, about 2 µs a case (12 ms
-- for the 5,000 overdue among a million).  The index carries the case's unit,
-- identity and subject now, after the id, so that a status's cases stay in
-- (due_at, id) order for the leader's page (store_case.c, BY_STATUS).
ALTER TABLE feedback DROP KEY ix_feedback_due,
  ADD KEY ix_feedback_due (status, due_at, id, unit_id, identity, officer_id);
