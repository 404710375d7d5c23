// Dossiers: intake and the receipt with its QR, hand-overs (the control slip), the state
// machine, lateness, apology letters signed and shown to the citizen.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, resetLimits, formFields, newDossier } = require('../lib/client');

const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}
async function post(who, url, fields = {}) {
  const c = await as(who);
  const page = await c.get(url.replace(/\/[^/]+$/, '').replace(/\/xin-loi\/\d+$/, ''));
  const m = page.text.match(/name="csrf" value="([0-9a-f]{64})"/);
  return c.post(url, { csrf: m ? m[1] : (await c.csrf('/can-bo/')), ...fields });
}
function decodeSvgQr(html) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qrd-'));
  try {
    fs.writeFileSync(path.join(dir, 'q.svg'), html.match(/<svg[\s\S]*?<\/svg>/)[0]);
    execFileSync('rsvg-convert', ['-w', '500', path.join(dir, 'q.svg'), '-o', path.join(dir, 'q.png')]);
    return execFileSync('zbarimg', ['-q', '--raw', path.join(dir, 'q.png')], { encoding: 'utf8' }).trim();
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
// The calendar from the database: weekends plus the imported exceptions.
function isWorking(s) {
  const ex = new Map(sql('SELECT day, is_working FROM calendar_day').map(([d, w]) => [d, w === '1']));
  const wd = new Date(s + 'T00:00:00Z').getUTCDay();
  return ex.has(s) ? ex.get(s) : (wd !== 0 && wd !== 6);
}
const nextDay = s => new Date(new Date(s + 'T00:00:00Z').getTime() + 86400000).toISOString().slice(0, 10);
// Working days d with a < d <= b.
function workingDaysBetween(a, b) {
  let n = 0;
  for (let s = nextDay(a); s <= b; s = nextDay(s)) if (isWorking(s)) n++;
  return n;
}

const P = {};
const D = {};

test('setup: a procedure of 3 working days at the provincial centre, another at a commune centre', () => {
  sql("INSERT INTO field (code, name) VALUES ('T-HT', 'Hộ tịch (kiểm thử)')");
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, time_unit, fee, documents, result, legal_basis, effective_from)
       VALUES ('9.000001', 'Cấp bản sao trích lục hộ tịch (kiểm thử)', (SELECT id FROM field WHERE code = 'T-HT'), 'province', 2, 3, 'working_days',
               '8.000 đồng/bản', 'Tờ khai theo mẫu\nBản sao giấy tờ tùy thân', 'Bản sao trích lục', 'Luật Hộ tịch 2014', '2025-07-01'),
              ('9.000002', 'Chứng thực chữ ký (kiểm thử)', (SELECT id FROM field WHERE code = 'T-HT'), 'commune', 7, 1, 'working_days',
               '10.000 đồng', 'Giấy tờ cần chứng thực', 'Giấy tờ đã chứng thực', 'Nghị định 23/2015/NĐ-CP', '2025-07-01')`);
  P.prov = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000001'")[0][0];
  P.comm = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000002'")[0][0];
});

test('intake: the document list comes from the procedure; errors come back with what was typed', async () => {
  const c = await as('canbo01');
  const form = await c.get('/can-bo/ho-so/moi?tt=' + P.prov);
  assert.strictEqual(form.status, 200);
  assert.match(form.text, /Tờ khai theo mẫu\nBản sao giấy tờ tùy thân<\/textarea>/);
  const csrf = form.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const bad = await c.post('/can-bo/ho-so/moi', { csrf, procedure: P.prov, name: '', phone: '0912 345 678', documents: '', sets: '0', channel: 'counter', collect: 'counter' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Vui lòng nhập họ tên người nộp hồ sơ/);
  // documents left empty with a procedure picked: its list is put in to check
  assert.match(bad.text, /Tờ khai theo mẫu\nBản sao giấy tờ tùy thân<\/textarea>/);
  assert.match(bad.text, /Số bộ hồ sơ phải từ 1 đến 99/);
  assert.match(bad.text, /value="0912 345 678"/);
  const other = await c.post('/can-bo/ho-so/moi', { csrf, procedure: P.comm, name: 'X', documents: 'Y', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(other.status, 422, 'only the unit\'s own procedures');
});

test('intake: TT01 code, appointment from the working-day engine, the receipt with every field and a QR that opens the dossier', async () => {
  const c = await as('canbo01');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: P.prov, name: 'Trần Thị Hoa', address: 'Số 3 phố Vân Giang', phone: '0915000111',
    email: 'hoa@example.vn', documents: 'Tờ khai\nCCCD (bản sao)', sets: '1', channel: 'counter', collect: 'counter',
    counter: sql("SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q01'")[0][0] });
  assert.strictEqual(r.status, 303);
  const m = r.headers.get('location').match(/^\/can-bo\/ho-so\/(000\.00\.01\.H41-\d{6}-\d{4})\/giay-hen$/);
  assert.ok(m, r.headers.get('location'));
  D.a = m[1];
  const [[recv, due, status]] = sql(`SELECT DATE(received_at + INTERVAL 7 HOUR), DATE(due_at + INTERVAL 7 HOUR), status FROM dossier WHERE code = '${D.a}'`);
  assert.strictEqual(status, 'received');
  // received on a rest day: deemed received on the next working day; the period starts the day after
  let deemed = recv;
  while (!isWorking(deemed)) deemed = nextDay(deemed);
  assert.strictEqual(workingDaysBetween(deemed, due), 3, `received ${recv}, due ${due}`);
  assert.ok(isWorking(due), 'due on a working day');
  assert.match(D.a, new RegExp(`-${recv.slice(2, 4)}${recv.slice(5, 7)}${recv.slice(8, 10)}-`));
  const slip = await c.get(r.headers.get('location'));
  for (const want of ['Giấy tiếp nhận hồ sơ và hẹn trả kết quả', D.a, 'Trần Thị Hoa', 'Số 3 phố Vân Giang', '0915000111', 'Cấp bản sao trích lục hộ tịch (kiểm thử)',
    '<td>Tờ khai</td>', '<td>CCCD</td>', 'Số lượng hồ sơ: 1', '3 ngày làm việc', 'Thời gian trả kết quả giải quyết hồ sơ', '8.000 đồng/bản', 'Đăng ký nhận kết quả tại: Bộ phận Một cửa',
    'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nguyễn Thị Hồng Nhung', '/TNHS']) {
    assert.ok(slip.text.includes(want), `the receipt shows ${want}`);
  }
  const url = decodeSvgQr(slip.text);
  assert.match(url, /\/ho-so\/[0-9A-Z]{21}$/);
  D.aUrl = new URL(url).pathname;
  const pub = await new Client().get(D.aUrl);
  assert.strictEqual(pub.status, 200);
  assert.ok(pub.text.includes(D.a));
  assert.match(pub.text, /Mới tiếp nhận/);
  assert.ok(!pub.text.includes('Trần Thị Hoa') && !pub.text.includes('0915000111') && !pub.text.includes('Nguyễn Thị Hồng Nhung'),
    'no personal data on the public page');
  const viaQ = await new Client().get(D.aUrl.replace('/ho-so/', '/q/'));
  assert.strictEqual(viaQ.status, 303);
  assert.strictEqual(viaQ.headers.get('location'), D.aUrl);
  assert.match(sql(`SELECT action FROM audit_log WHERE object_type = 'dossier' AND object_id = (SELECT id FROM dossier WHERE code = '${D.a}')`)[0][0], /dossier.receive/);
});

test('50 concurrent intakes in one unit on one day get 50 different consecutive codes', async () => {
  const c = await as('canbo04');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const rs = await Promise.all(Array.from({ length: 50 }, (_, i) => c.post('/can-bo/ho-so/moi',
    { csrf, procedure: P.comm, name: `Người nộp ${i}`, documents: 'Giấy tờ', sets: '1', channel: 'counter', collect: 'counter' })));
  assert.deepStrictEqual([...new Set(rs.map(r => r.status))], [303]);
  const codes = rs.map(r => r.headers.get('location').split('/')[3]);
  assert.strictEqual(new Set(codes).size, 50);
  const seqs = codes.map(x => Number(x.slice(-4))).sort((a, b) => a - b);
  for (let i = 1; i < seqs.length; i++) assert.strictEqual(seqs[i], seqs[i - 1] + 1, 'no gaps, no repeats');
  D.c = codes[0];
});

test('the same intake form sent twice (a lost answer, a double click) is one dossier: its idempotency key finds the first', async () => {
  const c = await as('canbo04');
  const form = await c.get('/can-bo/ho-so/moi');
  const idem = form.text.match(/name="idem" value="([0-9a-f]{32})"/)[1];
  const csrf = form.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const fields = { csrf, idem, procedure: P.comm, name: 'Gửi Hai Lần', documents: 'Giấy tờ', sets: '1', channel: 'counter', collect: 'counter' };
  const [a, b] = await Promise.all([c.post('/can-bo/ho-so/moi', fields), c.post('/can-bo/ho-so/moi', fields)]);
  const again = await c.post('/can-bo/ho-so/moi', fields);
  assert.deepStrictEqual([a.status, b.status, again.status], [303, 303, 303]);
  const codes = new Set([a, b, again].map(r => r.headers.get('location').split('/')[3]));
  assert.strictEqual(codes.size, 1, 'one code for the three');
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM dossier WHERE applicant_name = 'Gửi Hai Lần'`), [['1']]);
  const fresh = await c.get('/can-bo/ho-so/moi');
  assert.notStrictEqual(fresh.text.match(/name="idem" value="([0-9a-f]{32})"/)[1], idem, 'a new form, a new key');
});

