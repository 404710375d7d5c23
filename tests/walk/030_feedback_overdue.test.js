// The leader's "overdue feedback not answered" of a period, and the overdue
// count of the unit's inbox, as the clock moves: a case counts once its
// deadline has passed while it is still running, from the running cases'
// counts for the days before today and from the cases for today, and stops
// counting once answered.  The inbox never counts a confidential case for the
// officer it is about (domain: the confidential-subject rule); the unit's
// leader counts it.
//
// The law: a case is answered within its kind's working days (feedback_kind:
// 10 for a conduct report, 15 for a suggestion), counted from the day after
// receipt, due at the close of the last day.  The calendar CSV: Mon 27/04/2026
// (the Hùng Kings' day off), Thu 30/04 and Fri 01/05 are not working days.
//
// Unit Y, by hand:
//  case  kind        received          working days 1…N                 due
//  A     conduct     Mon 20/04 09:00   21–24, 28, 29, 04/05–07/05       Thu 07/05 17:00
//  B     suggestion  Mon 20/04 09:00   … 07/05, 08/05, 11/05–14/05      Thu 14/05 17:00
//  C     conduct     Mon 20/04 09:00   as A                             Thu 07/05 17:00
//  D     conduct     Tue 21/04 09:00   22–24, 28, 29, 04/05–08/05       Fri 08/05 17:00
//  E     conduct     Tue 21/04 09:00   as D; confidential, about the    Fri 08/05 17:00
//                                      officer canbo_y (his QR code)
//
// Overdue in April (received 01/04–30/04) and on Mon 20/04 alone, then in the
// inbox of the officer canbo_y and of the leader lanhdao_y (every case of Y):
//  Thu 07/05 16:00  0 / 0     inbox 0 / 0
//  Thu 07/05 17:30  2 (A, C) / 2; C answered at 17:40: 1 (A) / 1
//                             inbox 2 / 2, then 1 / 1
//  Fri 08/05 10:00  1 (A, due before today) / 1; D and E are due at 17:00
//                             inbox 1 / 1
//  Fri 08/05 17:30  3 (A, D, E) / 1
//                             inbox 2 (A, D) / 3
//  Mon 11/05 09:00  3 / 1     inbox 2 / 3
//  Thu 14/05 17:30  4 (A, B, D, E) / 2 (A, B)
//                             inbox 3 / 4
//  Fri 15/05 09:00  A answered: 3 (B, D, E) / 1 (B)
//                             inbox 2 / 3
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, fileCase, caseAction, qrPath } = require('../lib/client');
const { clock, ctl, as, unitWithStaff } = require('./common');

const APRIL = 'tu=2026-04-01&den=2026-04-30';
const MONDAY = 'tu=2026-04-20&den=2026-04-20';
const C = {};

async function overdue(period) {
  const leader = await as('lanhdao_y');
  const r = await leader.get(`/lanh-dao/?${period}`);
  assert.strictEqual(r.status, 200);
  const m = r.text.match(/<p class="fig-value"><a href="[^"]*loai=feedback_overdue[^"]*">(\d+)<\/a>/);
  assert.ok(m, 'the dashboard shows the overdue feedback figure');
  return Number(m[1]);
}

async function both() {
  return [await overdue(APRIL), await overdue(MONDAY)];
}

// The "Quá hạn" count above a user's inbox, and the codes of its overdue filter.
async function inbox(user) {
  const c = await as(user);
  const r = await c.get('/can-bo/');
  assert.strictEqual(r.status, 200);
  const m = r.text.match(/Quá hạn: <strong>(\d+)<\/strong>/);
  assert.ok(m, `${user}'s inbox shows its overdue count`);
  const f = await c.get('/can-bo/?trang-thai=overdue');
  const codes = [...f.text.matchAll(/<td class="c-code"><a href="\/can-bo\/phan-anh\/(PA-[0-9-]+)">/g)].map(x => x[1]);
  assert.strictEqual(codes.length, Number(m[1]), `${user}: the overdue filter lists as many cases as the count says`);
  return Number(m[1]);
}

async function inboxes() {
  return [await inbox('canbo_y'), await inbox('lanhdao_y')];
}

// The overdue filter's codes for a user, as letters of C.
async function overdueCases(user) {
  const f = await (await as(user)).get('/can-bo/?trang-thai=overdue');
  return Object.keys(C).filter(k => f.text.includes(`/can-bo/phan-anh/${C[k]}"`)).sort().join('');
}

const due = code => sql(`SELECT DATE_FORMAT(due_at + INTERVAL 7 HOUR, '%Y-%m-%d %H:%i') FROM feedback WHERE code = '${code}'`)[0][0];

