// The audit trail reads as sentences a leader understands ("<person> trả lời
// phản ánh <code>"), each object linked, filtered by person, action, object,
// unit and date, exported as CSV; a confidential case stays hidden from its subject.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, fileCase, caseAction } = require('../lib/client');

const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}
const sentences = html => [...html.matchAll(/<td class="sentence">([\s\S]*?)<\/td>/g)].map(m => m[1].replace(/\s+/g, ' ').trim());

let answered, noted, officer, officerId;
test('setup: an officer of the provincial centre answers one case and notes another', async () => {
  [[officerId, officer]] = sql("SELECT id, full_name FROM users WHERE username = 'canbo01'");
  answered = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41', content: 'Đề nghị thêm ghế chờ ở sảnh.' });
  noted = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41', content: 'Đề nghị có nước uống cho người chờ.' });
  const c = await as('canbo01');
  assert.strictEqual((await caseAction(c, answered.code, 'tra-loi', { text: 'Trung tâm sẽ bổ sung 20 ghế chờ.' })).status, 303);
  assert.strictEqual((await caseAction(c, noted.code, 'ghi-chu', { text: 'Đã báo bộ phận hậu cần.' })).status, 303);
});

test('sentences with linked objects, no internal codes', async () => {
  const r = await (await as('lanhdao01')).get('/lanh-dao/nhat-ky?nguoi=' + officerId);
  assert.strictEqual(r.status, 200);
  const lines = sentences(r.text);
  assert.ok(lines.includes(`${officer} trả lời phản ánh <a class="code" href="/can-bo/phan-anh/${answered.code}">${answered.code}</a>`), lines.slice(0, 5).join('\n'));
  assert.ok(lines.includes(`${officer} ghi chú nội bộ vào phản ánh <a class="code" href="/can-bo/phan-anh/${noted.code}">${noted.code}</a>`));
  assert.ok(!/case\.answer|feedback #|report #/.test(r.text), 'no internal codes or ids');
  assert.ok(lines.every(l => l.startsWith(officer + ' ')), 'the person filter keeps only their lines');
});

test('filters: action, object, dates; a wrong date is refused in Vietnamese', async () => {
  const c = await as('lanhdao01');
  const byAction = sentences((await c.get(`/lanh-dao/nhat-ky?nguoi=${officerId}&thao-tac=case_answer`)).text);
  assert.ok(byAction.length >= 1 && byAction.every(l => l.includes(' trả lời phản ánh ')), byAction.join('\n'));
  const byObject = sentences((await c.get(`/lanh-dao/nhat-ky?ma=${noted.code}`)).text);
  assert.deepStrictEqual(byObject, [`${officer} ghi chú nội bộ vào phản ánh <a class="code" href="/can-bo/phan-anh/${noted.code}">${noted.code}</a>`]);
  // a month long past holds none of these lines; a range around it all of them
  const past = await c.get(`/lanh-dao/nhat-ky?ma=${noted.code}&tu=2020-03-01&den=2020-03-31`);
  assert.deepStrictEqual(sentences(past.text), []);
  assert.match(past.text, /Không có thao tác nào khớp bộ lọc\./);
  assert.strictEqual(sentences((await c.get(`/lanh-dao/nhat-ky?ma=${noted.code}&tu=2020-03-01&den=2099-12-31`)).text).length, 1);
  const bad = await c.get('/lanh-dao/nhat-ky?tu=2026-13-45');
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Ngày không hợp lệ/);
  const order = await c.get('/lanh-dao/nhat-ky?tu=2026-03-31&den=2026-03-01');
  assert.strictEqual(order.status, 422);
  assert.match(order.text, /&quot;Từ ngày&quot; phải trước hoặc bằng &quot;Đến ngày&quot;/);
  // the unit filter: a commune centre's leader is not allowed the provincial centre
  assert.strictEqual((await (await as('lanhdao01')).get('/lanh-dao/nhat-ky?don-vi=000.00.01.H41')).status, 200);
});

