// Six dossiers walked through March 2026 on the stack's own clock, and every
// screen, paper, list and figure judging each of them the same way.
//
// The law (Decree 61/2018 Art. 19(4); TT01 Art. 13; docs/architecture.md §6):
// a supplement asked within 3 working days of receipt restarts the period once the
// dossier is complete (or pauses it, where the legal version says so); a request
// outside that rule leaves the clock running; early / on time / late is judged
// against the statutory appointment of the last cycle, never a date moved by an
// apology letter, which has its own kept / missed verdict.
//
// The procedure takes 5 working days; March 2026 has no holiday (the calendar
// CSV); the day of receipt does not count (Civil Code Art. 147(2)).  Times are
// Vietnam local.
//
//  dossier  received      what happens                               statutory appt.  result   verdict
//  A        Mon 02/03     supplement asked Wed 04/03 (2nd w.day):     Tue 17/03        17/03    on time
//                         restart; complete Tue 10/03 → 5 w.days
//  B        Tue 03/03     (a legal version from 03/03 pauses)         Tue 10/03 →      16/03    on time
//                         asked Thu 05/03, complete Wed 11/03:        Mon 16/03
//                         4 w.days waited (Fri, Mon, Tue, Wed)
//  C        Mon 02/03     apology signed Thu 05/03, new date 13/03    Mon 09/03        12/03    late (letter kept)
//  D        Mon 02/03     apology signed Thu 05/03, new date 13/03    Mon 09/03        16/03    late (letter missed,
//                                                                                              escalated)
//  E        Mon 02/03     supplement asked Mon 09/03 (5th w.day):     Mon 09/03        12/03    late, no apology
//                         outside the rule, the clock runs
//  F        Mon 02/03     nothing                                     Mon 09/03        09/03    on time
//
// March 2026, by hand: received 6; finished 6: early 0, on time 3 (A, B, F),
// late 3 (C, D, E); late dossiers (statutory appointment in March, missed) 3: C, D,
// E; of them without a signed apology 1 (E); apologies 2, none signed late;
// escalated 1 (D).  Under the old rule A (finished 17/03 > 09/03) counted late.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, text } = require('../lib/client');
const { clock, ctl, as, unitWithStaff } = require('./common');

const PERIOD = 'tu=2026-03-01&den=2026-03-31';
const D = {};

async function act(user, code, action, fields = {}) {
  const c = await as(user);
  const csrf = await c.csrf(`/can-bo/ho-so/${code}`);
  const r = await c.post(`/can-bo/ho-so/${code}/${action}`, { csrf, ...fields });
  assert.strictEqual(r.status, 303, `${action} on ${code}: ${r.status} ${text(r.text).slice(0, 300)}`);
  return r;
}

async function receive(name) {
  const c = await as('canbo_w');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: D.proc, name, documents: 'Đơn đề nghị', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(r.status, 303);
  return r.headers.get('location').split('/')[3];
}

const statutory = code => sql(`SELECT DATE_FORMAT(original_due_at + INTERVAL 7 HOUR, '%Y-%m-%d %H:%i') FROM dossier WHERE code = '${code}'`)[0][0];
const page = async code => (await (await as('canbo_w')).get(`/can-bo/ho-so/${code}`)).text;
const verdictOn = html => (html.match(/<dt>Trạng thái<\/dt><dd><strong>[^<]*<\/strong> · <span[^>]*>([^<]*)</) || [])[1];

