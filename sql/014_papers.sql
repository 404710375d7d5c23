-- 014 Papers per the law in force: who issues and signs them, and the
-- competent agency of a dossier.
--
-- The place of the place-and-date line of a paper ("Ninh Bình, ngày 02 tháng
-- 12 năm 2026"): the administrative place name of the issuing agency.
-- Whether the parent agency's leader may sign the unit's apology letters, and
-- how: 'none' (only the unit's own leaders), 'KT' (a deputy signing for the
-- head), 'TL' or 'TUQ' (by delegation), as the province's rules of work say.
ALTER TABLE org_unit
    ADD COLUMN place        VARCHAR(120) NULL AFTER address,
    ADD COLUMN head_title   VARCHAR(120) NULL AFTER place,      -- "GIÁM ĐỐC": the head's title on papers
    ADD COLUMN parent_signs ENUM('none','KT','TL','TUQ') NOT NULL DEFAULT 'none' AFTER head_title;

-- The signature block of an apology letter: the mode, the title of the head
-- it signs for ("GIÁM ĐỐC") and the signer's own position ("PHÓ GIÁM ĐỐC").
ALTER TABLE apology
    ADD COLUMN sign_mode       ENUM('head','KT','TL','TUQ') NULL AFTER signer_title,
    ADD COLUMN signer_position VARCHAR(255) NULL AFTER sign_mode;

-- Letters signed before: "GIÁM ĐỐC", "KT. GIÁM ĐỐC" or "KT. GIÁM ĐỐC / PHÓ GIÁM
-- ĐỐC" in signer_title (the assignments run left to right, signer_title last).
UPDATE apology SET sign_mode = IF(signer_title LIKE 'KT.%', 'KT', 'head'),
                   signer_position = IF(signer_title LIKE 'KT.%/%',
                                        TRIM(SUBSTRING_INDEX(signer_title, '/', -1)), NULL),
                   signer_title = TRIM(IF(signer_title LIKE 'KT.%',
                                          SUBSTRING_INDEX(SUBSTRING(signer_title, 4), '/', 1),
                                          signer_title))
 WHERE status <> 'draft';

-- The competent agency (cơ quan chủ trì giải quyết): the first agency the
-- one-stop unit hands the dossier to, or the receiving unit while it keeps
-- it.  Co-processing agencies are the other agencies of its hand-overs.
ALTER TABLE dossier
    ADD COLUMN competent_unit_id INT UNSIGNED NULL AFTER processing_unit_id;

UPDATE dossier d
   SET d.competent_unit_id = COALESCE(
       (SELECT s.to_unit_id FROM dossier_step s
         WHERE s.dossier_id = d.id AND s.to_unit_id <> d.unit_id ORDER BY s.seq LIMIT 1),
       d.unit_id);

-- The number of the paper a move issues (supplement request, refusal, notice
-- of stopping), given in the move's transaction, per unit and year.
ALTER TABLE dossier_event
    ADD COLUMN paper_no VARCHAR(40) NULL AFTER body;
