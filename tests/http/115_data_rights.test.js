// The citizen's rights over the personal data of a case or a dossier (Luật
// Bảo vệ dữ liệu cá nhân 91/2025/QH15, Art. 4; docs/personal-data.md): for
// each of correct, erase, restrict and object, the citizen asks from the page
// the second factor opens, the unit sees it with its deadline and answers,
// the citizen reads the answer, and the audit log has the answer.
'use strict';
const assert = require('assert');
const fs = require('fs');
const { test } = require('../lib/harness');
const { Client, sql, qrPath, fileCase, newDossier, resetLimits, text, VAR } = require('../lib/client');

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]);
const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}

// The citizen's request from the data page of path (a case's or a dossier's public page).
async function ask(client, path, fields) {
  resetLimits();
  const page = await client.get(`${path}/du-lieu`);
  assert.strictEqual(page.status, 200, `${path}/du-lieu`);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  return client.post(`${path}/du-lieu`, { csrf, ...fields });
}

async function askOk(client, path, fields) {
  const r = await ask(client, path, fields);
  assert.strictEqual(r.status, 303, r.text.slice(0, 300));
  const code = r.headers.get('location').match(/yc=(YC-[A-Z0-9]+)/)[1];
  const [[id]] = sql(`SELECT id FROM data_request WHERE code = '${code}'`);
  return { code, id };
}

async function answer(who, id, fields) {
  const c = await as(who);
  const page = await c.get(`/can-bo/yeu-cau-du-lieu/${id}`);
  assert.strictEqual(page.status, 200);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  return c.post(`/can-bo/yeu-cau-du-lieu/${id}/tra-loi`, { csrf, ...fields });
}

// the answer's audit row is on the case or dossier, its detail starting with the request's code
const auditOf = id => sql(`SELECT a.action FROM audit_log a JOIN data_request r ON r.id = ${id}
                            WHERE a.object_type = r.object_type AND a.object_id = r.object_id
                              AND a.detail LIKE CONCAT(r.code, ' %') ORDER BY a.id`);
const O = {};

test('setup: two named cases at the centre with a photo each, a confidential one about canbo01, a dossier', async () => {
  O.a = await fileCase({ kind: 'petition', identity: 'named', unit: '000.00.01.H41', content: 'Quyền dữ liệu: phản ánh thứ nhất.',
    name: 'Trần Văn Bình', phone: '0987000111', email: 'binh@example.vn', address: 'Phường Đông Thành' }, null, [JPEG]);
  O.b = await fileCase({ kind: 'suggestion', identity: 'named', unit: '000.00.01.H41', content: 'Quyền dữ liệu: phản ánh thứ hai.',
    name: 'Phạm Thị Cúc', phone: '0987000222', email: 'cuc@example.vn', address: 'Xã Ninh Nhất' }, null, [JPEG, JPEG]);
  const token = qrPath("kind = 'officer' AND officer_id = (SELECT id FROM users WHERE username = 'canbo01')").split('/')[2];
  O.c = await fileCase({ kind: 'conduct', identity: 'confidential', content: 'Quyền dữ liệu: phản ánh kín.',
    name: 'Người Giấu Tên', phone: '0977000333' }, token);
  O.d = await newDossier({ name: 'Vũ Thị Lan', phone: '0987654321' });
  sql(`UPDATE dossier SET applicant_email = 'lan@example.vn', applicant_address = 'Phường Nam Bình' WHERE code = '${O.d.code}'`);
});

test('the case\'s and the dossier\'s pages link to "Dữ liệu cá nhân của bạn", which shows what is held', async () => {
  const cpage = await O.a.citizen.get(`/phan-anh/${O.a.pub}`);
  assert.ok(cpage.text.includes(`href="/phan-anh/${O.a.pub}/du-lieu"`));
  assert.match(cpage.text, /Dữ liệu cá nhân của bạn/);
  const held = text((await O.a.citizen.get(`/phan-anh/${O.a.pub}/du-lieu`)).text);
  for (const s of ['Trần Văn Bình', '0987000111', 'binh@example.vn', 'Phường Đông Thành', 'Số tệp đính kèm 1']) assert.ok(held.includes(s), s);
  const c = new Client();
  const dpage = await c.get(O.d.url);
  assert.ok(dpage.text.includes(`href="${O.d.url}/du-lieu"`));
  const dheld = text((await c.get(`${O.d.url}/du-lieu`)).text);
  // a dossier's applicant, masked: the public account reads no name, phone or address of the
  // dossier table (tests/http/070_transparency.test.js), only the masked view
  for (const s of ['V• T•• L••', '••••••4321', 'l•••@example.vn', 'P••••• N•• B•••']) assert.ok(dheld.includes(s), s);
  for (const s of ['Vũ Thị Lan', '0987654321', 'lan@example.vn', 'Phường Nam Bình']) assert.ok(!dheld.includes(s), s);
  assert.ok(dheld.includes('bản đầy đủ do đơn vị lưu giữ'));
});