test('CSV export: BOM, Vietnamese header, one line per action in words; the export itself is audited', async () => {
  const c = await as('lanhdao01');
  const before = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")[0][0]);
  const r = await fetch(process.env.MOTCUA_BASE + `/lanh-dao/nhat-ky?ma=${answered.code}&csv=1`, { headers: { cookie: c.cookieHeader() } });
  assert.strictEqual(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(r.headers.get('content-disposition'), /attachment; filename="nhat-ky.csv"/);
  const bytes = Buffer.from(await r.arrayBuffer());
  assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const text = bytes.toString('utf8').slice(1);
  assert.ok(text.startsWith('Thời điểm,Người thực hiện,Thao tác,Đối tượng,Chi tiết,Địa chỉ\r\n'), text.slice(0, 80));
  const rows = text.trim().split('\r\n').slice(1);
  assert.strictEqual(rows.length, 1);
  assert.ok(rows[0].includes(`"${officer}","trả lời phản ánh","${answered.code}","Trung tâm sẽ bổ sung 20 ghế chờ."`), rows[0]);
  assert.strictEqual(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")[0][0]), before + 1);
});

test('the administrator reads the trail of administration changes, and only those', async () => {
  const a = await as('quantri');
  const [[adminName]] = sql("SELECT full_name FROM users WHERE username = 'quantri'");
  const csrf = await a.csrf('/quan-tri/');
  assert.strictEqual((await a.post('/quan-tri/don-vi/000.00.01.H41/quay', { csrf, counter_code: 'Q67', counter_name: 'Quầy 67 (kiểm thử)' })).status, 303);
  const r = await a.get('/quan-tri/nhat-ky');
  assert.strictEqual(r.status, 200);
  const lines = sentences(r.text);
  // a new counter comes with its QR code: two lines, newest first
  assert.strictEqual(lines[0], `${adminName} tạo mã QR`);
  assert.match(lines[1], new RegExp(`^${adminName} tạo quầy <strong>Q67 · `), lines[1]);
  assert.ok(!lines.some(l => / (trả lời|ghi chú nội bộ vào) phản ánh|đăng nhập$/.test(l)), 'no officer work, no sign-ins');
  assert.match(r.text, /<a href="\/quan-tri\/nhat-ky">Nhật ký quản trị<\/a>/, 'in the administrator\'s menu');
  assert.strictEqual((await (await as('lanhdao01')).get('/quan-tri/nhat-ky')).status, 403);
});

// The administrator's trail is filtered like the leader's: by person, action
// and date, and exported as CSV (the export itself audited).  The audit log is
// a hash chain, so its times are not moved: the days are the stack's own
// (yesterday to tomorrow holds this test's changes whatever the hour), and a
// range in 2020 holds none of them.
test('the administration trail: filters by person, action and date; CSV; bad dates come back with a message', async () => {
  const a = await as('quantri');
  const [[adminId, adminName]] = sql("SELECT id, full_name FROM users WHERE username = 'quantri'");
  const [[from, to]] = sql('SELECT DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) - INTERVAL 1 DAY, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) + INTERVAL 1 DAY');
  const csrf = await a.csrf('/quan-tri/');
  assert.strictEqual((await a.post('/quan-tri/don-vi/000.00.01.H41/quay', { csrf, counter_code: 'Q68', counter_name: 'Quầy 68 (kiểm thử)' })).status, 303);
  assert.strictEqual((await a.post('/quan-tri/don-vi/000.00.01.H41/quay/Q68/doi-ten', { csrf, rename: 'Quầy 68 – Đổi tên' })).status, 303);
  const page = await a.get('/quan-tri/nhat-ky');
  assert.match(page.text, new RegExp(`<option value="${adminId}">${adminName}</option>`), 'the person choice');
  assert.match(page.text, /<option value="counter_rename">đổi tên quầy<\/option>/, 'actions in words');
  const lines = async q => sentences((await a.get('/quan-tri/nhat-ky?' + q)).text);
  const renames = await lines(`thao-tac=counter_rename&tu=${from}&den=${to}`);
  assert.ok(renames.length >= 1 && renames[0].startsWith(`${adminName} đổi tên quầy <strong>Q68 · `), renames.join(' | '));
  assert.ok(renames.every(l => / đổi tên quầy /.test(l)), 'only renames');
  const mine = await lines(`nguoi=${adminId}&tu=${from}&den=${to}`);
  assert.ok(mine.length >= 3 && mine.every(l => l.startsWith(adminName + ' ')), 'only the administrator\'s lines');
  assert.deepStrictEqual(await lines('tu=2020-01-01&den=2020-12-31'), [], 'a range before any change');
  // a person who changed nothing: nothing
  const [[officerId2]] = sql("SELECT id FROM users WHERE username = 'canbo01'");
  assert.deepStrictEqual(await lines(`nguoi=${officerId2}&tu=${from}&den=${to}`), []);
  // dates the administrator typed wrong come back with a message
  const bad = await a.get('/quan-tri/nhat-ky?tu=2026-13-45');
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Ngày không hợp lệ/);
  const order = await a.get('/quan-tri/nhat-ky?tu=2026-03-31&den=2026-03-01');
  assert.strictEqual(order.status, 422);
  assert.match(order.text, /&quot;Từ ngày&quot; phải trước hoặc bằng &quot;Đến ngày&quot;/);
  // the CSV of the filtered trail: BOM, header, the lines in words; the export audited
  const before = Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")[0][0]);
  const r = await fetch(process.env.MOTCUA_BASE + `/quan-tri/nhat-ky?thao-tac=counter_rename&tu=${from}&den=${to}&csv=1`, { headers: { cookie: a.cookieHeader() } });
  assert.strictEqual(r.status, 200);
  assert.match(r.headers.get('content-disposition'), /filename="nhat-ky-quan-tri.csv"/);
  const bytes = Buffer.from(await r.arrayBuffer());
  assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.strictEqual(rows[0], 'Thời điểm,Người thực hiện,Thao tác,Đối tượng,Chi tiết,Địa chỉ');
  assert.strictEqual(rows.length, renames.length + 1, 'the same lines as the page');
  assert.ok(/^"\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d"/.test(rows[1]) && rows[1].includes(`"${adminName}","đổi tên quầy","Q68`), rows[1]);
  assert.strictEqual(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")[0][0]), before + 1);
});
