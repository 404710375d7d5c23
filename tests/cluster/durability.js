// make test-cluster, the durability run: citizens rate counters through their
// QR links and file feedback through the front nginx, each submission from
// another simulated address (X-Forwarded-For), while scripts/cluster.sh kills
// a database node and an app host with SIGKILL and starts them again.
// A signed-in officer takes dossiers in meanwhile.  A submission is
// acknowledged when the citizen is shown its answer (303 to
// /q/<token>/cam-on?r=<ref>, or to /phan-anh/<code>), an intake when the
// officer is sent to its receipt (/can-bo/ho-so/<code>/giay-hen).  A citizen whose request
// failed sends the same form again (same CSRF token and idempotency key), as
// the browser's "send again" does.  Then every acknowledged submission must be
// in the database exactly once under the answer shown, on every node, and the
// day's aggregates (stat_day) must have grown by what was stored.
// Usage: node durability.js SECONDS RESULT.json
//   MOTCUA_BASE (the front), MOTCUA_VAR, MOTCUA_ROOT, MOTCUA_DB_SOCKET (node 1)
//   CLUSTER_SOCKETS  every node's socket, space-separated (the count per node)
//   CLUSTER_CLIENTS  concurrent citizens (default 8: half rate, half file feedback)
'use strict';
const fs = require('fs');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { Client, motcuactl, formFields, DB_SOCKET } = require('../lib/client');

const SECONDS = Number(process.argv[2] || 60);
const OUT = process.argv[3];
const CLIENTS = Number(process.env.CLUSTER_CLIENTS || 8);
const RUN = crypto.randomBytes(4).toString('hex');
const sleep = ms => new Promise(r => setTimeout(r, ms));
const address = () => `10.${1 + crypto.randomInt(250)}.${crypto.randomInt(256)}.${1 + crypto.randomInt(254)}`;

const subs = [];                  // { kind, idem, answer, ackAt, marker }
const errors = {};                // non-acknowledging answers by HTTP status ("network" when none)
let retries = 0;
const err = k => { errors[k] = (errors[k] || 0) + 1; };

// one submission: its form (fresh visitor, CSRF token, idempotency key), then
// the same POST until it is acknowledged, refused, or 30 s after the run's end
async function submit(kind, path, until, fill) {
  const c = new Client();
  const xff = { 'x-forwarded-for': address() };
  const s = { kind, idem: null, answer: null, ackAt: 0 };
  let fields = null;
  for (let attempt = 0; Date.now() < until + 30000; attempt++) {
    if (attempt > 0) { retries++; await sleep(Math.min(100 * attempt, 1000)); }
    try {
      if (!fields) {
        const page = await c.get(path.form, { headers: xff });
        if (page.status !== 200) {
          err(page.status);
          if (page.status < 500) return;   // the form itself refused (a link closed): not a submission
          continue;
        }
        fields = fill(formFields(page.text, path.action));
        s.idem = fields.idem;
        subs.push(s);
      }
      const r = kind === 'feedback'
        ? await c.req('POST', path.action, { body: form(fields), headers: xff })
        : await c.post(path.action, fields, { headers: xff });
      const m = r.status === 303 && (r.headers.get('location') || '').match(path.ack);
      if (m) { s.answer = m[1]; s.ackAt = Date.now(); return; }
      err(r.status);
      if (r.status === 422 || r.status === 429 || r.status === 403) return;   // refused: not acknowledged
    } catch {
      err('network');
    }
  }
}

function form(fields) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
}

async function rater(n, links, until) {
  for (let i = 0; Date.now() < until; i++) {
    const token = links[(n + i) % links.length];
    await submit('rating', { form: `/q/${token}`, action: `/q/${token}/danh-gia`, ack: /\/cam-on\?r=([^&]+)/ },
      until, f => ({ ...f, level: String(1 + crypto.randomInt(3)), c_attitude: '3', c_time: '2', c_trips: '3',
        c_guidance: '3', comment: '' }));
  }
}

