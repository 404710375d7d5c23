-- 360 dossier.list_later (sql/160) is stored in the row instead of computed
-- on each read: the same expression, the same three indexes (160's two per
-- unit and 280's for the province).  An index on a virtual column makes
-- InnoDB's purge of old row versions compute the column again, and for that
-- open the table as the server does.  Under Galera that open failed over and
-- over on a node (MariaDB 10.11.19 of Debian 12), and each try kept its
-- memory: the node's mariadbd grew by some 100 MiB a second until the kernel
-- killed it, while purge stood still (make test-cluster, docs/deploy.md §10).
-- A stored column's index entries are purged from the row as written, like
-- any other column's: nothing is opened and nothing computed.  The price is
-- a byte a dossier, and a copy of the table once, here, in one statement (no
-- moment without the column or its indexes).
ALTER TABLE dossier
    DROP KEY ix_dossier_unit_list,
    DROP KEY ix_dossier_proc_list,
    DROP KEY ix_dossier_list,
    DROP COLUMN list_later,
    ADD COLUMN list_later TINYINT AS (status NOT IN ('received', 'processing')) STORED,
    ADD KEY ix_dossier_unit_list (unit_id, list_later, original_due_at),
    ADD KEY ix_dossier_proc_list (processing_unit_id, list_later, original_due_at),
    ADD KEY ix_dossier_list (list_later, original_due_at);