test('hand-overs (một cửa liên thông), supplement, result and return; the control slip and the citizen\'s timeline', async () => {
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  const [[u4]] = sql("SELECT id FROM org_unit WHERE code = '000.00.11.H41'");
  const base = `/can-bo/ho-so/${D.a}`;
  const wrong = await post('canbo01', `${base}/tra-ket-qua`);
  assert.strictEqual(wrong.status, 409);
  assert.match(wrong.text, /Không thể chuyển hồ sơ sang bước này/);
  assert.strictEqual((await post('canbo01', `${base}/chuyen`, { unit: u3, receiver: 'Ngô Thanh Hải' })).status, 303);
  // the processing department sees it and hands it on to a second agency
  assert.strictEqual((await (await as('chuyenvien03')).get(base)).status, 200);
  assert.strictEqual((await (await as('canbo04')).get(base)).status, 404, 'other units do not');
  assert.strictEqual((await post('chuyenvien03', `${base}/chuyen`, { unit: u4, note: 'Xin ý kiến phối hợp' })).status, 303);
  const noReason = await post('chuyenvien04', `${base}/yeu-cau-bo-sung`, { note: '' });
  assert.strictEqual(noReason.status, 422);
  assert.strictEqual((await post('chuyenvien04', `${base}/yeu-cau-bo-sung`, { note: 'Thiếu bản sao CCCD' })).status, 303);
  const oldDue = sql(`SELECT due_at FROM dossier WHERE code = '${D.a}'`)[0][0];
  // while it waits for the supplement, both pages say what its clock does; after, neither
  const waiting = sql(`SELECT wait_clock FROM dossier WHERE code = '${D.a}'`)[0][0];
  assert.ok(waiting, 'a supplement request sets the wait clock');
  assert.match((await new Client().get(D.aUrl)).text, /id="wait-clock"/);
  assert.match((await (await as('chuyenvien04')).get(base)).text, /id="wait-clock"/);
  assert.strictEqual((await post('chuyenvien04', `${base}/da-bo-sung`)).status, 303);
  assert.doesNotMatch((await new Client().get(D.aUrl)).text, /id="wait-clock"/, 'supplied: the clock is not shown');
  assert.doesNotMatch((await (await as('chuyenvien04')).get(base)).text, /id="wait-clock"/);
  assert.deepStrictEqual(sql(`SELECT status, due_at >= '${oldDue}' FROM dossier WHERE code = '${D.a}'`), [['processing', '1']], 'the period restarts after the supplement');
  // before the result is returned there is no rating form, and a rating sent anyway is
  // refused with the reason, in Vietnamese, and stores nothing
  resetLimits();
  const early = new Client();
  const before = await early.get(D.aUrl);
  assert.match(before.text, /id="rate-later"/);
  assert.ok(!before.text.includes('/danh-gia"'), 'no rating form before the result');
  const form = await early.get('/phan-anh/moi');
  const sent = await early.post(D.aUrl.replace('/ho-so/', '/q/') + '/danh-gia', {
    csrf: formFields(form.text, '/phan-anh/moi').csrf, idem: require('crypto').randomBytes(16).toString('hex'), level: '1' });
  assert.strictEqual(sent.status, 409);
  assert.match(sent.text, /Hồ sơ chưa trả kết quả nên chưa thể đánh giá/);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = '${D.a}'`), [['0']]);
  assert.strictEqual((await post('chuyenvien04', `${base}/co-ket-qua`)).status, 303);
  assert.strictEqual((await post('canbo01', `${base}/tra-ket-qua`)).status, 303);
  const steps = sql(`SELECT s.seq, fu.code, tu.code, s.result IS NOT NULL FROM dossier_step s JOIN org_unit fu ON fu.id = s.from_unit_id JOIN org_unit tu ON tu.id = s.to_unit_id WHERE s.dossier_id = (SELECT id FROM dossier WHERE code = '${D.a}') ORDER BY s.seq`);
  assert.deepStrictEqual(steps, [['1', '000.00.01.H41', '000.00.10.H41', '1'], ['2', '000.00.10.H41', '000.00.11.H41', '1'], ['3', '000.00.11.H41', '000.00.01.H41', '1']]);
  const slip = await (await as('canbo01')).get(`${base}/phieu-kiem-soat`);
  assert.match(slip.text, /Phiếu kiểm soát quá trình giải quyết hồ sơ/);
  assert.match(slip.text, /Sở Tư pháp tỉnh Ninh Bình/);
  assert.match(slip.text, /Người giao: Nguyễn Thị Hồng Nhung<br>Người nhận: Ngô Thanh Hải/);
  assert.match(slip.text, /Trước hạn|Đúng hạn/);
  const pub = await new Client().get(D.aUrl);
  assert.match(pub.text, /Đã trả kết quả/);
  assert.match(pub.text, /Chuyển hồ sơ · Sở Tư pháp tỉnh Ninh Bình/);
  assert.ok(!pub.text.includes('Ngô Thanh Hải'), 'no officer names in public');
  // the rating form appears with the result, and the rating is bound to the dossier
  resetLimits();
  const cit = new Client();
  const page = await cit.get(D.aUrl);
  const hidden = formFields(page.text, D.aUrl.replace('/ho-so/', '/q/') + '/danh-gia');
  const rated = await cit.post(D.aUrl.replace('/ho-so/', '/q/') + '/danh-gia', { ...hidden, level: '3' });
  assert.strictEqual(rated.status, 303);
  assert.deepStrictEqual(sql(`SELECT r.level, r.counter_id IS NOT NULL FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = '${D.a}'`), [['3', '1']]);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) >= 1 FROM stat_dossier_day WHERE scope = 'unit' AND scope_id = 2 AND finished > 0`), [['1']]);
});

