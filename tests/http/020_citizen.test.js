// Citizen channel: QR links, ratings, feedback and complaints, tracking, statistics.
'use strict';
const assert = require('assert');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { test } = require('../lib/harness');
const { Client, sql, qrPath, formFields, resetLimits, qrCacheWait, recountFeedback, fileCase, VAR } = require('../lib/client');

const COUNTER1 = () => qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q01')");
const COUNTER2 = () => qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(2000, 7), Buffer.from([0xff, 0xd9])]);

async function rate(c, qpath, fields) {
  const page = await c.get(qpath);
  let hidden;
  if (page.status === 303) {
    // a dossier's QR opens the dossier page, whose form appears with the result:
    // post the rating as that form would
    const other = await c.get('/phan-anh/moi');
    hidden = { csrf: formFields(other.text, '/phan-anh/moi').csrf, idem: require('crypto').randomBytes(16).toString('hex') };
    return c.post(`${qpath}/danh-gia`, { ...hidden, ...fields });
  }
  assert.strictEqual(page.status, 200, `landing ${qpath}`);
  hidden = formFields(page.text, `${qpath}/danh-gia`);
  return c.post(`${qpath}/danh-gia`, { ...hidden, ...fields });
}

function multipart(fields, files = []) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  for (const f of files) fd.append('files[]', new Blob([f.data], { type: f.type || 'application/octet-stream' }), f.name);
  return fd;
}

async function feedbackForm(c, query = '') {
  const page = await c.get('/phan-anh/moi' + query);
  assert.strictEqual(page.status, 200);
  return { page, hidden: formFields(page.text, '/phan-anh/moi') };
}

test('QR landing names the unit and counter; forged, revoked and expired links get a clear page', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER1();
  const r = await c.get(q);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /Trung tâm Phục vụ hành chính công tỉnh Ninh Bình/);
  assert.match(r.text, /Quầy 01 – Tư pháp, hộ tịch/);
  assert.match(r.text, /Rất hài lòng/);
  const forged = q.slice(0, -1) + (q.endsWith('0') ? '1' : '0');
  const f = await c.get(forged);
  assert.strictEqual(f.status, 404);
  assert.match(f.text, /Mã QR này không hợp lệ/);
  for (const bad of ['/q/abc', '/q/' + 'Z'.repeat(21), '/q/%3Cscript%3E']) {
    const b = await c.get(bad);
    assert.ok([404, 400].includes(b.status), bad);
  }
  sql("UPDATE qr_link SET revoked_at = UTC_TIMESTAMP() WHERE kind = 'unit' AND unit_id = 7");
  await qrCacheWait();
  const revoked = await c.get(qrPath("kind = 'unit' AND unit_id = 7"));
  assert.strictEqual(revoked.status, 410);
  assert.match(revoked.text, /đã bị thu hồi/);
  sql("UPDATE qr_link SET revoked_at = NULL, expires_at = UTC_TIMESTAMP() - INTERVAL 1 DAY WHERE kind = 'unit' AND unit_id = 7");
  const expired = await c.get(qrPath("kind = 'unit' AND unit_id = 7"));
  assert.strictEqual(expired.status, 410);
  assert.match(expired.text, /đã hết hạn/);
  sql("UPDATE qr_link SET expires_at = NULL WHERE kind = 'unit' AND unit_id = 7");
});

test('a QR link the workers keep stops within Qr.CacheSeconds of its revocation, and works again at once when restored', async () => {
  resetLimits();
  const c = new Client();
  const where = "kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q03')";
  const q = qrPath(where);
  const [[id]] = sql(`SELECT id FROM qr_link WHERE ${where} ORDER BY id DESC LIMIT 1`);
  const page = await c.get(q);
  assert.strictEqual(page.status, 200);
  const hidden = formFields(page.text, `${q}/danh-gia`);
  for (let i = 0; i < 12; i++) {
    assert.strictEqual((await c.get(q)).status, 200, 'resolved and kept by the workers');
  }
  try {
    sql(`UPDATE qr_link SET revoked_at = UTC_TIMESTAMP() WHERE id = ${id}`);
    await qrCacheWait();
    const n0 = Number(sql('SELECT COUNT(*) FROM rating')[0][0]);
    for (let i = 0; i < 12; i++) {
      const r = await c.get(q);
      assert.strictEqual(r.status, 410, `request ${i} after the cache time`);
      assert.match(r.text, /đã bị thu hồi/);
      assert.strictEqual((await c.post(`${q}/danh-gia`, { ...hidden, level: '3' })).status, 410, 'no rating through it');
    }
    assert.strictEqual(Number(sql('SELECT COUNT(*) FROM rating')[0][0]), n0);
  } finally {
    sql(`UPDATE qr_link SET revoked_at = NULL WHERE id = ${id}`);
  }
  // a refused link is never kept: restored, it works at once in every worker
  for (let i = 0; i < 12; i++) {
    assert.strictEqual((await c.get(q)).status, 200, `request ${i} after the restore`);
  }
});

