// Leader audit: figures computed on a small hand-made data set must match the
// page, the drill-down list and the CSV; a leader sees only its subtree.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl } = require('../lib/client');

const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"
const T = {};
// The month the data set lives in, fixed so that no figure depends on today's date.
const PERIOD = 'tu=2026-03-01&den=2026-03-31';
const RECEIVED = '2026-03-02 02:00:00';   // UTC: 09:00 in Vietnam
const DUE = '2026-03-09 03:00:00';        // 10:00 in Vietnam
const RATED = '2026-03-10 03:00:00';
const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}

test('setup: unit X with its leader and officer; 9 dossiers received through the counter', async () => {
  sql("INSERT INTO org_unit (parent_id, code, name, short_name, level) VALUES (8, 'TEST.X.H41', 'Trung tâm kiểm thử X', 'TT X', 'centre')");
  sql("UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = 'TEST.X.H41'");
  [[T.unit]] = sql("SELECT id FROM org_unit WHERE code = 'TEST.X.H41'");
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('lanhdao_x', 'Cao Minh Đức', 'Giám đốc', 'leader', ${T.unit}, '${HASH}'),
       ('canbo_x', 'Tạ Thị Ngân', 'Chuyên viên', 'officer', ${T.unit}, '${HASH}')`);
  sql("INSERT INTO field (code, name) VALUES ('T-X', 'Lĩnh vực kiểm thử X')");
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from)
       VALUES ('9.000099', 'Thủ tục kiểm thử X', (SELECT id FROM field WHERE code = 'T-X'), 'commune', ${T.unit}, 5, 'Đơn', 'Kiểm thử', '2025-07-01')`);
  const [[proc]] = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000099'");
  const c = await as('canbo_x');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  T.codes = [];
  for (let i = 0; i < 9; i++) {
    const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: proc, name: `Công dân ${i}`, documents: 'Đơn', sets: '1', channel: 'counter', collect: 'counter' });
    assert.strictEqual(r.status, 303);
    T.codes.push(r.headers.get('location').split('/')[3]);
  }
  // All 9 were received on Monday 02/03/2026 (a fixed month in the past, whatever
  // day the suite runs); 7 of them missed their appointment of Monday 09/03/2026 and
  // 5 of those got a signed apology.
  const all = T.codes.map(c => `'${c}'`).join(',');
  sql(`UPDATE dossier SET received_at = '${RECEIVED}' WHERE code IN (${all})`);
  const late = T.codes.slice(0, 7).map(c => `'${c}'`).join(',');
  sql(`UPDATE dossier SET original_due_at = '${DUE}', due_at = '${DUE}' WHERE code IN (${late})`);
  for (const code of T.codes.slice(0, 5)) {
    sql(`INSERT INTO apology (dossier_id, unit_id, number, status, reason_code, reason_text, old_due_at, new_due_at, drafted_by, drafted_at, signed_at, on_time)
         SELECT id, unit_id, 'x/PXL', 'signed', 'workload', 'Quá tải', original_due_at, original_due_at + INTERVAL 5 DAY,
                (SELECT id FROM users WHERE username = 'canbo_x'), original_due_at - INTERVAL 3 DAY, original_due_at - INTERVAL 2 DAY, 1
         FROM dossier WHERE code = '${code}'`);
  }
  // a draft does not count as an apology
  sql(`INSERT INTO apology (dossier_id, unit_id, status, reason_code, reason_text, old_due_at, new_due_at, drafted_by, drafted_at)
       SELECT id, unit_id, 'draft', 'workload', 'Nháp', original_due_at, original_due_at, (SELECT id FROM users WHERE username = 'canbo_x'), UTC_TIMESTAMP()
       FROM dossier WHERE code = '${T.codes[5]}'`);
  T.noApology = T.codes.slice(5, 7).sort();
  // 20 ratings of the month, 5 not satisfied; two answer the officer-attitude criterion: 3 and 2
  const levels = [...Array(10).fill(3), ...Array(5).fill(2), ...Array(5).fill(1)];
  sql(`INSERT INTO rating (ref, channel, unit_id, level, c_attitude, created_at, updated_at) VALUES ` +
      levels.map((l, i) => `('testx${String(i).padStart(11, '0')}', 'qr', ${T.unit}, ${l}, ` +
        `${i === 0 ? 3 : i === 10 ? 2 : 'NULL'}, '${RATED}', '${RATED}')`).join(', '));
  // the rows above were written by hand, not by the programs: the operator's command recounts
  assert.match(motcuactl('rebuild-stats'), /late-dossier figures rebuilt/);
});

