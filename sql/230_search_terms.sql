-- 230 the inbox search's own index: the terms of a case's folded text
-- (search_index_text: its words, then each two neighbouring words joined by
-- "_") in rows of feedback_term, with a copy of what the inbox filters and
-- orders by.  The pairs and the last word only: every word begins a pair but
-- the last, so a one-word search ("so", a term beginning "so") finds the same
-- cases in half the rows, and a case filed writes half as many.
-- The FULLTEXT index of migration 100 found the cases of a term, then read
-- each one from the table to know its unit, status and due date (about 5 µs
-- a case: a common phrase among 200,000 cases took 50–130 ms); a search
-- now reads one range of this table's primary key, which holds all of that.
--
-- The rows follow the case through the triggers below, whoever writes it
-- (the programs, motcuactl, an operator's SQL): a case filed gets its terms,
-- a case moved, paused, answered or reassigned changes its copies, a new
-- folded text replaces them, a case deleted takes them along.
-- `id` is the case's id, so that the inbox's conditions on f.unit_id,
-- f.status, f.due_at, … read this table as they read feedback
-- (cgi-bin/core/store_case.c).  A term is cut at 84 characters, as
-- InnoDB's full-text index did, and the search cuts what it looks up alike.
--
-- Rows of cases filed before this migration are added by
-- `motcuactl search-index` (run by `migrate`), in batches.
-- The triggers and their procedure run as the account that created them (the
-- database owner, which runs migrate).  With binary logging on, creating them
-- needs log_bin_trust_function_creators = 1 or the SUPER privilege
-- (docs/deploy.md).

CREATE TABLE feedback_term (
    term       VARCHAR(84) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL
               COMMENT 'a word of search_index_text(content), or two joined by _',
    id         BIGINT UNSIGNED NOT NULL COMMENT 'the case: feedback.id',
    unit_id    INT UNSIGNED NOT NULL COMMENT 'copies of the case''s columns, kept by the triggers',
    status     VARCHAR(12) CHARACTER SET ascii NOT NULL,
    due_at     DATETIME NOT NULL,
    identity   VARCHAR(12) CHARACTER SET ascii NOT NULL,
    officer_id INT UNSIGNED NULL,
    kind       VARCHAR(20) NOT NULL,
    counter_id INT UNSIGNED NULL,
    PRIMARY KEY (term, id),
    KEY ix_feedback_term_case (id, term)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the terms of one case (its pairs and its last word), with the copies of its columns
CREATE PROCEDURE feedback_term_add(IN c_id BIGINT UNSIGNED, IN c_text TEXT,
                                   IN c_unit INT UNSIGNED, IN c_status VARCHAR(12),
                                   IN c_due DATETIME, IN c_identity VARCHAR(12),
                                   IN c_officer INT UNSIGNED, IN c_kind VARCHAR(20),
                                   IN c_counter INT UNSIGNED)
    INSERT INTO feedback_term (term, id, unit_id, status, due_at, identity, officer_id, kind,
                               counter_id)
    SELECT DISTINCT LEFT(j.t, 84), c_id, c_unit, c_status, c_due, c_identity, c_officer, c_kind,
           c_counter
      FROM JSON_TABLE(CONCAT('["', REPLACE(c_text, ' ', '","'), '"]'),
                      '$[*]' COLUMNS (k FOR ORDINALITY, t TEXT PATH '$')) AS j
     WHERE j.t <> ''
       AND (j.t LIKE '%\_%' OR j.k = (LENGTH(c_text) - LENGTH(REPLACE(c_text, ' ', '')) + 2) / 2);

CREATE TRIGGER feedback_term_filed AFTER INSERT ON feedback FOR EACH ROW
    CALL feedback_term_add(NEW.id, NEW.search_text, NEW.unit_id, NEW.status, NEW.due_at,
                           NEW.identity, NEW.officer_id, NEW.kind, NEW.counter_id);

CREATE TRIGGER feedback_term_changed AFTER UPDATE ON feedback FOR EACH ROW
BEGIN
    IF NOT (NEW.search_text <=> OLD.search_text AND NEW.id = OLD.id) THEN
        DELETE FROM feedback_term WHERE id = OLD.id;
        CALL feedback_term_add(NEW.id, NEW.search_text, NEW.unit_id, NEW.status, NEW.due_at,
                               NEW.identity, NEW.officer_id, NEW.kind, NEW.counter_id);
    ELSEIF NOT (NEW.unit_id <=> OLD.unit_id AND NEW.status <=> OLD.status
                AND NEW.due_at <=> OLD.due_at AND NEW.identity <=> OLD.identity
                AND NEW.officer_id <=> OLD.officer_id AND NEW.kind <=> OLD.kind
                AND NEW.counter_id <=> OLD.counter_id) THEN
        UPDATE feedback_term
           SET unit_id = NEW.unit_id, status = NEW.status, due_at = NEW.due_at,
               identity = NEW.identity, officer_id = NEW.officer_id, kind = NEW.kind,
               counter_id = NEW.counter_id
         WHERE id = NEW.id;
    END IF;
END;

CREATE TRIGGER feedback_term_gone AFTER DELETE ON feedback FOR EACH ROW
    DELETE FROM feedback_term WHERE id = OLD.id;

-- the inbox no longer reads it; the catalogue's (procedure_tthc) stays
ALTER TABLE feedback DROP INDEX ft_feedback_search;