test('one tap rates a counter: stored with its context and counted in the aggregates', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER2();
  const before = Number(sql("SELECT COALESCE(SUM(r3), 0) FROM stat_day WHERE scope = 'counter' AND scope_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')")[0][0]);
  const r = await rate(c, q, { level: '3', c_attitude: '3', c_time: '2', comment: 'Cán bộ nhiệt tình' });
  assert.strictEqual(r.status, 303);
  const loc = r.headers.get('location');
  assert.match(loc, new RegExp(`^${q}/cam-on\\?r=[0-9a-f]{16}$`));
  const ref = loc.split('r=')[1];
  const [[level, att, tim, trips, comment, counter]] = sql(`SELECT level, c_attitude, c_time, COALESCE(c_trips, 'NULL'), comment, counter_id FROM rating WHERE ref = '${ref}'`);
  assert.deepStrictEqual([level, att, tim, trips, comment], ['3', '3', '2', 'NULL', 'Cán bộ nhiệt tình']);
  assert.strictEqual(counter, sql("SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02'")[0][0]);
  const after = Number(sql("SELECT SUM(r3) FROM stat_day WHERE scope = 'counter' AND scope_id = " + counter)[0][0]);
  assert.strictEqual(after, before + 1);
  const thanks = await c.get(loc);
  assert.match(thanks.text, /Cảm ơn Ông\/Bà đã đánh giá/);
  assert.ok(!thanks.text.includes('Điều gì chưa tốt?'), 'no complaint offer for a good rating');
});

test('a double submit of the same form stores one rating', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER2();
  const page = await c.get(q);
  const hidden = formFields(page.text, `${q}/danh-gia`);
  const n0 = Number(sql('SELECT COUNT(*) FROM rating')[0][0]);
  const [a, b] = await Promise.all([c.post(`${q}/danh-gia`, { ...hidden, level: '2' }), c.post(`${q}/danh-gia`, { ...hidden, level: '2' })]);
  assert.strictEqual(a.status, 303);
  assert.strictEqual(b.status, 303);
  assert.strictEqual(a.headers.get('location'), b.headers.get('location'));
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM rating')[0][0]), n0 + 1);
});

test('rating errors return the form with a Vietnamese message and the comment kept; the honeypot stores nothing', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER2();
  const r = await rate(c, q, { comment: 'Tôi chưa chọn mức' });
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng chọn một mức độ hài lòng/);
  assert.match(r.text, /Tôi chưa chọn mức<\/textarea>/);
  const long = await rate(c, q, { level: '2', comment: 'ư'.repeat(1001) });
  assert.strictEqual(long.status, 422);
  assert.match(long.text, /tối đa 1000 ký tự/);
  const n0 = Number(sql('SELECT COUNT(*) FROM rating')[0][0]);
  const bot = await rate(c, q, { level: '3', website: 'http://spam.example' });
  assert.strictEqual(bot.status, 303);
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM rating')[0][0]), n0);
  const bad = await rate(c, q, { level: '3', c_time: '7', comment: 'Giữ lại lời này' });
  assert.strictEqual(bad.status, 422, 'a criterion out of range: the form again, in Vietnamese');
  assert.match(bad.text, /Mức đánh giá của một tiêu chí không hợp lệ/);
  assert.match(bad.text, /Giữ lại lời này<\/textarea>/);
});

test('rate limit per address: the 31st rating within an hour gets 429 in Vietnamese', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER2();
  const page = await c.get(q);
  const hidden = formFields(page.text, `${q}/danh-gia`);
  for (let i = 0; i < 30; i++) {
    c.jar.delete('mc_rated');   // 30 people behind one address, each rating once
    const r = await c.post(`${q}/danh-gia`, { csrf: hidden.csrf, level: '2' });
    assert.strictEqual(r.status, 303, `rating ${i}`);
  }
  const n0 = Number(sql('SELECT COUNT(*) FROM rating')[0][0]);
  // the counter's figures of every day: the day's rows are written before the
  // address's limit is counted, so the refusal must take them back
  const stat = () => sql(`SELECT COALESCE(SUM(ratings), 0), COALESCE(SUM(r2), 0) FROM stat_day
                           WHERE scope = 'counter' AND scope_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')`)[0].join(' ');
  const s0 = stat();
  c.jar.delete('mc_rated');     // a 31st person, not the 30th changing their mind
  const r = await c.post(`${q}/danh-gia`, { csrf: hidden.csrf, level: '2' });
  assert.strictEqual(r.status, 429);
  assert.match(r.text, /quá nhiều đánh giá/);
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM rating')[0][0]), n0, 'the refused rating is not stored');
  assert.strictEqual(stat(), s0, 'nor counted in the counter\'s figures');
  // the burst through one link was flagged for review, not dropped
  const flagged = Number(sql(`SELECT COUNT(*) FROM rating WHERE flagged = 1 AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')`)[0][0]);
  assert.ok(flagged >= 20, `flagged ${flagged}`);
  resetLimits();
});

test('rate limit per link: a link over Rating.PerLinkPerHour answers 429 and stores nothing; other links still rate', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER1();
  const page = await c.get(q);
  const hidden = formFields(page.text, `${q}/danh-gia`);
  // 600 ratings through this link in the current hour (the default limit), from anywhere
  sql(`INSERT INTO rate_limit (bucket, k, window_start, hits) VALUES ('rate-link', '${q.split('/')[2]}', UTC_TIMESTAMP(), 600)`);
  const counterId = sql("SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q01'")[0][0];
  const stat = () => sql(`SELECT COALESCE(SUM(ratings), 0) FROM stat_day WHERE scope = 'counter' AND scope_id = ${counterId}`)[0][0];
  const [n0, s0] = [sql('SELECT COUNT(*) FROM rating')[0][0], stat()];
  const r = await c.post(`${q}/danh-gia`, { ...hidden, level: '3' });
  assert.strictEqual(r.status, 429);
  assert.match(r.text, /quá nhiều đánh giá/);
  assert.deepStrictEqual([sql('SELECT COUNT(*) FROM rating')[0][0], stat()], [n0, s0], 'nothing stored, nothing counted');
  assert.strictEqual(sql("SELECT COUNT(*) FROM rate_limit WHERE bucket = 'rate-ip'")[0][0], '0', 'a refused attempt uses none of the address\'s ratings');
  assert.strictEqual((await rate(c, COUNTER2(), { level: '3' })).status, 303, 'another link still rates');
  resetLimits();
});