test('the dashboard shows 9 received, 7 late of which 2 without an apology, 75,0% of the ratings satisfied', async () => {
  const c = await as('lanhdao_x');
  const r = await c.get(`/lanh-dao/?${PERIOD}`);
  assert.strictEqual(r.status, 200);
  const fig = key => {
    const m = r.text.match(new RegExp(`loai=${key}&amp;[^"]*">(\\d+)<`));
    return m && Number(m[1]);
  };
  assert.match(r.text, /Hồ sơ tiếp nhận<\/p>\s*<p class="fig-value"><a [^>]*loai=received[^>]*>9</);
  assert.strictEqual(fig('late'), 7);
  assert.strictEqual(fig('late_no_apology'), 2);
  // (20 ratings − 5 not satisfied) / 20: the share of ratings, under its own name (the
  // QĐ 766 index counts dossiers: tests/http/061_qd766.test.js)
  assert.match(r.text, /Tỷ lệ lượt đánh giá hài lòng<\/p>\s*<p class="fig-value"><a [^>]*loai=ratings&[^>]*>75,0%</);
  assert.ok(!r.text.includes('Tỷ lệ hài lòng (QĐ 766)'));
  assert.match(r.text, /<svg viewBox="0 0 640 200" role="img"/, 'a server-rendered chart');
  assert.match(r.text, /Thái độ phục vụ \(điểm trung bình\)<\/p>\s*<p class="fig-value"><a [^>]*>2,50 \/ 3</);
  assert.match(r.text, /<figcaption>Tỷ lệ các mức hài lòng: Rất hài lòng 50,0%, Hài lòng 25,0%, Không hài lòng 25,0%<\/figcaption>/);
  assert.match(r.text, /Cách tính/);
});

