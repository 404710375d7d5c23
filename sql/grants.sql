-- Least-privilege grants, one database account per program (docs/architecture.md §4).
-- Applied by `motcuactl migrate` after the migrations; every statement is idempotent.
-- The accounts themselves (with their passwords) are created by the operator:
-- scripts/stack.sh does it for the local stack, docs/deploy.md shows it for production.

-- citizen: public pages.  Cannot read users or sessions, cannot change units.
GRANT SELECT ON org_unit     TO motcua_citizen@localhost;
GRANT SELECT ON counter      TO motcua_citizen@localhost;
GRANT SELECT ON calendar_day TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO motcua_citizen@localhost;

-- officer: its own account and session, the audit log (append only).
GRANT SELECT ON org_unit     TO motcua_officer@localhost;
GRANT SELECT ON counter      TO motcua_officer@localhost;
GRANT SELECT ON calendar_day TO motcua_officer@localhost;
GRANT SELECT (id, username, full_name, title, role, unit_id, counter_id, password_hash, disabled, must_change_pw)
      ON users TO motcua_officer@localhost;
GRANT UPDATE (password_hash, must_change_pw) ON users TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON session    TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO motcua_officer@localhost;
GRANT SELECT, INSERT ON audit_log TO motcua_officer@localhost;

-- leader: as an officer, plus reading the audit log of its scope.
GRANT SELECT ON org_unit     TO motcua_leader@localhost;
GRANT SELECT ON counter      TO motcua_leader@localhost;
GRANT SELECT ON calendar_day TO motcua_leader@localhost;
GRANT SELECT (id, username, full_name, title, role, unit_id, counter_id, password_hash, disabled, must_change_pw)
      ON users TO motcua_leader@localhost;
GRANT UPDATE (password_hash, must_change_pw) ON users TO motcua_leader@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON session    TO motcua_leader@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO motcua_leader@localhost;
GRANT SELECT, INSERT ON audit_log TO motcua_leader@localhost;

-- admin: maintains units, counters, users and the calendar.
GRANT SELECT, INSERT, UPDATE ON org_unit     TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON counter      TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_day TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON users TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON session    TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO motcua_admin@localhost;
GRANT SELECT, INSERT ON audit_log TO motcua_admin@localhost;

-- api: other systems, by API key.
GRANT SELECT ON org_unit     TO motcua_api@localhost;
GRANT SELECT ON calendar_day TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO motcua_api@localhost;
GRANT SELECT, INSERT ON audit_log TO motcua_api@localhost;

-- 002 citizen channel
GRANT SELECT ON qr_link       TO motcua_citizen@localhost;
GRANT SELECT ON feedback_kind TO motcua_citizen@localhost;
GRANT SELECT (id, full_name, title, unit_id, counter_id, role, disabled) ON users TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON rating   TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON code_seq TO motcua_citizen@localhost;
GRANT SELECT, INSERT ON feedback_file    TO motcua_citizen@localhost;
GRANT SELECT, INSERT ON feedback_event   TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_day TO motcua_citizen@localhost;
GRANT SELECT, INSERT ON feedback TO motcua_citizen@localhost;
GRANT UPDATE (status, answer_satisfied, paused_at, due_at) ON feedback TO motcua_citizen@localhost;

-- 003 officer workspace (case work is done in the officer program, by officers and leaders)
GRANT SELECT ON feedback_kind  TO motcua_officer@localhost;
GRANT SELECT ON feedback       TO motcua_officer@localhost;
GRANT UPDATE (status, assigned_to, classified_at, forward_due, forwarded_to, unit_id, counter_id, due_at, paused_at,
              answered_at, closed_at, escalated_at, answer_satisfied) ON feedback TO motcua_officer@localhost;
GRANT SELECT, INSERT ON feedback_event TO motcua_officer@localhost;
GRANT SELECT ON feedback_file  TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE, DELETE ON canned_answer TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_day TO motcua_officer@localhost;
GRANT SELECT ON rating TO motcua_officer@localhost;

