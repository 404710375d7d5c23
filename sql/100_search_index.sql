-- 100 search index: the inbox search and the catalogue search read a full-text
-- index instead of every case or every procedure.
-- MariaDB has no n-gram parser and cannot fold Vietnamese as search_fold()
-- does (cgi-bin/core/search.c), so the programs store the folded text, with
-- each two neighbouring words joined, next to the text on every write
-- (search_index_text: "Sổ đỏ bị mất" → "so do bi mat so_do do_bi bi_mat") and
-- an InnoDB FULLTEXT index covers that column; queries are BOOLEAN MODE
-- ("+so_do*" in the inbox, "+so* +do*" in the catalogue; docs/architecture.md).
-- Folded syllables are 1–3 letters and every one of them counts:
-- the server runs with innodb_ft_min_token_size=1 and no stopword list
-- (innodb_ft_enable_stopword=OFF), see docs/deploy.md.
-- The columns start empty (NULL): `motcuactl migrate` fills them afterwards
-- with `motcuactl search-index`, which folds in C.
-- Why not a trigram table (id, trigram): hundreds of rows per case, and a
-- two-letter syllable is shorter than a trigram.

ALTER TABLE feedback
    ADD COLUMN search_text TEXT NULL COMMENT 'search_index_text(content), kept by the programs',
    ADD FULLTEXT INDEX ft_feedback_search (search_text);

ALTER TABLE procedure_tthc
    ADD COLUMN search_name VARCHAR(500) NULL COMMENT 'search_index_text(name), kept by the programs',
    ADD FULLTEXT INDEX ft_procedure_search (search_name);
