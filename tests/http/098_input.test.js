// Declared input (core/input.c): in every program, garbage where a number is
// expected, an overlong text or a missing required field is refused with the
// form again (422), the message in Vietnamese beside the field and what was
// typed kept; a GET filter that is not valid is ignored and the default shown.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { test } = require('../lib/harness');
const { Client, sql, staff: as, qrPath, formFields, resetLimits, addProcedures } = require('../lib/client');

const csrfOf = html => html.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
const count = q => Number(sql(q)[0][0]);
const LONG = n => 'ệ'.repeat(n);

// ---- admin -----------------------------------------------------------------

async function admin(path, fields) {
  const c = await as('quantri');
  return c.post(path, { csrf: await c.csrf('/quan-tri/'), ...fields });
}

test('admin: a deadline that is not a number is refused with its message and kept', async () => {
  const bad = await admin('/quan-tri/loai-phan-anh/suggestion', { answer_days: '12abc', forward_days: '3' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Thời hạn là số ngày làm việc từ 1 đến 60/);
  assert.ok(bad.text.includes('value="12abc"'), 'typed value kept');
});

test('admin: a new unit with a garbage sort order, an overlong name, no code: each field its message', async () => {
  const n0 = count('SELECT COUNT(*) FROM org_unit');
  const bad = await admin('/quan-tri/don-vi/moi', { code: '', name: 'Trung tâm ' + LONG(250), level: 'branch',
    valid_from: '2026-01-01', sort_order: 'ba' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Mã định danh chỉ gồm chữ không dấu/);
  assert.match(bad.text, /Vui lòng nhập tên \(không quá 255 ký tự, trên một dòng\)/);
  assert.match(bad.text, /Thứ tự hiển thị là một số từ 0 đến 1000000/);
  assert.ok(bad.text.includes('value="ba"'), 'the sort order typed is kept');
  assert.ok(bad.text.includes(LONG(250)), 'the name typed is kept');
  assert.strictEqual(count('SELECT COUNT(*) FROM org_unit'), n0);
});

test('admin: a tablet for a counter that is not a number is refused in Vietnamese, its name kept', async () => {
  const n0 = count('SELECT COUNT(*) FROM kiosk_device');
  const bad = await admin('/quan-tri/may-tinh-bang', { name: 'Máy 098', counter: '3abc' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Vui lòng chọn một quầy đang hoạt động/);
  assert.ok(bad.text.includes('value="Máy 098"'), 'the name typed is kept');
  assert.strictEqual(count('SELECT COUNT(*) FROM kiosk_device'), n0);
});

test('admin: ids, days and years that are not ones: 404 or 400, or ignored on a GET page', async () => {
  const c = await as('quantri');
  assert.strictEqual((await c.get('/quan-tri/ma-qr/thu-hoi?id=1x')).status, 404);
  assert.strictEqual((await admin('/quan-tri/ma-qr/thu-hoi', { id: '1x' })).status, 404);
  assert.strictEqual((await admin('/quan-tri/may-tinh-bang/thu-hoi', { id: 'abc' })).status, 404);
  assert.strictEqual((await admin('/quan-tri/lich/xoa', { day: '2026-02-30' })).status, 400);
  const cal = await c.get('/quan-tri/lich?nam=20x6&ngay=h%C3%B4m-nay');
  assert.strictEqual(cal.status, 200, 'a year or a day that is not one is ignored');
  const trail = await c.get('/quan-tri/nhat-ky?tu=2026-13-01');
  assert.ok(trail.text.includes('value="2026-13-01"'), 'the date typed is kept');
});

// ---- officer ---------------------------------------------------------------

let pid;
test('setup: a procedure of canbo05\'s unit', () => {
  const [[unit]] = sql("SELECT unit_id FROM users WHERE username = 'canbo05'");
  addProcedures('T-IN', 'Nhập liệu (kiểm thử)', [['9.098001', 'Xác nhận nhập liệu (kiểm thử)', 'commune', unit]]);
  pid = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.098001'")[0][0];
});

test('officer intake: garbage numbers, an overlong name, no documents: 422, messages beside the fields, typing kept', async () => {
  const c = await as('canbo05');
  const csrf = csrfOf((await c.get('/can-bo/ho-so/moi')).text);
  const n0 = count('SELECT COUNT(*) FROM dossier');
  const fields = { csrf, procedure: pid, name: 'Nguyễn Văn Nhập', address: 'Thôn Bắc', phone: '0912 345 678',
    documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter', counter: '0' };

  let r = await c.post('/can-bo/ho-so/moi', { ...fields, procedure: pid + 'abc' });
  assert.strictEqual(r.status, 422, 'a procedure id with letters is not procedure 0 nor another');
  assert.match(r.text, /<p class="field-error" id="err-procedure">Vui lòng chọn thủ tục của đơn vị\.<\/p>/);
  assert.ok(r.text.includes('value="Nguyễn Văn Nhập"'), 'the name typed is kept');
  assert.ok(r.text.includes('value="Thôn Bắc"'), 'the address typed is kept');

  r = await c.post('/can-bo/ho-so/moi', { ...fields, sets: 'hai', counter: 'x' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /id="err-sets">Số bộ hồ sơ phải từ 1 đến 99\./);
  assert.match(r.text, /id="err-counter">Vui lòng nhập một số nguyên \(chỉ gồm chữ số\)\./);
  assert.ok(r.text.includes('value="hai"'), 'the sets typed are kept');

  r = await c.post('/can-bo/ho-so/moi', { ...fields, name: 'Nguyễn ' + LONG(120), documents: '   ' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /id="err-name">Vui lòng nhập họ tên người nộp hồ sơ\./);
  // blank documents with a procedure picked: its own list ("Tờ khai", as
  // addProcedures writes it) is put in to check, not an error
  assert.ok(!/id="err-documents"/.test(r.text));
  assert.match(r.text, /<textarea id="documents"[^>]*>Tờ khai<\/textarea>/);
  assert.ok(r.text.includes(LONG(120)), 'the overlong name is shown again to be shortened');

  r = await c.post('/can-bo/ho-so/moi', { ...fields, documents: LONG(4001) });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /tối đa 4000 ký tự/);
  assert.strictEqual(count('SELECT COUNT(*) FROM dossier'), n0, 'nothing received');

  r = await c.post('/can-bo/ho-so/moi', { ...fields, sets: ' 2 ' });
  assert.strictEqual(r.status, 303, 'blanks around a number are trimmed');
});

test('officer dossier: an apology or a paper whose id in the URL is not a number is a 404; a refused apology keeps what was typed', async () => {
  const [[code]] = sql("SELECT d.code FROM dossier d JOIN users u ON u.unit_id = d.unit_id WHERE u.username = 'canbo05' ORDER BY d.id DESC LIMIT 1");
  const c = await as('canbo05');
  const base = `/can-bo/ho-so/${code}`;
  const csrf = csrfOf((await c.get(base)).text);
  for (const id of ['1x', '0', '-1', '%201']) {
    assert.strictEqual((await c.get(`${base}/xin-loi/${id}`)).status, 404, `letter ${id}`);
    assert.strictEqual((await c.get(`${base}/phieu/${id}`)).status, 404, `paper ${id}`);
  }
  assert.strictEqual((await c.post(`${base}/xin-loi/abc/ky`, { csrf, title: 'GIÁM ĐỐC' })).status, 404);
  assert.strictEqual((await c.post(`${base}/xin-loi/2e3/gui`, { csrf, channel: 'counter' })).status, 404);
  const n0 = count('SELECT COUNT(*) FROM apology');
  const r = await c.post(`${base}/xin-loi`, { csrf, reason: 'coordination', reason_text: 'Chờ ý kiến của Sở (giữ lại)', new_date: '2026-02-30' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Ngày hẹn mới phải là một ngày làm việc/);
  assert.ok(r.text.includes('Chờ ý kiến của Sở (giữ lại)'), 'the reason typed is kept');
  assert.ok(r.text.includes('value="2026-02-30"'), 'the date typed is kept');
  assert.strictEqual(count('SELECT COUNT(*) FROM apology'), n0);
});

test('officer canned answers: an id that is not a number neither edits nor creates; an overlong title is kept', async () => {
  const c = await as('canbo05');
  const csrf = csrfOf((await c.get('/can-bo/mau-tra-loi')).text);
  const n0 = count('SELECT COUNT(*) FROM canned_answer');
  let r = await c.post('/can-bo/mau-tra-loi', { csrf, id: '7x', title: 'Mẫu nhập liệu', body: 'Nội dung' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng nhập một số nguyên/);
  r = await c.post('/can-bo/mau-tra-loi', { csrf, title: 'Tiêu đề ' + LONG(120), body: 'Nội dung giữ lại' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /tối đa 120 ký tự/);
  assert.ok(r.text.includes('Nội dung giữ lại'), 'the body typed is kept');
  r = await c.post('/can-bo/mau-tra-loi/xoa', { csrf, id: 'abc' });
  assert.strictEqual(r.status, 422);
  assert.strictEqual(count('SELECT COUNT(*) FROM canned_answer'), n0);
});

test('officer filters: a counter, page or status that is not valid is ignored', async () => {
  const c = await as('canbo05');
  const plain = await c.get('/can-bo/');
  const odd = await c.get('/can-bo/?quay=abc&trang=-3&trang-thai=%3Cx%3E&loai=khac&q=' + 'a'.repeat(101));
  assert.strictEqual(odd.status, 200);
  const list = t => (t.match(/<tbody>[\s\S]*?<\/tbody>/) || [''])[0];
  assert.strictEqual(list(odd.text), list(plain.text), 'the default list');
  assert.strictEqual((await c.get('/can-bo/ho-so/?loc=x&trang=zz')).status, 200);
  assert.strictEqual((await c.get('/can-bo/so-theo-doi?tu=2026-02-30')).status, 200, 'a date that is not one: the default period');
});

// ---- leader ----------------------------------------------------------------

test('leader: filters that are not valid are ignored; an unknown list or CSV is a 400', async () => {
  const c = await as('lanhdao01');
  const month = await c.get('/lanh-dao/');
  const odd = await c.get('/lanh-dao/?tu=2026-02-30&den=2026-03-31&ky=tuan&don-vi=%3Cb%3E');
  assert.strictEqual(odd.status, 200);
  const period = t => t.match(/name="tu" type="date" value="([^"]*)"/)[1];
  assert.strictEqual(period(odd.text), period(month.text), 'the current month');
  assert.strictEqual((await c.get('/lanh-dao/danh-sach?loai=late&trang=abc')).status, 200);
  assert.strictEqual((await c.get('/lanh-dao/danh-sach?loai=%3Cx%3E')).status, 400);
  assert.strictEqual((await c.get('/lanh-dao/?csv=%3Cx%3E')).status, 400);
  assert.strictEqual((await c.get('/lanh-dao/nhat-ky?nguoi=abc&trang=x&thao-tac=%3Cx%3E')).status, 200);
});

// ---- citizen ---------------------------------------------------------------

const COUNTER = () => qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')");

test('citizen rating: a criterion that is not a level is a 422 in Vietnamese, the comment kept', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER();
  const hidden = formFields((await c.get(q)).text, `${q}/danh-gia`);
  const n0 = count('SELECT COUNT(*) FROM rating');
  let r = await c.post(`${q}/danh-gia`, { ...hidden, level: '2', c_attitude: 'abc', comment: 'Ghi lại góp ý này' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Mức đánh giá của một tiêu chí không hợp lệ/);
  assert.match(r.text, /Ghi lại góp ý này<\/textarea>/);
  r = await c.post(`${q}/danh-gia`, { ...hidden, level: '9' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng chọn một mức độ hài lòng/);
  r = await c.post(`${q}/danh-gia`, { ...hidden, level: '2', comment: LONG(1001) });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /tối đa 1000 ký tự/);
  assert.strictEqual(count('SELECT COUNT(*) FROM rating'), n0);
});

test('citizen feedback: a missing kind, an overlong name: 422 with the messages and the content kept', async () => {
  resetLimits();
  const c = new Client();
  const hidden = formFields((await c.get('/phan-anh/moi')).text, '/phan-anh/moi');
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...hidden, identity: 'named', unit: '000.00.01.H41',
    content: 'Nội dung cần giữ lại', name: 'Lê ' + LONG(120), phone: '0912345678' })) fd.append(k, v);
  const r = await c.post('/phan-anh/moi', fd);
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Nội dung cần giữ lại/);
  assert.ok(r.text.includes('id="err-kind"') && r.text.includes('id="err-name"'), 'a message beside each field');
});

test('citizen look-ups and catalogue: an overlong case code is a 422; catalogue filters out of place are ignored', async () => {
  const c = new Client();
  const r = await c.get('/phan-anh/?ma=' + 'A'.repeat(65));
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Nội dung quá dài/);
  const odd = await c.get('/thu-tuc/?trang=abc&linh-vuc=-1&cap=%3Cx%3E');
  assert.strictEqual(odd.status, 200);
  const lookup = await c.get('/ho-so/?ma=ABC&so=12a4');
  assert.strictEqual(lookup.status, 422);
  assert.ok(lookup.text.includes('value="ABC"'), 'the code typed is kept');
});

// ---- api -------------------------------------------------------------------

test('api: a step whose sequence number is text is refused, not stored as step 0', async () => {
  const KEY = crypto.randomBytes(32).toString('hex');
  const hash = execFileSync('b2sum', ['-l', '256'], { input: KEY, encoding: 'utf8' }).split(' ')[0];
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Kiểm thử nhập liệu', '${hash}', (SELECT id FROM org_unit WHERE code = '000.21.00.H41'), UTC_TIMESTAMP())`);
  const body = { dossiers: [{ code: 'IMP-IN-0001', unit_code: '000.21.01.H41', procedure_code: '9.000002', status: 'processing',
    applicant: { name: 'Hà Văn Nhập' }, received_at: '2026-11-18T08:15:00+07:00', due_at: '2026-11-19T17:00:00+07:00',
    steps: [{ seq: 'một', from_unit: '000.21.01.H41', to_unit: '000.21.00.H41', handed_at: '2026-11-18T09:00:00+07:00' }] }] };
  const r = await fetch(process.env.MOTCUA_BASE + '/api/v1/dossiers', { method: 'POST',
    headers: { authorization: 'Bearer ' + KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const j = await r.json();
  assert.strictEqual(j.accepted, 0);
  assert.match(j.rejected[0].reason, /Bước luân chuyển không hợp lệ \(số thứ tự/);
  assert.strictEqual(count("SELECT COUNT(*) FROM dossier WHERE code = 'IMP-IN-0001'"), 0);
});

test('api: an Open311 request with a phone that is not one, no description and blanks around the name: 400 in Vietnamese, nothing filed', async () => {
  const KEY = crypto.randomBytes(32).toString('hex');
  const hash = execFileSync('b2sum', ['-l', '256'], { input: KEY, encoding: 'utf8' }).split(' ')[0];
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Kiểm thử Open311', '${hash}', (SELECT id FROM org_unit WHERE code = '000.00.01.H41'), UTC_TIMESTAMP())`);
  const n0 = count('SELECT COUNT(*) FROM feedback');
  const post = async fields => {
    const r = await fetch(process.env.MOTCUA_BASE + '/open311/v2/requests.json', { method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ api_key: KEY, service_code: 'petition', address_id: '000.00.01.H41', ...fields }).toString() });
    return { status: r.status, json: await r.json() };
  };
  const r = await post({ description: '   ', first_name: '  An ', last_name: ' Nguyễn Văn ', phone: '09x2-abc' });
  assert.strictEqual(r.status, 400);
  const said = r.json.map(e => e.description).join('\n');
  assert.match(said, /Số điện thoại không hợp lệ/);
  assert.match(said, /description: /);
  assert.strictEqual(count('SELECT COUNT(*) FROM feedback'), n0, 'nothing filed');
  const ok = await post({ description: '  Góp ý nhập liệu  ', first_name: '  An ', last_name: ' Nguyễn Văn ', phone: ' 0912345678 ' });
  assert.strictEqual(ok.status, 200);
  const [[name, content]] = sql('SELECT contact_name, content FROM feedback ORDER BY id DESC LIMIT 1');
  assert.deepStrictEqual([name, content], ['Nguyễn Văn An', 'Góp ý nhập liệu'], 'the name put together and trimmed');
});