-- 004 dossiers and apologies
GRANT SELECT ON field          TO motcua_citizen@localhost;
GRANT SELECT ON procedure_tthc TO motcua_citizen@localhost;
GRANT SELECT ON search_synonym TO motcua_citizen@localhost;
GRANT SELECT ON legal_version TO motcua_citizen@localhost;
GRANT SELECT (id, code, unit_id, counter_id, procedure_id, processing_unit_id, documents, sets, channel,
              collect, status, received_at, due_at, original_due_at, finished_at, returned_at,
              reappointments, book_seq, cycle, wait_clock) ON dossier TO motcua_citizen@localhost;
GRANT SELECT ON dossier_step   TO motcua_citizen@localhost;
GRANT SELECT ON dossier_event  TO motcua_citizen@localhost;
GRANT SELECT ON apology        TO motcua_citizen@localhost;
GRANT SELECT ON stat_dossier_day TO motcua_citizen@localhost;

GRANT SELECT ON field          TO motcua_officer@localhost;
GRANT SELECT ON procedure_tthc TO motcua_officer@localhost;
GRANT SELECT ON legal_version TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON dossier        TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON dossier_step   TO motcua_officer@localhost;
GRANT SELECT, INSERT ON dossier_event          TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON apology        TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON code_seq       TO motcua_officer@localhost;
GRANT SELECT, INSERT ON qr_link                TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_dossier_day TO motcua_officer@localhost;

-- admin program (cgi-bin/admin.c, /quan-tri/): units, counters, users, QR links,
-- the calendar, deadlines and rules, API clients.  Above it already holds org_unit,
-- counter and users (SELECT, INSERT, UPDATE), calendar_day (with DELETE), session
-- (for disabling an account), rate_limit and audit_log (SELECT, INSERT: never more).
GRANT SELECT, UPDATE ON feedback_kind TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON legal_version TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON qr_link      TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON api_client   TO motcua_admin@localhost;

-- 004 leader audit (reads the figures and lists of its subtree; writes only audit rows)
GRANT SELECT ON dossier          TO motcua_leader@localhost;
GRANT SELECT ON apology          TO motcua_leader@localhost;
GRANT SELECT ON legal_version   TO motcua_leader@localhost;
GRANT SELECT ON stat_dossier_day TO motcua_leader@localhost;
GRANT SELECT ON stat_day         TO motcua_leader@localhost;
GRANT SELECT ON feedback         TO motcua_leader@localhost;
GRANT SELECT ON rating           TO motcua_leader@localhost;

-- 004 api: dossier import by API key
GRANT SELECT ON api_client     TO motcua_api@localhost;
GRANT SELECT ON procedure_tthc TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE ON dossier TO motcua_api@localhost;
GRANT SELECT, INSERT, DELETE ON dossier_step TO motcua_api@localhost;
GRANT SELECT, INSERT ON qr_link TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_dossier_day TO motcua_api@localhost;

-- 005 transparency
GRANT SELECT ON dossier_lookup TO motcua_citizen@localhost;
GRANT SELECT (id, full_name, title, unit_id, counter_id, role, disabled) ON users TO motcua_citizen@localhost;

-- 006 kiosks
GRANT SELECT, UPDATE (last_rating) ON kiosk_device TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON kiosk_device TO motcua_admin@localhost;

-- admin: the procedure catalogue (CSV import from the browser)
GRANT SELECT, INSERT, UPDATE ON field          TO motcua_admin@localhost;
GRANT SELECT, INSERT, UPDATE ON procedure_tthc TO motcua_admin@localhost;

