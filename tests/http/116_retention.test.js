// Retention of personal data (docs/personal-data.md): old closed cases, ratings,
// messages, dossiers, rate-limit rows and sessions with fixed dates in 2020 lose
// their personal fields, recent and open ones keep them, the leader's figures do
// not move, a dry run changes nothing and a second run erases nothing.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, VAR, recountFeedback } = require('../lib/client');

const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"
const PERIOD = 'tu=2020-02-01&den=2020-04-30';
const T = {};
const one = q => sql(q)[0][0];
const UPLOADS = path.join(VAR, 'uploads');
const stored = n => 'ee' + String(n).padStart(30, '0');
// this file's evidence rows: other files' uploads have random hex names, some starting with "ee"
const OURS = "stored_name LIKE 'ee%' AND feedback_id IN (SELECT id FROM feedback WHERE code LIKE 'PA-2020030_-910_')";

// Every figure of the leader's dashboard for the period, and the rows of its lists.
async function figures() {
  const c = new Client();
  await c.login('lanhdao_r');
  const r = await c.get(`/lanh-dao/?${PERIOD}`);
  assert.strictEqual(r.status, 200);
  const figs = [...r.text.matchAll(/<p class="fig-value">([\s\S]*?)<\/p>/g)].map(m => m[1]);
  const lists = {};
  for (const kind of ['feedback', 'ratings', 'received']) {
    const l = await c.get(`/lanh-dao/danh-sach?loai=${kind}&${PERIOD}`);
    lists[kind] = l.text.match(/<strong id="row-count">(\d+)<\/strong>/)[1];
  }
  return { figs, lists };
}

function due(out) {
  const m = {};
  for (const [, kind, n, oldest] of out.matchAll(/^retention: (\w+): (\d+) (?:to erase|erased), oldest (\S+) /gm)) {
    m[kind] = [Number(n), oldest];
  }
  return m;
}

