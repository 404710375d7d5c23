// Officer workspace: who sees which case, every action, deadlines, escalation,
// canned answers, evidence files, notifications, the audit trail.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, qrPath, formFields, fileCase, caseAction, recountFeedback, VAR } = require('../lib/client');

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 3)]);
const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}

async function act(who, code, action, fields = {}) {
  return caseAction(await as(who), code, action, fields);
}

const cases = {};

test('setup: three cases filed by citizens (named at the centre, one at a commune, one confidential about canbo01)', async () => {
  cases.A = await fileCase({ kind: 'petition', identity: 'named', unit: '000.00.01.H41', content: 'Thủ tục cấp phiếu lý lịch tư pháp yêu cầu quá nhiều bản sao.', notify: '1',
    name: 'Nguyễn Văn An', phone: '0987654321', email: 'an@example.vn', address: 'Phường Hoa Lư' }, null, [JPEG]);
  cases.B = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.21.01.H41', content: 'Nên mở cửa sớm hơn vào thứ Hai.' });
  const officerToken = qrPath("kind = 'officer' AND officer_id = (SELECT id FROM users WHERE username = 'canbo01')").split('/')[2];
  cases.C = await fileCase({ kind: 'conduct', identity: 'confidential', content: 'Cán bộ gợi ý "bồi dưỡng" để làm nhanh.',
    name: 'Lê Thị Bí Mật', phone: '0911222333' }, officerToken, [JPEG]);
  assert.deepStrictEqual(sql(`SELECT identity, officer_id = (SELECT id FROM users WHERE username = 'canbo01') FROM feedback WHERE code = '${cases.C.code}'`), [['confidential', '1']]);
});

test('visibility: role × own unit / other unit / confidential case about oneself', async () => {
  const table = [
    // user,       A (unit 2), B (unit 7), C (confidential about canbo01, unit 2)
    ['canbo01',   200, 404, 404],
    ['canbo02',   200, 404, 200],
    ['canbo04',   404, 200, 404],
    ['lanhdao01', 200, 404, 200],
    ['lanhdao02', 200, 200, 200],
    ['quantri',   403, 403, 403],
  ];
  for (const [who, a, b, c] of table) {
    const cl = await as(who);
    const got = [];
    for (const k of ['A', 'B', 'C']) got.push((await cl.get(`/can-bo/phan-anh/${cases[k].code}`)).status);
    assert.deepStrictEqual(got, [a, b, c], who);
    if (who === 'quantri') continue;
    // the demo data fills the inbox: look each case up by its code, as an officer would
    for (const [k, want] of [['A', a], ['B', b], ['C', c]]) {
      const list = await cl.get('/can-bo/?trang-thai=all&q=' + cases[k].code);
      assert.strictEqual(list.text.includes(`href="/can-bo/phan-anh/${cases[k].code}"`), want === 200, `${who} list ${k}`);
    }
    const search = await cl.get('/can-bo/?trang-thai=all&q=' + encodeURIComponent('bồi dưỡng'));
    assert.strictEqual(search.text.includes(cases.C.code), c === 200, `${who} search C`);
  }
  const anon = new Client();
  const r = await anon.get(`/can-bo/phan-anh/${cases.A.code}`);
  assert.strictEqual(r.status, 303);
  assert.match(r.headers.get('location'), /^\/can-bo\/dang-nhap\?next=%2Fcan-bo%2Fphan-anh%2F/);
});

test('counts never include the confidential case about the officer viewing them', async () => {
  const mine = await as('canbo01');
  const other = await as('canbo02');
  const n1 = Number((await mine.get('/can-bo/')).text.match(/Đang mở: <strong>(\d+)/)[1]);
  const n2 = Number((await other.get('/can-bo/')).text.match(/Đang mở: <strong>(\d+)/)[1]);
  assert.strictEqual(n2 - n1, 1);
});

