// The worker pool grows under load and shrinks when idle (cgi-bin/core/workpool.c).
// The citizen program is restarted with 2 workers, at most 6, idle 1 s; twenty
// FastCGI requests are sent straight to its socket and their bodies held back,
// so that every worker is busy and connections wait: the pool grows, never
// above 6.  Then the bodies go out: every request gets its answer, and the pool
// shrinks back to 2 without zombies.  Twenty concurrent pages through nginx
// are all served too.  The configuration and the program are put back at the end.
'use strict';
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const { test } = require('../lib/harness');
const { Client, VAR, restartPrograms } = require('../lib/client');

const CONF = `${VAR}/motcua.hdf`;
const ORIGINAL = fs.readFileSync(CONF, 'utf8');
const START = 2, MAX = 6, CONNS = 20;
const sleep = ms => new Promise(r => setTimeout(r, ms));

function master() {
  return Number(fs.readFileSync(`${VAR}/run/citizen.pid`, 'utf8'));
}
// the master's children: [pid, state] (state 'Z' for a zombie)
function children(pid) {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
      // the rating writer (ratebatch.h) is no worker of the pool
      if (f[1] === String(pid) && !st.includes('(rating-writer)')) out.push([Number(d), f[0]]);
    } catch { /* gone meanwhile */ }
  }
  return out;
}
const live = pid => children(pid).filter(([, s]) => s !== 'Z').length;

// poll until cond() holds, at most `tries` × 100 ms; the last value
async function until(fn, cond, tries = 300) {
  let v = fn();
  for (let i = 0; i < tries && !cond(v); i++) {
    await sleep(100);
    v = fn();
  }
  return v;
}


// ---- a FastCGI client: enough of the protocol for one request per connection
function record(type, content) {
  const pad = (8 - (content.length % 8)) % 8;
  const h = Buffer.from([1, type, 0, 1, content.length >> 8, content.length & 255, pad, 0]);
  return Buffer.concat([h, content, Buffer.alloc(pad)]);
}
function params(obj) {
  const parts = [];
  for (const [k, v] of Object.entries(obj)) {
    const kb = Buffer.from(k), vb = Buffer.from(v);
    parts.push(Buffer.from([kb.length, vb.length]), kb, vb);   // all shorter than 128
  }
  return Buffer.concat(parts);
}
const BEGIN = 1, END = 3, PARAMS = 4, STDIN = 5, STDOUT = 6;

// Connect, send the request's head and hold the body until release(body).
// answer: a promise of { status, ended } when the connection closes.
function held() {
  const body = Buffer.from('ghi-chu=1');
  const sock = net.createConnection(`${VAR}/run/citizen.sock`);
  let buf = Buffer.alloc(0), out = '', ended = false;
  const answer = new Promise(resolve => {
    sock.on('data', d => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 8) {
        const len = buf.readUInt16BE(4), pad = buf[6];
        if (buf.length < 8 + len + pad) break;
        if (buf[1] === STDOUT) out += buf.subarray(8, 8 + len).toString('latin1');
        if (buf[1] === END) ended = true;
        buf = buf.subarray(8 + len + pad);
      }
    });
    sock.on('error', () => resolve({ status: 0, ended }));
    sock.on('close', () => {
      const m = out.match(/^Status: (\d+)/m);
      resolve({ status: m ? Number(m[1]) : 0, ended });
    });
  });
  sock.write(Buffer.concat([
    record(BEGIN, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0])),
    record(PARAMS, params({
      REQUEST_METHOD: 'POST', DOCUMENT_URI: '/phan-anh/moi', QUERY_STRING: '',
      CONTENT_TYPE: 'application/x-www-form-urlencoded', CONTENT_LENGTH: String(body.length),
      REMOTE_ADDR: '127.0.0.1', HTTP_HOST: '127.0.0.1',
    })),
    record(PARAMS, Buffer.alloc(0)),
  ]));
  return { answer, release: () => sock.write(Buffer.concat([record(STDIN, body), record(STDIN, Buffer.alloc(0))])) };
}

test('setup: the citizen program with 2 workers, at most 6, idle 1 s', async () => {
  fs.writeFileSync(CONF, ORIGINAL + `\nWorkers.citizen = ${START}\nWorkers.Max.citizen = ${MAX}\nWorkers.IdleSeconds = 1\n`);
  restartPrograms('citizen');
  assert.strictEqual(await until(() => live(master()), n => n === START), START, 'the start number runs');
  assert.strictEqual((await new Client().get('/')).status, 200);
});

test('busy workers and waiting connections: the pool grows, never above its maximum; every request is answered', async () => {
  const pid = master();
  const reqs = [];
  for (let i = 0; i < CONNS; i++) reqs.push(held());
  let most = 0;
  const n = await until(() => { const k = live(pid); most = Math.max(most, k); return k; }, k => k >= MAX);
  assert.strictEqual(n, MAX, `the pool grew to its maximum (${n} workers)`);
  // a little longer under load: still not above the maximum
  for (let i = 0; i < 5; i++) { await sleep(100); most = Math.max(most, live(pid)); }
  assert.ok(most <= MAX, `never above the maximum (saw ${most})`);
  for (const r of reqs) r.release();
  const answers = await Promise.all(reqs.map(r => r.answer));
  const lost = answers.filter(a => !a.ended || a.status === 0 || a.status >= 500);
  assert.strictEqual(lost.length, 0, `every request answered: ${JSON.stringify(lost)}`);
  assert.match(fs.readFileSync(`${VAR}/log/citizen.log`, 'utf8'), /workers: \d+ serving \([1-9]\d* started/, 'the growth is in the log');
});

test('idle: the pool shrinks back to the start number, no zombie left', async () => {
  const pid = master();
  const n = await until(() => live(pid), k => k === START);
  assert.strictEqual(n, START, 'back to the start number');
  const zombies = await until(() => children(pid).filter(([, s]) => s === 'Z').length, k => k === 0);
  assert.strictEqual(zombies, 0, 'no zombie');
  // the master reports at most once a second: wait for the line
  const logged = await until(() => /[1-9]\d* told to stop/.test(fs.readFileSync(`${VAR}/log/citizen.log`, 'utf8')), ok => ok);
  assert.ok(logged, 'the shrink is in the log');
  // and it still serves
  assert.strictEqual((await new Client().get('/')).status, 200);
});

test('twenty concurrent pages through nginx are all served', async () => {
  const res = await Promise.all(Array.from({ length: CONNS }, () => new Client().get('/')));
  assert.deepStrictEqual(res.map(r => r.status), Array(CONNS).fill(200));
});

test('teardown: the configuration and the citizen program as they were', async () => {
  fs.writeFileSync(CONF, ORIGINAL);
  restartPrograms('citizen');
  assert.strictEqual((await new Client().get('/')).status, 200);
});
