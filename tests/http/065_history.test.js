// Figures a leader can sign: citizens' verdicts on answers are history,
// missed forwarding deadlines (Decree 20/2008 Art. 9(1)(d)) are marked,
// escalated and counted, and the calendar warns when it runs out.
//
// Unit Y (its own leader and officer), data in March 2026 so that no figure
// depends on today's date.  Expected figures, by hand:
//
// Verdicts (each verdict's time set to a fixed instant, Vietnam time):
//   case A: answer 1 rated "Không hài lòng" 10/03/2026 10:00; reopened, answer 2
//           rated "Hài lòng" 20/03/2026 10:00             -> March: 1 unsatisfied
//   case B: answer 1 rated "Không hài lòng" 05/03/2026 10:00; reopened, answer 2
//           rated "Không hài lòng" 02/04/2026 10:00       -> March: 1, April: 1
//   "Câu trả lời bị đánh giá không hài lòng", March 2026 = 2 (A's first, B's first);
//   April 2026 = 1 (B's second).  With the verdict kept only on the case (the old
//   way), March would show 0 for A (its last verdict is satisfied).
//
// Forwarding deadline: 5 working days from receipt.  Cases F1 and F2 received
// Monday 02/03/2026 09:00; the calendar (sql/data) has no day off in March 2026:
//   Tue 03, Wed 04, Thu 05, Fri 06, Mon 09 -> deadline Monday 09/03/2026 17:00
//   (10:00 UTC).
//   F1 is never classified: tick marks it and escalates it.
//   F2 is forwarded to unit K after its deadline: the forward marks it.
//   "Phản ánh quá hạn chuyển", March 2026 = 2 (F1, F2), both for unit H.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, fileCase, caseAction, formFields, resetLimits, VAR, ROOT } = require('../lib/client');

const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"
const MARCH = 'tu=2026-03-01&den=2026-03-31';
const APRIL = 'tu=2026-04-01&den=2026-04-30';
const T = {};
const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}
const act = async (who, code, action, fields = {}) => caseAction(await as(who), code, action, fields);
const one = q => sql(q)[0][0];

function fig(html, key) {
  const m = html.match(new RegExp(`loai=${key}&amp;[^"]*">(\\d+)<`));
  return m && Number(m[1]);
}

async function rate(c, pub, satisfied) {
  const page = await c.get('/phan-anh/' + pub);
  const hidden = formFields(page.text, `/phan-anh/${pub}/danh-gia`);
  const r = await c.post(`/phan-anh/${pub}/danh-gia`, { ...hidden, satisfied });
  assert.strictEqual(r.status, 303);
}