async function answer(code) {
  const officer = await as('canbo_y');
  assert.strictEqual((await caseAction(officer, code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.strictEqual((await caseAction(officer, code, 'tra-loi', { text: 'Đơn vị đã xem xét và trả lời công dân.' })).status, 303);
}

test('Mon 20/04 and Tue 21/04: unit Y receives A to E, due as the working days give', async () => {
  clock('2026-04-20 08:00');
  unitWithStaff({ code: 'TEST.Y.H43', name: 'Trung tâm kiểm thử Y', short: 'TT Y', field: ['T-Y', 'Lĩnh vực kiểm thử Y'],
    leader: ['lanhdao_y', 'Hoàng Thị Mai'], officer: ['canbo_y', 'Đỗ Văn Nam'] });
  clock('2026-04-20 09:00');
  for (const [k, kind] of [['A', 'conduct'], ['B', 'suggestion'], ['C', 'conduct']]) {
    C[k] = (await fileCase({ kind, unit: 'TEST.Y.H43', identity: 'anonymous', content: `Phản ánh kiểm thử ${k} về thái độ tiếp nhận hồ sơ.` })).code;
  }
  clock('2026-04-21 09:00');
  C.D = (await fileCase({ kind: 'conduct', unit: 'TEST.Y.H43', identity: 'anonymous', content: 'Phản ánh kiểm thử D về thời gian chờ.' })).code;
  ctl('qr-ensure');   // canbo_y's own QR code, as for every officer
  const token = qrPath(`kind = 'officer' AND officer_id = (SELECT id FROM users WHERE username = 'canbo_y')`).split('/')[2];
  C.E = (await fileCase({ kind: 'conduct', identity: 'confidential', content: 'Phản ánh kiểm thử E về cán bộ tiếp nhận.',
    name: 'Phan Thị Kín', phone: '0911000030' }, token)).code;
  assert.deepStrictEqual(sql(`SELECT identity, officer_id = (SELECT id FROM users WHERE username = 'canbo_y') FROM feedback WHERE code = '${C.E}'`),
    [['confidential', '1']]);
  assert.deepStrictEqual([due(C.A), due(C.B), due(C.C), due(C.D), due(C.E)],
    ['2026-05-07 17:00', '2026-05-14 17:00', '2026-05-07 17:00', '2026-05-08 17:00', '2026-05-08 17:00']);
  assert.deepStrictEqual(await both(), [0, 0]);
  assert.deepStrictEqual(await inboxes(), [0, 0]);
});

test('Thu 07/05: A and C become overdue at the close; C answered late leaves A', async () => {
  clock('2026-05-07 16:00');
  assert.deepStrictEqual(await both(), [0, 0], 'before the close');
  assert.deepStrictEqual(await inboxes(), [0, 0], 'before the close');
  clock('2026-05-07 17:30');
  assert.deepStrictEqual(await both(), [2, 2], 'due today, passed: counted from the cases');
  assert.deepStrictEqual(await inboxes(), [2, 2], 'due today, passed: counted from the cases');
  clock('2026-05-07 17:40');
  await answer(C.C);
  assert.deepStrictEqual(await both(), [1, 1], 'an answered case is no longer overdue and unanswered');
  assert.deepStrictEqual(await inboxes(), [1, 1], 'an answered case is no longer overdue');
});

test('Fri 08/05 to Mon 11/05: A from the counts of the days before, D and E once their close has passed', async () => {
  clock('2026-05-08 10:00');
  assert.deepStrictEqual(await both(), [1, 1], 'A, due yesterday; D and E not yet');
  assert.deepStrictEqual(await inboxes(), [1, 1], 'A, due yesterday; D and E not yet');
  clock('2026-05-08 17:30');
  assert.deepStrictEqual(await both(), [3, 1], 'D and E too, received on the 21st');
  assert.deepStrictEqual(await inboxes(), [2, 3], 'E is not counted for the officer it is about');
  assert.deepStrictEqual([await overdueCases('canbo_y'), await overdueCases('lanhdao_y')], ['AD', 'ADE']);
  clock('2026-05-11 09:00');
  assert.deepStrictEqual(await both(), [3, 1], 'all from the counts');
  assert.deepStrictEqual(await inboxes(), [2, 3], 'all from the counts of the days before');
  assert.match(ctl('rebuild-stats', '--check'), /: 0 differences, nothing written/);
});

test('Thu 14/05 and Fri 15/05: B overdue at its close; A answered', async () => {
  clock('2026-05-14 17:30');
  assert.deepStrictEqual(await both(), [4, 2]);
  assert.deepStrictEqual(await inboxes(), [3, 4]);
  clock('2026-05-15 09:00');
  await answer(C.A);
  assert.deepStrictEqual(await both(), [3, 1]);
  assert.deepStrictEqual(await inboxes(), [2, 3]);
  assert.deepStrictEqual([await overdueCases('canbo_y'), await overdueCases('lanhdao_y')], ['BD', 'BDE']);
  assert.strictEqual(sql("SELECT COALESCE(SUM(o.n), 0) FROM stat_open o JOIN org_unit u ON u.id = o.unit_id WHERE u.code = 'TEST.Y.H43'")[0][0], '3',
    'the running cases of unit Y: B, D and E');
  assert.match(ctl('rebuild-stats', '--check'), /: 0 differences, nothing written/);
});
