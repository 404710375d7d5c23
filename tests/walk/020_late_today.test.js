// The late dossiers of the day that is ending: counted from the dossiers while
// any of its appointments is still ahead, from the aggregates once all have
// passed, and the same figure either way, whatever is done to a dossier of that
// day afterwards.
//
// The law (Decree 61/2018 Art. 19(4); docs/architecture.md §6): a dossier is late
// when its statutory appointment has passed without a result; a result on the day
// of the appointment is on time.  Times are Vietnam local; April 2026 has no
// holiday before the 27th (the calendar CSV).
//
// Unit X, a procedure of 5 working days and one of 4 hours:
//  dossier  received          appointment        what happens                     late on 13/04 at
//  G        Mon 06/04 09:00   Mon 13/04 17:00    result Mon 13/04 10:00           never (on time)
//  H        Mon 06/04 09:00   Mon 13/04 17:00    result Mon 13/04 18:00           17:30 only (on time)
//  I        Mon 06/04 09:00   Mon 13/04 17:00    nothing                          17:30, 18:00, 23:00
//  J        Mon 13/04 18:30   Mon 13/04 22:30    (4 hours, a working day)         23:00
//
// The dashboard of Mon 13/04, by hand: 16:00 late 0; 17:30 late 2 (H, I); after H's
// result 1 (I); after J's intake 1; 23:00 2 (I, J), both without an apology letter.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, text } = require('../lib/client');
const { clock, ctl, as, unitWithStaff } = require('./common');

const DAY = 'tu=2026-04-13&den=2026-04-13';
const D = {};

async function receive(proc, name) {
  const c = await as('canbo_x');
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: proc, name, documents: 'Đơn đề nghị', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(r.status, 303, `intake: ${r.status} ${text(r.text).slice(0, 300)}`);
  return r.headers.get('location').split('/')[3];
}

async function finish(code) {
  const c = await as('canbo_x');
  const csrf = await c.csrf(`/can-bo/ho-so/${code}`);
  const r = await c.post(`/can-bo/ho-so/${code}/co-ket-qua`, { csrf });
  assert.strictEqual(r.status, 303, `result of ${code}: ${r.status}`);
}

// the dashboard's late figures for Mon 13/04, and its late list
async function late() {
  const leader = await as('lanhdao_x');
  const r = await leader.get(`/lanh-dao/?${DAY}`);
  assert.strictEqual(r.status, 200);
  const f = {};
  for (const m of r.text.matchAll(/<p class="fig-value"><a href="[^"]*loai=(\w+)[^"]*">(\d+)<\/a>/g)) if (!(m[1] in f)) f[m[1]] = Number(m[2]);
  const list = await leader.get(`/lanh-dao/danh-sach?loai=late&${DAY}`);
  const body = list.text.slice(list.text.indexOf('<tbody>'));
  const codes = [...body.matchAll(/href="\/can-bo\/ho-so\/([^"]+)"/g)].map(m => m[1]).sort();
  return { late: f.late, noApology: f.late_no_apology, codes };
}

const mark = () => sql("SELECT DATE_FORMAT(day, '%Y-%m-%d') FROM stat_mark WHERE name = 'late'")[0][0];
const stored = () => sql("SELECT COALESCE(SUM(l.late), 0) FROM stat_late l JOIN org_unit u ON u.id = l.unit_id WHERE u.code = 'TEST.X.H42' AND l.day = '2026-04-13'")[0][0];
const codes = (...k) => k.map(x => D[x]).sort();