test('setup: units H and K, each with a leader and an officer', async () => {
  for (const u of ['H', 'K']) {
    sql(`INSERT INTO org_unit (parent_id, code, name, short_name, level) VALUES (8, 'TEST.${u}.H41', 'Trung tâm kiểm thử ${u}', 'TT ${u}', 'centre')`);
    sql(`UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = 'TEST.${u}.H41'`);
    T[u] = one(`SELECT id FROM org_unit WHERE code = 'TEST.${u}.H41'`);
    const l = u.toLowerCase();
    sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
         ('lanhdao_${l}', 'Lãnh đạo ${u}', 'Giám đốc', 'leader', ${T[u]}, '${HASH}'),
         ('canbo_${l}', 'Cán bộ ${u}', 'Chuyên viên', 'officer', ${T[u]}, '${HASH}')`);
  }
});

test('verdicts are history: "Không hài lòng", a reopen and a new answer rated satisfied still count 1', async () => {
  const cases = {};
  for (const k of ['A', 'B']) {
    cases[k] = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: 'TEST.H.H41', content: `Góp ý kiểm thử ${k}: niêm yết lệ phí rõ hơn.` });
    assert.strictEqual((await act('canbo_h', cases[k].code, 'phan-loai', { class: 'accepted' })).status, 303);
  }
  const seq = { A: ['0', '1'], B: ['0', '0'] };
  for (let round = 0; round < 2; round++) {
    for (const k of ['A', 'B']) {
      assert.strictEqual((await act('canbo_h', cases[k].code, 'tra-loi', { text: `Trả lời lần ${round + 1}` })).status, 303);
      resetLimits();
      await rate(cases[k].citizen, cases[k].pub, seq[k][round]);
      if (round === 0) {
        assert.strictEqual((await act('lanhdao_h', cases[k].code, 'mo-lai', { text: 'Trả lời chưa đầy đủ.' })).status, 303);
        assert.strictEqual(one(`SELECT answer_satisfied IS NULL FROM feedback WHERE code = '${cases[k].code}'`), '1',
          'the verdict on the current answer starts again');
      }
    }
  }
  // every verdict is kept, on the answer it was given on, in the order given
  for (const k of ['A', 'B']) {
    const rows = sql(`SELECT v.satisfied, e.body, v.unit_id FROM feedback_verdict v JOIN feedback f ON f.id = v.feedback_id
                      LEFT JOIN feedback_event e ON e.id = v.answer_id WHERE f.code = '${cases[k].code}' ORDER BY v.id`);
    assert.deepStrictEqual(rows, [[seq[k][0], 'Trả lời lần 1', String(T.H)], [seq[k][1], 'Trả lời lần 2', String(T.H)]], k);
  }
  // the write path counted them on the unit's row of the day they were given
  const [[days, n, unsat]] = sql(`SELECT COUNT(DISTINCT DATE(v.at + INTERVAL 7 HOUR)), COUNT(*), SUM(v.satisfied = 0) FROM feedback_verdict v WHERE v.unit_id = ${T.H}`);
  assert.deepStrictEqual([n, unsat], ['4', '3']);
  assert.deepStrictEqual(sql(`SELECT SUM(verdicts), SUM(verdicts_unsatisfied) FROM stat_day WHERE scope = 'unit' AND scope_id = ${T.H}
                              AND day IN (SELECT DATE(at + INTERVAL 7 HOUR) FROM feedback_verdict WHERE unit_id = ${T.H})`), [['4', '3']]);
  assert.ok(Number(days) >= 1);
  // the write path and the operator's recount agree
  // (a day's figures are the sum of its slot rows)
  const dayRows = () => sql(`SELECT DATE_FORMAT(day, '%Y-%m-%d'), SUM(verdicts), SUM(verdicts_unsatisfied) FROM stat_day
                             WHERE scope = 'unit' AND scope_id = ${T.H} GROUP BY day HAVING SUM(verdicts) > 0 ORDER BY day`);
  const written = dayRows();
  motcuactl('rebuild-stats');
  assert.deepStrictEqual(dayRows(), written);
  // the verdicts move to fixed days of March and April 2026 (table at the top);
  // the operator's command recounts the aggregates from the history
  const at = { A: ['2026-03-10 03:00:00', '2026-03-20 03:00:00'], B: ['2026-03-05 03:00:00', '2026-04-02 03:00:00'] };
  for (const k of ['A', 'B']) {
    const ids = sql(`SELECT v.id FROM feedback_verdict v JOIN feedback f ON f.id = v.feedback_id WHERE f.code = '${cases[k].code}' ORDER BY v.id`).map(r => r[0]);
    ids.forEach((id, i) => sql(`UPDATE feedback_verdict SET at = '${at[k][i]}' WHERE id = ${id}`));
  }
  assert.match(motcuactl('rebuild-stats'), /verdicts/);
  T.cases = cases;
});

test('the dashboard, its list and the CSV count each answer rated not satisfied: March 2, April 1', async () => {
  const c = await as('lanhdao_h');
  const march = await c.get(`/lanh-dao/?${MARCH}`);
  assert.strictEqual(march.status, 200);
  assert.strictEqual(fig(march.text, 'answer_unsatisfied'), 2);
  assert.strictEqual(fig((await c.get(`/lanh-dao/?${APRIL}`)).text, 'answer_unsatisfied'), 1);
  const list = await c.get(`/lanh-dao/danh-sach?loai=answer_unsatisfied&${MARCH}`);
  assert.strictEqual(list.status, 200);
  assert.match(list.text, /<strong id="row-count">2<\/strong>/);
  const body = list.text.slice(list.text.indexOf('<tbody>'));
  const codes = [...body.matchAll(/href="\/can-bo\/phan-anh\/([^"]+)"/g)].map(m => m[1]);
  assert.deepStrictEqual(codes, [T.cases.B.code, T.cases.A.code], 'in the order of the verdicts: B on 05/03, A on 10/03');
  assert.match(body, /05\/03\/2026 10:00/);
  assert.match(body, /10\/03\/2026 10:00/);
  const csv = await c.get(`/lanh-dao/danh-sach?loai=answer_unsatisfied&${MARCH}&csv=1&muc-dich=bao_cao`);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.strictEqual(lines[0], '"Mã phản ánh","Đơn vị trả lời","Loại","Ngày tiếp nhận","Ngày trả lời","Thời điểm đánh giá không hài lòng","Trạng thái hiện nay"');
  assert.deepStrictEqual(lines.slice(1).map(l => l.split(',')[0].replace(/"/g, '')), [T.cases.B.code, T.cases.A.code]);
});

test('forwarding: a case past its 5-working-day deadline is marked in the inbox, escalated by tick and counted', async () => {
  const f = {};
  for (const k of ['F1', 'F2']) {
    f[k] = await fileCase({ kind: 'petition', identity: 'anonymous', unit: 'TEST.H.H41', content: `Phản ánh kiểm thử ${k} ngoài thẩm quyền.` });
    // received Monday 02/03/2026 09:00; deadline by hand (top of file): 09/03/2026 17:00
    sql(`UPDATE feedback SET created_at = '2026-03-02 02:00:00', due_at = '2026-03-16 10:00:00',
         forward_due = '2026-03-09 10:00:00' WHERE code = '${f[k].code}'`);
  }
  const inbox = await (await as('canbo_h')).get('/can-bo/?trang-thai=new');
  for (const k of ['F1', 'F2']) {
    const row = inbox.text.slice(inbox.text.indexOf(f[k].code), inbox.text.indexOf('</tr>', inbox.text.indexOf(f[k].code)));
    assert.match(row, /Quá hạn chuyển \(05 ngày làm việc/, `${k} is marked in the inbox`);
  }
  // F2 is forwarded to unit K now, after its deadline
  const unitK = String(T.K);
  assert.strictEqual((await act('canbo_h', f.F2.code, 'phan-loai', { class: 'forwarded', unit: unitK })).status, 303);
  assert.match(motcuactl('tick'), /cases past their forwarding deadline/);
  const marks = sql(`SELECT f.code, x.unit_id, DATE_FORMAT(x.due_at, '%Y-%m-%d %H:%i') FROM feedback_forward_late x
                     JOIN feedback f ON f.id = x.feedback_id WHERE f.code IN ('${f.F1.code}', '${f.F2.code}') ORDER BY f.code`);
  assert.deepStrictEqual(marks, [[f.F1.code, String(T.H), '2026-03-09 10:00'], [f.F2.code, String(T.H), '2026-03-09 10:00']]);
  // F1 went up to the leader, with an event and an audit row
  assert.strictEqual(one(`SELECT escalated_at IS NOT NULL FROM feedback WHERE code = '${f.F1.code}'`), '1');
  assert.strictEqual(one(`SELECT COUNT(*) FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id WHERE f.code = '${f.F1.code}' AND e.event = 'forward_overdue'`), '1');
  assert.strictEqual(one(`SELECT COUNT(*) FROM audit_log a JOIN feedback f ON f.id = a.object_id WHERE a.object_type = 'feedback' AND a.action = 'case.forward_escalate' AND f.code = '${f.F1.code}'`), '1');
  // a second tick marks nothing twice
  motcuactl('tick');
  assert.strictEqual(one(`SELECT COUNT(*) FROM feedback_forward_late x JOIN feedback f ON f.id = x.feedback_id WHERE f.code = '${f.F1.code}'`), '1');
  // the case page says it too
  const page = await (await as('canbo_h')).get('/can-bo/phan-anh/' + f.F1.code);
  assert.match(page.text, /Hạn chuyển cơ quan khác<\/dt><dd>09\/03\/2026 — <span class="bad">Quá hạn chuyển/);
  T.f = f;
});

test('after a forward, the receiving unit\'s answer deadline counts from the day it received the case', async () => {
  // a petition filed at unit K the same day gets its deadline from the same
  // rule (10 working days from receipt): the forwarded case must have the same,
  // not the 16/03/2026 it had at unit H
  const fresh = await fileCase({ kind: 'petition', identity: 'anonymous', unit: 'TEST.K.H41', content: 'Phản ánh kiểm thử tại Z.' });
  const [[fwdDue, fwdFwd, unit, status]] = sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(forward_due, '%Y-%m-%d %H:%i'), unit_id, status FROM feedback WHERE code = '${T.f.F2.code}'`);
  const [[newDue, newFwd]] = sql(`SELECT DATE_FORMAT(due_at, '%Y-%m-%d %H:%i'), DATE_FORMAT(forward_due, '%Y-%m-%d %H:%i') FROM feedback WHERE code = '${fresh.code}'`);
  assert.deepStrictEqual([unit, status], [String(T.K), 'new']);
  assert.notStrictEqual(fwdDue, '2026-03-16 10:00');
  assert.strictEqual(fwdDue, newDue);
  assert.strictEqual(fwdFwd, newFwd, 'a new forwarding deadline at the receiving unit');
  // the receiving unit's inbox does not show it as late
  const inbox = await (await as('canbo_k')).get('/can-bo/?trang-thai=new');
  const i = inbox.text.indexOf(T.f.F2.code);
  assert.ok(i > 0);
  assert.doesNotMatch(inbox.text.slice(i, inbox.text.indexOf('</tr>', i)), /Quá hạn chuyển/);
});

