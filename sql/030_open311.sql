-- 030 Open311 GeoReport v2 (docs/open311.md): a case published to other
-- systems is named by an opaque id, never by its sequence or its tracking
-- code (the code and its check part open the case's page, its rating and its
-- reply form).  64 random bits, given to every case when it is filed.
ALTER TABLE feedback
    ADD COLUMN open_id CHAR(16) CHARACTER SET ascii NOT NULL DEFAULT (LOWER(HEX(RANDOM_BYTES(8)))),
    ADD KEY ix_feedback_answered (answered_at);
UPDATE feedback SET open_id = LOWER(HEX(RANDOM_BYTES(8)));
ALTER TABLE feedback ADD UNIQUE KEY uq_feedback_open_id (open_id);

-- The open data (/du-lieu-mo/) carries Last-Modified: the moment each
-- document (a file and its period) last changed, found by its content's hash.
CREATE TABLE open_data_version (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,   -- "thong-ke.csv:2026-01:2026-12"
    etag        CHAR(32) NOT NULL,                  -- hash of the content
    modified_at DATETIME NOT NULL                   -- UTC
) ENGINE=InnoDB DEFAULT CHARSET=ascii;