async function filer(n, until) {
  for (let seq = 1; Date.now() < until; seq++) {
    const marker = `CLU-${RUN}-${n}-${seq}`;
    await submit('feedback', { form: '/phan-anh/moi', action: '/phan-anh/moi', ack: /\/phan-anh\/([^/?]+)/ },
      until, f => ({ ...f, kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41',
        content: `Góp ý kiểm tra cụm máy chủ ${marker}: nên có thêm ghế chờ.` }));
  }
}

// an officer of the provincial centre takes dossiers in at the counter; each
// dossier is marked in its applicant's name, and a "send again" after a lost
// answer sends the same form, with its idempotency key (counted if stored twice)
async function officer(until) {
  const c = new Client();
  for (let i = 0; ; i++) {
    if (Date.now() > until) return;
    try { await c.login('canbo01'); break; } catch { await sleep(500); }
  }
  // a province-level procedure the centre takes in: the first the form accepts
  const procedures = sql("SELECT id FROM procedure_tthc WHERE level = 'province' ORDER BY id LIMIT 20").map(([id]) => id);
  let p = 0;
  for (let seq = 1; Date.now() < until; seq++) {
    const marker = `CLU-${RUN}-HS-${seq}`;
    const s = { kind: 'intake', idem: null, marker, answer: null, ackAt: 0 };
    let fields = null;
    for (let attempt = 0; Date.now() < until + 30000; attempt++) {
      if (attempt > 0) { retries++; await sleep(Math.min(100 * attempt, 1000)); }
      try {
        if (!fields) {
          const form = await c.get('/can-bo/ho-so/moi');
          const idem = (form.text.match(/name="idem" value="([0-9a-f]{32})"/) || [])[1];
          const csrf = (form.text.match(/name="csrf" value="([0-9a-f]{64})"/) || [])[1];
          if (!csrf) throw new Error('no form');
          fields = { csrf, idem, procedure: procedures[p], name: `Người thử ${marker}`,
            address: 'Số 1 phố Thử', phone: '0912000999', documents: 'Tờ khai', sets: '1', channel: 'counter',
            collect: 'counter' };
          subs.push(s);
        }
        const r = await c.post('/can-bo/ho-so/moi', fields);
        const m = r.status === 303 && (r.headers.get('location') || '').match(/^\/can-bo\/ho-so\/([^/]+)\/giay-hen$/);
        if (m) { s.answer = m[1]; s.ackAt = Date.now(); break; }
        if (r.status === 422 && s.ackAt === 0 && p + 1 < procedures.length && attempt === 0 && seq === 1) {
          fields.procedure = procedures[++p];   // not one the centre takes in: the next
          attempt = -1;
          continue;
        }
        err(r.status);
        if (r.status >= 400 && r.status < 500) break;
      } catch {
        err('network');
      }
    }
  }
}

// stat_day of today's local day, per unit: ratings, r1..r3 and feedback
function stats() {
  const m = new Map();
  for (const [u, ...v] of sql(`SELECT scope_id, SUM(ratings), SUM(r3), SUM(r2), SUM(r1), SUM(feedback) FROM stat_day
      WHERE scope = 'unit' AND day = DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) GROUP BY scope_id`)) m.set(u, v.map(Number));
  return m;
}

// SQL as the owner on a node (node 1 unless told), the query on stdin: the
// lists of this run's keys are longer than a command line may be
function sql(query, sock = DB_SOCKET) {
  const out = execFileSync('mariadb', ['--no-defaults', `--socket=${sock}`, '-uroot', '--default-character-set=utf8mb4',
    '-N', '-B', 'motcua'], { input: query, encoding: 'utf8', maxBuffer: 64 << 20 });
  return out.split('\n').filter(l => l.length).map(l => l.split('\t'));
}

const inList = keys => keys.map(k => `'${k.replace(/[^0-9a-zA-Z_.-]/g, '')}'`).join(',') || "''";

function nodeCount(sock, table, keys) {
  return Number(sql(`SELECT COUNT(*) FROM ${table} WHERE idem_key IN (${inList(keys)})`, sock)[0][0]);
}