test('a signed-in officer cannot rate its own counter, but can rate another one', async () => {
  resetLimits();
  const c = new Client();
  await c.login('canbo01');  // serves Q01 of the provincial centre
  const own = await rate(c, COUNTER1(), { level: '3' });
  assert.strictEqual(own.status, 403);
  assert.match(own.text, /không thể tự đánh giá/);
  const other = await rate(c, COUNTER2(), { level: '3' });
  assert.strictEqual(other.status, 303);
  const officer = qrPath("kind = 'officer' AND officer_id = (SELECT id FROM users WHERE username = 'canbo01')");
  assert.strictEqual((await rate(c, officer, { level: '3' })).status, 403);
  // a forged staff cookie is ignored, not trusted
  const f = new Client();
  f.jar.set('mc_staff', '999.999.' + '0'.repeat(32));
  assert.strictEqual((await rate(f, COUNTER1(), { level: '2' })).status, 303);
});

// "Không hài lòng", then one tap on what was wrong: the reason decides the kind
// (issue 15 point 2).  The law's split, by hand:
//   reason     what it is about                         kind (feedback_kind)
//   wait       receiving and processing the dossier     petition
//   docs       receiving and processing the dossier     petition
//   fee        receiving and processing the dossier     petition
//   result     receiving and processing the dossier     petition
//   attitude   an officer's conduct                      conduct
//   other      the citizen chooses                       (as chosen)
// With no name it is anonymous information, never a formal petition (ND20 Art. 7,
// Art. 9(1)(d)): formal = 0 in every row.
async function unhappy(c, q, comment) {
  const r = await rate(c, q, { level: '1', ...(comment ? { comment } : {}) });
  assert.strictEqual(r.status, 303);
  const thanks = await c.get(r.headers.get('location'));
  assert.strictEqual(thanks.status, 200);
  return { thanks, ref: new URL(r.headers.get('location'), 'http://x').searchParams.get('r'), hidden: formFields(thanks.text, `${q}/phan-anh-nhanh`) };
}
const caseOf = loc => sql(`SELECT kind, identity, formal, content, rating_id, counter_id, status FROM feedback WHERE CONCAT(code, '-', check_part) = '${loc.split('/')[2].split('?')[0]}'`)[0].map(v => v.replace(/\\n/g, '\n'));

test('"Không hài lòng" asks what was wrong; one tap on a reason files a tracked anonymous case of the right kind, once', async () => {
  const q = COUNTER1();
  const counter = sql("SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q01'")[0][0];
  const expect = { wait: ['petition', 'Thời gian chờ đợi.'], docs: ['petition', 'Giấy tờ bị yêu cầu.'], fee: ['petition', 'Phí, lệ phí.'],
    result: ['petition', 'Kết quả giải quyết.'], attitude: ['conduct', 'Thái độ của cán bộ.'] };
  for (const [reason, [kind, label]] of Object.entries(expect)) {
    resetLimits();
    const c = new Client();
    const { thanks, ref, hidden } = await unhappy(c, q);
    assert.match(thanks.text, /<h2 id="what-wrong">Điều gì chưa tốt\?<\/h2>/);
    assert.match(thanks.text, /không phải kiến nghị chính thức/);
    for (const want of ['Thời gian chờ đợi', 'Giấy tờ bị yêu cầu', 'Phí, lệ phí', 'Kết quả giải quyết', 'Thái độ của cán bộ', 'Điều khác']) {
      assert.ok(thanks.text.includes(want), `reason "${want}" offered`);
    }
    const made = await c.post(`${q}/phan-anh-nhanh`, { ...hidden, reason });
    assert.strictEqual(made.status, 303, reason);
    const loc = made.headers.get('location');
    assert.match(loc, /^\/phan-anh\/PA-\d{8}-\d{4}-[0-9A-Z]{4}\?moi=1&k=[0-9A-Z]{13}$/);
    const [k, identity, formal, content, rid, ctr, status] = caseOf(loc);
    assert.deepStrictEqual([k, identity, formal, content, ctr, status], [kind, 'anonymous', '0', label, counter, 'new'], reason);
    assert.strictEqual(rid, sql(`SELECT id FROM rating WHERE ref = '${ref}'`)[0][0], 'the rating is attached');
    if (reason === 'wait') {
      const again = await c.post(`${q}/phan-anh-nhanh`, { ...hidden, reason: 'attitude' });
      assert.strictEqual(again.headers.get('location'), loc, 'pressing twice files one case');
    }
  }
});

test('the comment typed with the rating or on the thanks page goes with the reason', async () => {
  resetLimits();
  const q = COUNTER1();
  const c = new Client();
  const { thanks, hidden } = await unhappy(c, q, 'Phải chờ hai tiếng');
  assert.match(thanks.text, /<textarea id="comment" name="comment"[^>]*>Phải chờ hai tiếng<\/textarea>/, 'the rating\'s comment is shown to keep or change');
  const made = await c.post(`${q}/phan-anh-nhanh`, { ...hidden, comment: '  Phải chờ ba tiếng, không có số thứ tự ', reason: 'wait' });
  assert.deepStrictEqual(caseOf(made.headers.get('location')).slice(0, 4), ['petition', 'anonymous', '0', 'Thời gian chờ đợi.\nPhải chờ ba tiếng, không có số thứ tự']);
});