-- 008 the leader's late-dossier figures: recomputed by whoever changes a dossier
GRANT SELECT, INSERT, DELETE ON stat_late TO motcua_officer@localhost;
GRANT SELECT ON stat_mark TO motcua_officer@localhost;
GRANT SELECT, INSERT, DELETE ON stat_late TO motcua_api@localhost;
GRANT SELECT ON stat_mark TO motcua_api@localhost;
-- a dossier due later the same day, received after the day's figures were
-- completed, takes the mark back a day (stats_late_touch)
GRANT UPDATE (day) ON stat_mark TO motcua_officer@localhost;
GRANT UPDATE (day) ON stat_mark TO motcua_api@localhost;
GRANT SELECT (dossier_id, status) ON apology TO motcua_api@localhost;
GRANT SELECT ON stat_late TO motcua_leader@localhost;
-- 210 the same figures by month, kept with stat_late
GRANT SELECT, INSERT, UPDATE ON stat_late_month TO motcua_officer@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_late_month TO motcua_api@localhost;
GRANT SELECT ON stat_late_month TO motcua_leader@localhost;
-- 140 time to answer by month of receipt, kept on the officer's answers
GRANT SELECT, INSERT, UPDATE, DELETE ON stat_answer_month TO motcua_officer@localhost;
GRANT SELECT ON stat_answer_month TO motcua_leader@localhost;
-- 220 the same by day of receipt
GRANT SELECT, INSERT, UPDATE, DELETE ON stat_answer_day TO motcua_officer@localhost;
GRANT SELECT ON stat_answer_day TO motcua_leader@localhost;
-- 330 the running cases by day of receipt and day due, kept by triggers
GRANT SELECT ON stat_open TO motcua_leader@localhost;
-- 340 the daily aggregates by month, kept by triggers; read by every page of
-- figures (the dashboard, the public statistics, open data)
GRANT SELECT ON stat_month TO motcua_citizen@localhost;
GRANT SELECT ON stat_month TO motcua_leader@localhost;
GRANT SELECT ON stat_month TO motcua_api@localhost;
GRANT SELECT ON stat_dossier_month TO motcua_citizen@localhost;
GRANT SELECT ON stat_dossier_month TO motcua_leader@localhost;
GRANT SELECT ON stat_dossier_month TO motcua_api@localhost;
-- 350 the running cases by unit and day due, kept by triggers; the inbox's
-- overdue count
GRANT SELECT ON stat_due TO motcua_officer@localhost;
GRANT SELECT ON stat_mark TO motcua_leader@localhost;
GRANT SELECT ON feedback_event TO motcua_leader@localhost;

-- 009 the inbox's counts, moved by whoever files a case or changes its status
GRANT SELECT, INSERT, UPDATE ON feedback_count TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON feedback_count TO motcua_officer@localhost;

-- 010 processing cycles (one lateness model) and the record of recounts
GRANT SELECT ON dossier_cycle TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON dossier_cycle TO motcua_officer@localhost;
GRANT SELECT ON dossier_cycle TO motcua_leader@localhost;
GRANT SELECT, INSERT ON dossier_cycle TO motcua_api@localhost;
GRANT SELECT ON stat_correction TO motcua_leader@localhost;
-- 011 verdicts on answers and missed forwarding deadlines, kept as history
GRANT SELECT, INSERT ON feedback_verdict TO motcua_citizen@localhost;
GRANT SELECT ON feedback_verdict TO motcua_officer@localhost;
GRANT SELECT ON feedback_verdict TO motcua_leader@localhost;
GRANT SELECT, INSERT ON feedback_forward_late TO motcua_officer@localhost;
GRANT SELECT ON feedback_forward_late TO motcua_leader@localhost;
-- 011 the admin calendar page names the years of open dossiers' appointments without calendar rows
GRANT SELECT (status, due_at) ON dossier TO motcua_admin@localhost;
-- 012 the QĐ 766 figures: the dossiers a citizen was not satisfied with, moved
-- by whoever changes a rating, a case or a dossier
GRANT SELECT, INSERT, DELETE ON dossier_unhappy TO motcua_citizen@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_dossier_day TO motcua_citizen@localhost;
GRANT SELECT, INSERT, DELETE ON dossier_unhappy TO motcua_officer@localhost;
GRANT SELECT ON dossier_unhappy TO motcua_api@localhost;
GRANT SELECT ON dossier_unhappy TO motcua_leader@localhost;