test('Mon 02/03: unit W receives A, C, D, E, F; Tue 03/03, under a version that pauses, B', async () => {
  clock('2026-03-01 21:00');
  const unit = unitWithStaff({ code: 'TEST.W.H41', name: 'Trung tâm kiểm thử W', short: 'TT W', field: ['T-W', 'Lĩnh vực kiểm thử W'],
    leader: ['lanhdao_w', 'Mai Văn Thành'], officer: ['canbo_w', 'Lương Thị Hoa'] });
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, time_unit, use_cutoff, documents, legal_basis, effective_from)
       VALUES ('9.000777', 'Thủ tục kiểm thử W', (SELECT id FROM field WHERE code = 'T-W'), 'commune', ${unit}, 5, 'working_days', 0, 'Đơn', 'Kiểm thử', '2025-07-01')`);
  [[D.proc]] = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000777'");
  // dossiers received from 03/03/2026 on pause their period while waiting
  sql(`INSERT INTO legal_version (legal_version, effective_from, title, lead_days, lead_unit, max_reappoint, near_due_days, supplement_within_days, supplement_max_restarts, supplement_rule, ontime_base, papers)
       VALUES ('TEST-PAUSE', '2026-03-03', 'Văn bản kiểm thử: tạm dừng khi bổ sung', 1, 'working_days', 1, 2, 3, 1, 'pause', 'received', 'TT03')`);
  clock('2026-03-02 09:00');
  for (const k of ['A', 'C', 'D', 'E', 'F']) D[k] = await receive(`Công dân ${k}`);
  for (const k of ['A', 'C', 'D', 'E', 'F']) assert.strictEqual(statutory(D[k]), '2026-03-09 17:00', `${k}: 5 working days after Monday`);
  clock('2026-03-03 09:00');
  D.B = await receive('Công dân B');
  assert.strictEqual(statutory(D.B), '2026-03-10 17:00');
});

test('Wed 04/03: A is asked for documents within 3 working days: its period will restart; the page says so', async () => {
  clock('2026-03-04 10:00');
  assert.match(await page(D.A), /id="supplement-now">[^<]*tính lại từ đầu khi nhận đủ hồ sơ/);
  await act('canbo_w', D.A, 'yeu-cau-bo-sung', { note: 'Thiếu bản sao giấy tờ tùy thân' });
  const html = await page(D.A);
  assert.match(html, /id="wait-clock">[^<]*tính lại từ đầu khi nhận đủ hồ sơ/);
  assert.deepStrictEqual(sql(`SELECT n, DATE_FORMAT(ended_at + INTERVAL 7 HOUR, '%Y-%m-%d'), end_reason FROM dossier_cycle c JOIN dossier d ON d.id = c.dossier_id WHERE d.code = '${D.A}'`),
    [['1', '2026-03-04', 'restart']]);
});

test('Thu 05/03: B waits under the pause rule; C and D get a signed apology with the new date Fri 13/03', async () => {
  clock('2026-03-05 09:00');
  await act('canbo_w', D.B, 'yeu-cau-bo-sung', { note: 'Thiếu sơ đồ thửa đất' });
  assert.match(await page(D.B), /id="wait-clock">[^<]*tạm dừng/);
  for (const k of ['C', 'D']) {
    await act('canbo_w', D[k], 'xin-loi', { reason: 'coordination', reason_text: 'Cần lấy ý kiến cơ quan phối hợp.', new_date: '2026-03-13' });
    const [[aid]] = sql(`SELECT a.id FROM apology a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = '${D[k]}'`);
    await act('lanhdao_w', D[k], `xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC' });
  }
  assert.deepStrictEqual(sql(`SELECT a.on_time, DATE_FORMAT(d.due_at + INTERVAL 7 HOUR, '%Y-%m-%d'), DATE_FORMAT(d.original_due_at + INTERVAL 7 HOUR, '%Y-%m-%d') FROM apology a JOIN dossier d ON d.id = a.dossier_id WHERE d.code = '${D.C}'`),
    [['1', '2026-03-13', '2026-03-09']], 'signed at least 1 working day before 09/03; the statutory appointment stays');
});

test('Mon 09/03: F finished on its day; E asked for documents on the 5th working day: the clock runs on', async () => {
  clock('2026-03-09 10:00');
  await act('canbo_w', D.F, 'co-ket-qua');
  assert.match(await page(D.E), /id="supplement-now">[^<]*sau thời hạn cho phép/);
  await act('canbo_w', D.E, 'yeu-cau-bo-sung', { note: 'Thiếu tờ khai' });
  assert.match(await page(D.E), /id="wait-clock">[^<]*vẫn tiếp tục tính/);
});

test('Tue 10/03: A is complete (new cycle, appointment Tue 17/03); B still waits and is not late; E waits and is overdue', async () => {
  clock('2026-03-10 09:00');
  await act('canbo_w', D.A, 'da-bo-sung');
  assert.strictEqual(statutory(D.A), '2026-03-17 17:00', '5 working days after Tue 10/03');
  assert.strictEqual(sql(`SELECT due_at = original_due_at FROM dossier WHERE code = '${D.A}'`)[0][0], '1');
  const a = await page(D.A);
  assert.match(a, /<dd><strong>17 giờ 00 phút, ngày 17\/03\/2026<\/strong> \(tính lại lần 1\)<\/dd>/);
  assert.strictEqual((a.match(/<tr><td>\d<\/td><td>/g) || []).length, 2, 'two cycles on the officer page');
  const receipt = await (await as('canbo_w')).get(`/can-bo/ho-so/${D.A}/giay-hen`);
  assert.match(receipt.text, /5\. [^:]*: <strong>17 giờ 00 phút, ngày 17\/03\/2026<\/strong>/, 'the new receipt gives the new appointment');
  clock('2026-03-10 18:00');
  assert.strictEqual(verdictOn(await page(D.B)), 'Tạm dừng chờ bổ sung', 'B: past 10/03 17:00 but waiting under the pause rule');
  assert.strictEqual(verdictOn(await page(D.E)), 'Quá hạn', 'E: the clock ran on');
  const late = await (await as('canbo_w')).get('/can-bo/ho-so/?loc=late');
  for (const k of ['C', 'D', 'E']) assert.ok(late.text.includes(D[k]), `${k} in the officer's late list`);
  for (const k of ['A', 'B']) assert.ok(!late.text.includes(D[k]), `${k} not in the officer's late list`);
});

