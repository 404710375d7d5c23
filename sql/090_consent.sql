-- 090 Consent to messages (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15): the
-- updates by SMS, Zalo and e-mail about a case or a dossier are optional, so
-- they go only to a citizen who said yes, on the form (a case) or at the
-- counter (a dossier, the officer ticking what the citizen said).  Each yes is
-- kept with its moment and the version of the wording shown; a withdrawal
-- (the tracking page, the dossier page) keeps the row and stamps it.  A
-- message's stop link stops its address for every case and dossier
-- (notification_optout, sql/040).  Handling the case or the dossier itself needs no consent (a
-- state agency acting under the law): the notice at /du-lieu-ca-nhan says so.
CREATE TABLE consent (
    id              BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    object_type     ENUM('feedback','dossier') NOT NULL,
    object_id       BIGINT UNSIGNED NOT NULL,
    purpose         ENUM('notify') NOT NULL,
    wording         VARCHAR(20) NOT NULL,             -- "vi-1": the language and version of the text shown
    given_at        DATETIME NOT NULL,                -- UTC
    given_by        ENUM('citizen','officer') NOT NULL,
    withdrawn_at    DATETIME NULL,                    -- UTC
    withdrawn_by    ENUM('page') NULL,
    UNIQUE KEY uq_consent_object (object_type, object_id, purpose)
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
