// Leader dashboard: the period a report is compared with.  A month is
// compared with the calendar month before it, a quarter with the quarter
// before, a year with the year before; any other range with the range of the
// same number of days just before it.  Every range below was read off a
// printed calendar (2028 is a leap year: February has 29 days).
//
//   report ?tu=…&den=…          compared with ("Kỳ trước"), labelled as a leader says it
//   2026-03-01 → 2026-03-31     2026-02-01 → 2026-02-28   (not 29/01–28/02: 31 days)
//   2026-12-01 → 2026-12-31     2026-11-01 → 2026-11-30   (not 31/10–30/11)
//   2027-01-01 → 2027-01-31     2026-12-01 → 2026-12-31
//   2028-03-01 → 2028-03-31     2028-02-01 → 2028-02-29
//   2026-01-01 → 2026-03-31     2025-10-01 → 2025-12-31   (Q1 → Q4 of the year before)
//   2026-01-01 → 2026-12-31     2025-01-01 → 2025-12-31
//   2026-03-10 → 2026-03-20     2026-02-27 → 2026-03-09   (11 days → the 11 days before)
//   2026-03-01 → 2026-03-30     2026-01-30 → 2026-02-28   (not a whole month: 30 days before)
//
// Ratings of unit P (the figure "Số lượt đánh giá"), at these instants (UTC → Vietnam, UTC+7):
//   2026-01-29 03:00Z   29/01 10:00     January; in the old 31-day window before March
//   2026-01-30 03:00Z   30/01 10:00     January; in the old window too
//   2026-01-31 17:30Z   01/02 00:30     February (the local day decides)
//   2026-02-27 03:00Z   27/02 10:00     February
//   2026-02-28 17:30Z   01/03 00:30     March (still 28/02 in UTC)
//   2026-03-16 03:00Z   16/03 10:00     March
// report                 figure  previous period
//   March 2026              2      2  (February: 01/02, 27/02; the 31 days before March would give 4)
//   February 2026           2      2  (January: 29/01, 30/01)
//   2026-03-01 → 03-30      2      3  (30/01–28/02: 30/01, 01/02, 27/02)
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl } = require('../lib/client');

const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"
const RATED = ['2026-01-29 03:00', '2026-01-30 03:00', '2026-01-31 17:30', '2026-02-27 03:00', '2026-02-28 17:30', '2026-03-16 03:00'];
let leader;

// The figure "Số lượt đánh giá" of the page and of the period it is compared with.
function ratings(html) {
  const m = html.match(/Số lượt đánh giá<\/p>\s*<p class="fig-value"><a [^>]*loai=ratings&amp;[^>]*>(\d+)<\/a><\/p>\s*<p class="fig-prev muted">Kỳ trước: (\d+)</);
  assert.ok(m, 'the ratings figure and its previous period are on the page');
  return [Number(m[1]), Number(m[2])];
}

test('setup: unit P with its leader; 6 ratings from 29/01 to 16/03/2026', async () => {
  sql("INSERT INTO org_unit (parent_id, code, name, short_name, level) VALUES (8, 'TEST.P.H61', 'Trung tâm kiểm thử kỳ', 'TT kỳ', 'centre')");
  sql("UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = 'TEST.P.H61'");
  const [[unit]] = sql("SELECT id FROM org_unit WHERE code = 'TEST.P.H61'");
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('lanhdao_p', 'Lê Thị Kỳ', 'Giám đốc', 'leader', ${unit}, '${HASH}')`);
  sql(`INSERT INTO rating (ref, channel, unit_id, level, created_at, updated_at) VALUES ` +
      RATED.map((t, i) => `('testp${String(i).padStart(11, '0')}', 'qr', ${unit}, 3, '${t}:00', '${t}:00')`).join(', '));
  // the rows were written by hand, not by the programs: the operator's command recounts
  assert.match(motcuactl('rebuild-stats'), /recounted, \d+ days of late-dossier figures rebuilt/);
  leader = new Client();
  await leader.login('lanhdao_p');
});

test('the dashboard names the period it compares with: the previous calendar month, quarter or year', async () => {
  // as a leader names them: a month, a quarter, a year, else the two dates
  const cases = [
    ['2026-03-01', '2026-03-31', 'Tháng 03/2026', 'Tháng 02/2026'],
    ['2026-12-01', '2026-12-31', 'Tháng 12/2026', 'Tháng 11/2026'],
    ['2027-01-01', '2027-01-31', 'Tháng 01/2027', 'Tháng 12/2026'],
    ['2028-03-01', '2028-03-31', 'Tháng 03/2028', 'Tháng 02/2028'],
    ['2026-01-01', '2026-03-31', 'Quý I/2026', 'Quý IV/2025'],
    ['2026-01-01', '2026-12-31', 'Năm 2026', 'Năm 2025'],
    ['2026-03-10', '2026-03-20', '10/03/2026 – 20/03/2026', '27/02/2026 – 09/03/2026'],
    ['2026-03-01', '2026-03-30', '01/03/2026 – 30/03/2026', '30/01/2026 – 28/02/2026'],
  ];
  for (const [from, to, label, prev] of cases) {
    const r = await leader.get(`/lanh-dao/?tu=${from}&den=${to}`);
    assert.strictEqual(r.status, 200, `${from} → ${to}`);
    assert.ok(r.text.includes(`Kỳ báo cáo: <strong>${label}</strong> · Kỳ trước: ${prev}</p>`),
      `${from} → ${to} is ${label}, compared with ${prev}`);
  }
});

test('the figures of the previous period are those of February, not of the 31 days before March', async () => {
  const march = await leader.get('/lanh-dao/?tu=2026-03-01&den=2026-03-31');
  assert.deepStrictEqual(ratings(march.text), [2, 2]);
  const feb = await leader.get('/lanh-dao/?tu=2026-02-01&den=2026-02-28');
  assert.ok(feb.text.includes('Kỳ trước: Tháng 01/2026</p>'));
  assert.deepStrictEqual(ratings(feb.text), [2, 2]);
  const days = await leader.get('/lanh-dao/?tu=2026-03-01&den=2026-03-30');
  assert.ok(days.text.includes('Kỳ trước: 30/01/2026 – 28/02/2026</p>'));
  assert.deepStrictEqual(ratings(days.text), [2, 3]);
});

test('the English page names the compared period too', async () => {
  const c = new Client();
  await c.login('lanhdao_p');
  const r = await c.get('/lanh-dao/?tu=2026-12-01&den=2026-12-31&lang=en');
  assert.ok(r.text.includes('Previous period: Month 11/2026</p>'));
});