test('Wed 11/03: B is complete after 4 working days waited: its appointment moves to Mon 16/03', async () => {
  clock('2026-03-11 09:00');
  await act('canbo_w', D.B, 'da-bo-sung');
  await act('canbo_w', D.E, 'da-bo-sung');
  assert.strictEqual(statutory(D.B), '2026-03-16 17:00');
  assert.strictEqual(statutory(D.E), '2026-03-09 17:00', 'E: nothing moved');
  assert.deepStrictEqual(sql(`SELECT COUNT(*), SUM(paused_days) FROM dossier_cycle c JOIN dossier d ON d.id = c.dossier_id WHERE d.code = '${D.B}'`), [['1', '4']]);
});

test('Thu 12/03: C and E finished; Mon 16/03: D escalated by the ticker, then finished; B finished; Tue 17/03: A finished', async () => {
  clock('2026-03-12 10:00');
  await act('canbo_w', D.C, 'co-ket-qua');
  await act('canbo_w', D.E, 'co-ket-qua');
  clock('2026-03-16 08:30');
  ctl('tick');
  assert.deepStrictEqual(sql(`SELECT code FROM dossier WHERE code IN ('${D.C}', '${D.D}') AND escalated_at IS NOT NULL`), [[D.D]],
    'D missed its new date of 13/03 with the one re-appointment used; C had its result');
  await act('canbo_w', D.D, 'co-ket-qua');
  await act('canbo_w', D.B, 'co-ket-qua');
  clock('2026-03-17 15:00');
  await act('canbo_w', D.A, 'co-ket-qua');
});

test('every screen and paper gives each dossier the verdict of the table above', async () => {
  clock('2026-03-20 09:00');
  const want = { A: 'Đúng hạn', B: 'Đúng hạn', C: 'Quá hạn', D: 'Quá hạn', E: 'Quá hạn', F: 'Đúng hạn' };
  const list = await (await as('canbo_w')).get('/can-bo/ho-so/?loc=all');
  for (const [k, v] of Object.entries(want)) {
    const html = await page(D[k]);
    assert.strictEqual(verdictOn(html), v, `${k} on the officer's page`);
    const row = list.text.slice(list.text.indexOf(D[k]));
    assert.match(row.slice(0, row.indexOf('</tr>')), new RegExp(`>${v}<`), `${k} in the officer's list`);
    const slip = await (await as('canbo_w')).get(`/can-bo/ho-so/${D[k]}/phieu-kiem-soat`);
    const rows = [...slip.text.matchAll(/<td>([^<]*)<\/td><td>[^<]*<\/td><\/tr>/g)].map(m => m[1]);
    assert.strictEqual(rows[rows.length - 1], v, `${k}: the control slip's last step (the whole dossier)`);
  }
  const c = await page(D.C), d = await page(D.D);
  assert.match(c, /Đã có kết quả đúng ngày hẹn lại/, 'C kept the new date of its letter');
  assert.match(d, /Trễ cả ngày hẹn lại/, 'D missed it');
  // the citizen's page: the same verdicts, the late ones flagged
  for (const [k, v] of Object.entries(want)) {
    const [[id]] = sql(`SELECT q.id FROM qr_link q JOIN dossier d ON d.id = q.dossier_id WHERE d.code = '${D[k]}'`);
    const url = new URL(ctl('qr-url', id).trim()).pathname.replace('/q/', '/ho-so/');
    const pub = await new Client().get(url);
    assert.strictEqual(pub.status, 200);
    assert.strictEqual(/<span class="bad">Quá hạn<\/span>/.test(pub.text), v === 'Quá hạn', `${k} on the citizen's page`);
  }
});