test('"Điều khác": one more tap chooses the kind, the comment kept; no reason or a bad kind is explained', async () => {
  resetLimits();
  const q = COUNTER2();
  const c = new Client();
  const { hidden } = await unhappy(c, q);
  const none = await c.post(`${q}/phan-anh-nhanh`, { ...hidden, comment: 'Bãi xe chật' });
  assert.strictEqual(none.status, 422);
  assert.match(none.text, /Vui lòng chạm vào một lý do/);
  assert.match(none.text, />Bãi xe chật<\/textarea>/, 'what was typed is kept');
  const other = await c.post(`${q}/phan-anh-nhanh`, { ...hidden, comment: 'Bãi xe chật', reason: 'other' });
  assert.strictEqual(other.status, 200);
  assert.match(other.text, /Ý kiến này về việc gì\?/);
  assert.match(other.text, />Bãi xe chật<\/textarea>/);
  for (const k of ['petition', 'conduct', 'suggestion']) assert.match(other.text, new RegExp(`name="kind" value="${k}"`));
  assert.doesNotMatch(other.text, /name="kind" value="praise"/, 'praise is not a way to be unhappy');
  const step = formFields(other.text, `${q}/phan-anh-nhanh`);
  assert.strictEqual(step.reason, 'other');
  const bad = await c.post(`${q}/phan-anh-nhanh`, { ...step, comment: 'Bãi xe chật', kind: 'praise' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Vui lòng chọn loại ý kiến/);
  assert.strictEqual(sql("SELECT COUNT(*) FROM feedback WHERE content LIKE '%Bãi xe chật%'")[0][0], '0', 'nothing filed before the kind is chosen');
  const made = await c.post(`${q}/phan-anh-nhanh`, { ...step, comment: 'Bãi xe chật', kind: 'suggestion' });
  assert.strictEqual(made.status, 303);
  assert.deepStrictEqual(caseOf(made.headers.get('location')).slice(0, 4), ['suggestion', 'anonymous', '0', 'Điều khác.\nBãi xe chật']);
  const page = await c.get(made.headers.get('location'));
  assert.match(page.text, /Đã gửi ý kiến/);
  assert.match(page.text, /Mới tiếp nhận/);
});

test('only an unhappy rating of this QR can become a case', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER2();
  const happy = await rate(c, q, { level: '3' });
  const ref = happy.headers.get('location').split('r=')[1];
  const csrf = formFields((await c.get(q)).text, `${q}/danh-gia`).csrf;
  assert.strictEqual((await c.post(`${q}/phan-anh-nhanh`, { csrf, r: ref, reason: 'wait' })).status, 400);
  assert.strictEqual((await c.post(`${q}/phan-anh-nhanh`, { csrf, r: '0123456789abcdef', reason: 'wait' })).status, 404);
  const { ref: unhappyRef } = await unhappy(new Client(), q);
  assert.strictEqual((await c.post(`${COUNTER1()}/phan-anh-nhanh`, { csrf, r: unhappyRef, reason: 'wait' })).status, 404, 'another QR');
});

test('a dossier is rated once: a second rating replaces it within the window, not after', async () => {
  resetLimits();
  // a returned dossier of the demo that nobody has rated (a dossier is rated with its result)
  const [[dossier]] = sql(`SELECT d.id FROM dossier d LEFT JOIN rating r ON r.dossier_id = d.id
    WHERE d.status = 'returned' AND d.unit_id = 2 AND r.id IS NULL ORDER BY d.id LIMIT 1`);
  sql(`INSERT INTO qr_link (nonce, kind, unit_id, dossier_id) VALUES ('TESTDSSR00001', 'dossier', 2, ${dossier})`);
  const q = qrPath("nonce = 'TESTDSSR00001'");
  const c = new Client();
  assert.strictEqual((await rate(c, q, { level: '1' })).status, 303);
  const second = await rate(c, q, { level: '3' });
  assert.match(second.headers.get('location'), /kq=replaced/);
  assert.deepStrictEqual(sql(`SELECT level FROM rating WHERE dossier_id = ${dossier}`), [['3']]);
  sql(`UPDATE rating SET created_at = created_at - INTERVAL 4 DAY WHERE dossier_id = ${dossier}`);
  const third = await rate(c, q, { level: '1' });
  assert.match(third.headers.get('location'), /kq=already/);
  assert.deepStrictEqual(sql(`SELECT level FROM rating WHERE dossier_id = ${dossier}`), [['3']]);
  const page = await c.get(third.headers.get('location'));
  assert.match(page.text, /đã được đánh giá/);
});