test('contact details: named shown to the unit; confidential hidden from officers, shown to a leader only with a logged reason', async () => {
  const a = await (await as('canbo02')).get(`/can-bo/phan-anh/${cases.A.code}`);
  assert.match(a.text, /Nguyễn Văn An/);
  assert.match(a.text, /0987654321/);
  const c = await (await as('canbo02')).get(`/can-bo/phan-anh/${cases.C.code}`);
  assert.ok(!c.text.includes('Lê Thị Bí Mật') && !c.text.includes('0911222333'), 'officer sees no confidential contact');
  assert.ok(!c.text.includes('xem-danh-tinh'), 'and no way to reveal it');
  const leader = await as('lanhdao01');
  const lc = await leader.get(`/can-bo/phan-anh/${cases.C.code}`);
  assert.ok(!lc.text.includes('Lê Thị Bí Mật'), 'not shown before a reason');
  const noReason = await act('lanhdao01', cases.C.code, 'xem-danh-tinh', { reason: ' ' });
  assert.strictEqual(noReason.status, 422);
  const shown = await act('lanhdao01', cases.C.code, 'xem-danh-tinh', { reason: 'Xác minh theo chỉ đạo của Giám đốc' });
  assert.strictEqual(shown.status, 200);
  assert.match(shown.text, /Lê Thị Bí Mật/);
  assert.deepStrictEqual(sql(`SELECT a.detail FROM audit_log a WHERE a.action = 'identity.reveal' ORDER BY a.id DESC LIMIT 1`), [['Xác minh theo chỉ đạo của Giám đốc']]);
  assert.strictEqual((await act('canbo02', cases.C.code, 'xem-danh-tinh', { reason: 'tò mò' })).status, 403);
});

test('evidence files: served to staff who may see the case, to nobody else', async () => {
  const [[storedA]] = sql(`SELECT stored_name FROM feedback_file ff JOIN feedback f ON f.id = ff.feedback_id WHERE f.code = '${cases.A.code}'`);
  const [[storedC]] = sql(`SELECT stored_name FROM feedback_file ff JOIN feedback f ON f.id = ff.feedback_id WHERE f.code = '${cases.C.code}'`);
  const ok = await fetch(process.env.MOTCUA_BASE + '/can-bo/tep/' + storedA, { headers: { cookie: (await as('canbo02')).cookieHeader() } });
  assert.strictEqual(ok.status, 200);
  assert.ok(Buffer.from(await ok.arrayBuffer()).equals(JPEG));
  assert.strictEqual(ok.headers.get('content-type'), 'image/jpeg');
  assert.strictEqual((await (await as('canbo04')).get('/can-bo/tep/' + storedA)).status, 404);
  assert.strictEqual((await (await as('canbo01')).get('/can-bo/tep/' + storedC)).status, 404, 'not to the officer complained about');
  assert.strictEqual((await new Client().get('/can-bo/tep/' + storedA)).status, 303);
  assert.strictEqual((await new Client().get('/tep/' + storedA)).status, 404);
});