test('drill-down: the 2 dossiers without an apology, each linking to the dossier; the CSV has the same rows', async () => {
  const c = await as('lanhdao_x');
  const list = await c.get(`/lanh-dao/danh-sach?loai=late_no_apology&${PERIOD}`);
  assert.strictEqual(list.status, 200);
  assert.match(list.text, /<strong id="row-count">2<\/strong>/);
  const body = list.text.slice(list.text.indexOf('<tbody>'));
  const codes = [...body.matchAll(/href="\/can-bo\/ho-so\/([^"]+)"/g)].map(m => m[1]).sort();
  assert.deepStrictEqual(codes, T.noApology);
  const open = await c.get('/can-bo/ho-so/' + codes[0]);
  assert.strictEqual(open.status, 200, 'the leader opens the dossier');
  // a list of people: its CSV asks why first, and the audit row keeps the answer
  const ask = await c.get(`/lanh-dao/danh-sach?loai=late_no_apology&${PERIOD}&csv=1`);
  assert.strictEqual(ask.status, 422);
  assert.match(ask.text, /Danh sách có dữ liệu cá nhân: vui lòng chọn mục đích trước khi tải CSV\./);
  assert.match(list.text, /<select id="muc-dich" name="muc-dich" required>/);
  const csv = await c.get(`/lanh-dao/danh-sach?loai=late_no_apology&${PERIOD}&csv=1&muc-dich=bao_cao`);
  const [[detail]] = sql("SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY id DESC LIMIT 1");
  assert.match(detail, /^late_no_apology 2026-03-01\.\.2026-03-31 .* muc-dich=bao_cao$/);
  assert.match(csv.headers.get('content-type'), /^text\/csv; charset=utf-8/);
  assert.match(csv.headers.get('content-disposition'), /attachment; filename="late_no_apology-/);
  const bytes = Buffer.from(await (await fetch(process.env.MOTCUA_BASE + `/lanh-dao/danh-sach?loai=late_no_apology&${PERIOD}&csv=1&muc-dich=bao_cao`,
    { headers: { cookie: c.cookieHeader() } })).arrayBuffer());
  assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.strictEqual(lines[0], '"Mã hồ sơ","Đơn vị tiếp nhận","Người nộp","Hẹn trả theo quy định","Có kết quả","Trạng thái","Số lần hẹn lại"');
  assert.deepStrictEqual(lines.slice(1).map(l => l.split(',')[0].replace(/"/g, '')).sort(), T.noApology);
  const all = await c.get(`/lanh-dao/danh-sach?loai=late&${PERIOD}`);
  assert.match(all.text, /<strong id="row-count">7<\/strong>/);
  assert.ok(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'report.export'")[0][0] >= '1', 'exports are audited');
});

test('every figure with a list is the number of rows of that list', async () => {
  const c = await as('lanhdao_x');
  const r = await c.get(`/lanh-dao/?${PERIOD}`);
  const links = [...r.text.matchAll(/<p class="fig-value"><a href="([^"]*loai=(\w+)[^"]*)">(\d+)<\/a>/g)];
  const seen = new Set();
  for (const [, href, kind, value] of links) {
    if (seen.has(kind)) continue;
    seen.add(kind);
    const list = await c.get(href.replace(/&amp;/g, '&'));
    assert.strictEqual(list.status, 200, kind);
    assert.match(list.text, new RegExp(`<strong id="row-count">${value}</strong>`), `${kind}: ${value} rows`);
  }
  for (const k of ['received', 'late', 'late_no_apology', 'ratings', 'apologies', 'feedback']) assert.ok(seen.has(k), k);
  const ones = await c.get(`/lanh-dao/danh-sach?loai=ratings_1&${PERIOD}`);
  assert.match(ones.text, /<strong id="row-count">5<\/strong>/);
  assert.strictEqual((ones.text.match(/<td>Không hài lòng<\/td>/g) || []).length, 5, 'levels in words');
});

test('signing the apology of a late dossier updates the figure at once, without a recount', async () => {
  const [[aid]] = sql(`SELECT a.id FROM apology a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = '${T.codes[5]}'`);
  const c = await as('lanhdao_x');
  const csrf = await c.csrf('/can-bo/ho-so/' + T.codes[5]);
  const r = await c.post(`/can-bo/ho-so/${T.codes[5]}/xin-loi/${aid}/ky`, { csrf, title: 'GIÁM ĐỐC' });
  assert.strictEqual(r.status, 303);
  const dash = await c.get(`/lanh-dao/?${PERIOD}`);
  const m = dash.text.match(/loai=late_no_apology&amp;[^"]*">(\d+)</);
  assert.strictEqual(Number(m[1]), 1);
  const list = await c.get(`/lanh-dao/danh-sach?loai=late_no_apology&${PERIOD}`);
  const body = list.text.slice(list.text.indexOf('<tbody>'));
  assert.deepStrictEqual([...body.matchAll(/href="\/can-bo\/ho-so\/([^"]+)"/g)].map(x => x[1]), [T.codes[6]]);
  T.noApology = [T.codes[6]];
});

test('the dashboard tables as CSV: the province sees unit X with 9 received, 7 late, 1 without apology', async () => {
  const c = await as('lanhdao02');
  const r = await fetch(process.env.MOTCUA_BASE + `/lanh-dao/?don-vi=000.22.00.H41&${PERIOD}&csv=don-vi`,
    { headers: { cookie: c.cookieHeader() } });
  assert.strictEqual(r.status, 200);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  const text = Buffer.from(await r.arrayBuffer()).toString('utf8');
  assert.strictEqual(text.charCodeAt(0), 0xfeff, 'BOM');
  const rows = text.slice(1).trim().split('\r\n')
    .map(l => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map(m => m[1].replace(/""/g, '"')));
  const head = rows[0];
  const x = rows.find(row => row[0] === 'Trung tâm kiểm thử X');
  assert.ok(x, 'the sub-unit row');
  const at = name => x[head.indexOf(name)];
  assert.strictEqual(at('Hồ sơ tiếp nhận'), '9');
  assert.strictEqual(at('Hồ sơ trễ hẹn'), '7');
  assert.strictEqual(at('Trễ hẹn chưa có văn bản xin lỗi'), '1');
  assert.strictEqual(at('Tỷ lệ lượt đánh giá hài lòng'), '75,0%');
  assert.match(at('Hạng theo lượt đánh giá hài lòng'), /^[1-9]\d*$/, '20 ratings: ranked');
  assert.strictEqual(at('Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC'), '—', 'no dossier finished: no index');
  assert.strictEqual(at('Hạng đúng hạn'), '', 'nothing finished: not ranked');
  for (const t of ['quay', 'can-bo', 'thang']) {
    const t2 = await fetch(process.env.MOTCUA_BASE + `/lanh-dao/?${PERIOD}&csv=${t}`, { headers: { cookie: c.cookieHeader() } });
    assert.strictEqual(t2.status, 200, t);
  }
  assert.strictEqual((await c.get(`/lanh-dao/?${PERIOD}&csv=khac`)).status, 400);
});

test('scope: a leader sees only its subtree; the provincial leader sees everything; officers none', async () => {
  assert.strictEqual((await (await as('lanhdao01')).get('/lanh-dao/?don-vi=TEST.X.H41')).status, 403);
  const prov = await (await as('lanhdao02')).get(`/lanh-dao/?don-vi=TEST.X.H41&${PERIOD}`);
  assert.strictEqual(prov.status, 200);
  assert.match(prov.text, /Trung tâm kiểm thử X/);
  const list = await (await as('lanhdao01')).get(`/lanh-dao/danh-sach?loai=late&${PERIOD}`);
  for (const code of T.codes) assert.ok(!list.text.includes(code), 'another unit\'s dossiers are not listed');
  assert.strictEqual((await (await as('canbo_x')).get('/lanh-dao/')).status, 403);
  assert.strictEqual((await (await as('lanhdao_x')).get('/lanh-dao/danh-sach?loai=khac')).status, 400);
});

test('the audit trail of the subtree: who did what, when, from where', async () => {
  const r = await (await as('lanhdao_x')).get('/lanh-dao/nhat-ky');
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /Tạ Thị Ngân/);
  assert.match(r.text, /Tạ Thị Ngân tiếp nhận hồ sơ <a class="code" href="\/can-bo\/ho-so\//);
  assert.ok(!r.text.includes('Nguyễn Thị Hồng Nhung'), 'people of other units are not shown');
});

test('the printable monthly report page', async () => {
  const r = await (await as('lanhdao_x')).get(`/lanh-dao/?${PERIOD}&in=1`);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /Báo cáo tình hình giải quyết hồ sơ và mức độ hài lòng/);
  assert.match(r.text, /Trung tâm kiểm thử X/);
});