test('a wrong second factor, a link that is not a dossier\'s, a missing CSRF token: 404, 404, 403', async () => {
  const c = new Client();
  const wrong = O.a.pub.slice(0, -1) + (O.a.pub.endsWith('A') ? 'B' : 'A');
  resetLimits();
  assert.strictEqual((await c.get(`/phan-anh/${wrong}/du-lieu`)).status, 404);
  assert.strictEqual((await c.get(`/phan-anh/${O.a.code}/du-lieu`)).status, 404, 'the staff code without its check part');
  const dtok = O.d.url.split('/')[2];
  const bad = dtok.slice(0, -1) + (dtok.endsWith('A') ? 'B' : 'A');
  assert.strictEqual((await c.get(`/ho-so/${bad}/du-lieu`)).status, 404);
  const counter = qrPath("kind = 'counter'").split('/')[2];
  assert.strictEqual((await c.get(`/ho-so/${counter}/du-lieu`)).status, 404, 'a counter\'s QR link opens no dossier data');
  await c.get(`/phan-anh/${O.a.pub}/du-lieu`);
  const n = sql('SELECT COUNT(*) FROM data_request')[0][0];
  assert.strictEqual((await c.post(`/phan-anh/${O.a.pub}/du-lieu`, { kind: 'erase', detail: 'x' })).status, 403);
  assert.strictEqual((await c.post(`${O.d.url}/du-lieu`, { kind: 'erase', detail: 'x' })).status, 403);
  assert.strictEqual(sql('SELECT COUNT(*) FROM data_request')[0][0], n);
});

