-- 015 search: everyday names for the catalogue search (issue 15).
-- A citizen types "sổ đỏ" or "CCCD"; the catalogue says "Giấy chứng nhận quyền
-- sử dụng đất" or "căn cước".  term is stored folded as search_fold() folds
-- a query (no diacritics, lower case, đ as d, a final lone y as i, single
-- spaces), so that a query's words are compared with it directly; expansion
-- as written.
-- Administrators add rows with `motcuactl synonym-add TERM EXPANSION`.

CREATE TABLE search_synonym (
    id         INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
    term       VARCHAR(100) NOT NULL,
    expansion  VARCHAR(255) NOT NULL,
    created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE KEY uq_search_synonym (term, expansion)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO search_synonym (term, expansion) VALUES
 ('so do', 'Giấy chứng nhận quyền sử dụng đất'),
 ('so hong', 'Giấy chứng nhận quyền sử dụng đất'),
 ('giay khai sinh', 'Đăng ký khai sinh'),
 ('giay ket hon', 'Đăng ký kết hôn'),
 ('cccd', 'căn cước'),
 ('can cuoc cong dan', 'căn cước'),
 ('bang lai xe', 'Giấy phép lái xe');
