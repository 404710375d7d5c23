-- 006 counter kiosks: a tablet enrolled to one counter shows its rating screen all day.
CREATE TABLE kiosk_device (
    id          INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    counter_id  INT UNSIGNED NOT NULL,
    name        VARCHAR(120) NOT NULL,
    token_hash  CHAR(64) NOT NULL,                -- BLAKE2b of the device token in the kiosk URL
    created_at  DATETIME NOT NULL,
    revoked_at  DATETIME NULL,
    last_rating DATETIME NULL,                    -- for the minimum interval between two ratings
    UNIQUE KEY uq_kiosk_token (token_hash),
    CONSTRAINT fk_kiosk_counter FOREIGN KEY (counter_id) REFERENCES counter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