test('the leader\'s figures for March 2026 are the table\'s, the lists and the CSV agree, and a recount changes nothing', async () => {
  ctl('tick');   // the days that have ended, into the aggregates
  const figures = async () => {
    const r = await (await as('lanhdao_w')).get(`/lanh-dao/?${PERIOD}`);
    assert.strictEqual(r.status, 200);
    const f = {};
    for (const m of r.text.matchAll(/<p class="fig-value"><a href="[^"]*loai=(\w+)[^"]*">(\d+)<\/a>/g)) if (!(m[1] in f)) f[m[1]] = Number(m[2]);
    return f;
  };
  const f = await figures();
  const want = { received: 6, finished: 6, early: 0, on_time: 3, late_finished: 3, late: 3, late_no_apology: 1, apologies: 2, escalated: 1 };
  for (const [k, v] of Object.entries(want)) assert.strictEqual(f[k], v, `${k}: ${f[k]} for ${v}`);
  const leader = await as('lanhdao_w');
  const listed = async kind => {
    const r = await leader.get(`/lanh-dao/danh-sach?loai=${kind}&${PERIOD}`);
    const body = r.text.slice(r.text.indexOf('<tbody>'));
    return [...body.matchAll(/href="\/can-bo\/ho-so\/([^"]+)"/g)].map(m => m[1]).sort();
  };
  assert.deepStrictEqual(await listed('late'), [D.C, D.D, D.E].sort());
  assert.deepStrictEqual(await listed('late_no_apology'), [D.E]);
  assert.deepStrictEqual(await listed('on_time'), [D.A, D.B, D.F].sort());
  const csv = await leader.get(`/lanh-dao/danh-sach?loai=late_finished&${PERIOD}&csv=1&muc-dich=bao_cao`);
  assert.deepStrictEqual(csv.text.trim().split('\r\n').slice(1).map(l => l.split(',')[0].replace(/"/g, '')).sort(), [D.C, D.D, D.E].sort());
  // every aggregate the moves kept on write (stat_late and its months among
  // them) is what a recount gives
  assert.match(ctl('rebuild-stats', '--check'), /: 0 differences, nothing written/);
  assert.match(ctl('rebuild-stats'), /0 months changed/);
  assert.deepStrictEqual(await figures(), f, 'the write path and a recount agree');
});

test('data recorded before cycles existed: the upgrade replays A from its history and the dashboard says March changed', async () => {
  // A as the earlier rule left it: no cycles, judged against its first receipt
  // (Mon 09/03), so counted late; the recount of that state gives 4 late, 2 on time
  clock('2026-03-20 10:00');
  sql(`DELETE c FROM dossier_cycle c JOIN dossier d ON d.id = c.dossier_id WHERE d.code = '${D.A}'`);
  sql(`UPDATE dossier SET original_due_at = '2026-03-09 10:00:00', cycle = 1 WHERE code = '${D.A}'`);
  sql(`INSERT INTO dossier_cycle (dossier_id, n, started_at, statutory_due_at) SELECT id, 9, received_at, original_due_at FROM dossier WHERE code = '${D.A}'`);
  assert.match(ctl('rebuild-stats'), /0 dossiers' cycles replayed.* 1 months changed/);
  // the upgrade: A has no cycles yet; its events say what happened
  clock('2026-03-21 10:00');
  sql(`DELETE c FROM dossier_cycle c JOIN dossier d ON d.id = c.dossier_id WHERE d.code = '${D.A}'`);
  assert.match(ctl('rebuild-stats'), /1 dossiers' cycles replayed.* 1 months changed/);
  assert.strictEqual(statutory(D.A), '2026-03-17 17:00', 'the replay finds the restart of 04/03 and the new cycle of 10/03');
  const r = await (await as('lanhdao_w')).get(`/lanh-dao/?${PERIOD}`);
  const notice = text(r.text.slice(r.text.indexOf('id="corrections"'), r.text.indexOf('</section>', r.text.indexOf('id="corrections"'))));
  assert.match(notice, /Tháng 03\/2026 \(tính lại ngày 21\/03\/2026\): Hồ sơ trễ hẹn 4 → 3; có kết quả đúng hạn \(gồm trước hạn\) 2 → 3/);
  assert.match(notice, /Tháng 03\/2026 \(tính lại ngày 20\/03\/2026\): Hồ sơ trễ hẹn 3 → 4/);
  const other = await (await as('lanhdao_w')).get('/lanh-dao/?tu=2026-01-01&den=2026-01-31');
  assert.ok(!other.text.includes('id="corrections"'), 'January did not change');
});