test('refusal needs a reason; a refused dossier takes no further move', async () => {
  const base = `/can-bo/ho-so/${D.c}`;
  assert.strictEqual((await post('canbo04', `${base}/tu-choi`, { note: '' })).status, 422);
  assert.strictEqual((await post('canbo04', `${base}/tu-choi`, { note: 'Không thuộc thẩm quyền' })).status, 303);
  assert.strictEqual((await post('canbo04', `${base}/co-ket-qua`)).status, 409);
  // a refused dossier is never rated: the receipt's QR says so and stores nothing
  resetLimits();
  const [[qr]] = sql(`SELECT q.id FROM qr_link q JOIN dossier d ON d.id = q.dossier_id WHERE d.code = '${D.c}'`);
  const q = new URL(motcuactl('qr-url', qr).trim()).pathname;
  const cit = new Client();
  const page = await cit.get(q.replace('/q/', '/ho-so/'));
  assert.ok(!page.text.includes('id="rate-later"') && !page.text.includes('/danh-gia"'), 'neither a form nor a promise');
  const form = await cit.get('/phan-anh/moi');
  const sent = await cit.post(`${q}/danh-gia`, {
    csrf: formFields(form.text, '/phan-anh/moi').csrf, idem: require('crypto').randomBytes(16).toString('hex'), level: '1' });
  assert.strictEqual(sent.status, 409);
  assert.match(sent.text, /không có phần đánh giá/);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM rating r JOIN dossier d ON d.id = r.dossier_id WHERE d.code = '${D.c}'`), [['0']]);
});

test('lateness shows in time; the processing unit drafts the apology, a leader signs it (KT.), it is delivered; the citizen reads it', async () => {
  const c = await as('canbo01');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: P.prov, name: 'Đoàn Văn Sáng', documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' });
  D.b = r.headers.get('location').split('/')[3];
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  await post('canbo01', `/can-bo/ho-so/${D.b}/chuyen`, { unit: u3 });
  // with the appointment tomorrow it is "sắp đến hạn"
  const [[due0]] = sql(`SELECT due_at FROM dossier WHERE code = '${D.b}'`);
  sql(`UPDATE dossier SET due_at = UTC_TIMESTAMP() + INTERVAL 1 DAY, original_due_at = due_at WHERE code = '${D.b}'`);
  const near = await (await as('chuyenvien03')).get('/can-bo/ho-so/?loc=near');
  assert.ok(near.text.includes(D.b), 'listed as nearly due');
  sql(`UPDATE dossier SET due_at = '${due0}', original_due_at = due_at WHERE code = '${D.b}'`);
  const base = `/can-bo/ho-so/${D.b}`;
  const page = await (await as('chuyenvien03')).get(base);
  const suggested = page.text.match(/name="new_date" type="date" value="(\d{4}-\d{2}-\d{2})"/)[1];
  const badDate = await post('chuyenvien03', `${base}/xin-loi`, { reason: 'coordination', reason_text: '', new_date: '2020-01-01' });
  assert.strictEqual(badDate.status, 422);
  assert.match(badDate.text, /Ngày hẹn mới phải là một ngày làm việc/);
  assert.strictEqual((await post('chuyenvien03', `${base}/xin-loi`, { reason: 'coordination', reason_text: 'Cần lấy ý kiến Sở Nông nghiệp và Môi trường.', new_date: suggested })).status, 303);
  const [[aid]] = sql(`SELECT id FROM apology WHERE dossier_id = (SELECT id FROM dossier WHERE code = '${D.b}')`);
  assert.strictEqual((await post('chuyenvien03', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC' })).status, 403, 'an officer does not sign');
  assert.strictEqual((await post('giamdoc04', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC' })).status, 404, 'another department\'s leader cannot even open it');
  const pubBefore = await new Client().get(qrOf(D.b));
  assert.ok(!pubBefore.text.includes('Cần lấy ý kiến Sở Nông nghiệp'), 'a draft is not public');
  assert.strictEqual((await post('phogiamdoc03', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC', deputy: '1' })).status, 422, 'a deputy gives its position');
  assert.strictEqual((await post('phogiamdoc03', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC', deputy: '1', position: 'PHÓ GIÁM ĐỐC' })).status, 303);
  const [[num, title, mode, position, onTime, signer]] = sql(`SELECT number, signer_title, sign_mode, signer_position, on_time, signer_name FROM apology WHERE id = ${aid}`);
  assert.match(num, /^\d+\/PXL$/);
  assert.deepStrictEqual([title, mode, position, onTime, signer], ['GIÁM ĐỐC', 'KT', 'PHÓ GIÁM ĐỐC', '1', 'Đinh Thị Thu Hằng']);
  assert.deepStrictEqual(sql(`SELECT reappointments, DATE(due_at + INTERVAL 7 HOUR) FROM dossier WHERE code = '${D.b}'`), [['1', suggested]], 'the appointment moved');
  assert.strictEqual((await post('canbo01', `${base}/xin-loi/${aid}/gui`, { channel: 'counter' })).status, 303);
  const pub = await new Client().get(qrOf(D.b));
  // received after 15/09/2025: the letter of Circular 03/2025
  assert.match(pub.text, /VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT/);
  assert.match(pub.text, /Cần lấy ý kiến Sở Nông nghiệp và Môi trường/);
  assert.match(pub.text, /KT\. GIÁM ĐỐC/);
  const [y, mo, d] = suggested.split('-');
  assert.ok(pub.text.includes(`${d}/${mo}/${y}`), 'the new date is shown');
  // the apology letter prints with a QR to the dossier page
  const form = await (await as('canbo01')).get(`${base}/xin-loi/${aid}`);
  assert.match(form.text, new RegExp(num.replace('/', '\\/')));
  assert.strictEqual(new URL(decodeSvgQr(form.text)).pathname, qrOf(D.b));
  // only one re-appointment
  const again = await post('chuyenvien03', `${base}/xin-loi`, { reason: 'workload', reason_text: '', new_date: suggested });
  assert.strictEqual(again.status, 409);
  assert.match(again.text, /chỉ hẹn lại một lần/);
  // late again after it: the periodic job escalates to the unit above
  sql(`UPDATE dossier SET due_at = UTC_TIMESTAMP() - INTERVAL 1 DAY WHERE code = '${D.b}'`);
  motcuactl('tick');
  assert.deepStrictEqual(sql(`SELECT escalated_at IS NOT NULL FROM dossier WHERE code = '${D.b}'`), [['1']]);
  const acts = sql(`SELECT action FROM audit_log WHERE object_type = 'dossier' AND object_id = (SELECT id FROM dossier WHERE code = '${D.b}') ORDER BY id`).map(x => x[0]);
  for (const a of ['dossier.receive', 'dossier.forwarded', 'apology.draft', 'apology.sign', 'apology.deliver', 'dossier.escalate']) assert.ok(acts.includes(a), a);
});

test('an apology signed later than one working day before the appointment is marked late', async () => {
  const c = await as('canbo01');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: P.prov, name: 'Vũ Thị Thu', documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' });
  const code = r.headers.get('location').split('/')[3];
  // due today at 17:00 Vietnam time (10:00 UTC of today's local date), whatever the time of
  // day: "now + 2 hours" is tomorrow after 22:00 in Vietnam, and an apology signed the day
  // before its appointment is on time
  sql(`UPDATE dossier SET due_at = DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) + INTERVAL 10 HOUR WHERE code = '${code}'`);
  const base = `/can-bo/ho-so/${code}`;
  const page = await (await as('canbo01')).get(base);
  const suggested = page.text.match(/name="new_date" type="date" value="(\d{4}-\d{2}-\d{2})"/)[1];
  assert.strictEqual((await post('canbo01', `${base}/xin-loi`, { reason: 'workload', reason_text: '', new_date: suggested })).status, 303);
  const [[aid]] = sql(`SELECT id FROM apology WHERE dossier_id = (SELECT id FROM dossier WHERE code = '${code}')`);
  assert.strictEqual((await post('lanhdao01', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC TRUNG TÂM' })).status, 303);
  assert.deepStrictEqual(sql(`SELECT on_time, reason_text FROM apology WHERE id = ${aid}`),
    [['0', 'Số lượng hồ sơ tăng đột biến, đơn vị cần thêm thời gian thẩm định.']]);
  const staff = await (await as('canbo01')).get(base);
  assert.match(staff.text, /ký muộn so với thời hạn/);
});

test('The control slip and the tracking book as CSV for Excel', async () => {
  const c = await as('canbo01');
  const r = await c.get(`/can-bo/ho-so/${D.a}/phieu-kiem-soat?csv=1`);
  assert.match(r.headers.get('content-type'), /^text\/csv/);
  const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.strictEqual(lines[0], 'STT,Giao,Nhận,Thời gian giao nhận,Người giao,Người nhận,Hạn,Hoàn thành,Kết quả,Ghi chú');
  assert.strictEqual(lines.length, 4, 'three hand-overs');
  assert.match(lines[1], /^"1","Trung tâm Phục vụ hành chính công tỉnh Ninh Bình","Sở Tư pháp tỉnh Ninh Bình"/);
  // the book names applicants: its CSV asks why first, and the audit row keeps the answer
  const ask = await c.get('/can-bo/so-theo-doi?csv=1');
  assert.strictEqual(ask.status, 422);
  assert.match(ask.text, /vui lòng chọn mục đích trước khi tải CSV/);
  const book = await c.get('/can-bo/so-theo-doi?csv=1&muc-dich=khieu_nai');
  const [[detail]] = sql("SELECT detail FROM audit_log WHERE action = 'report.export' ORDER BY id DESC LIMIT 1");
  assert.match(detail, /^so-theo-doi \d{4}-\d\d-\d\d\.\.\d{4}-\d\d-\d\d muc-dich=khieu_nai$/);
  const rows = book.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(rows[0], /^STT,Mã hồ sơ,Tên thủ tục/);
  assert.ok(rows.some(l => l.includes(D.a) && l.includes('Trần Thị Hoa')), 'the dossier is in the book');
  const page = await c.get('/can-bo/so-theo-doi');
  assert.match(page.text, /Sổ theo dõi hồ sơ/);
  assert.ok(page.text.includes(D.a));
});

function qrOf(code) {
  const [[id]] = sql(`SELECT q.id FROM qr_link q JOIN dossier d ON d.id = q.dossier_id WHERE d.code = '${code}'`);
  return new URL(motcuactl('qr-url', id).trim()).pathname.replace('/q/', '/ho-so/');
}

test('the citizen\'s dossier page lists its history oldest first, two events of one minute in the order written', async () => {
  const { code, url } = await newDossier({ name: 'Đặng Văn Thứ Tự' });
  const [[id]] = sql(`SELECT id FROM dossier WHERE code = '${code}'`);
  const unit = (u) => sql(`SELECT name FROM org_unit WHERE id = ${u}`)[0][0];
  // written in this order; their times put them in another
  const ev = (mins, u) => sql(`INSERT INTO dossier_event (dossier_id, at, event, unit_id, body)
    SELECT id, received_at + INTERVAL ${mins} MINUTE, 'forwarded', ${u}, '' FROM dossier WHERE id = ${id}`);
  ev(20, 3);
  ev(10, 4);
  ev(20, 5);
  const page = await new Client().get(url);
  assert.strictEqual(page.status, 200);
  const line = page.text.split('<ol class="timeline">')[1].split('</ol>')[0];
  const at = (u) => line.indexOf(unit(u));
  assert.strictEqual(line.match(/<li>/g).length, 4, 'received, then the three hand-overs');
  assert.ok(line.indexOf('<li>') < at(4), 'the receipt first');
  assert.ok(at(4) > 0 && at(4) < at(3), 'minute 10 before minute 20');
  assert.ok(at(3) < at(5), 'two of minute 20: in the order written');
});

test('a procedure, unit or counter renamed, even by an operator\'s SQL, shows at once on the dossier pages of every worker', async () => {
  const { code, url } = await newDossier({ name: 'Trần Thị Đổi Tên' });
  const [[id, pid, uid]] = sql(`SELECT id, procedure_id, unit_id FROM dossier WHERE code = '${code}'`);
  const [[cid]] = sql(`SELECT id FROM counter WHERE unit_id = ${uid} ORDER BY id LIMIT 1`);
  const [[puid]] = sql(`SELECT id FROM org_unit WHERE id <> ${uid} ORDER BY id LIMIT 1`);
  sql(`UPDATE dossier SET counter_id = ${cid}, processing_unit_id = ${puid} WHERE id = ${id}`);
  const q = (v) => `'${v.replace(/'/g, "''")}'`;
  const was = {
    p: sql(`SELECT name FROM procedure_tthc WHERE id = ${pid}`)[0][0],
    u: sql(`SELECT name FROM org_unit WHERE id = ${uid}`)[0][0],
    pu: sql(`SELECT name FROM org_unit WHERE id = ${puid}`)[0][0],
    c: sql(`SELECT name FROM counter WHERE id = ${cid}`)[0][0],
  };
  const citizen = new Client();
  const officer = await as('canbo02');
  const staffUrl = `/can-bo/ho-so/${code}`;
  // every worker has read the rows (the pool grows under load: 16 of each)
  for (let i = 0; i < 16; i++) {
    const t = (await citizen.get(url)).text;
    assert.ok(t.includes(was.p) && t.includes(`· ${was.u}</li>`) && t.includes(was.c), `page ${i} before`);
    assert.ok((await officer.get(staffUrl)).text.includes(`<dd>${was.pu}</dd>`), `staff page ${i} before`);
  }
  try {
    sql(`UPDATE procedure_tthc SET name = 'Thủ tục đã đổi tên' WHERE id = ${pid}`);
    sql(`UPDATE org_unit SET name = 'Nơi tiếp nhận đã đổi tên' WHERE id = ${uid}`);
    sql(`UPDATE org_unit SET name = 'Nơi xử lý đã đổi tên' WHERE id = ${puid}`);
    sql(`UPDATE counter SET name = 'Quầy đã đổi tên' WHERE id = ${cid}`);
    for (let i = 0; i < 16; i++) {
      const t = (await citizen.get(url)).text;
      assert.ok(t.includes('Thủ tục đã đổi tên') && !t.includes(was.p), `page ${i}: the procedure's new name`);
      assert.ok(t.includes('· Nơi tiếp nhận đã đổi tên</li>'), `page ${i}: the unit's new name in the history`);
      assert.ok(t.includes('Quầy đã đổi tên'), `page ${i}: the counter's new name`);
      assert.ok((await officer.get(staffUrl)).text.includes('<dd>Nơi xử lý đã đổi tên</dd>'),
        `staff page ${i}: the processing unit's new name`);
    }
  } finally {
    sql(`UPDATE procedure_tthc SET name = ${q(was.p)} WHERE id = ${pid}`);
    sql(`UPDATE org_unit SET name = ${q(was.u)} WHERE id = ${uid}`);
    sql(`UPDATE org_unit SET name = ${q(was.pu)} WHERE id = ${puid}`);
    sql(`UPDATE counter SET name = ${q(was.c)} WHERE id = ${cid}`);
  }
  const t = (await citizen.get(url)).text;
  assert.ok(t.includes(was.p) && t.includes(`· ${was.u}</li>`), 'the old names back');
});