test('the dashboard counts 2 missed forwarding deadlines in March for unit H; the list and CSV have F1 and F2', async () => {
  const c = await as('lanhdao_h');
  const r = await c.get(`/lanh-dao/?${MARCH}`);
  assert.match(r.text, /Phản ánh quá hạn chuyển<\/p>/);
  assert.strictEqual(fig(r.text, 'forward_late'), 2);
  assert.strictEqual(fig((await c.get(`/lanh-dao/?${APRIL}`)).text, 'forward_late'), 0);
  const list = await c.get(`/lanh-dao/danh-sach?loai=forward_late&${MARCH}`);
  assert.match(list.text, /<strong id="row-count">2<\/strong>/);
  const body = list.text.slice(list.text.indexOf('<tbody>'));
  const codes = [...body.matchAll(/href="\/can-bo\/phan-anh\/([^"]+)"/g)].map(m => m[1]).sort();
  assert.deepStrictEqual(codes, [T.f.F1.code, T.f.F2.code].sort());
  assert.match(body, /09\/03\/2026/);
  const csv = await c.get(`/lanh-dao/danh-sach?loai=forward_late&${MARCH}&csv=1&muc-dich=bao_cao`);
  const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.strictEqual(lines[0], '"Mã phản ánh","Đơn vị để quá hạn","Loại","Ngày tiếp nhận","Hạn chuyển","Ngày chuyển","Trạng thái hiện nay"');
  assert.strictEqual(lines.length, 3);
  // unit K's leader does not see unit H's misses
  assert.strictEqual(fig((await (await as('lanhdao_k')).get(`/lanh-dao/?${MARCH}`)).text, 'forward_late'), 0);
  // rebuilt from the history, the figure stays
  motcuactl('rebuild-stats');
  assert.strictEqual(fig((await c.get(`/lanh-dao/?${MARCH}`)).text, 'forward_late'), 2);
});