test('Mon 06/04: unit X receives G, H and I, due Mon 13/04 17:00', async () => {
  clock('2026-04-06 08:00');
  const unit = unitWithStaff({ code: 'TEST.X.H42', name: 'Trung tâm kiểm thử X', short: 'TT X', field: ['T-X', 'Lĩnh vực kiểm thử X'],
    leader: ['lanhdao_x', 'Đinh Văn Hải'], officer: ['canbo_x', 'Phạm Thị Lan'] });
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, time_unit, use_cutoff, documents, legal_basis, effective_from) VALUES
       ('9.000778', 'Thủ tục kiểm thử X năm ngày', (SELECT id FROM field WHERE code = 'T-X'), 'commune', ${unit}, 5, 'working_days', 0, 'Đơn', 'Kiểm thử', '2025-07-01'),
       ('9.000779', 'Thủ tục kiểm thử X bốn giờ', (SELECT id FROM field WHERE code = 'T-X'), 'commune', ${unit}, 4, 'hours', 0, 'Đơn', 'Kiểm thử', '2025-07-01')`);
  [[D.days], [D.hours]] = sql("SELECT id FROM procedure_tthc WHERE national_code IN ('9.000778', '9.000779') ORDER BY national_code");
  clock('2026-04-06 09:00');
  for (const k of ['G', 'H', 'I']) D[k] = await receive(D.days, `Công dân ${k}`);
  ctl('tick');
});

test('Mon 13/04 before the appointments: nothing late, the day not complete yet', async () => {
  clock('2026-04-13 10:00');
  await finish(D.G);
  clock('2026-04-13 16:00');
  ctl('tick');
  assert.strictEqual(mark(), '2026-04-12', 'appointments of today still ahead');
  assert.deepStrictEqual(await late(), { late: 0, noApology: 0, codes: [] });
});

test('Mon 13/04 17:30: H and I missed their appointment; the tick then completes the day with the same figure', async () => {
  clock('2026-04-13 17:30');
  assert.deepStrictEqual(await late(), { late: 2, noApology: 2, codes: codes('H', 'I') }, 'from the dossiers');
  ctl('tick');
  assert.strictEqual(mark(), '2026-04-13', 'every appointment of today has passed');
  assert.strictEqual(stored(), '2', 'H and I in the aggregate');
  assert.deepStrictEqual(await late(), { late: 2, noApology: 2, codes: codes('H', 'I') }, 'from the aggregate');
});

test('Mon 13/04 18:00: H has its result on the day of its appointment: on time, and the aggregate follows at once', async () => {
  clock('2026-04-13 18:00');
  await finish(D.H);
  assert.strictEqual(stored(), '1');
  assert.deepStrictEqual(await late(), { late: 1, noApology: 1, codes: codes('I') });
});

test('Mon 13/04 18:30: J, due at 22:30 the same day, takes the day back to being counted from the dossiers', async () => {
  clock('2026-04-13 18:30');
  D.J = await receive(D.hours, 'Công dân J');
  assert.deepStrictEqual(sql(`SELECT DATE(original_due_at + INTERVAL 7 HOUR), TIMESTAMPDIFF(SECOND, received_at, original_due_at) FROM dossier WHERE code = '${D.J}'`),
    [['2026-04-13', String(4 * 3600)]], '4 hours after 18:30 on a working day');
  assert.strictEqual(mark(), '2026-04-12', 'an appointment of today is ahead again');
  assert.strictEqual(stored(), '0', 'the day left the aggregate');
  assert.deepStrictEqual(await late(), { late: 1, noApology: 1, codes: codes('I') });
  clock('2026-04-13 19:00');
  ctl('tick');
  assert.strictEqual(mark(), '2026-04-12', 'J is still ahead');
});

test('Mon 13/04 23:00: J missed too; the tick completes the day; a recount changes nothing', async () => {
  clock('2026-04-13 23:00');
  const want = { late: 2, noApology: 2, codes: codes('I', 'J') };
  assert.deepStrictEqual(await late(), want, 'from the dossiers');
  ctl('tick');
  assert.strictEqual(mark(), '2026-04-13');
  assert.strictEqual(stored(), '2');
  assert.deepStrictEqual(await late(), want, 'from the aggregate');
  assert.match(ctl('rebuild-stats', '--check'), /: 0 differences, nothing written/);
  clock('2026-04-14 09:00');
  await finish(D.J);
  await finish(D.I);
  assert.deepStrictEqual(await late(), want, 'a result the next day is late: both stay late');
  assert.match(ctl('rebuild-stats', '--check'), /: 0 differences, nothing written/);
});
