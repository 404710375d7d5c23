-- 100 search index: the inbox search and the catalogue search read a full-text
-- index instead of every case or every procedure.
-- MariaDB has no n-gram parser and cannot fold Vietnamese as search_fold()
-- does (cgi-bin/core/search.c), so the programs store the folded text next to
-- the text on every write ("Sổ đỏ bị mất" → "so do bi mat") and an InnoDB
-- FULLTEXT index covers that column; a query is "+word*" per typed word in
-- BOOLEAN MODE.  Folded syllables are 1–3 letters and every one of them counts:
-- the server runs with innodb_ft_min_token_size=1 and no stopword list
-- (innodb_ft_enable_stopword=OFF), see docs/deploy.md.
-- The columns start empty (NULL): `motcuactl migrate` fills them afterwards
-- with `motcuactl search-index`, which folds in C.

ALTER TABLE feedback
    ADD COLUMN search_text TEXT NULL COMMENT 'search_fold(content), kept by the programs',
    ADD FULLTEXT INDEX ft_feedback_search (search_text);

ALTER TABLE procedure_tthc
    ADD COLUMN search_name VARCHAR(500) NULL COMMENT 'search_fold(name), kept by the programs',
    ADD FULLTEXT INDEX ft_procedure_search (search_name);
