-- 005 transparency: dossier look-up without the QR code.
-- The public program may check "code + last 4 digits of the phone" but may
-- not read applicants' phones: this view (definer rights) is all it sees.
CREATE SQL SECURITY DEFINER VIEW dossier_lookup AS
    SELECT d.code AS code, RIGHT(d.applicant_phone, 4) AS phone4,
           (SELECT q.nonce FROM qr_link q WHERE q.dossier_id = d.id AND q.revoked_at IS NULL
             ORDER BY q.id DESC LIMIT 1) AS nonce
      FROM dossier d;
