// Runs last: a worker killed with -9 is replaced; MariaDB stopped gives 503 in
// Vietnamese within 5 s, and the programs recover by themselves when it is back;
// a database error is a 503 also where a QR link comes from a worker's cache.
'use strict';
const assert = require('assert');
const fs = require('fs');
const { execFileSync } = require('child_process');
const { test } = require('../lib/harness');
const { Client, VAR, ROOT, sql, qrPath, formFields } = require('../lib/client');

// The master's workers, or (writer) its rating writers, by their process name.
function children(pid, writer = false) {
  return fs.readdirSync('/proc').filter(d => /^\d+$/.test(d)).filter(d => {
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
      return st.slice(st.lastIndexOf(')') + 2).split(' ')[1] === String(pid) && (name === 'rating-writer') === writer;
    } catch { return false; }
  }).map(Number);
}
const sleep = ms => new Promise(r => setTimeout(r, ms));

// MariaDB started again (stack.sh start leaves what runs alone), and the
// programs' recovery by themselves: the home page is served again.
function startDb() {
  execFileSync(`${ROOT}/scripts/stack.sh`, ['start'], { env: process.env, stdio: 'ignore' });
}
async function servedAgain(c) {
  let ok = false;
  for (let i = 0; i < 20 && !ok; i++) {
    ok = (await c.get('/')).status === 200;
    if (!ok) await sleep(200);
  }
  assert.ok(ok, 'the home page is served again');
}

test('kill -9 of a worker: requests are still served and the worker is replaced', async () => {
  const master = Number(fs.readFileSync(`${VAR}/run/citizen.pid`, 'utf8'));
  // a worker that dies is replaced while the pool is at its minimum (above
  // it, the pool just has one fewer): wait for the pool to shrink back to it
  // after the suite's loads (Workers.IdleSeconds)
  const min = Number((fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8').match(/^Workers\.citizen = (\d+)$/m) || [0, 4])[1]);
  for (let i = 0; i < 300 && children(master).length > min; i++) await sleep(100);
  const before = children(master);
  assert.strictEqual(before.length, min, 'the pool at its minimum');
  assert.ok(before.length >= 2, 'several workers run');
  process.kill(before[0], 'SIGKILL');
  // the signal is asynchronous: wait until the process is really dead, so the
  // requests below measure the survivors, not a race with the dying worker
  const dead = () => { try { return fs.readFileSync(`/proc/${before[0]}/stat`, 'utf8').split(') ')[1][0] === 'Z'; } catch { return true; } };
  for (let i = 0; i < 50 && !dead(); i++) await sleep(20);
  const c = new Client();
  for (let i = 0; i < 20; i++) {
    const r = await c.get('/');
    assert.ok(r.status === 200, `request ${i} answered ${r.status}`);
  }
  let after = [];
  for (let i = 0; i < 30; i++) {
    after = children(master);
    if (after.length === before.length && !after.includes(before[0])) break;
    await sleep(100);
  }
  assert.strictEqual(after.length, before.length, 'as many workers as before');
  assert.ok(!after.includes(before[0]), 'the killed worker is gone');
});

test('MariaDB stopped: 503 in Vietnamese within 5 s; back by itself when MariaDB returns', async () => {
  const c = new Client();
  assert.strictEqual((await c.get('/')).status, 200);
  await c.login('canbo01');
  assert.strictEqual((await c.get('/can-bo/')).status, 200);
  execFileSync('mariadb-admin', ['--no-defaults', `--socket=${VAR}/mysql/mysqld.sock`, '-uroot', 'shutdown']);
  try {
    for (const path of ['/', '/can-bo/']) {
      const t0 = Date.now();
      const r = await c.get(path);
      assert.ok(Date.now() - t0 < 5000, `${path} answered within 5 s`);
      assert.strictEqual(r.status, 503, path);
      assert.match(r.text, /Hệ thống tạm thời gián đoạn/);
    }
  } finally {
    startDb();
  }
  await servedAgain(c);
  assert.match((await c.get('/')).text, /Trung tâm Phục vụ hành chính công/);
});

// Each citizen worker keeps the QR links it resolved (Qr.CacheSeconds), so a
// page can open its link without the database and fail only on the next
// statement.  That failure is a 503 like any other: "phản ánh nhanh" after an
// unhappy rating used to answer 404, as if the rating did not exist.
test('MariaDB gone while QR links are cached: the quick case and thanks pages answer 503 in Vietnamese, never 404', async () => {
  sql('DELETE FROM rate_limit');
  const q = qrPath("kind = 'counter' AND revoked_at IS NULL"
                   + ' AND counter_id IN (SELECT id FROM counter WHERE active = 1)');
  const c = new Client();
  const landing = await c.get(q);
  assert.strictEqual(landing.status, 200);
  const rated = await c.post(`${q}/danh-gia`, { ...formFields(landing.text, `${q}/danh-gia`), level: '1' });
  assert.strictEqual(rated.status, 303);
  const thanksPath = rated.headers.get('location');
  const thanks = await c.get(thanksPath);
  assert.strictEqual(thanks.status, 200);
  const hidden = formFields(thanks.text, `${q}/phan-anh-nhanh`);
  // every worker resolves the link now, then the database dies at once
  await Promise.all(Array.from({ length: 24 }, () => new Client().get(q)));
  process.kill(Number(fs.readFileSync(`${VAR}/mysql/mariadbd.pid`, 'utf8')), 'SIGKILL');
  try {
    for (let i = 0; i < 8; i++) {
      for (const [what, r] of [
        ['quick case', await c.post(`${q}/phan-anh-nhanh`, { ...hidden, reason: 'wait' })],
        ['thanks', await c.get(thanksPath)],
      ]) {
        assert.strictEqual(r.status, 503, `${what}, try ${i}`);
        assert.match(r.text, /Hệ thống tạm thời gián đoạn/, what);
      }
    }
  } finally {
    startDb();
  }
  await servedAgain(c);
});
