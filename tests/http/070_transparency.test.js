// Transparency: procedure catalogue (with and without diacritics), procedure
// page with the real processing time, unit directory, dossier look-up.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, resetLimits } = require('../lib/client');

test('search: "dang ky" finds exactly what "đăng ký" finds, ranked, paginated', async () => {
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from) VALUES
       ('9.100001', 'Đăng ký kinh doanh hộ gia đình (kiểm thử)', (SELECT MIN(id) FROM field), 'commune', 7, 3, 'Giấy đề nghị', 'Nghị định 01/2021/NĐ-CP', '2025-07-01'),
       ('9.100002', 'Cấp lại giấy đăng ký kinh doanh (kiểm thử)', (SELECT MIN(id) FROM field), 'province', 2, 5, 'Đơn', 'Nghị định 01/2021/NĐ-CP', '2025-07-01'),
       ('9.100003', 'Thủ tục đã hết hiệu lực đăng ký kinh doanh (kiểm thử)', (SELECT MIN(id) FROM field), 'province', 2, 5, 'Đơn', 'x', '2020-01-01')`);
  sql("UPDATE procedure_tthc SET effective_to = '2024-12-31' WHERE national_code = '9.100003'");
  motcuactl('search-index');   // written in SQL: their folded names for the search
  const c = new Client();
  const names = t => [...t.matchAll(/<a href="\/thu-tuc\/([^"]+)">/g)].map(m => m[1]);
  const plain = await c.get('/thu-tuc/?q=' + encodeURIComponent('dang ky kinh doanh'));
  const marked = await c.get('/thu-tuc/?q=' + encodeURIComponent('Đăng ký kinh doanh'));
  assert.strictEqual(plain.status, 200);
  assert.deepStrictEqual(names(plain.text), names(marked.text));
  assert.ok(names(plain.text).includes('9.100001') && names(plain.text).includes('9.100002'));
  assert.ok(!names(plain.text).includes('9.100003'), 'expired versions are not offered');
  assert.ok(names(plain.text).indexOf('9.100001') < names(plain.text).indexOf('9.100002'), 'names starting with the words first');
  const byCode = await c.get('/thu-tuc/?q=9.100002');
  assert.deepStrictEqual(names(byCode.text), ['9.100002']);
  const commune = await c.get('/thu-tuc/?q=kinh+doanh&cap=commune');
  assert.ok(names(commune.text).includes('9.100001') && !names(commune.text).includes('9.100002'));
});

test('procedure page: what to bring, statutory time, fee; the real median appears only from 10 dossiers', async () => {
  const c = new Client();
  let r = await c.get('/thu-tuc/9.100001');
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /Giấy đề nghị/);
  assert.match(r.text, /<strong>3 ngày làm việc<\/strong>/);
  assert.match(r.text, /Chưa đủ số liệu/);
  const [[proc]] = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.100001'");
  const rows = [];
  // 10 dossiers finished in 1, 2, ..., 10 days; 7 on or before their appointment
  for (let i = 1; i <= 10; i++) {
    rows.push(`('TT-KT-${i}', 7, ${proc}, 'Người ${i}', 'returned', UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL ${30 - 7} DAY,
      UTC_TIMESTAMP() - INTERVAL ${30 - 7} DAY, UTC_TIMESTAMP() - INTERVAL ${30 - i} DAY, '')`);
  }
  sql(`INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, status, received_at, due_at, original_due_at, finished_at, documents) VALUES ${rows.join(',')}`);
  r = await c.get('/thu-tuc/9.100001');
  assert.match(r.text, /6,0 ngày \(trung vị, 10 hồ sơ\)/);
  assert.match(r.text, /tỷ lệ đúng hạn: 70,0%/);
  assert.strictEqual((await c.get('/thu-tuc/0.000000')).status, 404);
});

test('unit directory: address, hotline, counters with the officers on duty and their rating pages', async () => {
  const r = await new Client().get('/don-vi/');
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /Trung tâm Phục vụ hành chính công tỉnh Ninh Bình/);
  assert.match(r.text, /Quầy 01 – Tư pháp, hộ tịch<\/strong>\s*<br>Cán bộ tại quầy: Nguyễn Thị Hồng Nhung \(Chuyên viên\)/);
  assert.match(r.text, /href="\/q\/[0-9A-Z]{21}\/ap-phich"/);
  assert.ok(!/\$argon2id|0915000111/.test(r.text));
});

test('dossier look-up without the QR: code + last 4 phone digits; wrong tries throttled', async () => {
  resetLimits();
  const c = new Client();
  const [[code, phone]] = sql("SELECT code, applicant_phone FROM dossier WHERE applicant_phone <> '' AND source = 'local' ORDER BY id LIMIT 1");
  const ok = await c.get(`/ho-so/?ma=${encodeURIComponent(code)}&so=${phone.slice(-4)}`);
  assert.strictEqual(ok.status, 303);
  assert.match(ok.headers.get('location'), /^\/ho-so\/[0-9A-Z]{21}$/);
  assert.ok((await c.get(ok.headers.get('location'))).text.includes(code));
  const wrong = await c.get(`/ho-so/?ma=${encodeURIComponent(code)}&so=${phone.slice(-4) === '0000' ? '1111' : '0000'}`);
  assert.strictEqual(wrong.status, 404);
  assert.match(wrong.text, /Không tìm thấy hồ sơ khớp/);
  assert.strictEqual((await c.get('/ho-so/?ma=x&so=12')).status, 422);
  for (let i = 0; i < 9; i++) await c.get(`/ho-so/?ma=KHONG-CO-${i}&so=1234`);
  const stopped = await c.get(`/ho-so/?ma=${encodeURIComponent(code)}&so=${phone.slice(-4)}`);
  assert.strictEqual(stopped.status, 429, 'a guesser is stopped, even with the right answer');
  assert.match(stopped.text, /tra cứu sai quá nhiều lần/);
  resetLimits();
});

test('a phone typed at the counter with spaces or dots is looked up by its last 4 digits', async () => {
  resetLimits();
  const [[code, before]] = sql("SELECT code, applicant_phone FROM dossier WHERE applicant_phone <> '' AND source = 'local' ORDER BY id DESC LIMIT 1");
  try {
    for (const typed of ['0912 345 678', '0912.345.678']) {
      sql(`UPDATE dossier SET applicant_phone = '${typed}' WHERE code = '${code}'`);
      const r = await new Client().get(`/ho-so/?ma=${encodeURIComponent(code)}&so=5678`);
      assert.strictEqual(r.status, 303, typed);
    }
  } finally {
    sql(`UPDATE dossier SET applicant_phone = '${before}' WHERE code = '${code}'`);
    resetLimits();
  }
});

test('the public account reads no phone numbers: only the look-up view', () => {
  const fs = require('fs');
  const { execFileSync } = require('child_process');
  const pw = fs.readFileSync(`${process.env.MOTCUA_VAR}/motcua.hdf`, 'utf8').match(/^DB\.Accounts\.citizen\.Password = (\S+)$/m)[1];
  const as = q => execFileSync('mariadb', ['--no-defaults', `--socket=${require('../lib/client').DB_SOCKET}`, '-umotcua_citizen', `-p${pw}`, '-N', '-B', 'motcua', '-e', q], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  assert.throws(() => as('SELECT applicant_phone FROM dossier LIMIT 1'), /denied/);
  assert.throws(() => as('SELECT applicant_name FROM dossier LIMIT 1'), /denied/);
  assert.match(as('SELECT COUNT(*) FROM dossier_lookup'), /^\d+/);
  // the page "Dữ liệu cá nhân của bạn" reads the masked view: never a whole number
  const phones = as("SELECT phone FROM dossier_masked WHERE phone IS NOT NULL").trim().split('\n');
  assert.ok(phones.length > 0 && phones.every(p => /^•*\d{0,4}$/.test(p)), phones.slice(0, 3).join(' '));
});

// A page per unit (/don-vi/<code>): what the directory shows of it, its own
// procedures 20 to a page, its figures of the last 365 days.  Unit TEST.U
// has 21 procedures (pages: 20 + 1), one counter with its officer and QR
// link, and 12 ratings yesterday: 6 "Rất hài lòng", 3 "Hài lòng", 3 "Không
// hài lòng" → satisfied share (6 + 3) / 12 = 75,0%; 50,0% / 25,0% / 25,0%.
test('a unit\'s own page: address, counter and officer on duty, its procedures paginated, its figures', async () => {
  sql("INSERT INTO org_unit (parent_id, code, name, short_name, level, address, hotline, opening_hours) VALUES (8, 'TEST.U.H41', 'Bộ phận Một cửa kiểm thử U', 'MC U', 'centre', 'Số 1 phố Thử, phường Hoa Lư', '0229 3000 070', 'Thứ Hai – Thứ Sáu')");
  const [[u]] = sql("SELECT id FROM org_unit WHERE code = 'TEST.U.H41'");
  // placed in the tree as the administration pages place a unit (under the commune of unit 8)
  sql(`UPDATE org_unit SET path = CONCAT('/1/8/', id, '/'), sort_order = 99 WHERE id = ${u}`);
  sql(`INSERT INTO counter (unit_id, code, name) VALUES (${u}, 'QU1', 'Quầy U1 – Kiểm thử')`);
  const [[ctr]] = sql(`SELECT id FROM counter WHERE unit_id = ${u}`);
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, counter_id, password_hash) VALUES ('canbo_u', 'Hà Thị Uyên', 'Chuyên viên', 'officer', ${u}, ${ctr}, 'x')`);
  const rows = [];
  for (let i = 1; i <= 21; i++) {
    rows.push(`('9.2000${String(i).padStart(2, '0')}', 'Thủ tục U số ${String(i).padStart(2, '0')} (kiểm thử)', (SELECT MIN(id) FROM field), 'province', ${u}, 4, 'Đơn', 'x', '2025-07-01')`);
  }
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from) VALUES ${rows.join(',')}`);
  sql(`INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, feedback, answered, answered_on_time) VALUES ('unit', ${u}, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL 1 DAY, 12, 6, 3, 3, 2, 0, 0), ('counter', ${ctr}, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL 1 DAY, 12, 6, 3, 3, 0, 0, 0)`);
  // the counter's day also has a second slot row (8 "Rất hài lòng"), and 400
  // days ago, outside the page's year, 10 "Không hài lòng": its row counts
  // 12 + 8 = 20 ratings, (6 + 8 + 3) / 20 = 85,0% satisfied; 70,0% / 15,0% / 15,0%
  sql(`INSERT INTO stat_day (scope, scope_id, day, slot, ratings, r3, r2, r1) VALUES ('counter', ${ctr}, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL 1 DAY, 3, 8, 8, 0, 0), ('counter', ${ctr}, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL 400 DAY, 0, 10, 0, 0, 10)`);
  // two more counters (three ids to look up): U2 with 10 "Rất hài lòng" yesterday, U3 with none
  sql(`INSERT INTO counter (unit_id, code, name) VALUES (${u}, 'QU2', 'Quầy U2 – Kiểm thử'), (${u}, 'QU3', 'Quầy U3 – Kiểm thử')`);
  sql(`INSERT INTO stat_day (scope, scope_id, day, ratings, r3) SELECT 'counter', id, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL 1 DAY, 10, 10 FROM counter WHERE unit_id = ${u} AND code = 'QU2'`);

  const c = new Client();
  const dir = await c.get('/don-vi/');
  assert.ok(dir.text.includes('<a href="/don-vi/TEST.U.H41">Bộ phận Một cửa kiểm thử U</a>'), 'the directory links the unit\'s page');
  const p1 = await c.get('/don-vi/TEST.U.H41');
  assert.strictEqual(p1.status, 200);
  const t = p1.text.replace(/>\s+</g, '><');
  assert.match(t, /<h1[^>]*>Bộ phận Một cửa kiểm thử U<\/h1>/);
  for (const want of ['Số 1 phố Thử, phường Hoa Lư', 'href="tel:0229 3000 070"', 'Thứ Hai – Thứ Sáu', 'Quầy U1 – Kiểm thử', 'Hà Thị Uyên (Chuyên viên)']) {
    assert.ok(t.includes(want), want);
  }
  const procs = s => [...s.matchAll(/<a href="\/thu-tuc\/(9\.2000\d\d)">/g)].map(m => m[1]);
  assert.strictEqual(procs(t).length, 20);
  assert.strictEqual(procs(t)[0], '9.200001');
  assert.ok(!t.includes('href="/thu-tuc/9.100001"'), 'only this unit\'s procedures');
  assert.ok(t.includes('href="/don-vi/TEST.U.H41?trang=2#procs"'));
  const p2 = (await c.get('/don-vi/TEST.U.H41?trang=2')).text;
  assert.deepStrictEqual(procs(p2), ['9.200021']);
  assert.ok(p2.includes('href="/don-vi/TEST.U.H41?trang=1#procs"'), 'and back');
  const unitRow = t.split('<tr>').find(s => s.includes('<th scope="row">Bộ phận Một cửa kiểm thử U</th>'));
  assert.match(unitRow, /<td>12<\/td><td>75,0%<\/td><td>50,0% \/ 25,0% \/ 25,0%<\/td>/);
  const counterRow = t.split('<tr>').find(s => s.includes('Quầy U1 – Kiểm thử · MC U'));
  assert.match(counterRow || '', /<td>20<\/td><td>85,0%<\/td><td>70,0% \/ 15,0% \/ 15,0%<\/td>/, 'the counter\'s row: its slots of the year, none of the days before it');
  const counter2 = t.split('<tr>').find(s => s.includes('Quầy U2 – Kiểm thử · MC U'));
  assert.match(counter2 || '', /<td>10<\/td><td>100,0%<\/td><td>100,0% \/ 0,0% \/ 0,0%<\/td>/, 'the second counter\'s row');
  assert.ok(!t.includes('Trung tâm Phục vụ hành chính công xã Gia Viễn'), 'no other unit\'s figures');
  // a counter's rating link is offered once the counter has one
  assert.ok(!t.includes('href="/q/'), 'no QR link yet');
  assert.strictEqual((await c.get('/don-vi/KHONG.CO')).status, 404);
  assert.strictEqual((await c.get('/don-vi/TEST.U.H41?trang=abc')).status, 200, 'a bad page number shows page 1');
});
