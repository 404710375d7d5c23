-- Demo data: one province after the 2025 reorganisation (two-level local government),
-- with its public administrative service centres, a few departments, communes and counters.
-- Loaded by `motcuactl demo`; never in production.

INSERT INTO org_unit (id, parent_id, code, name, short_name, level, address, hotline, email, opening_hours, sort_order) VALUES
 (1, NULL, '000.00.00.H41', 'Ủy ban nhân dân tỉnh Ninh Bình', 'UBND tỉnh', 'province',
  'Số 2 đường Lê Hồng Phong, phường Hoa Lư, tỉnh Ninh Bình', '0229 3871 230', 'ubnd@ninhbinh.gov.vn', NULL, 1),
 (2, 1, '000.00.01.H41', 'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình', 'TTPVHCC tỉnh', 'centre',
  'Số 16 đường Trần Hưng Đạo, phường Hoa Lư, tỉnh Ninh Bình', '0229 3888 555', 'ttpvhcc@ninhbinh.gov.vn',
  'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00', 2),
 (3, 1, '000.00.10.H41', 'Sở Tư pháp tỉnh Ninh Bình', 'Sở Tư pháp', 'department',
  'Số 8 đường Lê Lợi, phường Hoa Lư, tỉnh Ninh Bình', '0229 3872 119', 'stp@ninhbinh.gov.vn', NULL, 3),
 (4, 1, '000.00.11.H41', 'Sở Nông nghiệp và Môi trường tỉnh Ninh Bình', 'Sở NN&MT', 'department',
  'Số 12 đường Lê Đại Hành, phường Hoa Lư, tỉnh Ninh Bình', '0229 3873 456', 'snnmt@ninhbinh.gov.vn', NULL, 4),
 (5, 1, '000.00.12.H41', 'Sở Xây dựng tỉnh Ninh Bình', 'Sở Xây dựng', 'department',
  'Số 24 đường Đinh Tiên Hoàng, phường Hoa Lư, tỉnh Ninh Bình', '0229 3874 789', 'sxd@ninhbinh.gov.vn', NULL, 5),
 (6, 1, '000.21.00.H41', 'Ủy ban nhân dân phường Hoa Lư', 'UBND phường Hoa Lư', 'commune',
  'Số 1 đường Đinh Tiên Hoàng, phường Hoa Lư, tỉnh Ninh Bình', '0229 3876 001', 'hoalu@ninhbinh.gov.vn', NULL, 6),
 (7, 6, '000.21.01.H41', 'Trung tâm Phục vụ hành chính công phường Hoa Lư', 'TTPVHCC phường Hoa Lư', 'centre',
  'Số 1 đường Đinh Tiên Hoàng, phường Hoa Lư, tỉnh Ninh Bình', '0229 3876 002', 'tthcc.hoalu@ninhbinh.gov.vn',
  'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00', 7),
 (8, 1, '000.22.00.H41', 'Ủy ban nhân dân xã Gia Viễn', 'UBND xã Gia Viễn', 'commune',
  'Thôn Đông Chưởng, xã Gia Viễn, tỉnh Ninh Bình', '0229 3645 100', 'giavien@ninhbinh.gov.vn', NULL, 8),
 (9, 8, '000.22.01.H41', 'Trung tâm Phục vụ hành chính công xã Gia Viễn', 'TTPVHCC xã Gia Viễn', 'centre',
  'Thôn Đông Chưởng, xã Gia Viễn, tỉnh Ninh Bình', '0229 3645 101', 'tthcc.giavien@ninhbinh.gov.vn',
  'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00', 9);

INSERT INTO counter (unit_id, code, name, sort_order) VALUES
 (2, 'Q01', 'Quầy 01 – Tư pháp, hộ tịch', 1),
 (2, 'Q02', 'Quầy 02 – Đất đai, môi trường', 2),
 (2, 'Q03', 'Quầy 03 – Xây dựng', 3),
 (2, 'Q04', 'Quầy 04 – Trả kết quả', 4),
 (7, 'Q01', 'Quầy 01 – Hộ tịch, chứng thực', 1),
 (7, 'Q02', 'Quầy 02 – Đất đai', 2),
 (9, 'Q01', 'Quầy 01 – Tiếp nhận và trả kết quả', 1);

-- The place of the papers' place-and-date line and the title of each head.
UPDATE org_unit SET place = 'Ninh Bình', head_title = IF(level = 'province', 'CHỦ TỊCH', 'GIÁM ĐỐC')
 WHERE id IN (1, 2, 3, 4, 5);
UPDATE org_unit SET place = 'Hoa Lư', head_title = IF(level = 'commune', 'CHỦ TỊCH', 'GIÁM ĐỐC') WHERE id IN (6, 7);
UPDATE org_unit SET place = 'Gia Viễn', head_title = IF(level = 'commune', 'CHỦ TỊCH', 'GIÁM ĐỐC') WHERE id IN (8, 9);