test('setup: what is already due is erased; a unit with its leader; old and recent records by SQL', async () => {
  // the ticker of the stack must not run retention during this file
  sql("INSERT INTO stat_mark (name, day) VALUES ('retention', '2999-12-31') ON DUPLICATE KEY UPDATE day = '2999-12-31'");
  motcuactl('retention');
  sql("INSERT INTO org_unit (parent_id, code, name, short_name, level) VALUES (8, 'TEST.R.H41', 'Trung tâm kiểm thử R', 'TT R', 'centre')");
  sql("UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = 'TEST.R.H41'");
  T.unit = one("SELECT id FROM org_unit WHERE code = 'TEST.R.H41'");
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('lanhdao_r', 'Lưu Văn Quang', 'Giám đốc', 'leader', ${T.unit}, '${HASH}')`);
  const u = T.unit;
  // F1 named and F2 confidential, over in March and April 2020: their contacts go;
  // F3 anonymous (nothing to erase but its file); F4 still open; F5 closed a month ago
  sql(`INSERT INTO feedback (code, check_part, kind, status, unit_id, content, identity,
         contact_name, contact_phone, contact_email, contact_address, created_at, due_at, closed_at) VALUES
       ('PA-20200302-9101', 'r001', 'petition', 'closed', ${u}, 'Nội dung 1', 'named', 'Đỗ Văn Một', '0911000001', 'mot@example.vn', 'Số 1 phố Huế', '2020-03-02 03:00:00', '2020-03-16 03:00:00', '2020-03-10 03:00:00'),
       ('PA-20200303-9102', 'r002', 'conduct', 'rejected', ${u}, 'Nội dung 2', 'confidential', NULL, '0911000002', NULL, NULL, '2020-03-03 03:00:00', '2020-03-17 03:00:00', '2020-04-01 03:00:00'),
       ('PA-20200304-9103', 'r003', 'suggestion', 'closed', ${u}, 'Nội dung 3', 'anonymous', NULL, NULL, NULL, NULL, '2020-03-04 03:00:00', '2020-03-25 03:00:00', '2020-03-12 03:00:00'),
       ('PA-20200305-9104', 'r004', 'petition', 'accepted', ${u}, 'Nội dung 4', 'named', 'Đỗ Văn Bốn', '0911000004', NULL, NULL, '2020-03-05 03:00:00', '2020-03-19 03:00:00', NULL),
       ('PA-20200306-9105', 'r005', 'petition', 'closed', ${u}, 'Nội dung 5', 'named', 'Đỗ Văn Năm', '0911000005', NULL, NULL, UTC_TIMESTAMP() - INTERVAL 2 MONTH, UTC_TIMESTAMP() - INTERVAL 1 MONTH, UTC_TIMESTAMP() - INTERVAL 1 MONTH)`);
  const fid = n => `(SELECT id FROM feedback WHERE code = 'PA-2020030${n + 1}-910${n}')`;
  const files = [[1, 1], [2, 1], [3, 3], [4, 4], [5, 5]];   // [file, case]
  sql('INSERT INTO feedback_file (feedback_id, stored_name, filename, mime, size, created_at) VALUES ' +
      files.map(([f, n]) => `(${fid(n)}, '${stored(f)}', 'anh${f}.jpg', 'image/jpeg', 4, '2020-03-02 03:00:00')`).join(', '));
  fs.mkdirSync(UPLOADS, { recursive: true });
  for (const [f] of files) fs.writeFileSync(path.join(UPLOADS, stored(f)), 'jpeg');
  recountFeedback();
  sql(`INSERT INTO rating (ref, channel, unit_id, level, comment, client_hash, created_at, updated_at) VALUES
       ('testr00000000001', 'qr', ${u}, 1, 'Chị Hoa ở quầy 2, số 0911000009', 'abcdef0123456789', '2020-03-10 03:00:00', '2020-03-10 03:00:00'),
       ('testr00000000002', 'qr', ${u}, 3, '', '', '2020-03-11 03:00:00', '2020-03-11 03:00:00'),
       ('testr00000000003', 'qr', ${u}, 2, 'Gần đây', 'abcdef0123456789', UTC_TIMESTAMP() - INTERVAL 1 MONTH, UTC_TIMESTAMP() - INTERVAL 1 MONTH)`);
  sql(`INSERT INTO notification (idem_key, channel, recipient, subject, body, state, created_at, next_attempt_at, sent_at) VALUES
       ('${'r1'.padEnd(32, '0')}', 'email', 'mot@example.vn', 'PA-20200302-9101', 'Kính gửi ông Một', 'sent', '2020-03-10 03:00:00', '2020-03-10 03:00:00', '2020-03-10 03:01:00'),
       ('${'r2'.padEnd(32, '0')}', 'sms', '0911000002', 'PA-20200303-9102', 'Phản ánh đã nhận', 'failed', '2020-03-11 03:00:00', '2020-03-11 03:00:00', NULL),
       ('${'r3'.padEnd(32, '0')}', 'sms', '0911000003', 'x', 'Chưa gửi', 'queued', '2020-03-12 03:00:00', '2999-01-01 00:00:00', NULL),
       ('${'r4'.padEnd(32, '0')}', 'email', 'bon@example.vn', 'x', 'Gần đây', 'sent', UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY)`);
  // e-mails the outbox directory holds (Mail.Mode outbox): the due one goes with its row
  T.outbox = path.join(VAR, 'outbox');
  fs.mkdirSync(T.outbox, { recursive: true });
  T.eml = {};
  for (const k of ['r1', 'r4']) {
    T.eml[k] = path.join(T.outbox, one(`SELECT id FROM notification WHERE idem_key = '${k.padEnd(32, '0')}'`) + '.eml');
    fs.writeFileSync(T.eml[k], 'To: x@example.vn\n\nbody');
  }
  const proc = one('SELECT id FROM procedure_tthc ORDER BY id LIMIT 1');
  sql(`INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, applicant_address, applicant_phone, applicant_email, documents,
         status, received_at, due_at, original_due_at, finished_at, returned_at) VALUES
       ('TEST.R-200203-0001', ${u}, ${proc}, 'Vũ Thị Cũ', 'Thôn 1', '0911000010', 'cu@example.vn', 'Đơn', 'returned',
        '2020-02-03 03:00:00', '2020-02-10 03:00:00', '2020-02-10 03:00:00', '2020-02-07 03:00:00', '2020-03-02 03:00:00'),
       ('TEST.R-250601-0002', ${u}, ${proc}, 'Vũ Thị Mới', 'Thôn 2', '0911000011', '', 'Đơn', 'returned',
        UTC_TIMESTAMP() - INTERVAL 13 MONTH, UTC_TIMESTAMP() - INTERVAL 12 MONTH, UTC_TIMESTAMP() - INTERVAL 12 MONTH,
        UTC_TIMESTAMP() - INTERVAL 12 MONTH, UTC_TIMESTAMP() - INTERVAL 12 MONTH)`);
  sql(`INSERT INTO rate_limit (bucket, k, window_start, hits) VALUES
       ('login-ip', '203.0.113.116', '2020-01-01 03:00:00', 3), ('login-ip', '203.0.113.117', UTC_TIMESTAMP(), 1)`);
  sql(`INSERT INTO session (id_hash, user_id, created_at, last_seen, expires_at, ip) VALUES
       ('${'5'.repeat(64)}', (SELECT id FROM users WHERE username = 'lanhdao_r'), '2020-01-01 01:00:00', '2020-01-01 02:00:00', '2020-01-01 03:00:00', '203.0.113.116')`);
  // rows written by hand: the figures are recounted from them
  motcuactl('rebuild-stats');
  T.before = await figures();
  assert.ok(T.before.figs.length >= 5, 'the dashboard shows its figures');
  assert.strictEqual(T.before.lists.feedback, '4', 'the 4 cases filed in the period');
  assert.strictEqual(T.before.lists.ratings, '2');
  assert.strictEqual(T.before.lists.received, '1');
});

test('--dry-run: counts and oldest day per kind, and nothing changes', () => {
  const out = motcuactl('retention', '--dry-run');
  assert.deepStrictEqual(due(out), {
    feedback_contact: [2, '2020-03-10'],
    evidence_file: [3, '2020-03-10'],
    rating_comment: [1, '2020-03-10'],
    notification: [2, '2020-03-10'],
    dossier_contact: [1, '2020-03-02'],
    rate_limit: [1, '2020-01-01'],
    session: [1, '2020-01-01'],
  });
  assert.strictEqual(one("SELECT contact_phone FROM feedback WHERE code = 'PA-20200302-9101'"), '0911000001');
  assert.strictEqual(one(`SELECT COUNT(*) FROM feedback_file WHERE ${OURS}`), '5');
  assert.ok(fs.existsSync(path.join(UPLOADS, stored(1))));
  assert.ok(fs.existsSync(T.eml.r1));
  assert.strictEqual(one("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.erase' AND detail LIKE 'feedback_contact: 2 %'"), '0');
});

test('a run erases the personal fields of what is due, deletes its files, keeps the rest, audits each kind', () => {
  T.audit = Number(one('SELECT COALESCE(MAX(id), 0) FROM audit_log'));
  const out = motcuactl('retention');
  assert.deepStrictEqual(due(out), {
    feedback_contact: [2, '2020-03-10'], evidence_file: [3, '2020-03-10'], rating_comment: [1, '2020-03-10'],
    notification: [2, '2020-03-10'], dossier_contact: [1, '2020-03-02'], rate_limit: [1, '2020-01-01'],
    session: [1, '2020-01-01'],
  });
  const fb = sql("SELECT code, identity, status, COALESCE(contact_name, '-'), COALESCE(contact_phone, '-'), COALESCE(contact_email, '-'), COALESCE(contact_address, '-'), contact_erased_at IS NOT NULL, files_erased_at IS NOT NULL, content FROM feedback WHERE code LIKE 'PA-2020030_-910_' ORDER BY code");
  assert.deepStrictEqual(fb, [
    ['PA-20200302-9101', 'named', 'closed', '-', '-', '-', '-', '1', '1', 'Nội dung 1'],
    ['PA-20200303-9102', 'confidential', 'rejected', '-', '-', '-', '-', '1', '0', 'Nội dung 2'],
    ['PA-20200304-9103', 'anonymous', 'closed', '-', '-', '-', '-', '0', '1', 'Nội dung 3'],
    ['PA-20200305-9104', 'named', 'accepted', 'Đỗ Văn Bốn', '0911000004', '-', '-', '0', '0', 'Nội dung 4'],
    ['PA-20200306-9105', 'named', 'closed', 'Đỗ Văn Năm', '0911000005', '-', '-', '0', '0', 'Nội dung 5'],
  ]);
  assert.deepStrictEqual(sql(`SELECT stored_name FROM feedback_file WHERE ${OURS} ORDER BY stored_name`).map(r => r[0]),
    [stored(4), stored(5)]);
  for (const f of [1, 2, 3]) assert.ok(!fs.existsSync(path.join(UPLOADS, stored(f))), `file ${f} deleted`);
  for (const f of [4, 5]) assert.ok(fs.existsSync(path.join(UPLOADS, stored(f))), `file ${f} kept`);
  assert.deepStrictEqual(sql("SELECT ref, level, comment, client_hash, comment_erased_at IS NOT NULL FROM rating WHERE ref LIKE 'testr%' ORDER BY ref"), [
    ['testr00000000001', '1', '', '', '1'],
    ['testr00000000002', '3', '', '', '0'],
    ['testr00000000003', '2', 'Gần đây', 'abcdef0123456789', '0'],
  ]);
  assert.deepStrictEqual(sql("SELECT LEFT(idem_key, 2), state, recipient, subject, body, erased_at IS NOT NULL FROM notification WHERE idem_key LIKE 'r_000%' ORDER BY idem_key"), [
    ['r1', 'sent', '', 'PA-20200302-9101', '', '1'],
    ['r2', 'failed', '', 'PA-20200303-9102', '', '1'],
    ['r3', 'queued', '0911000003', 'x', 'Chưa gửi', '0'],
    ['r4', 'sent', 'bon@example.vn', 'x', 'Gần đây', '0'],
  ]);
  assert.ok(!fs.existsSync(T.eml.r1), 'the erased e-mail\'s file is deleted');
  assert.ok(fs.existsSync(T.eml.r4), 'a recent e-mail\'s file is kept');
  assert.deepStrictEqual(sql("SELECT code, applicant_name, applicant_address, applicant_phone, applicant_email, status, contact_erased_at IS NOT NULL FROM dossier WHERE code LIKE 'TEST.R-%' ORDER BY code"), [
    ['TEST.R-200203-0001', 'Vũ Thị Cũ', 'Thôn 1', '', '', 'returned', '1'],
    ['TEST.R-250601-0002', 'Vũ Thị Mới', 'Thôn 2', '0911000011', '', 'returned', '0'],
  ]);
  assert.deepStrictEqual(sql("SELECT k FROM rate_limit WHERE k LIKE '203.0.113.11_'").map(r => r[0]), ['203.0.113.117']);
  assert.strictEqual(one(`SELECT COUNT(*) FROM session WHERE id_hash = '${'5'.repeat(64)}'`), '0');
  const audit = sql(`SELECT action, object_type, detail FROM audit_log WHERE id > ${T.audit} ORDER BY id`);
  assert.deepStrictEqual(audit.map(r => r[2].split(',')[0]), ['feedback_contact: 2 erased', 'evidence_file: 3 erased',
    'rating_comment: 1 erased', 'notification: 2 erased', 'dossier_contact: 1 erased', 'rate_limit: 1 erased', 'session: 1 erased']);
  assert.ok(audit.every(r => r[0] === 'retention.erase' && r[1] === 'retention'));
  assert.match(motcuactl('verify-audit'), /chain intact/);
});

test('the leader\'s figures and lists of the period are the same as before', async () => {
  assert.deepStrictEqual(await figures(), T.before);
  motcuactl('rebuild-stats');
  assert.deepStrictEqual(await figures(), T.before, 'and after a recount from the records');
});

test('the case page says when the contact and the files were erased', async () => {
  const c = new Client();
  await c.login('lanhdao_r');
  const day = one("SELECT DATE_FORMAT(contact_erased_at + INTERVAL 7 HOUR, '%d/%m/%Y') FROM feedback WHERE code = 'PA-20200302-9101'");
  const r = await c.get('/can-bo/phan-anh/PA-20200302-9101');
  assert.strictEqual(r.status, 200);
  assert.ok(r.text.includes(`Thông tin liên hệ đã được xóa khi hết thời hạn lưu giữ, ngày ${day}`));
  assert.ok(r.text.includes(`Tệp đính kèm đã được xóa khi hết thời hạn lưu giữ, ngày ${day}`));
  assert.ok(!r.text.includes('0911000001') && !r.text.includes(stored(1)));
  const open = await c.get('/can-bo/phan-anh/PA-20200305-9104');
  assert.ok(!open.text.includes('hết thời hạn lưu giữ'), 'an open case says nothing of it');
});

test('a second run erases nothing', () => {
  const out = motcuactl('retention');
  for (const [kind, [n]] of Object.entries(due(out))) assert.strictEqual(n, 0, kind);
  assert.strictEqual(Object.keys(due(out)).length, 7);
});

test('tick runs retention once a local day', () => {
  // The stack's own tick may take the day before the test's and still be writing
  // when the test's returns: the runs are counted in the audit log (seven kinds a
  // run), whoever made them, waiting up to 5 s for the runs expected to end.
  const mark = one('SELECT COALESCE(MAX(id), 0) FROM audit_log');
  const runs = want => {
    for (let i = 0; ; i++) {
      const n = Number(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'retention.erase' AND id > ${mark}`));
      if ((n >= want * 7 && n % 7 === 0) || i === 50) return n / 7;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  };
  sql("DELETE FROM stat_mark WHERE name = 'retention'");
  motcuactl('tick');
  assert.strictEqual(runs(1), 1);
  motcuactl('tick');
  assert.strictEqual(runs(1), 1, 'not twice a day');
  sql("UPDATE stat_mark SET day = '2020-01-01' WHERE name = 'retention'");
  motcuactl('tick');
  assert.strictEqual(runs(2), 2, 'a day later');
});