// The calendar shipped in sql/data marks 8 days unconfirmed: 23/11/2026,
// 28/11/2026, 05/02/2027, 08/02/2027, 09/02/2027, 10/02/2027, 11/02/2027,
// 03/09/2027.  An open dossier due on 02/03/2099 falls in a year without rows.
test('calendar coverage: tick and the admin page warn about unconfirmed days and a due date in a year without rows', async () => {
  const [[code]] = sql(`SELECT code FROM dossier ORDER BY id LIMIT 1`);
  sql(`INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, documents, status, received_at, due_at, original_due_at)
       SELECT 'TEST-2099-0001', unit_id, procedure_id, 'Người nộp 2099', 'Đơn', 'processing', '2099-02-20 02:00:00', '2099-03-02 10:00:00', '2099-03-02 10:00:00'
         FROM dossier WHERE code = '${code}'`);
  const out = motcuactl('tick');
  assert.match(out, /tick: warning: calendar: 1 open dossier\(s\) due in 2099, a year with no calendar rows/);
  assert.match(out, /tick: warning: calendar: 8 day\(s\) still marked unconfirmed \(2026-11-23, 2026-11-28, 2027-02-05, 2027-02-08, 2027-02-09, 2027-02-10, 2027-02-11, 2027-09-03\)/);
  const admin = await as('quantri');
  const page = await admin.get('/quan-tri/lich');
  assert.strictEqual(page.status, 200);
  assert.match(page.text, /Lịch chưa đủ để tính hạn/);
  assert.match(page.text, /1 hồ sơ đang giải quyết có ngày hẹn trả trong năm 2099, năm chưa có ngày nào trong lịch/);
  assert.match(page.text, /8 ngày trong lịch còn ở trạng thái dự kiến, chưa có văn bản chính thức: <span class="code">2026-11-23, 2026-11-28/);
  sql(`DELETE FROM dossier WHERE code = 'TEST-2099-0001'`);
  assert.doesNotMatch(motcuactl('tick'), /due in 2099/);
});

