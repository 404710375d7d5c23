-- 110 What the citizen program may read of a dossier's applicant: the public
-- account reads no phone number, name or address of the dossier table (a flaw
-- in the citizen program must not hand out every applicant's), only this
-- view's masked values, for the page "Dữ liệu cá nhân của bạn" behind the
-- receipt's QR token: each word's first letter ("T••• T•• H••"), the phone's
-- last 4 digits, the e-mail's first letter and domain.  The unit's officers
-- see the full record.
CREATE OR REPLACE SQL SECURITY DEFINER VIEW dossier_masked AS
    SELECT d.id AS id, d.unit_id AS unit_id, d.code AS code,
           REGEXP_REPLACE(d.applicant_name, '(*UCP)(?<=\\w)\\w', '•') AS name,
           NULLIF(CONCAT(REPEAT('•', GREATEST(CHAR_LENGTH(REGEXP_REPLACE(d.applicant_phone, '[^0-9]', '')) - 4, 0)),
                         RIGHT(REGEXP_REPLACE(d.applicant_phone, '[^0-9]', ''), 4)), '') AS phone,
           NULLIF(REGEXP_REPLACE(d.applicant_email, '^(.)[^@]*', '\\1•••'), '') AS email,
           NULLIF(REGEXP_REPLACE(d.applicant_address, '(*UCP)(?<=\\w)\\w', '•'), '') AS address
      FROM dossier d;
