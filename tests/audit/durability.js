// make audit, the SIGKILL durability run: citizens file feedback and rate a
// counter concurrently while citizen workers, the rating writer and mariadbd
// itself are killed with SIGKILL.  A citizen whose request failed sends the
// same form again (same idempotency key), as the browser's "send again" does.
// A submission is acknowledged when the citizen is shown its tracking code
// (303 to /phan-anh/<code>) or its rating's thanks page (303 to
// /q/<token>/cam-on?r=<reference>).  Then every acknowledged submission must
// be in the database exactly once, under the code or reference shown, and no
// submission may have been stored twice.
// Usage: node durability.js SECONDS CLIENTS   (MOTCUA_BASE, MOTCUA_VAR, MOTCUA_ROOT set)
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { Client, sql, formFields, qrPath, VAR, ROOT } = require('../lib/client');

const SECONDS = Number(process.argv[2] || 60);
const CLIENTS = Number(process.argv[3] || 8);
const RUN = crypto.randomBytes(4).toString('hex');   // this run's submissions are marked with it
const sleep = ms => new Promise(r => setTimeout(r, ms));

function children(pid) {
  return fs.readdirSync('/proc').filter(d => /^\d+$/.test(d)).filter(d => {
    try { return fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1] === String(pid); }
    catch { return false; }
  }).map(Number);
}
const pidOf = f => { try { return Number(fs.readFileSync(f, 'utf8')); } catch { return 0; } };

const acked = [];                 // { marker, code } shown to a citizen
const rated = [];                 // { marker, ref } shown to a citizen who rated
let sent = 0, retries = 0, refused = 0;

async function citizen(n, until) {
  let seq = 0;
  while (Date.now() < until) {
    const marker = `DUR-${RUN}-${n}-${++seq}`;
    let fields = null;
    // one submission: its form (fresh CSRF token and idempotency key), then
    // the same POST again until the citizen is shown a code
    for (let attempt = 0; Date.now() < until + 60000; attempt++) {
      const c = new Client();
      try {
        if (!fields) {
          const page = await c.get('/phan-anh/moi');
          if (page.status !== 200) throw new Error('form ' + page.status);
          fields = { ...formFields(page.text, '/phan-anh/moi'), kind: 'suggestion', identity: 'anonymous',
            unit: '000.00.01.H41', content: `Góp ý kiểm tra độ bền ${marker}: nên có thêm ghế chờ.` };
          fields.cookie = c.cookieHeader();
        }
        const fd = new FormData();
        for (const [k, v] of Object.entries(fields)) if (k !== 'cookie') fd.append(k, v);
        sent++;
        const r = await c.req('POST', '/phan-anh/moi', { body: fd, headers: { cookie: fields.cookie } });
        const m = r.status === 303 && (r.headers.get('location') || '').match(/\/phan-anh\/([^?]+)/);
        if (m) { acked.push({ marker, code: m[1].slice(0, -5) }); break; }
        if (r.status === 422 || r.status === 429) { refused++; break; }   // the form said why: not acknowledged
        throw new Error('status ' + r.status);
      } catch {
        retries++;
        await sleep(100);
      }
    }
  }
}

// One citizen after another rating a counter, with the same rules: the same
// form again until the thanks page of the rating is shown.
async function rater(n, qr, until) {
  let seq = 0;
  while (Date.now() < until) {
    const marker = `DUR-${RUN}-r${n}-${++seq}`;
    let fields = null;
    for (let attempt = 0; Date.now() < until + 60000; attempt++) {
      const c = new Client();
      try {
        if (!fields) {
          const page = await c.get(qr);
          if (page.status !== 200) throw new Error('page ' + page.status);
          fields = { ...formFields(page.text, `${qr}/danh-gia`), level: '2', comment: `Đánh giá kiểm tra độ bền ${marker}` };
          fields.cookie = c.cookieHeader();
        }
        const { cookie, ...form } = fields;
        sent++;
        const r = await c.req('POST', `${qr}/danh-gia`, { body: form, headers: { cookie } });
        const m = r.status === 303 && (r.headers.get('location') || '').match(/\/cam-on\?r=([0-9a-f]{16})/);
        if (m) { rated.push({ marker, ref: m[1] }); break; }
        if (r.status === 422 || r.status === 429) { refused++; break; }
        throw new Error('status ' + r.status);
      } catch {
        retries++;
        await sleep(100);
      }
    }
  }
}