test('calendar coverage: no day off in the next 12 months is warned about; rows restored afterwards', async () => {
  // the window is today .. today + 365 days (Vietnam time), whatever today is:
  // first make sure it holds a day off (a row 30 days ahead), then take every
  // row of it away (a day more on each side, should midnight pass meanwhile)
  const TODAY = 'DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR)';
  const SPAN = `day BETWEEN ${TODAY} - INTERVAL 1 DAY AND ${TODAY} + INTERVAL 366 DAY`;
  const rows = sql(`SELECT DATE_FORMAT(day, '%Y-%m-%d'), is_working, kind, name_vi, name_en, source, confirmed FROM calendar_day WHERE ${SPAN}`);
  const ahead = one(`SELECT DATE_FORMAT(${TODAY} + INTERVAL 30 DAY, '%Y-%m-%d')`);
  const esc = s => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  try {
    sql(`INSERT IGNORE INTO calendar_day (day, is_working, kind, name_vi, name_en, source, confirmed) VALUES ('${ahead}', 0, 'holiday', 'Ngày nghỉ kiểm thử', 'Test day off', '', 1)`);
    assert.doesNotMatch(motcuactl('tick'), /no holidays or days off/);
    sql(`DELETE FROM calendar_day WHERE ${SPAN}`);
    const m = motcuactl('tick').match(/tick: warning: calendar: no holidays or days off between (\d{4}-\d\d-\d\d) and (\d{4}-\d\d-\d\d)/);
    assert.ok(m, 'tick warns');
    assert.strictEqual((Date.parse(m[2]) - Date.parse(m[1])) / 86400000, 365, 'the next 12 months');
    const page = await (await as('quantri')).get('/quan-tri/lich');
    assert.match(page.text, /Lịch chưa có ngày nghỉ lễ, Tết nào trong 12 tháng tới:/);
  } finally {
    sql(`DELETE FROM calendar_day WHERE ${SPAN}`);
    for (const r of rows) {
      sql(`INSERT INTO calendar_day (day, is_working, kind, name_vi, name_en, source, confirmed)
           VALUES ('${r[0]}', ${r[1]}, '${r[2]}', '${esc(r[3])}', '${esc(r[4])}', '${esc(r[5])}', ${r[6]})`);
    }
  }
  assert.strictEqual(one(`SELECT COUNT(*) FROM calendar_day WHERE ${SPAN}`), String(rows.length));
});

