-- 170 The officer's inbox from its index alone: the unit's running cases are
-- counted and listed in due order from ix_feedback_unit_status, but each of
-- them was read from the table for the confidential-case rule (the case's
-- identity and subject).  The index carries both now, after the id, so that
-- a status's cases stay in (due_at, id) order.
ALTER TABLE feedback DROP KEY ix_feedback_unit_status,
  ADD KEY ix_feedback_unit_status (unit_id, status, due_at, id, identity, officer_id);
