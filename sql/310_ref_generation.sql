-- 310 a second number in legal_generation's row, moved whenever a procedure,
-- a unit, a counter or a field is written.
-- A program keeps the names, places and terms a dossier's page shows of these
-- rows (cgi-bin/core/refcache.c, struct ref_cache), as it keeps the legal
-- versions (migration 300), and reads this number with the dossier: when it
-- differs from the one its copy was filled at, the copy is emptied.  The
-- dossier's statement then joins none of the four tables: opening and
-- joining them was about a quarter of its cost.
-- As in migration 300, the value is one never given before (UUID_SHORT()),
-- whoever writes the rows (the administrator's pages, motcuactl, an
-- operator's SQL); a TRUNCATE fires no trigger: after one, restart the
-- programs.  The triggers run as the account that created them (docs/deploy.md
-- on binary logging).

ALTER TABLE legal_generation
    ADD COLUMN ref_gen BIGINT UNSIGNED NOT NULL DEFAULT 1
        COMMENT 'a new value at every write to procedure_tthc, org_unit, counter or field';

CREATE TRIGGER procedure_ref_added AFTER INSERT ON procedure_tthc FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER procedure_ref_changed AFTER UPDATE ON procedure_tthc FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER procedure_ref_removed AFTER DELETE ON procedure_tthc FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER org_unit_ref_added AFTER INSERT ON org_unit FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER org_unit_ref_changed AFTER UPDATE ON org_unit FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER org_unit_ref_removed AFTER DELETE ON org_unit FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER counter_ref_added AFTER INSERT ON counter FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER counter_ref_changed AFTER UPDATE ON counter FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER counter_ref_removed AFTER DELETE ON counter FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER field_ref_added AFTER INSERT ON field FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER field_ref_changed AFTER UPDATE ON field FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
CREATE TRIGGER field_ref_removed AFTER DELETE ON field FOR EACH ROW
    UPDATE legal_generation SET ref_gen = UUID_SHORT() WHERE id = 1;