// Migration 011 on a database that has verdicts only on its cases:
//   case M1: answered 10/03/2026 09:00, "Không hài lòng" event 10/03/2026 10:00
//   case M2: answered 11/03/2026 09:00, satisfied, no verdict event (older data):
//            the verdict takes the answer's time
//   case M3: answered, no verdict                     -> no row
// History: M1 (0, 10/03 10:00), M2 (1, 11/03 09:00); stat_day of the unit:
//   2026-03-10 verdicts 1, not satisfied 1; 2026-03-11 verdicts 1, not satisfied 0.
test('migration 011 carries the verdicts already on the cases into the history', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'm011-'));
  const conf = path.join(dir, 'm011.hdf');
  fs.writeFileSync(conf, fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8') + '\nDB.Name = motcua_m011\n');
  const ctl = args => spawnSync(`${ROOT}/build/motcuactl`, ['-c', conf, ...args], { encoding: 'utf8' });
  sql('CREATE DATABASE motcua_m011 CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  try {
    assert.strictEqual(ctl(['migrate']).status, 0);
    // back to the schema before 011, with cases as the older programs left them
    sql(`USE motcua_m011; DROP TABLE feedback_verdict; DROP TABLE feedback_forward_late;
         ALTER TABLE stat_day DROP verdicts, DROP verdicts_unsatisfied, DROP forward_late;
         DELETE FROM schema_migrations WHERE name = '011_verdicts_forwarding.sql';
         INSERT INTO org_unit (id, code, name, level, path) VALUES (1, 'M.H41', 'Đơn vị M', 'centre', '/1/');
         INSERT INTO feedback (id, code, check_part, kind, status, unit_id, content, identity, created_at, due_at, answered_at, answer_satisfied) VALUES
           (1, 'PA-M1', 'AAAA', 'suggestion', 'review', 1, 'M1', 'anonymous', '2026-03-02 02:00:00', '2026-03-20 10:00:00', '2026-03-10 02:00:00', 0),
           (2, 'PA-M2', 'BBBB', 'suggestion', 'answered', 1, 'M2', 'anonymous', '2026-03-02 02:00:00', '2026-03-20 10:00:00', '2026-03-11 02:00:00', 1),
           (3, 'PA-M3', 'CCCC', 'suggestion', 'answered', 1, 'M3', 'anonymous', '2026-03-02 02:00:00', '2026-03-20 10:00:00', '2026-03-12 02:00:00', NULL);
         INSERT INTO feedback_event (id, feedback_id, at, event, public, body) VALUES
           (10, 1, '2026-03-10 02:00:00', 'answer', 1, 'Trả lời M1'), (11, 1, '2026-03-10 03:00:00', 'review_requested', 1, ''),
           (20, 2, '2026-03-11 02:00:00', 'answer', 1, 'Trả lời M2'), (30, 3, '2026-03-12 02:00:00', 'answer', 1, 'Trả lời M3');`);
    const r = ctl(['migrate']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /applying 011_verdicts_forwarding\.sql/);
    assert.deepStrictEqual(sql(`SELECT feedback_id, answer_id, unit_id, satisfied, DATE_FORMAT(at, '%Y-%m-%d %H:%i') FROM motcua_m011.feedback_verdict ORDER BY feedback_id`),
      [['1', '10', '1', '0', '2026-03-10 03:00'], ['2', '20', '1', '1', '2026-03-11 02:00']]);
    assert.deepStrictEqual(sql(`SELECT DATE_FORMAT(day, '%Y-%m-%d'), verdicts, verdicts_unsatisfied FROM motcua_m011.stat_day WHERE scope = 'unit' AND scope_id = 1 AND verdicts > 0 ORDER BY day`),
      [['2026-03-10', '1', '1'], ['2026-03-11', '1', '0']]);
    // the cases written by hand, without their folded text, get it from the migrate that applied 011
    assert.deepStrictEqual(sql(`SELECT code, search_text FROM motcua_m011.feedback ORDER BY id`),
      [['PA-M1', 'm1'], ['PA-M2', 'm2'], ['PA-M3', 'm3']]);
    // a migrate with nothing to apply neither recounts nor looks for rows to fill
    sql(`UPDATE motcua_m011.feedback SET search_text = NULL WHERE id = 3`);
    const again = ctl(['migrate']);
    assert.strictEqual(again.status, 0, again.stderr);
    assert.match(again.stdout, /migrate: 0 applied/);
    assert.doesNotMatch(again.stdout, /search-index|rebuild-stats/);
    assert.deepStrictEqual(sql(`SELECT search_text FROM motcua_m011.feedback WHERE id = 3`), [['NULL']]);
    assert.match(ctl(['search-index']).stdout, /search-index: 1 cases, 0 procedures filled/);
  } finally {
    sql('DROP DATABASE motcua_m011');
  }
});
