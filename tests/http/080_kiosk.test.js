// Counter kiosk: enrolment by an administrator, the two-step rating without
// JavaScript, the minimum interval, exactly-once replays, revocation.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const { test } = require('../lib/harness');
const { Client, sql, resetLimits } = require('../lib/client');

const K = {};
const idem = () => crypto.randomBytes(16).toString('hex');
const count = () => Number(sql(`SELECT COUNT(*) FROM rating WHERE channel = 'kiosk' AND counter_id = ${K.counter}`)[0][0]);

test('an administrator enrols a tablet for a counter; only a hash of its token is kept', async () => {
  const admin = new Client();
  await admin.login('quantri');
  const page = await admin.get('/quan-tri/may-tinh-bang');
  assert.strictEqual(page.status, 200);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  [[K.counter]] = sql("SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q03'");
  const r = await admin.post('/quan-tri/may-tinh-bang', { csrf, name: 'Máy quầy 03', counter: K.counter });
  assert.strictEqual(r.status, 201);
  const url = r.text.match(/id="new-url">([^<]+)</)[1];
  K.path = new URL(url).pathname;
  const token = K.path.split('/')[2];
  assert.match(token, /^[0-9a-f]{64}$/);
  const [[hash]] = sql("SELECT token_hash FROM kiosk_device WHERE name = 'Máy quầy 03'");
  assert.notStrictEqual(hash, token);
  assert.ok(!(await admin.get('/quan-tri/may-tinh-bang')).text.includes(token), 'shown once only');
  assert.strictEqual(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'kiosk.enrol' AND object_id = (SELECT id FROM kiosk_device WHERE name = 'Máy quầy 03')")[0][0], '1');
});

test('the kiosk screen: the counter and three large buttons; an unknown tablet is refused', async () => {
  const c = new Client();
  const r = await c.get(K.path);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /Quầy 03 – Xây dựng/);
  assert.strictEqual((r.text.match(/class="lv lv\d kbig"/g) || []).length, 3);
  assert.match(r.text, /<script src="\/static\/kiosk.js" defer><\/script>/);
  assert.strictEqual((await c.get('/kiosk/' + 'a'.repeat(64))).status, 404);
});

test('without JavaScript: a tap is saved at once, the criteria on a second screen, then thanks and back', async () => {
  resetLimits();
  const c = new Client();
  const page = await c.get(K.path);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const n0 = count();
  const step2 = await c.post(K.path, { csrf, buoc: '1', level: '2' });
  assert.strictEqual(step2.status, 200);
  assert.strictEqual(count(), n0 + 1, 'saved before the second screen');
  assert.match(step2.text, /http-equiv="refresh" content="30;url=\/kiosk\//);
  const ref = step2.text.match(/name="ref" value="([0-9a-f]{16})"/)[1];
  const done = await c.post(K.path, { csrf, ref, level: '2', c_attitude: '3', c_guidance: '1' });
  assert.strictEqual(done.status, 200);
  assert.match(done.text, /Cảm ơn Ông\/Bà đã đánh giá/);
  assert.match(done.text, /content="5;url=\/kiosk\//);
  assert.deepStrictEqual(sql(`SELECT level, c_attitude, c_guidance, channel FROM rating WHERE ref = '${ref}'`), [['2', '3', '1', 'kiosk']]);
});

test('button-mashing: a second tap within the interval is not counted', async () => {
  const c = new Client();
  const page = await c.get(K.path);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  sql('UPDATE kiosk_device SET last_rating = NULL');
  const n0 = count();
  assert.strictEqual((await c.post(K.path, { csrf, level: '3', idem: idem() })).status, 200);
  const mash = await c.post(K.path, { csrf, level: '3', idem: idem() });
  assert.strictEqual(mash.status, 429);
  assert.match(mash.text, /Vui lòng chờ giây lát/);
  assert.strictEqual(count(), n0 + 1);
});

test('a queued rating sent twice (network cut, replay) is counted exactly once', async () => {
  const c = new Client();
  const page = await c.get(K.path);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const key = idem();
  sql('UPDATE kiosk_device SET last_rating = NULL');
  const n0 = count();
  assert.strictEqual((await c.post(K.path, { csrf, level: '1', c_time: '1', idem: key })).status, 200);
  assert.strictEqual((await c.post(K.path, { csrf, level: '1', c_time: '1', idem: key })).status, 200, 'the replay is acknowledged');
  sql('UPDATE kiosk_device SET last_rating = NULL');
  assert.strictEqual((await c.post(K.path, { csrf, level: '1', c_time: '1', idem: key })).status, 200);
  assert.strictEqual(count(), n0 + 1);
});

test('a revoked tablet gets a clear page', async () => {
  sql("UPDATE kiosk_device SET revoked_at = UTC_TIMESTAMP() WHERE name = 'Máy quầy 03'");
  const r = await new Client().get(K.path);
  assert.strictEqual(r.status, 410);
  sql("UPDATE kiosk_device SET revoked_at = NULL WHERE name = 'Máy quầy 03'");
});

