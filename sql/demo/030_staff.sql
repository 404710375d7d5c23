-- Demo staff of the processing departments (password "motcua-demo", argon2id).
-- The one-stop officers and leaders are created by motcuactl demo.
INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
 ('chuyenvien03', 'Ngô Thanh Hải', 'Chuyên viên Phòng Hành chính tư pháp', 'officer', 3, '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc'),
 ('giamdoc03', 'Trịnh Văn Lâm', 'Giám đốc Sở Tư pháp', 'leader', 3, '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc'),
 ('phogiamdoc03', 'Đinh Thị Thu Hằng', 'Phó Giám đốc Sở Tư pháp', 'leader', 3, '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc'),
 ('chuyenvien04', 'Mai Xuân Trường', 'Chuyên viên Văn phòng Đăng ký đất đai', 'officer', 4, '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc'),
 ('giamdoc04', 'Lương Quốc Việt', 'Giám đốc Sở Nông nghiệp và Môi trường', 'leader', 4, '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc');