test('feedback with a photo, anonymous: committed, file stored outside the web root, code shown', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER1();
  const { page, hidden } = await feedbackForm(c, '?t=' + q.split('/')[2]);
  assert.match(page.text, /Quầy 01 – Tư pháp, hộ tịch/);
  assert.match(page.text, /Khiếu nại, tố cáo không thuộc phạm vi/);
  const r = await c.post('/phan-anh/moi', multipart({ ...hidden, kind: 'conduct', identity: 'anonymous',
    content: 'Cán bộ quầy 1 yêu cầu nộp thêm giấy tờ không có trong quy định. <script>alert(1)</script>',
    name: 'Không được lưu', phone: '0912345678' }, [{ name: 'ảnh chụp.jpg', data: JPEG, type: 'image/jpeg' }]));
  assert.strictEqual(r.status, 303, r.text.slice(0, 300));
  const code = r.headers.get('location').match(/\/phan-anh\/([^?]+)/)[1];
  const [[id, identity, name, phone, counter, due]] = sql(`SELECT id, identity, COALESCE(contact_name, 'NULL'), COALESCE(contact_phone, 'NULL'), counter_id IS NOT NULL, due_at > created_at FROM feedback WHERE CONCAT(code, '-', check_part) = '${code}'`);
  assert.deepStrictEqual([identity, name, phone, counter, due], ['anonymous', 'NULL', 'NULL', '1', '1']);
  const [[stored, filename, mime, size]] = sql(`SELECT stored_name, filename, mime, size FROM feedback_file WHERE feedback_id = ${id}`);
  assert.deepStrictEqual([filename, mime, Number(size)], ['ảnh chụp.jpg', 'image/jpeg', JPEG.length]);
  const file = path.join(VAR, 'uploads', stored);
  assert.ok(fs.readFileSync(file).equals(JPEG), 'the file on disk is what was sent');
  assert.strictEqual(fs.statSync(file).mode & 0o777, 0o600);
  const pub = await c.get('/static/../uploads/' + stored);
  assert.notStrictEqual(pub.status, 200);
  const casePage = await c.get(`/phan-anh/${code}`);
  assert.strictEqual(casePage.status, 200);
  assert.ok(!casePage.text.includes('<script>alert(1)'), 'nothing unescaped');
  assert.ok(!casePage.text.includes('0912345678'));
});

test('feedback errors: the form comes back in Vietnamese with everything typed, nothing stored', async () => {
  resetLimits();
  const c = new Client();
  const { hidden } = await feedbackForm(c);
  const n0 = Number(sql('SELECT COUNT(*) FROM feedback')[0][0]);
  const r = await c.post('/phan-anh/moi', multipart({ ...hidden, kind: 'petition', identity: 'named', unit: '000.00.01.H41',
    content: '   ', name: 'Trần Thị Bích Ngọc', email: 'ngoc@', address: 'Số 5 ngõ 12, phường Hoa Lư' },
  [{ name: 'virus.exe', data: Buffer.from('MZ not an image'), type: 'image/jpeg' }]));
  assert.strictEqual(r.status, 422);
  assert.match(r.text, /Vui lòng sửa các lỗi/);
  assert.match(r.text, /Vui lòng nhập nội dung/);
  assert.match(r.text, /Thư điện tử không hợp lệ/);
  assert.match(r.text, /Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF/);
  assert.match(r.text, /vui lòng chọn lại tệp/);
  assert.match(r.text, /value="Trần Thị Bích Ngọc"/);
  assert.match(r.text, /value="ngoc@"/);
  assert.match(r.text, /value="Số 5 ngõ 12, phường Hoa Lư"/);
  assert.match(r.text, /value="petition" checked/);
  assert.match(r.text, /value="named" checked/);
  assert.match(r.text, /<option value="000.00.01.H41" selected>/);
  const noContact = await c.post('/phan-anh/moi', multipart({ ...hidden, kind: 'suggestion', identity: 'confidential',
    unit: '000.00.01.H41', content: 'Nên có thêm ghế chờ', name: 'Lê Văn Hùng', phone: '12ab' }));
  assert.strictEqual(noContact.status, 422);
  assert.match(noContact.text, /Số điện thoại không hợp lệ/);
  const big = await c.post('/phan-anh/moi', multipart({ ...hidden, kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
    content: 'Tệp lớn' }, [{ name: 'lon.jpg', data: Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]) }]));
  assert.strictEqual(big.status, 422);
  assert.match(big.text, /mỗi tệp không quá 5 MB/);
  const many = await c.post('/phan-anh/moi', multipart({ ...hidden, kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
    content: 'Bốn tệp' }, [1, 2, 3, 4].map(i => ({ name: `${i}.jpg`, data: JPEG }))));
  assert.strictEqual(many.status, 422);
  assert.match(many.text, /tối đa 3 tệp/);
  const long = await c.post('/phan-anh/moi', multipart({ ...hidden, kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
    content: 'ệ'.repeat(4001) }));
  assert.strictEqual(long.status, 422);
  assert.match(long.text, /tối đa 4000 ký tự/);
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM feedback')[0][0]), n0);
});

test('a named petition with name, address and phone is a formal PAKN; a retried POST files one case', async () => {
  resetLimits();
  const c = new Client();
  const { hidden } = await feedbackForm(c);
  const body = { ...hidden, kind: 'petition', identity: 'named', unit: '000.21.01.H41',
    content: 'Đề nghị niêm yết rõ lệ phí chứng thực.', name: 'Phạm Quang Huy', phone: '+84 912 345 678', address: 'Xã Gia Viễn' };
  const a = await c.post('/phan-anh/moi', multipart(body));
  const b = await c.post('/phan-anh/moi', multipart(body));
  assert.strictEqual(a.status, 303);
  assert.strictEqual(a.headers.get('location'), b.headers.get('location'));
  const code = a.headers.get('location').match(/\/phan-anh\/([^?]+)/)[1];
  assert.deepStrictEqual(sql(`SELECT formal, contact_phone, contact_name FROM feedback WHERE CONCAT(code, '-', check_part) = '${code}'`),
    [['1', '+84912345678', 'Phạm Quang Huy']]);
  assert.strictEqual(Number(sql(`SELECT COUNT(*) FROM feedback WHERE idem_key = '${hidden.idem}'`)[0][0]), 1);
});

