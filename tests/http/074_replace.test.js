// Changing one's mind at a counter (issue 15 point 10): the same browser
// rating again through the same QR within Rating.ReplaceMinutes (10 by
// default) replaces its rating and says so; the figures count it once.
//   step                                   ratings  r3  r1  (of this counter)
//   A rates "Rất hài lòng"                     +1    +1   0
//   A, a minute later, "Không hài lòng"         0    -1  +1   (replaced)
//   B (another browser) "Không hài lòng"       +1     0  +1
//   A again after the window has passed        +1     0  +1   (a new rating)
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, qrPath, formFields, resetLimits } = require('../lib/client');

const COUNTER = "(SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q04')";
const figures = () => sql(`SELECT COALESCE(SUM(ratings), 0), COALESCE(SUM(r3), 0), COALESCE(SUM(r1), 0) FROM stat_day WHERE scope = 'counter' AND scope_id = ${COUNTER}`)[0].map(Number);
async function rate(c, q, level) {
  const page = await c.get(q);
  const r = await c.post(`${q}/danh-gia`, { ...formFields(page.text, `${q}/danh-gia`), level });
  assert.strictEqual(r.status, 303);
  return r.headers.get('location');
}

test('a counter rating changed from the same browser within the window replaces it, saying so; counted once', async () => {
  resetLimits();
  const q = qrPath(`kind = 'counter' AND counter_id = ${COUNTER}`);
  const before = figures();
  const a = new Client(), b = new Client();
  const first = await rate(a, q, '3');
  const ref = first.split('r=')[1];
  assert.ok(a.jar.get('mc_rated'), 'the browser remembers its rating');
  const second = await rate(a, q, '1');
  assert.match(second, new RegExp(`r=${ref}&kq=replaced$`), 'the same rating, replaced');
  const thanks = await a.get(second);
  assert.match(thanks.text, /Đánh giá trước của Ông\/Bà đã được thay bằng đánh giá mới/);
  assert.match(thanks.text, /Điều gì chưa tốt\?/, 'now unhappy: asked why');
  assert.deepStrictEqual(sql(`SELECT level FROM rating WHERE ref = '${ref}'`), [['1']]);
  let now = figures();
  assert.deepStrictEqual([now[0] - before[0], now[1] - before[1], now[2] - before[2]], [1, 0, 1]);
  // another browser: a rating of its own
  const other = await rate(b, q, '1');
  assert.notStrictEqual(other.split('r=')[1].slice(0, 16), ref);
  assert.doesNotMatch(other, /kq=replaced/);
  now = figures();
  assert.deepStrictEqual([now[0] - before[0], now[1] - before[1], now[2] - before[2]], [2, 0, 2]);
  // the window has passed: a new rating, even from the same browser
  sql(`UPDATE rating SET created_at = created_at - INTERVAL 11 MINUTE WHERE ref = '${ref}'`);
  const late = await rate(a, q, '1');
  assert.doesNotMatch(late, /kq=replaced/);
  now = figures();
  assert.deepStrictEqual([now[0] - before[0], now[1] - before[1], now[2] - before[2]], [3, 0, 3]);
});

test('the remembered rating is only this link\'s: rating another counter is a new rating', async () => {
  resetLimits();
  const a = new Client();
  const q1 = qrPath(`kind = 'counter' AND counter_id = ${COUNTER}`);
  const q2 = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 7 AND code = 'Q01')");
  const first = (await rate(a, q1, '2')).split('r=')[1];
  const second = await rate(a, q2, '2');
  assert.doesNotMatch(second, /kq=replaced/);
  assert.deepStrictEqual(sql(`SELECT level FROM rating WHERE ref = '${first}'`), [['2']]);
});
