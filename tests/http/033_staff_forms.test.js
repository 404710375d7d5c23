// The case and dossier pages do not invite mistakes: nobody is preselected to
// receive a case, each action shows only its own fields, and the actions that
// end a case or a dossier ask first on a page of their own (no script).
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, fileCase, addProcedures } = require('../lib/client');

const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}
const csrfOf = html => html.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
// the <form> elements of a page whose action ends with the given path
const formsTo = (html, end) => [...html.matchAll(/<form [^>]*action="([^"]+)"[\s\S]*?<\/form>/g)]
  .filter(m => m[1].endsWith(end)).map(m => m[0]);
const status = code => sql(`SELECT status FROM feedback WHERE code = '${code}'`)[0][0];

let named;
test('setup: a named petition at a commune centre, with a phone and no e-mail', async () => {
  named = await fileCase({ kind: 'petition', identity: 'named', unit: '000.22.01.H41', content: 'Đề nghị niêm yết phí chứng thực.',
    name: 'Trần Văn Bình', phone: '0987654321', address: 'Thôn Đông' });
});

test('case page: "Giao cho" preselects nobody and is required; an empty choice is refused in Vietnamese', async () => {
  const c = await as('canbo05');
  const page = await c.get('/can-bo/phan-anh/' + named.code);
  assert.strictEqual(page.status, 200);
  const sel = page.text.match(/<select id="assign" name="officer" required>([\s\S]*?)<\/select>/);
  assert.ok(sel, 'the assignee list is required');
  assert.match(sel[1], /^<option value="">— chọn người —<\/option>/, 'its first option is the empty one');
  assert.ok(!/selected/.test(sel[1]), 'nobody is preselected');
  const r = await c.post(`/can-bo/phan-anh/${named.code}/giao`, { csrf: csrfOf(page.text), officer: '' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng chọn người được giao xử lý\./);
  assert.deepStrictEqual(sql(`SELECT assigned_to FROM feedback WHERE code = '${named.code}'`), [['NULL']]);
});

test('case page: the forward fields belong to the forward form only; the contact line has no empty separator', async () => {
  const c = await as('canbo05');
  const page = await c.get('/can-bo/phan-anh/' + named.code);
  const classify = formsTo(page.text, '/phan-loai');
  assert.strictEqual(classify.length, 2, 'classify and forward are two forms');
  const [plain, forward] = classify;
  assert.ok(!/name="unit"|name="reason"|value="rejected"/.test(plain), 'classifying shows no unit, reason or rejection');
  assert.match(forward, /name="class" value="forwarded"/);
  assert.match(forward, /<select id="cls-unit" name="unit" required><option value="">— chọn đơn vị —<\/option>/);
  assert.match(forward, /Lý do chuyển/);
  // name · phone · address: the missing e-mail leaves no "· ·"
  assert.match(page.text, /<span class="contact">Trần Văn Bình · 0987654321 · Thôn Đông<\/span>/);
  assert.ok(!/· ·/.test(page.text));
  // one button vocabulary: primary, secondary, destructive
  assert.match(page.text, /<button type="submit" class="primary">Đăng câu trả lời<\/button>/);
  assert.match(page.text, /<a class="btn destructive" href="\/can-bo\/phan-anh\/[^"]+\/tu-choi">Không tiếp nhận phản ánh…<\/a>/);
});

test('not accepting a case: a confirmation page with the consequences, then the POST; GET changes nothing', async () => {
  const c = await as('canbo05');
  const confirm = await c.get(`/can-bo/phan-anh/${named.code}/tu-choi`);
  assert.strictEqual(confirm.status, 200);
  assert.match(confirm.text, /Không thể hoàn tác/);
  const [form] = formsTo(confirm.text, '/phan-loai');
  assert.match(form, /name="csrf" value="[0-9a-f]{64}"/);
  assert.match(form, /name="class" value="rejected"/);
  assert.match(form, /<label for="confirm-reason">Lý do không tiếp nhận<\/label>/);
  assert.match(form, /<button type="submit" class="destructive">Không tiếp nhận phản ánh<\/button>/);
  assert.strictEqual(status(named.code), 'new', 'opening the confirmation changes nothing');
  const empty = await c.post(`/can-bo/phan-anh/${named.code}/phan-loai`, { csrf: csrfOf(confirm.text), class: 'rejected', reason: ' ' });
  assert.strictEqual(empty.status, 422);
  assert.match(empty.text, /Vui lòng ghi lý do\./);
  assert.match(empty.text, /name="class" value="rejected"/, 'the confirmation comes back with the error');
  assert.strictEqual(status(named.code), 'new');
  const noCsrf = await c.post(`/can-bo/phan-anh/${named.code}/phan-loai`, { class: 'rejected', reason: 'Trùng lặp' });
  assert.strictEqual(noCsrf.status, 403, 'CSRF kept');
  const ok = await c.post(`/can-bo/phan-anh/${named.code}/phan-loai`, { csrf: csrfOf(confirm.text), class: 'rejected', reason: 'Trùng với phản ánh đã trả lời' });
  assert.strictEqual(ok.status, 303);
  assert.strictEqual(status(named.code), 'rejected');
});

let code;
test('dossier page: distinct reason labels; refusing and stopping ask first on a page of their own', async () => {
  addProcedures('T-XN', 'Xác nhận (kiểm thử)', [['9.033001', 'Xác nhận tình trạng cư trú (kiểm thử)', 'commune', 9]]);
  const c = await as('canbo05');
  const form = await c.get('/can-bo/ho-so/moi');
  const pid = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.033001'")[0][0];
  const made = await c.post('/can-bo/ho-so/moi', { csrf: csrfOf(form.text), procedure: pid, name: 'Phạm Thị Hoa', phone: '0912345678',
    documents: 'Tờ khai; bản chính; 1', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(made.status, 303, made.text.slice(0, 300));
  code = sql("SELECT code FROM dossier WHERE applicant_name = 'Phạm Thị Hoa'")[0][0];
  const page = await c.get('/can-bo/ho-so/' + code);
  assert.ok(!/Ghi chú \/ lý do/.test(page.text), 'no field is labelled "Ghi chú / lý do"');
  assert.match(page.text, /Nội dung cần bổ sung, hoàn thiện/);
  assert.ok(!/name="note"[^>]*>\s*<button[^>]*>Từ chối/.test(page.text), 'no refusal form on the dossier page itself');
  assert.match(page.text, /<a class="btn destructive" href="\/can-bo\/ho-so\/[^"]+\/tu-choi">Từ chối giải quyết/);
  // the forward form alone has the unit, receiver and due-date fields
  const [fwd] = formsTo(page.text, '/chuyen');
  assert.match(fwd, /name="unit" required/);
  for (const other of [...formsTo(page.text, '/co-ket-qua'), ...formsTo(page.text, '/yeu-cau-bo-sung')]) {
    assert.ok(!/name="unit"|name="receiver"|name="step_due"/.test(other), 'only forwarding asks for a unit');
  }
  const confirm = await c.get(`/can-bo/ho-so/${code}/tu-choi`);
  assert.strictEqual(confirm.status, 200);
  assert.match(confirm.text, /Phiếu từ chối giải quyết/);
  assert.match(confirm.text, /<label for="confirm-reason">Lý do từ chối giải quyết \(ghi trên Phiếu từ chối\)<\/label>/);
  const st = () => sql(`SELECT status FROM dossier WHERE code = '${code}'`)[0][0];
  assert.strictEqual(st(), 'received');
  const empty = await c.post(`/can-bo/ho-so/${code}/tu-choi`, { csrf: csrfOf(confirm.text), note: '' });
  assert.strictEqual(empty.status, 422);
  assert.match(empty.text, /Vui lòng ghi lý do\./);
  assert.match(empty.text, /class="destructive">Từ chối giải quyết hồ sơ</);
  assert.strictEqual(st(), 'received');
  const ok = await c.post(`/can-bo/ho-so/${code}/tu-choi`, { csrf: csrfOf(confirm.text), note: 'Không thuộc thẩm quyền của xã' });
  assert.strictEqual(ok.status, 303);
  assert.strictEqual(st(), 'refused');
  // one vocabulary: the list and the dossier say what the move said
  const after = await c.get('/can-bo/ho-so/' + code);
  assert.match(after.text, /<strong>Từ chối giải quyết<\/strong>/);
  assert.ok(!/Từ chối tiếp nhận/.test(after.text));
  const list = await c.get('/can-bo/ho-so/?loc=refused');
  assert.match(list.text, new RegExp(code.replace(/\./g, '\\.') + '[\\s\\S]*?<td>Từ chối giải quyết</td>'));
});

test('stopping a dossier: its own confirmation page', async () => {
  const c = await as('canbo05');
  const r = await c.get(`/can-bo/ho-so/${code}/dung`);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /<h1>Dừng giải quyết hồ sơ/);
  assert.match(r.text, /<label for="confirm-reason">Lý do dừng giải quyết<\/label>/);
  assert.match(r.text, /action="\/can-bo\/ho-so\/[^"]+\/dung"/);
});

test('administration: taking a counter out of service and revoking a QR code ask first; GET changes nothing', async () => {
  const a = await as('quantri');
  const csrf = await a.csrf('/quan-tri/');
  const unit = '000.22.01.H41';
  assert.strictEqual((await a.post(`/quan-tri/don-vi/${unit}/quay`, { csrf, counter_code: 'Q33', counter_name: 'Quầy 33 (kiểm thử)' })).status, 303);
  const active = () => sql(`SELECT c.active FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '${unit}' AND c.code = 'Q33'`)[0][0];
  const unitPage = await a.get(`/quan-tri/don-vi/${unit}`);
  assert.match(unitPage.text, /<a class="btn destructive" href="\/quan-tri\/don-vi\/000\.22\.01\.H41\/quay\/Q33\/trang-thai">Ngừng hoạt động Q33…<\/a>/);
  const confirm = await a.get(`/quan-tri/don-vi/${unit}/quay/Q33/trang-thai`);
  assert.strictEqual(confirm.status, 200);
  assert.match(confirm.text, /<h1>Ngừng hoạt động quầy <span class="code">Q33<\/span><\/h1>/);
  assert.match(confirm.text, /mã QR của quầy ngừng nhận đánh giá/);
  assert.match(confirm.text, /name="active" value="0"/);
  assert.strictEqual(active(), '1', 'the confirmation page changes nothing');
  const [form] = formsTo(confirm.text, '/trang-thai');
  const fields = Object.fromEntries([...form.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(m => [m[1], m[2]]));
  assert.strictEqual((await a.post(`/quan-tri/don-vi/${unit}/quay/Q33/trang-thai`, fields)).status, 303);
  assert.strictEqual(active(), '0');
  assert.strictEqual((await a.get(`/quan-tri/don-vi/${unit}/quay/Q33/trang-thai`)).status, 404, 'nothing left to confirm');

  assert.strictEqual((await a.post('/quan-tri/ma-qr/moi', { csrf, unit, kind: 'unit' })).status, 303);
  const id = sql(`SELECT MAX(q.id) FROM qr_link q JOIN org_unit u ON u.id = q.unit_id WHERE u.code = '${unit}' AND q.kind = 'unit'`)[0][0];
  const list = await a.get(`/quan-tri/ma-qr?don-vi=${unit}`);
  assert.match(list.text, new RegExp(`<a class="btn destructive" href="/quan-tri/ma-qr/thu-hoi\\?id=${id}">Thu hồi #${id}…</a>`));
  const ask = await a.get(`/quan-tri/ma-qr/thu-hoi?id=${id}`);
  assert.strictEqual(ask.status, 200);
  assert.match(ask.text, /<h1>Thu hồi mã QR/);
  assert.match(ask.text, /Không thể hoàn tác/);
  assert.strictEqual(sql(`SELECT revoked_at IS NULL FROM qr_link WHERE id = ${id}`)[0][0], '1');
  const [qform] = formsTo(ask.text, '/thu-hoi');
  const qfields = Object.fromEntries([...qform.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(m => [m[1], m[2]]));
  assert.strictEqual(qfields.id, id);
  assert.strictEqual((await a.post('/quan-tri/ma-qr/thu-hoi', qfields)).status, 303);
  assert.strictEqual(sql(`SELECT revoked_at IS NULL FROM qr_link WHERE id = ${id}`)[0][0], '0');
  assert.strictEqual((await a.get(`/quan-tri/ma-qr/thu-hoi?id=${id}`)).status, 404, 'a revoked code is not offered again');
  // officers cannot open the administrator's confirmations
  assert.strictEqual((await (await as('canbo05')).get(`/quan-tri/ma-qr/thu-hoi?id=${id}`)).status, 403);
});

test('administration: revoking a counter tablet and stopping an API key ask first; GET changes nothing', async () => {
  const a = await as('quantri');
  const csrf = await a.csrf('/quan-tri/');
  const [[counter]] = sql("SELECT id FROM counter WHERE active = 1 ORDER BY id LIMIT 1");
  assert.strictEqual((await a.post('/quan-tri/may-tinh-bang', { csrf, counter, name: 'Máy 033' })).status, 201);
  const [[kid]] = sql("SELECT MAX(id) FROM kiosk_device WHERE name = 'Máy 033'");
  const revoked = () => sql(`SELECT revoked_at IS NOT NULL FROM kiosk_device WHERE id = ${kid}`)[0][0];
  const list = await a.get('/quan-tri/may-tinh-bang');
  assert.ok(list.text.includes(`<a class="btn destructive" href="/quan-tri/may-tinh-bang/thu-hoi?id=${kid}">`), 'a link to the confirmation, not a button that acts');
  const ask = await a.get(`/quan-tri/may-tinh-bang/thu-hoi?id=${kid}`);
  assert.strictEqual(ask.status, 200);
  assert.match(ask.text, /<h1>Thu hồi máy tính bảng đánh giá/);
  assert.match(ask.text, /Máy 033/);
  assert.match(ask.text, /Không thể hoàn tác/);
  assert.strictEqual(revoked(), '0', 'the confirmation page changes nothing');
  const [kform] = formsTo(ask.text, '/may-tinh-bang/thu-hoi');
  const kfields = Object.fromEntries([...kform.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(m => [m[1], m[2]]));
  assert.strictEqual(kfields.id, kid);
  assert.strictEqual((await a.post('/quan-tri/may-tinh-bang/thu-hoi', kfields)).status, 303);
  assert.strictEqual(revoked(), '1');
  assert.strictEqual((await a.get(`/quan-tri/may-tinh-bang/thu-hoi?id=${kid}`)).status, 404, 'nothing left to confirm');
  // the kiosk tests (080) count the tablets and their enrolments from none
  sql(`DELETE FROM kiosk_device WHERE id = ${kid}`);

  const made = await a.post('/quan-tri/khoa-api', { csrf, name: 'Phần mềm 033', unit: '000.00.01.H41' });
  assert.strictEqual(made.status, 201);
  const [[aid]] = sql("SELECT MAX(id) FROM api_client WHERE name = 'Phần mềm 033'");
  const active = () => sql(`SELECT active FROM api_client WHERE id = ${aid}`)[0][0];
  const keys = await a.get('/quan-tri/khoa-api');
  assert.ok(keys.text.includes(`<a class="btn destructive" href="/quan-tri/khoa-api/${aid}/ngung">`));
  const stop = await a.get(`/quan-tri/khoa-api/${aid}/ngung`);
  assert.strictEqual(stop.status, 200);
  assert.match(stop.text, /<h1>Ngừng khóa API/);
  assert.match(stop.text, /Phần mềm 033/);
  assert.strictEqual(active(), '1', 'the confirmation page changes nothing');
  const [aform] = formsTo(stop.text, `/khoa-api/${aid}/ngung`);
  const afields = Object.fromEntries([...aform.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(m => [m[1], m[2]]));
  assert.strictEqual((await a.post(`/quan-tri/khoa-api/${aid}/ngung`, afields)).status, 303);
  assert.strictEqual(active(), '0');
  assert.strictEqual((await a.get(`/quan-tri/khoa-api/${aid}/ngung`)).status, 404, 'a stopped key is not offered again');
  // officers cannot open them
  assert.strictEqual((await (await as('canbo05')).get(`/quan-tri/khoa-api/${aid}/ngung`)).status, 403);
});

// The counter officer's intake: one procedure picker that narrows as one types
// (an <input list> over the unit's procedures: no script needed), whose choice
// fills the documents to check before receiving; Enter in any field does the
// next step.  Unit 2 (canbo01): its procedures by hand below.
test('intake: one procedure picker; the choice fills its documents, then the dossier is received', async () => {
  const c = await as('canbo01');
  const page = await c.get('/can-bo/ho-so/moi');
  assert.strictEqual(page.status, 200);
  assert.strictEqual((page.text.match(/<input id="thu_tuc" name="thu_tuc" list="procedures"/g) || []).length, 1, 'one picker');
  assert.ok(!/<select[^>]*name="(procedure|tt)"/.test(page.text), 'no second procedure list');
  const [[id, name, nat, docsBatch]] = sql("SELECT id, name, national_code, documents FROM procedure_tthc WHERE unit_id = 2 AND time_unit = 'working_days' AND effective_to IS NULL ORDER BY id LIMIT 1");
  const docs = docsBatch.replace(/\\n/g, '\n');   // the client's batch output writes a newline as \n
  const option = `<option value="${name} (${nat})">`;
  assert.ok(page.text.includes(option), 'the list offers "name (code)"');
  const foreign = sql("SELECT national_code FROM procedure_tthc WHERE unit_id <> 2 AND national_code NOT IN (SELECT national_code FROM procedure_tthc WHERE unit_id = 2) LIMIT 1")[0][0];
  assert.ok(!page.text.includes(`(${foreign})"`), 'only the unit\'s own procedures');
  const before = Number(sql('SELECT COUNT(*) FROM dossier')[0][0]);
  const typed = { csrf: csrfOf(page.text), thu_tuc: `${name} (${nat})`, name: 'Hoàng Văn Tiếp', phone: '0912 333 444', documents: '',
    sets: '1', channel: 'counter', collect: 'counter', counter: '0' };
  // the first Enter: the documents of the procedure, to check; nothing received
  const filled = await c.post('/can-bo/ho-so/moi', typed);
  assert.strictEqual(filled.status, 200);
  assert.match(filled.text, /Đã điền thành phần hồ sơ theo thủ tục đã chọn/);
  assert.ok(filled.text.includes('value="Hoàng Văn Tiếp"') && filled.text.includes('value="0912 333 444"'), 'what was typed is kept');
  const area = filled.text.match(/<textarea id="documents"[^>]*>([\s\S]*?)<\/textarea>/)[1];
  assert.strictEqual(area.replace(/&#10;|&#13;/g, m => m === '&#10;' ? '\n' : '\r').replace(/&amp;/g, '&'), docs, 'the procedure\'s own documents');
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM dossier')[0][0]), before, 'nothing received yet');
  // the second: received, the receipt next
  const done = await c.post('/can-bo/ho-so/moi', { ...typed, csrf: csrfOf(filled.text), documents: docs });
  assert.strictEqual(done.status, 303);
  assert.match(done.headers.get('location'), /\/can-bo\/ho-so\/[^/]+\/giay-hen$/);
  const code = done.headers.get('location').split('/')[3];
  assert.deepStrictEqual(sql(`SELECT procedure_id, applicant_name FROM dossier WHERE code = '${code}'`), [[id, 'Hoàng Văn Tiếp']]);
  // typed without diacritics, or by its code alone: the same procedure
  for (const t of [name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase(), nat]) {
    const again = await c.post('/can-bo/ho-so/moi', { ...typed, csrf: csrfOf(filled.text), thu_tuc: t });
    assert.strictEqual(again.status, 200, t);
    assert.ok(again.text.includes(`value="${name} (${nat})"`), `«${t}» picks ${nat}`);
  }
  // nothing of the unit's: refused in Vietnamese, the text kept
  for (const t of ['thủ tục không có', foreign]) {
    const bad = await c.post('/can-bo/ho-so/moi', { ...typed, csrf: csrfOf(filled.text), thu_tuc: t, documents: 'Tờ khai' });
    assert.strictEqual(bad.status, 422, t);
    assert.match(bad.text, /Vui lòng chọn thủ tục của đơn vị/);
    assert.ok(bad.text.includes(`value="${t}"`) || bad.text.includes('value="Hoàng Văn Tiếp"'), 'what was typed is kept');
  }
});