test('tracking: by code (case-insensitive), wrong codes are refused and throttled', async () => {
  resetLimits();
  const c = new Client();
  const [[code]] = sql("SELECT CONCAT(code, '-', check_part) FROM feedback ORDER BY id DESC LIMIT 1");
  const look = await c.get('/phan-anh/?ma=' + encodeURIComponent(code.toLowerCase()));
  assert.strictEqual(look.status, 303);
  assert.strictEqual(look.headers.get('location'), '/phan-anh/' + code);
  const wrong = code.slice(0, -4) + (code.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  const w = await c.get('/phan-anh/' + wrong);
  assert.strictEqual(w.status, 404);
  assert.match(w.text, /Không tìm thấy ý kiến với mã này/);
  for (let i = 0; i < 30; i++) await c.get('/phan-anh/PA-20260101-0001-' + String(i).padStart(4, '0'));
  const t = await c.get('/phan-anh/' + code);
  assert.strictEqual(t.status, 429, 'a guesser is stopped, even for a right code');
  assert.match(t.text, /tra cứu sai quá nhiều lần/);
  resetLimits();
  assert.strictEqual((await c.get('/phan-anh/' + code)).status, 200);
});

test('the citizen reads the answer, escaped, and can ask a leader to review it', async () => {
  resetLimits();
  const c = new Client();
  const [[id, code]] = sql("SELECT id, CONCAT(code, '-', check_part) FROM feedback ORDER BY id DESC LIMIT 1");
  sql(`UPDATE feedback SET status = 'answered', answered_at = UTC_TIMESTAMP() WHERE id = ${id}`);
  recountFeedback();
  sql(`INSERT INTO feedback_event (feedback_id, at, event, public, body) VALUES (${id}, UTC_TIMESTAMP(), 'answer', 1, 'Đơn vị đã niêm yết lệ phí. <b>Cảm ơn</b>')`);
  const page = await c.get('/phan-anh/' + code);
  assert.match(page.text, /Đơn vị đã niêm yết lệ phí. &lt;b&gt;Cảm ơn&lt;\/b&gt;/);
  assert.match(page.text, /Đã trả lời/);
  // the answer is rated in the colours of the rating page: green "Hài lòng", red "Không hài lòng"
  const btn = v => page.text.match(new RegExp(`<button type="submit" name="satisfied" value="${v}" class="([^"]*)">([^<]*)<`)).slice(1);
  assert.deepStrictEqual(btn(1), ['lv3', 'Hài lòng']);
  assert.deepStrictEqual(btn(0), ['lv1', 'Không hài lòng, đề nghị xem xét lại']);
  const rating = await c.get('/static/motcua.css');
  assert.match(rating.text, /\.lv3 \{ background: #1e6b34; \}/, 'lv3 is green');
  assert.match(rating.text, /\.lv1 \{ background: #a3161a; \}/, 'lv1 is red');
  const hidden = formFields(page.text, `/phan-anh/${code}/danh-gia`);
  const r = await c.post(`/phan-anh/${code}/danh-gia`, { ...hidden, satisfied: '0' });
  assert.strictEqual(r.status, 303);
  assert.deepStrictEqual(sql(`SELECT status, answer_satisfied FROM feedback WHERE id = ${id}`), [['review', '0']]);
  const after = await c.get('/phan-anh/' + code);
  assert.match(after.text, /Người gửi đề nghị lãnh đạo xem xét lại/);
  assert.ok(!after.text.includes(`/phan-anh/${code}/danh-gia`), 'asked once only');
});

test('a request for information pauses the clock; the citizen replies and the due date moves', async () => {
  resetLimits();
  const c = new Client();
  const [[id, code]] = sql("SELECT id, CONCAT(code, '-', check_part) FROM feedback WHERE status = 'new' ORDER BY id LIMIT 1");
  // asked on Monday 2025-11-17 (09:00 local), due Friday 2025-11-28 (fixed days in the past,
  // whatever day the suite runs); replied "today", so the paused working days move the due date
  sql(`UPDATE feedback SET status = 'need_info', paused_at = '2025-11-17 02:00:00', due_at = '2025-11-28 10:00:00' WHERE id = ${id}`);
  recountFeedback();
  const page = await c.get('/phan-anh/' + code);
  assert.match(page.text, /Chờ người gửi bổ sung thông tin/);
  const hidden = formFields(page.text, `/phan-anh/${code}/bo-sung`);
  const empty = await c.post(`/phan-anh/${code}/bo-sung`, { ...hidden, reply: '  ' });
  assert.strictEqual(empty.status, 422);
  const r = await c.post(`/phan-anh/${code}/bo-sung`, { ...hidden, reply: 'Tôi đến quầy lúc 9 giờ sáng thứ Hai.' });
  assert.strictEqual(r.status, 303);
  const [[status, paused, due]] = sql(`SELECT status, COALESCE(paused_at, 'NULL'), DATE(due_at + INTERVAL 7 HOUR) FROM feedback WHERE id = ${id}`);
  assert.strictEqual(status, 'accepted');
  assert.strictEqual(paused, 'NULL');
  assert.ok(due > '2025-11-28', `due moved later: ${due}`);
  assert.match((await c.get('/phan-anh/' + code)).text, /Người gửi đã bổ sung thông tin/);
});

test('public statistics: the share of satisfied ratings, hidden under 10 ratings', async () => {
  const c = new Client();
  sql("DELETE FROM stat_day WHERE scope = 'unit' AND scope_id = 9");
  sql("INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, feedback, answered, answered_on_time) VALUES ('unit', 9, DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR), 9, 5, 3, 1, 2, 0, 0)");
  let r = await c.get('/thong-ke/');
  assert.strictEqual(r.status, 200);
  let row = r.text.split('<tr>').find(t => t.includes('Trung tâm Phục vụ hành chính công xã Gia Viễn'));
  assert.match(row, /Chưa đủ số liệu/);
  sql("UPDATE stat_day SET ratings = 20, r3 = 10, r2 = 5, r1 = 5, feedback = 12, answered = 10, answered_on_time = 7 WHERE scope = 'unit' AND scope_id = 9");
  r = await c.get('/thong-ke/');
  row = r.text.split('<tr>').find(t => t.includes('Trung tâm Phục vụ hành chính công xã Gia Viễn')).replace(/>\s+</g, '><');
  assert.match(row, /<td>20<\/td><td>75,0%<\/td><td>50,0% \/ 25,0% \/ 25,0%<\/td>/);
  assert.match(row, /<td>70,0%<\/td>/);
  const en = await c.get('/thong-ke/?lang=en');
  assert.match(en.text, /75\.0%/);
});

test('the tracking page lists the public history oldest first (same minute: in the order written), never an internal note, and shows the latest answer', async () => {
  const { pub, code } = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
    content: 'Nên có thêm ghế chờ ở quầy.' });
  const id = sql(`SELECT id FROM feedback WHERE code = '${code}'`);
  // written in this order; their times put them in another
  const ev = (mins, event, pub1, body) => sql(`INSERT INTO feedback_event (feedback_id, at, event, public, body)
    SELECT id, created_at + INTERVAL ${mins} MINUTE, '${event}', ${pub1}, '${body}' FROM feedback WHERE id = ${id}`);
  ev(30, 'answer', 1, 'Trả lời sau cùng');
  ev(20, 'reply', 1, 'Bổ sung thứ ba');
  ev(10, 'reply', 1, 'Bổ sung thứ hai');
  ev(20, 'reply', 1, 'Bổ sung thứ tư');
  ev(5, 'answer', 1, 'Trả lời đầu tiên');
  ev(15, 'note', 0, 'Ghi chú nội bộ');
  const page = await new Client().get(`/phan-anh/${pub}`);
  assert.strictEqual(page.status, 200);
  const t = page.text;
  const at = (s) => t.indexOf(s);
  assert.ok(at('Bổ sung thứ hai') > 0 && at('Bổ sung thứ hai') < at('Bổ sung thứ ba'), 'minute 10 before minute 20');
  assert.ok(at('Bổ sung thứ ba') < at('Bổ sung thứ tư'), 'two of minute 20: in the order written');
  assert.strictEqual(at('Ghi chú nội bộ'), -1, 'an internal note stays internal');
  assert.ok(at('Trả lời sau cùng') > 0, 'the answer shown is the latest');
  assert.strictEqual(at('Trả lời đầu tiên'), -1, 'the earlier answer is not shown as the answer');
  const items = t.split('<ol class="timeline">')[1].split('</ol>')[0].match(/<li>/g).length;
  assert.strictEqual(items, 6, 'filed, five public events');
});

test('the tracking page writes the case\'s times in Vietnam\'s time (UTC+7), across a year\'s end', async () => {
  const { pub, code } = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
    content: 'Giờ trên trang theo dõi.' });
  // kept in UTC: 17:30 on 31 December is 00:30 on New Year's Day in Vietnam
  sql(`UPDATE feedback SET created_at = '2026-12-31 17:30:00', due_at = '2027-01-14 17:30:00' WHERE code = '${code}'`);
  sql(`INSERT INTO feedback_event (feedback_id, at, event, public, body)
    SELECT id, '2027-01-04 16:59:00', 'reply', 1, 'Bổ sung trước nửa đêm' FROM feedback WHERE code = '${code}'`);
  const page = await new Client().get(`/phan-anh/${pub}`);
  assert.strictEqual(page.status, 200);
  const t = page.text;
  assert.ok(t.includes('01/01/2027 00:30'), 'filed at 00:30 local on 1 January 2027');
  assert.ok(t.includes('15/01/2027'), 'due on 15 January local');
  assert.ok(t.includes('<span class="muted">04/01/2027 23:59</span>'), 'an event a minute before local midnight');
});

test('a unit or counter renamed, even by an operator\'s SQL, shows at once on the tracking pages of every worker', async () => {
  const { pub, code } = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
    content: 'Tên nơi tiếp nhận trên trang theo dõi.' });
  const [[uid]] = sql(`SELECT unit_id FROM feedback WHERE code = '${code}'`);
  const [[cid]] = sql(`SELECT id FROM counter WHERE unit_id = ${uid} AND code = 'Q02'`);
  sql(`UPDATE feedback SET counter_id = ${cid} WHERE code = '${code}'`);
  const q = (v) => `'${v.replace(/'/g, "''")}'`;
  const was = { u: sql(`SELECT name FROM org_unit WHERE id = ${uid}`)[0][0],
    c: sql(`SELECT name FROM counter WHERE id = ${cid}`)[0][0] };
  const c = new Client();
  // every worker has read the rows (the pool grows under load: 16 of them)
  for (let i = 0; i < 16; i++) {
    const t = (await c.get(`/phan-anh/${pub}`)).text;
    assert.ok(t.includes(`<dd>${was.u} · ${was.c}</dd>`), `page ${i} before`);
  }
  try {
    sql(`UPDATE org_unit SET name = 'Trung tâm đã đổi tên' WHERE id = ${uid}`);
    sql(`UPDATE counter SET name = 'Quầy đã đổi tên' WHERE id = ${cid}`);
    for (let i = 0; i < 16; i++) {
      const t = (await c.get(`/phan-anh/${pub}`)).text;
      assert.ok(t.includes('<dd>Trung tâm đã đổi tên · Quầy đã đổi tên</dd>'), `page ${i}: the new names`);
    }
  } finally {
    sql(`UPDATE org_unit SET name = ${q(was.u)} WHERE id = ${uid}`);
    sql(`UPDATE counter SET name = ${q(was.c)} WHERE id = ${cid}`);
  }
  sql(`UPDATE feedback SET counter_id = NULL WHERE code = '${code}'`);
  const t = (await c.get(`/phan-anh/${pub}`)).text;
  assert.ok(t.includes(`<dd>${was.u}</dd>`), 'the old name back, and no counter once the case has none');
});

