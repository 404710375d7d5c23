-- 013 a case's own link: links sent to the citizen (the page after filing,
-- e-mail) carry a 65-bit random key besides the short typed code, so they keep
-- working while typed look-ups of that case are paused after wrong guesses
-- (docs/security.md).  NULL for cases filed before: their typed code works.
ALTER TABLE feedback ADD COLUMN link_key CHAR(13) NULL AFTER check_part;
