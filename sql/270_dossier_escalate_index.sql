-- 270 The dossiers late again after their re-appointment, looked for by the
-- ticker every minute (store_dossier.c, dossier_escalate_late): running,
-- re-appointed as often as their rules allow, past the new appointment.
-- From ix_dossier_status_due it read every running dossier past its
-- appointment (92,000 at a million dossiers, 0.2 s a minute); with the
-- re-appointments between status and appointment it reads the re-appointed
-- ones only.
ALTER TABLE dossier ADD KEY ix_dossier_reappointed (status, reappointments, due_at);
