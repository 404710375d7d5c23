-- 120 Leases for the jobs only one host may run at a time (the message
-- sender): a row per job, taken by an UPDATE that succeeds only when the
-- lease is free or expired, so it holds on a Galera cluster too, where
-- GET_LOCK() is refused.  A host that dies holding it frees it by expiry.
CREATE TABLE job_lease (
    name        VARCHAR(40) NOT NULL PRIMARY KEY,
    holder      VARCHAR(120) NOT NULL DEFAULT '',        -- "host:pid"
    expires_at  DATETIME NOT NULL DEFAULT '1970-01-01 00:00:00'   -- UTC
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
INSERT INTO job_lease (name) VALUES ('notify_send');