test('classify, assign, note, ask for information, answer: timeline, audit, public page, e-mail', async () => {
  const code = cases.A.code;
  const bad = await act('canbo01', code, 'phan-loai', {});
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Vui lòng chọn cách phân loại/);
  // a new case shows the deadline for handing it to another agency; once taken up, it does not
  assert.match((await (await as('canbo01')).get('/can-bo/phan-anh/' + code)).text, /Hạn chuyển cơ quan khác/);
  assert.strictEqual((await act('canbo01', code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.doesNotMatch((await (await as('canbo01')).get('/can-bo/phan-anh/' + code)).text, /Hạn chuyển cơ quan khác/);
  const canbo02 = sql("SELECT id FROM users WHERE username = 'canbo02'")[0][0];
  assert.strictEqual((await act('canbo01', code, 'giao', { officer: canbo02 })).status, 303);
  const other = sql("SELECT id FROM users WHERE username = 'canbo04'")[0][0];
  assert.strictEqual((await act('canbo01', code, 'giao', { officer: other })).status, 409, 'only to staff of the unit');
  assert.strictEqual((await act('canbo02', code, 'ghi-chu', { text: 'Đã gọi điện cho công dân, hẹn trả lời bằng văn bản.' })).status, 303);
  assert.strictEqual((await act('canbo02', code, 'yeu-cau-bo-sung', { text: 'Đề nghị cho biết tên giấy tờ bị yêu cầu sao y.' })).status, 303);
  const pub = await cases.A.citizen.get('/phan-anh/' + cases.A.pub);
  assert.match(pub.text, /Chờ người gửi bổ sung thông tin/);
  assert.match(pub.text, /Đề nghị cho biết tên giấy tờ bị yêu cầu sao y/);
  assert.ok(!pub.text.includes('Đã gọi điện cho công dân'), 'internal notes stay internal');
  const hidden = formFields(pub.text, `/phan-anh/${cases.A.pub}/bo-sung`);
  await cases.A.citizen.post(`/phan-anh/${cases.A.pub}/bo-sung`, { ...hidden, reply: 'Giấy khai sinh và sổ hộ khẩu.' });
  const ans = await act('canbo02', code, 'tra-loi', { text: 'Theo quy định chỉ cần 01 bản sao giấy khai sinh. Đơn vị đã nhắc nhở cán bộ.' });
  assert.strictEqual(ans.status, 303);
  const [[status, answered]] = sql(`SELECT status, answered_at IS NOT NULL FROM feedback WHERE code = '${code}'`);
  assert.deepStrictEqual([status, answered], ['answered', '1']);
  const events = sql(`SELECT event, public FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id WHERE f.code = '${code}' ORDER BY e.id`).map(r => r.join(':'));
  assert.deepStrictEqual(events, ['created:1', 'classified:1', 'assigned:0', 'note:0', 'info_request:1', 'citizen_reply:1', 'answer:1']);
  const acts = sql(`SELECT action FROM audit_log WHERE object_type = 'feedback' AND object_id = (SELECT id FROM feedback WHERE code = '${code}') ORDER BY id`).map(r => r[0]);
  assert.deepStrictEqual(acts, ['case.classify', 'case.assign', 'case.note', 'case.request_info', 'case.answer']);
  const seen = await cases.A.citizen.get('/phan-anh/' + cases.A.pub);
  assert.match(seen.text, /Theo quy định chỉ cần 01 bản sao giấy khai sinh/);
  // the citizen left an e-mail: a message waits, and the periodic job delivers it to the outbox
  const [[to, subject]] = sql(`SELECT recipient, subject FROM notification WHERE channel = 'email' ORDER BY id DESC LIMIT 1`);
  assert.deepStrictEqual([to, subject], ['an@example.vn', `Trả lời phản ánh ${cases.A.pub}`]);
  assert.match(motcuactl('tick'), /messages sent/);
  const [[mailId]] = sql(`SELECT id FROM notification WHERE channel = 'email' ORDER BY id DESC LIMIT 1`);
  const eml = fs.readFileSync(path.join(VAR, 'outbox', `${mailId}.eml`), 'utf8');
  assert.match(eml, /^To: an@example.vn$/m);
  assert.match(eml, /^Subject: =\?UTF-8\?B\?/m);
  assert.ok(eml.includes('/phan-anh/' + cases.A.pub));
  assert.ok(eml.includes('Theo quy định chỉ cần 01 bản sao giấy khai sinh'));
});

test('the state machine refuses impossible moves with a clear message; only leaders reopen', async () => {
  const code = cases.A.code;
  const again = await act('canbo02', code, 'yeu-cau-bo-sung', { text: 'Thêm nữa?' });
  assert.strictEqual(again.status, 409);
  assert.match(again.text, /Không thể thực hiện thao tác này ở trạng thái hiện tại/);
  assert.strictEqual((await act('canbo02', code, 'dong')).status, 303);
  assert.strictEqual((await act('canbo02', code, 'tra-loi', { text: 'Sau khi đóng' })).status, 409);
  assert.strictEqual((await act('canbo02', code, 'mo-lai', { text: 'Mở lại' })).status, 403);
  assert.strictEqual((await act('lanhdao01', code, 'mo-lai', { text: 'Công dân chưa được hướng dẫn đầy đủ.' })).status, 303);
  assert.deepStrictEqual(sql(`SELECT status, due_at > UTC_TIMESTAMP() FROM feedback WHERE code = '${code}'`), [['accepted', '1']]);
  assert.strictEqual((await act('canbo04', code, 'tra-loi', { text: 'Không phải đơn vị tôi' })).status, 404);
});

test('rejection needs a reason; forwarding moves the case to the competent unit', async () => {
  const code = cases.B.code;
  const noReason = await act('canbo04', code, 'phan-loai', { class: 'rejected' });
  assert.strictEqual(noReason.status, 422);
  assert.match(noReason.text, /Vui lòng ghi lý do/);
  const [[unit9]] = sql("SELECT id FROM org_unit WHERE code = '000.22.01.H41'");
  assert.strictEqual((await act('canbo04', code, 'phan-loai', { class: 'forwarded', unit: unit9 })).status, 303);
  assert.strictEqual((await (await as('canbo04')).get(`/can-bo/phan-anh/${code}`)).status, 404, 'gone from the old unit');
  assert.strictEqual((await (await as('canbo05')).get(`/can-bo/phan-anh/${code}`)).status, 200, 'in the new unit');
  const pub = await new Client().get('/phan-anh/' + cases.B.pub);
  assert.match(pub.text, /Chuyển đơn vị|Đã chuyển đơn vị khác/);
  assert.match(pub.text, /Trung tâm Phục vụ hành chính công xã Gia Viễn/);
});

test('deadlines in working days: "còn N ngày", overdue marked, escalated to the leader by the periodic job', async () => {
  const code = cases.C.code;
  // due Friday 14/11/2025, 17:00 local: a fixed day in the past, whatever day the suite runs
  sql(`UPDATE feedback SET due_at = '2025-11-14 10:00:00', escalated_at = NULL WHERE code = '${code}'`);
  recountFeedback();
  const list = await (await as('canbo02')).get('/can-bo/?trang-thai=overdue');
  const row = list.text.split('<tr').find(t => t.includes(code));
  assert.ok(row, 'in the overdue filter');
  assert.match(row, /class="late"/);
  assert.match(row, /quá hạn \d+ ngày làm việc/);
  motcuactl('tick');
  assert.deepStrictEqual(sql(`SELECT escalated_at IS NOT NULL FROM feedback WHERE code = '${code}'`), [['1']]);
  assert.ok(sql(`SELECT COUNT(*) FROM audit_log WHERE action = 'case.escalate' AND object_id = (SELECT id FROM feedback WHERE code = '${code}')`)[0][0] === '1');
  const leader = await (await as('lanhdao01')).get('/can-bo/');
  assert.match(leader.text, /Đã báo lãnh đạo: <strong>[1-9]/);
  const provincial = await (await as('lanhdao02')).get('/can-bo/?trang-thai=overdue');
  assert.ok(provincial.text.includes(code), 'the province leader sees overdue cases of the whole subtree');
  // a case due in the future shows the working days left
  sql(`UPDATE feedback SET due_at = UTC_TIMESTAMP() + INTERVAL 20 DAY WHERE code = '${code}'`);
  // (on the case's own page: where it falls in the paged inbox depends on the other cases)
  const later = await (await as('canbo02')).get('/can-bo/phan-anh/' + code);
  assert.strictEqual(later.status, 200);
  assert.match(later.text, /còn \d+ ngày làm việc/);
});

test('filters and pagination: by kind, by counter, 25 per page', async () => {
  const [[unit9]] = sql("SELECT id FROM org_unit WHERE code = '000.22.01.H41'");
  const vals = [];
  for (let i = 0; i < 30; i++) vals.push(`('PA-20261101-${String(9000 + i)}', 'ABCD', 'praise', ${unit9}, 'Khen cán bộ số ${i}', 'anonymous', UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 10 DAY)`);
  sql(`INSERT INTO feedback (code, check_part, kind, unit_id, content, identity, created_at, due_at) VALUES ${vals.join(',')}`);
  recountFeedback();
  motcuactl('search-index');   // written in SQL: their folded text for the search
  const c = await as('canbo05');
  const only = '&q=' + encodeURIComponent('Khen cán bộ số');   // the demo data has praise of its own
  const p1 = await c.get('/can-bo/?trang-thai=all&loai=praise' + only);
  assert.strictEqual((p1.text.match(/href="\/can-bo\/phan-anh\/PA-20261101-9/g) || []).length, 25);
  assert.match(p1.text, /Trang sau/);
  const p2 = await c.get('/can-bo/?trang-thai=all&loai=praise&trang=2' + only);
  assert.strictEqual((p2.text.match(/href="\/can-bo\/phan-anh\/PA-20261101-9/g) || []).length, 5);
  const none = await c.get('/can-bo/?trang-thai=all&loai=petition&q=Khen');
  assert.match(none.text, /Không có phản ánh nào khớp bộ lọc/);
  const wild = await c.get('/can-bo/?trang-thai=all&q=%25');
  assert.match(wild.text, /Không có phản ánh nào khớp bộ lọc/, '% is searched literally');
});

test('canned answers: per unit, inserted into an answer, edited, deleted', async () => {
  const c = await as('canbo01');
  let page = await c.get('/can-bo/mau-tra-loi');
  let csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const empty = await c.post('/can-bo/mau-tra-loi', { csrf, title: '', body: '' });
  assert.strictEqual(empty.status, 422);
  assert.strictEqual((await c.post('/can-bo/mau-tra-loi', { csrf, title: 'Cảm ơn góp ý', body: 'Trung tâm cảm ơn ý kiến của Ông/Bà và sẽ tiếp thu.' })).status, 303);
  const [[id]] = sql("SELECT id FROM canned_answer WHERE title = 'Cảm ơn góp ý'");
  const withCanned = await c.get(`/can-bo/phan-anh/${cases.A.code}?mau=${id}`);
  assert.match(withCanned.text, /<textarea id="answer" name="text"[^>]*>Trung tâm cảm ơn ý kiến của Ông\/Bà và sẽ tiếp thu.<\/textarea>/);
  assert.strictEqual((await c.post('/can-bo/mau-tra-loi', { csrf, id, title: 'Cảm ơn góp ý', body: 'Nội dung mới' })).status, 303);
  assert.deepStrictEqual(sql(`SELECT body FROM canned_answer WHERE id = ${id}`), [['Nội dung mới']]);
  const outsider = await as('canbo04');
  page = await outsider.get('/can-bo/mau-tra-loi');
  csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  assert.ok(!page.text.includes('Cảm ơn góp ý'), 'another unit does not see it');
  assert.strictEqual((await outsider.post('/can-bo/mau-tra-loi', { csrf, id, title: 'x', body: 'y' })).status, 404);
  assert.strictEqual((await outsider.post('/can-bo/mau-tra-loi/xoa', { csrf, id })).status, 404);
  csrf = (await c.get('/can-bo/mau-tra-loi')).text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  assert.strictEqual((await c.post('/can-bo/mau-tra-loi/xoa', { csrf, id })).status, 303);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM canned_answer WHERE id = ${id}`), [['0']]);
});

test('change password: wrong current password refused; the new one works', async () => {
  const c = new Client();
  await c.login('canbo03');
  const csrf = await c.csrf('/can-bo/doi-mat-khau');
  const wrong = await c.post('/can-bo/doi-mat-khau', { csrf, old: 'sai', new: 'mat-khau-moi-2026', again: 'mat-khau-moi-2026' });
  assert.strictEqual(wrong.status, 422);
  assert.match(wrong.text, /Mật khẩu hiện tại không đúng/);
  const mismatch = await c.post('/can-bo/doi-mat-khau', { csrf, old: 'motcua-demo', new: 'mat-khau-moi-2026', again: 'khac-nhau-2026' });
  assert.match(mismatch.text, /không khớp/);
  const ok = await c.post('/can-bo/doi-mat-khau', { csrf, old: 'motcua-demo', new: 'mat-khau-moi-2026', again: 'mat-khau-moi-2026' });
  assert.strictEqual(ok.status, 200);
  assert.match(ok.text, /Đã đổi mật khẩu/);
  await new Client().login('canbo03', 'mat-khau-moi-2026');
});

test('the audit chain is intact after all these actions', () => {
  assert.match(motcuactl('verify-audit'), /chain intact/);
});
