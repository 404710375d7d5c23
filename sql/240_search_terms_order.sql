-- 240 the search's index in the inbox's order: feedback_term's primary key
-- becomes (term, status, due_at, id), as ix_feedback_unit_status orders one
-- unit's cases.  A search whose leading term is one term of the index then
-- reads each status of its page in due order and stops at the page's end
-- (store_case.c, case_list), instead of reading and sorting every match: a
-- pair such as "dat dai" is in 7 % of the cases, 70,000 of a million.  The
-- case's terms are still one range of the key per term, and the triggers of
-- migration 230 keep the copied status and deadline, now part of the key.
ALTER TABLE feedback_term DROP PRIMARY KEY, ADD PRIMARY KEY (term, status, due_at, id);