// two workers of the citizen program, and its rating writer
const isWriter = pid => { try { return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'rating-writer'; } catch { return false; } };
function killWorkers() {
  const master = pidOf(`${VAR}/run/citizen.pid`);
  const kids = master ? children(master) : [];
  const victims = [...kids.filter(p => !isWriter(p)).slice(0, 2), ...kids.filter(isWriter)];
  for (const p of victims) { try { process.kill(p, 'SIGKILL'); } catch { /* gone already */ } }
  return victims.length;
}

function killDatabase() {
  const pid = pidOf(`${VAR}/mysql/mariadbd.pid`);
  if (!pid) return 0;
  process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) { try { process.kill(pid, 0); } catch { break; } execFileSync('sleep', ['0.05']); }
  return 1;
}

async function main() {
  const until = Date.now() + SECONDS * 1000;
  const runs = [];
  const qr = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q01')");
  for (let n = 1; n <= CLIENTS; n++) runs.push(citizen(n, until), rater(n, qr, until));
  let workersKilled = 0, dbKilled = 0;
  // the faults: workers every 5 s, the database three times (at 1/4, 2/4, 3/4)
  const faults = (async () => {
    const start = Date.now();
    let nextDb = 1;
    while (Date.now() < until - 2000) {
      await sleep(5000);
      workersKilled += killWorkers();
      if (nextDb <= 3 && Date.now() - start >= nextDb * SECONDS * 250) {
        nextDb++;
        dbKilled += killDatabase();
        await sleep(2000);
        execFileSync(`${ROOT}/scripts/stack.sh`, ['start'], { env: process.env, stdio: 'ignore' });
      }
    }
  })();
  await Promise.all([...runs, faults]);

  // ---- every acknowledged submission exactly once
  const rows = sql(`SELECT code, REGEXP_SUBSTR(content, 'DUR-${RUN}-[0-9]+-[0-9]+') FROM feedback WHERE content LIKE '%DUR-${RUN}-%'`);
  const byMarker = new Map();
  for (const [code, marker] of rows) byMarker.set(marker, [...(byMarker.get(marker) || []), code]);
  let lost = 0, wrong = 0;
  for (const a of acked) {
    const codes = byMarker.get(a.marker) || [];
    if (!codes.length) lost++;
    else if (!codes.includes(a.code)) wrong++;
  }
  let duplicated = [...byMarker.values()].filter(c => c.length > 1).length;
  const ratings = sql(`SELECT ref, REGEXP_SUBSTR(comment, 'DUR-${RUN}-r[0-9]+-[0-9]+') FROM rating WHERE comment LIKE '%DUR-${RUN}-%'`);
  const refOf = new Map();
  for (const [ref, marker] of ratings) refOf.set(marker, [...(refOf.get(marker) || []), ref]);
  for (const a of rated) {
    const refs = refOf.get(a.marker) || [];
    if (!refs.length) lost++;
    else if (!refs.includes(a.ref)) wrong++;
  }
  duplicated += [...refOf.values()].filter(r => r.length > 1).length;
  const result = { seconds: SECONDS, clients: CLIENTS, sent, retries, refused, acknowledged: acked.length,
    stored: rows.length, ratingsAcknowledged: rated.length, ratingsStored: ratings.length, lost,
    wrongCode: wrong, duplicated, workersKilled, dbKilled };
  console.log(JSON.stringify(result));
  const ok = acked.length > 0 && rated.length > 0 && lost === 0 && wrong === 0 && duplicated === 0 && dbKilled === 3;
  process.exit(ok ? 0 : 1);
}

main().catch(e => { console.error(e.stack || String(e)); process.exit(2); });