-- 030 Open311 and open data (docs/open311.md), in the api program.  A case's
-- published facts only: never its content nor its sender's contact, which
-- the api account cannot read.  Filing a case (POST requests) writes what the
-- web form writes; the open data reads the public figures' aggregates.
GRANT SELECT ON feedback_kind TO motcua_api@localhost;
GRANT SELECT ON counter TO motcua_api@localhost;
GRANT SELECT (id, open_id, code, check_part, link_key, idem_key, kind, status, unit_id, counter_id,
              officer_id, identity, created_at, due_at, paused_at, answered_at, closed_at,
              escalated_at, answer_satisfied) ON feedback TO motcua_api@localhost;
GRANT INSERT ON feedback TO motcua_api@localhost;
GRANT SELECT (id, feedback_id, at, event, public, body) ON feedback_event TO motcua_api@localhost;
GRANT INSERT ON feedback_event TO motcua_api@localhost;
GRANT SELECT, INSERT ON feedback_file TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE ON code_seq TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE ON feedback_count TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE ON stat_day TO motcua_api@localhost;
GRANT SELECT ON legal_version TO motcua_api@localhost;
GRANT SELECT, INSERT, UPDATE ON open_data_version TO motcua_api@localhost;

-- 040 the outbox of messages to citizens: written by the programs in the
-- transaction of each step, read back for the officers' "sent" table; the stop
-- link (citizen program) records the recipient and stops what still waits.
-- The sender is motcuactl (owner account).
GRANT SELECT, INSERT ON notification TO motcua_officer@localhost;
GRANT SELECT ON notification_optout TO motcua_officer@localhost;
GRANT SELECT, INSERT ON notification TO motcua_citizen@localhost;
GRANT UPDATE (state) ON notification TO motcua_citizen@localhost;
GRANT SELECT, INSERT ON notification_optout TO motcua_citizen@localhost;
-- the Open311 POST files a case like the web form: its messages too
GRANT SELECT, INSERT ON notification TO motcua_api@localhost;
GRANT SELECT ON notification_optout TO motcua_api@localhost;

-- 090 consent to messages: given on the citizen's form or at the counter,
-- withdrawn by the citizen on the tracking or dossier page; every program
-- that queues a message reads it.
GRANT SELECT, INSERT ON consent TO motcua_citizen@localhost;
GRANT UPDATE (withdrawn_at, withdrawn_by) ON consent TO motcua_citizen@localhost;
GRANT SELECT, INSERT ON consent TO motcua_officer@localhost;
GRANT SELECT ON consent TO motcua_leader@localhost;
GRANT SELECT, INSERT ON consent TO motcua_api@localhost;

-- 070 requests about personal data (docs/personal-data.md): the citizen program
-- shows what is held about a case or a dossier (behind its second factor) and
-- files a request; the officer program answers it and, when granted, corrects
-- or erases the contact fields and a case's evidence files.
GRANT SELECT, INSERT ON data_request TO motcua_citizen@localhost;
GRANT SELECT, UPDATE (status, answered_at, answered_by, answer) ON data_request TO motcua_officer@localhost;
GRANT UPDATE (contact_name, contact_phone, contact_email, contact_address) ON feedback TO motcua_officer@localhost;
GRANT DELETE ON feedback_file TO motcua_officer@localhost;

-- 110 a dossier's applicant as the citizen program may show it: masked
GRANT SELECT ON dossier_masked TO motcua_citizen@localhost;

-- 230 the inbox search's own index (its triggers write it, as the database owner)
GRANT SELECT ON feedback_term TO motcua_officer@localhost;

-- 300 the number the legal versions' triggers move: every program that shows
-- a dossier's page reads it to know whether its copy of the versions is stale
GRANT SELECT ON legal_generation TO motcua_citizen@localhost;
GRANT SELECT ON legal_generation TO motcua_officer@localhost;
GRANT SELECT ON legal_generation TO motcua_admin@localhost;
GRANT SELECT ON legal_generation TO motcua_leader@localhost;
GRANT SELECT ON legal_generation TO motcua_api@localhost;