test('the citizen\'s dossier page writes its times in Vietnam\'s time (UTC+7), across local midnight', async () => {
  const { code, url } = await newDossier({ name: 'Lý Thị Giờ Địa Phương' });
  const [[id]] = sql(`SELECT id FROM dossier WHERE code = '${code}'`);
  const unit = (u) => sql(`SELECT name FROM org_unit WHERE id = ${u}`)[0][0];
  // kept in UTC: 17:30 on 2 March is 00:30 on 3 March in Vietnam
  sql(`UPDATE dossier SET received_at = '2026-03-02 17:30:00', original_due_at = '2026-03-09 10:00:00'
        WHERE id = ${id}`);
  const ev = (at, u) => sql(`INSERT INTO dossier_event (dossier_id, at, event, unit_id, body)
    VALUES (${id}, '${at}', 'forwarded', ${u}, '')`);
  ev('2026-03-02 16:59:00', 3);
  ev('2026-03-02 17:00:00', 4);
  const page = await new Client().get(url);
  assert.strictEqual(page.status, 200);
  const t = page.text;
  assert.ok(t.includes('<dd>00 giờ 30 phút, ngày 03/03/2026</dd>'), 'received at 00:30 local, the next day');
  assert.ok(t.includes('17 giờ 00 phút, ngày 09/03/2026'), 'due at 17:00 local');
  assert.ok(t.includes(`<span class="muted">02/03/2026 23:59</span> — Chuyển hồ sơ · ${unit(3)}`),
    'a minute before local midnight: still 2 March');
  assert.ok(t.includes(`<span class="muted">03/03/2026 00:00</span> — Chuyển hồ sơ · ${unit(4)}`),
    'at local midnight: 3 March');
});
