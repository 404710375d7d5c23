-- 300 a number that moves whenever a legal version is written.
-- A program keeps every row of legal_version in memory (cgi-bin/core/legal.c,
-- struct legal_cache) and reads this one row with the dossier it shows: when
-- the number differs from the one its copy was read at, it reads the versions
-- again.  The dossier's page then chooses its version, and today's for the
-- "near" warning, from that copy: its statement no longer reads legal_version
-- four times over (the version joined, its choice by day of receipt, the
-- oldest row, today's), which was nearly half of its cost.
-- The triggers move the number whoever writes a version (the administrator's
-- page, motcuactl, an operator's SQL), to a value never given before
-- (UUID_SHORT(): the server's id, its start time and a counter), so that a
-- database restored from a dump, whose number goes back with its rows, never
-- meets a later write that would give an old number to other rows.  A
-- TRUNCATE fires no trigger: after one, restart the programs.  The triggers
-- run as the account that created them, the database owner (see migration
-- 230 and docs/deploy.md on binary logging).

CREATE TABLE legal_generation (
    id  TINYINT UNSIGNED NOT NULL PRIMARY KEY COMMENT 'always 1',
    gen BIGINT UNSIGNED NOT NULL COMMENT 'a new value at every write to legal_version'
) ENGINE=InnoDB;

INSERT INTO legal_generation (id, gen) VALUES (1, 1);

CREATE TRIGGER legal_version_added AFTER INSERT ON legal_version FOR EACH ROW
    UPDATE legal_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER legal_version_changed AFTER UPDATE ON legal_version FOR EACH ROW
    UPDATE legal_generation SET gen = UUID_SHORT() WHERE id = 1;

CREATE TRIGGER legal_version_removed AFTER DELETE ON legal_version FOR EACH ROW
    UPDATE legal_generation SET gen = UUID_SHORT() WHERE id = 1;