test('QR images decode to exactly the link: PNG, SVG, and the printed poster', async () => {
  const c = new Client();
  const q = COUNTER1();
  const url = process.env.MOTCUA_BASE + q;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qr-'));
  try {
    const png = await fetch(process.env.MOTCUA_BASE + q + '/qr.png');
    assert.strictEqual(png.headers.get('content-type'), 'image/png');
    fs.writeFileSync(path.join(dir, 'a.png'), Buffer.from(await png.arrayBuffer()));
    assert.strictEqual(execFileSync('zbarimg', ['-q', '--raw', path.join(dir, 'a.png')], { encoding: 'utf8' }).trim(), url);
    const svg = await c.get(q + '/qr.svg');
    assert.strictEqual(svg.headers.get('content-type'), 'image/svg+xml');
    const poster = await c.get(q + '/ap-phich');
    assert.match(poster.text, /Quầy 01 – Tư pháp, hộ tịch/);
    assert.ok(poster.text.includes(url), 'the address is typed out');
    const inline = poster.text.match(/<svg[\s\S]*?<\/svg>/)[0];
    for (const [name, body] of [['b.svg', svg.text], ['c.svg', inline]]) {
      fs.writeFileSync(path.join(dir, name), body);
      execFileSync('rsvg-convert', ['-w', '600', path.join(dir, name), '-o', path.join(dir, name + '.png')]);
      assert.strictEqual(execFileSync('zbarimg', ['-q', '--raw', path.join(dir, name + '.png')], { encoding: 'utf8' }).trim(), url, name);
    }
    const all = await c.get('/don-vi/000.00.01.H41/ap-phich');
    assert.strictEqual((all.text.match(/<section class="poster">/g) || []).length, 4, 'one poster per counter');
    assert.strictEqual((await c.get('/don-vi/khong-co/ap-phich')).status, 404);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('citizen pages stay small for a slow phone network (< 30 KB before images)', async () => {
  const c = new Client();
  const [[code]] = sql("SELECT CONCAT(code, '-', check_part) FROM feedback ORDER BY id DESC LIMIT 1");
  for (const p of ['/', COUNTER1(), '/phan-anh/moi', '/phan-anh/' + code, '/thong-ke/']) {
    const r = await c.get(p);
    assert.strictEqual(r.status, 200, p);
    assert.ok(Buffer.byteLength(r.text) < 30 * 1024, `${p}: ${Buffer.byteLength(r.text)} bytes`);
  }
  const css = await c.get('/static/motcua.css');
  assert.ok(Buffer.byteLength(css.text) < 15 * 1024);
});

// POST a form as a phone's browser may: announcing its length and waiting
// ("Expect: 100-continue") for the server's go-ahead before the body.  nginx
// answers a body over its limit at once, so no byte of it is sent; a client
// that sends it anyway may be cut off while sending and never read the answer.
function postExpecting(url, form, headers) {
  return new Promise((resolve, reject) => {
    const made = new Request(url, { method: 'POST', body: form });
    made.arrayBuffer().then(ab => {
      const body = Buffer.from(ab);
      const req = http.request(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': made.headers.get('content-type'), 'content-length': body.length, expect: '100-continue' },
      });
      req.on('continue', () => req.end(body));
      req.on('response', res => {
        const parts = [];
        res.on('data', d => parts.push(d));
        res.on('end', () => { resolve({ status: res.statusCode, text: Buffer.concat(parts).toString('utf8') }); req.destroy(); });
      });
      req.on('error', reject);
    }, reject);
  });
}

test('a body over the upload limit gets the Vietnamese page (413), which is not reachable from outside', async () => {
  const c = new Client();
  const fd = new FormData();
  fd.append('content', 'Nội dung thử');
  fd.append('files[]', new Blob([new Uint8Array(17 * 1024 * 1024)], { type: 'image/jpeg' }), 'a.jpg');
  const r = await postExpecting(process.env.MOTCUA_BASE + '/phan-anh/moi', fd, { 'accept-language': 'en' });
  const page = r.text;
  assert.strictEqual(r.status, 413);
  assert.match(page, /<html lang="vi">/);
  assert.match(page, /Tệp gửi kèm quá lớn/);
  assert.match(page, /không quá 5 MB/);
  assert.match(page, /href="\/phan-anh\/moi"/);
  assert.strictEqual((await c.get('/loi/qua-lon')).status, 404);
});