test('a correction without its field or value is refused in Vietnamese, with what was typed kept', async () => {
  let r = await ask(O.a.citizen, `/phan-anh/${O.a.pub}`, { kind: 'correct', value: '0912 345 678', detail: 'Tôi đã đổi số.' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng chọn mục cần sửa\./);
  assert.match(r.text, /value="0912 345 678"/);
  assert.match(r.text, /Tôi đã đổi số\./);
  r = await ask(O.a.citizen, `/phan-anh/${O.a.pub}`, { kind: 'correct', field: 'email', value: 'khong-phai-thu', detail: 'Sai.' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /thư điện tử có ký tự @/);
  r = await ask(O.a.citizen, `/phan-anh/${O.a.pub}`, { detail: 'Không chọn gì.' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng chọn loại yêu cầu\./);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM data_request r JOIN feedback f ON f.id = r.object_id AND r.object_type = 'feedback' WHERE f.code = '${O.a.code}'`), [['0']]);
});

test('correct: asked, listed for the unit with a deadline in working days, done; the field changed, the citizen reads the answer', async () => {
  const q = await askOk(O.a.citizen, `/phan-anh/${O.a.pub}`, { kind: 'correct', field: 'phone', value: '0912345678', detail: 'Tôi đã đổi số điện thoại.' });
  const mine = await O.a.citizen.get(`/phan-anh/${O.a.pub}/du-lieu?yc=${q.code}`);
  assert.ok(text(mine.text).includes(`Đã gửi yêu cầu. Mã yêu cầu: ${q.code}`));
  assert.match(text(mine.text), /Đang xem xét/);
  // 10 working days (Privacy.AnswerDays) span two weekends at least, whatever the day
  const [[days]] = sql(`SELECT TIMESTAMPDIFF(DAY, created_at, due_at) FROM data_request WHERE id = ${q.id}`);
  assert.ok(Number(days) >= 12 && Number(days) <= 30, `due after ${days} days`);
  const list = await (await as('canbo02')).get('/can-bo/yeu-cau-du-lieu');
  assert.ok(list.text.includes(`href="/can-bo/yeu-cau-du-lieu/${q.id}"`));
  assert.ok(list.text.includes(O.a.code));
  const page = await (await as('canbo02')).get(`/can-bo/yeu-cau-du-lieu/${q.id}`);
  assert.match(text(page.text), /Chỉnh sửa dữ liệu/);
  assert.match(text(page.text), /0912345678/);
  const r = await answer('canbo02', q.id, { decision: 'done', answer: 'Đã cập nhật số điện thoại mới.' });
  assert.strictEqual(r.status, 303);
  assert.deepStrictEqual(sql(`SELECT contact_phone, contact_name FROM feedback WHERE code = '${O.a.code}'`), [['0912345678', 'Trần Văn Bình']]);
  const after = text((await O.a.citizen.get(`/phan-anh/${O.a.pub}/du-lieu`)).text);
  assert.ok(after.includes('Đã thực hiện') && after.includes('Đã cập nhật số điện thoại mới.'));
  assert.deepStrictEqual(auditOf(q.id), [['data_request.done']]);
  const again = await answer('canbo02', q.id, { decision: 'refused', answer: 'Lần hai.' });
  assert.strictEqual(again.status, 409, 'answered once');
  assert.deepStrictEqual(sql(`SELECT status FROM data_request WHERE id = ${q.id}`), [['done']]);
});

test('restrict: due exactly 72 hours after it was asked; both sides show it restricted until refused', async () => {
  const c = new Client();
  const q = await askOk(c, O.d.url, { kind: 'restrict', detail: 'Tạm dừng xử lý trong khi tôi khiếu nại.' });
  assert.deepStrictEqual(sql(`SELECT TIMESTAMPDIFF(SECOND, created_at, due_at), object_type, status FROM data_request WHERE id = ${q.id}`),
    [['259200', 'dossier', 'open']]);
  const officer = await as('canbo02');
  assert.match((await officer.get(`/can-bo/ho-so/${O.d.code}`)).text, /Đang hạn chế xử lý dữ liệu cá nhân/);
  const page = await officer.get(`/can-bo/yeu-cau-du-lieu/${q.id}`);
  assert.match(text(page.text), /72 giờ sau khi gửi/);
  assert.match((await c.get(`${O.d.url}/du-lieu`)).text, /id="restricted"/);
  assert.strictEqual((await answer('canbo02', q.id, { decision: 'done', answer: 'Đã hạn chế xử lý.' })).status, 303);
  assert.match((await officer.get(`/can-bo/ho-so/${O.d.code}`)).text, /Đang hạn chế xử lý dữ liệu cá nhân/, 'granted: still restricted');
  assert.ok(text((await c.get(`${O.d.url}/du-lieu`)).text).includes('Đã hạn chế xử lý.'));
  assert.deepStrictEqual(auditOf(q.id), [['data_request.done']]);
  // a restriction on a case, refused: the banner goes
  const q2 = await askOk(O.b.citizen, `/phan-anh/${O.b.pub}`, { kind: 'restrict', detail: 'Tạm dừng.' });
  assert.match((await officer.get(`/can-bo/phan-anh/${O.b.code}`)).text, /Đang hạn chế xử lý dữ liệu cá nhân/);
  assert.strictEqual((await answer('lanhdao01', q2.id, { decision: 'refused', answer: 'Cần xử lý để trả lời phản ánh.' })).status, 303);
  assert.doesNotMatch((await officer.get(`/can-bo/phan-anh/${O.b.code}`)).text, /Đang hạn chế xử lý dữ liệu cá nhân/);
});

test('object: a refusal needs a reason; refused, the citizen reads it, the audit log has it', async () => {
  const q = await askOk(O.a.citizen, `/phan-anh/${O.a.pub}`, { kind: 'object', detail: 'Tôi phản đối việc lưu địa chỉ.' });
  const none = await answer('lanhdao01', q.id, { decision: 'refused' });
  assert.strictEqual(none.status, 422);
  assert.match(none.text, /Vui lòng nhập lý do từ chối\./);
  assert.strictEqual((await answer('lanhdao01', q.id, { decision: 'refused', answer: 'Địa chỉ cần cho việc trả lời bằng văn bản.' })).status, 303);
  const after = text((await O.a.citizen.get(`/phan-anh/${O.a.pub}/du-lieu`)).text);
  assert.ok(after.includes('Từ chối') && after.includes('Địa chỉ cần cho việc trả lời bằng văn bản.'));
  assert.deepStrictEqual(auditOf(q.id), [['data_request.refused']]);
  assert.deepStrictEqual(sql(`SELECT contact_address FROM feedback WHERE code = '${O.a.code}'`), [['Phường Đông Thành']]);
});

test('erase a case: name, phone, e-mail and address emptied, the evidence files gone from the database and the disk', async () => {
  const stored = sql(`SELECT ff.stored_name FROM feedback_file ff JOIN feedback f ON f.id = ff.feedback_id WHERE f.code = '${O.b.code}'`).map(r => r[0]);
  assert.strictEqual(stored.length, 2);
  for (const s of stored) assert.ok(fs.existsSync(`${VAR}/uploads/${s}`), s);
  const q = await askOk(O.b.citizen, `/phan-anh/${O.b.pub}`, { kind: 'erase', detail: 'Xin xóa thông tin của tôi.' });
  assert.strictEqual((await answer('canbo02', q.id, { decision: 'done', answer: 'Đã xóa.' })).status, 303);
  assert.deepStrictEqual(sql(`SELECT contact_name IS NULL, contact_phone IS NULL, contact_email IS NULL, contact_address IS NULL,
                                     (SELECT COUNT(*) FROM feedback_file ff WHERE ff.feedback_id = f.id)
                                FROM feedback f WHERE code = '${O.b.code}'`), [['1', '1', '1', '1', '0']]);
  for (const s of stored) assert.ok(!fs.existsSync(`${VAR}/uploads/${s}`), `${s} removed`);
  const after = text((await O.b.citizen.get(`/phan-anh/${O.b.pub}/du-lieu`)).text);
  assert.ok(!after.includes('Phạm Thị Cúc') && !after.includes('0987000222'));
  assert.ok(after.includes('Thông tin liên hệ và tệp đính kèm của phản ánh đã được xóa.'));
  assert.ok(after.includes('Số tệp đính kèm 0'));
  assert.deepStrictEqual(auditOf(q.id), [['data_request.done']]);
  const [[detail]] = sql(`SELECT detail FROM audit_log WHERE detail LIKE '${q.code} %'`);
  assert.ok(!detail.includes('Phạm Thị Cúc'), 'no personal data in the log');
  const trail = text((await (await as('lanhdao01')).get('/lanh-dao/nhat-ky')).text);
  assert.ok(trail.includes(`thực hiện yêu cầu về dữ liệu cá nhân của ${O.b.code}`), 'the leader\'s trail names the case');
});

test('erase a dossier: phone and e-mail go, the applicant\'s name and the dossier stay, and the citizen is told why', async () => {
  const c = new Client();
  const q = await askOk(c, O.d.url, { kind: 'erase', detail: 'Xin xóa dữ liệu của tôi.' });
  const page = await (await as('canbo02')).get(`/can-bo/yeu-cau-du-lieu/${q.id}`);
  assert.match(text(page.text), /họ tên người nộp và hồ sơ được giữ theo pháp luật về lưu trữ/);
  assert.strictEqual((await answer('canbo02', q.id, { decision: 'done', answer: 'Đã xóa phần được phép xóa.' })).status, 303);
  assert.deepStrictEqual(sql(`SELECT applicant_name, applicant_phone, applicant_email, status FROM dossier WHERE code = '${O.d.code}'`),
    [['Vũ Thị Lan', '', '', 'received']]);
  const after = text((await c.get(`${O.d.url}/du-lieu`)).text);
  assert.ok(after.includes('Họ tên người nộp và bản thân hồ sơ được giữ lại vì pháp luật về lưu trữ yêu cầu lưu hồ sơ thủ tục hành chính.'));
  assert.ok(after.includes('V• T•• L••') && !after.includes('l•••@example.vn'));
  assert.deepStrictEqual(auditOf(q.id), [['data_request.done']]);
});

test('an officer of another unit and the subject of a confidential case see nothing: 404, and no row in the list', async () => {
  const q = await askOk(new Client(), `/phan-anh/${O.c.pub}`, { kind: 'correct', field: 'name', value: 'Tên Mới Kín', detail: 'Sai tên.' });
  const [[other]] = sql(`SELECT id FROM data_request WHERE object_type = 'dossier' ORDER BY id LIMIT 1`);
  const far = await as('canbo04');
  assert.strictEqual((await far.get(`/can-bo/yeu-cau-du-lieu/${other}`)).status, 404);
  assert.strictEqual((await far.get(`/can-bo/yeu-cau-du-lieu/${q.id}`)).status, 404);
  const farList = (await far.get('/can-bo/yeu-cau-du-lieu')).text;
  for (const id of [other, q.id]) assert.ok(!farList.includes(`/can-bo/yeu-cau-du-lieu/${id}"`), `request ${id} not listed`);
  const csrf = await far.csrf('/can-bo/');
  assert.strictEqual((await far.post(`/can-bo/yeu-cau-du-lieu/${q.id}/tra-loi`, { csrf, decision: 'done' })).status, 404);
  const subject = await as('canbo01');
  assert.strictEqual((await subject.get(`/can-bo/yeu-cau-du-lieu/${q.id}`)).status, 404);
  assert.ok(!(await subject.get('/can-bo/yeu-cau-du-lieu')).text.includes(`/can-bo/yeu-cau-du-lieu/${q.id}"`));
  const peer = await (await as('canbo02')).get(`/can-bo/yeu-cau-du-lieu/${q.id}`);
  assert.strictEqual(peer.status, 200);
  assert.ok(!peer.text.includes('Tên Mới Kín') && !peer.text.includes('Người Giấu Tên'), 'a confidential sender stays hidden from the unit');
  assert.strictEqual((await (await as('canbo02')).post(`/can-bo/yeu-cau-du-lieu/${q.id}/tra-loi`, { decision: 'done' })).status, 403, 'no CSRF token');
  assert.deepStrictEqual(sql(`SELECT status FROM data_request WHERE id = ${q.id}`), [['open']]);
});