async function main() {
    // 40 counters of their own, so that the run's ratings stay under each
    // link's hourly limit (Rating.PerLinkPerHour, 600): the demo has 7 counters,
    // and a run over them measured the limit (thousands of 429), not the cluster
    const [[ unit ]] = sql("SELECT unit_id FROM counter WHERE active = 1 ORDER BY id LIMIT 1");
    sql(Array
            .from({ length : 40 },
                  (_, i) => `INSERT IGNORE INTO counter (unit_id, code, name, sort_order)
      VALUES (${Number(unit)}, 'CL${i + 1}', 'Quầy kiểm tra cụm ${i + 1}', ${900 + i});`)
            .join('\n'));
    motcuactl('qr-ensure');
    // counters' links that show their rating form (the HTTP tests close some units)
    const links = [];
    for (const [id] of sql(`SELECT id FROM qr_link WHERE kind = 'counter' AND revoked_at IS NULL
      AND (expires_at IS NULL OR expires_at > UTC_TIMESTAMP()) ORDER BY id DESC LIMIT 60`)) {
        const token = new URL(motcuactl('qr-url', id).trim()).pathname.replace(/^\/q\//, '');
        const page = await new Client().get(`/q/${token}`);
        if (page.status === 200 && page.text.includes(`action="/q/${token}/danh-gia"`))
            links.push(token);
        if (links.length === 40) break;
    }
  if (!links.length) throw new Error('no counter QR link shows its rating form');
  const before = stats();
  const t0 = Date.now(), until = t0 + SECONDS * 1000;
  const runs = [];
  for (let n = 0; n < CLIENTS; n++) runs.push(n % 2 ? filer(n, until) : rater(n, links, until));
  runs.push(officer(until));
  await Promise.all(runs);
  const t1 = Date.now();
  await sleep(2000);              // the last writes reach every node

  // ---- each submission by its idempotency key: exactly once, under the answer shown
  const keyed = subs.filter(s => s.idem);
  const rows = new Map();         // idem -> one list of accepted answers per stored row
  const ratingKeys = keyed.filter(s => s.kind === 'rating').map(s => s.idem);
  const fbKeys = keyed.filter(s => s.kind === 'feedback').map(s => s.idem);
  for (const [k, ref] of sql(`SELECT idem_key, ref FROM rating WHERE idem_key IN (${inList(ratingKeys)})`)) {
    rows.set(k, [...(rows.get(k) || []), [ref]]);
  }
  for (const [k, code, check] of sql(`SELECT idem_key, code, check_part FROM feedback WHERE idem_key IN (${inList(fbKeys)})`)) {
    rows.set(k, [...(rows.get(k) || []), [code, `${code}-${check}`]]);
  }
  // the markers too: a submission stored twice under two keys would show here
  const markers = sql(`SELECT REGEXP_SUBSTR(content, 'CLU-${RUN}-[0-9]+-[0-9]+') m, COUNT(*) FROM feedback
      WHERE content LIKE '%CLU-${RUN}-%' GROUP BY m HAVING COUNT(*) > 1`);
  // the intakes, by the marker in the applicant's name
  const intakes = subs.filter(s => s.kind === 'intake');
  const dossiers = new Map();
  for (const [name, code] of sql(`SELECT applicant_name, code FROM dossier WHERE applicant_name LIKE 'Người thử CLU-${RUN}-HS-%'`)) {
    const marker = name.replace('Người thử ', '');
    dossiers.set(marker, [...(dossiers.get(marker) || []), code]);
  }
  const intakeAcked = intakes.filter(s => s.answer);
  const intake = { submitted: intakes.length, acknowledged: intakeAcked.length,
    found: intakeAcked.filter(s => (dossiers.get(s.marker) || []).includes(s.answer)).length,
    lost: intakeAcked.filter(s => !dossiers.has(s.marker)).length,
    duplicated: [...dossiers.values()].filter(v => v.length > 1).length,
    storedNotAcknowledged: intakes.filter(s => !s.answer && dossiers.has(s.marker)).length };
  const acked = keyed.filter(s => s.answer);
  let found = 0, lost = 0, wrong = 0;
  for (const s of acked) {
    const got = rows.get(s.idem) || [];
    if (!got.length) lost++;
    else if (!got.some(a => a.includes(s.answer))) wrong++;
    else found++;
  }
  const duplicated = [...rows.values()].filter(v => v.length > 1).length + markers.length;
  // each lost one, and whatever row carries its answer (under another key?)
  const lostOnes =
      acked.filter(s => !(rows.get(s.idem) || []).length)
          .map(s => ({
                   kind : s.kind,
                   idem : s.idem,
                   answer : s.answer,
                   ackAtMs : s.ackAt - t0,
                   byAnswer :
                       s.kind === 'rating'
                           ? sql(`SELECT id, idem_key, created_at FROM rating WHERE ref = '${
                                 String(s.answer).replace(/[^0-9a-zA-Z]/g, '')}'`)
                           : sql(`SELECT id, idem_key, created_at FROM feedback WHERE code = '${
                                 String(s.answer)
                                     .replace(/-[^-]*$/, '')
                                     .replace(/[^0-9A-Za-z.-]/g, '')}'`),
               }));
  const storedUnacked = keyed.filter(s => !s.answer && rows.has(s.idem)).length;

  // ---- every node holds the same rows of this run
  const perNode = (process.env.CLUSTER_SOCKETS || '').split(' ').filter(Boolean)
    .map(sock => nodeCount(sock, 'rating', ratingKeys) + nodeCount(sock, 'feedback', fbKeys));

  // ---- the aggregates grew by what was stored (per unit, today's local day)
  const after = stats();
  const expect = new Map();
  for (const [u, lv] of sql(`SELECT unit_id, level FROM rating WHERE idem_key IN (${inList(ratingKeys)})
      AND DATE(created_at + INTERVAL 7 HOUR) = DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR)`)) {
    const e = expect.get(u) || [0, 0, 0, 0, 0];
    e[0]++; e[4 - Number(lv)]++;
    expect.set(u, e);
  }
  for (const [u, n] of sql(`SELECT unit_id, COUNT(*) FROM feedback WHERE idem_key IN (${inList(fbKeys)})
      AND DATE(created_at + INTERVAL 7 HOUR) = DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) GROUP BY unit_id`)) {
    const e = expect.get(u) || [0, 0, 0, 0, 0];
    e[4] += Number(n);
    expect.set(u, e);
  }
  const statMismatch = [];
  for (const [u, e] of expect) {
    const b = before.get(u) || [0, 0, 0, 0, 0], a = after.get(u) || [0, 0, 0, 0, 0];
    const d = a.map((x, i) => x - b[i]);
    if (d.join() !== e.join()) statMismatch.push({ unit: u, stat_day_delta: d, recount: e });
  }

  // ---- the longest stall: the largest gap between consecutive acknowledgements
  const times = [t0, ...acked.map(s => s.ackAt), ...intakeAcked.map(s => s.ackAt)].sort((x, y) => x - y);
  let stall = 0, stallAt = 0;
  for (let i = 1; i < times.length; i++) {
    if (times[i] - times[i - 1] > stall) { stall = times[i] - times[i - 1]; stallAt = times[i - 1] - t0; }
  }
  const byKind = k => ({ submitted: keyed.filter(s => s.kind === k).length,
    acknowledged: acked.filter(s => s.kind === k).length });
  const result = {
      seconds : SECONDS,
      clients : CLIENTS,
      t0 : new Date(t0).toISOString(),
      loadMs : t1 - t0,
      submitted : keyed.length,
      acknowledged : acked.length,
      found,
      lost,
      wrongAnswer : wrong,
      duplicated,
      storedNotAcknowledged : storedUnacked,
      retries,
      errors,
      ratings : byKind('rating'),
      feedback : byKind('feedback'),
      intake,
      rowsPerNode : perNode,
      statMismatch,
      lostOnes,
      longestStallMs : stall,
      longestStallStartsAtMs : stallAt,
  };
  const json = JSON.stringify(result);
  if (OUT) fs.writeFileSync(OUT, json + '\n');
  console.log(json);
  const ok = acked.length > 0 && lost === 0 && wrong === 0 && duplicated === 0 && statMismatch.length === 0 &&
    intake.lost === 0 && intake.duplicated === 0 && intake.found === intake.acknowledged &&
    perNode.every(n => n === perNode[0]);
  process.exit(ok ? 0 : 1);
}

main().catch(e => { console.error(e.stack || String(e)); process.exit(2); });
