-- 016 The dossier look-up compares the last 4 DIGITS of the applicant's phone:
-- a number typed at the counter as "0912 345 678" or "0912.345.678" ends in
-- "5678" for the citizen too (before, " 678" and ".678" never matched).
CREATE OR REPLACE SQL SECURITY DEFINER VIEW dossier_lookup AS
    SELECT d.code AS code, RIGHT(REGEXP_REPLACE(d.applicant_phone, '[^0-9]', ''), 4) AS phone4,
           (SELECT q.nonce FROM qr_link q WHERE q.dossier_id = d.id AND q.revoked_at IS NULL
             ORDER BY q.id DESC LIMIT 1) AS nonce
      FROM dossier d;
