// HTTP client with a cookie jar, and SQL access to the test database, for
// tests against the real stack (nginx → FastCGI programs → MariaDB).
'use strict';
const { execFileSync } = require('child_process');
const assert = require('assert');
const fs = require('fs');

const BASE = process.env.MOTCUA_BASE;
const VAR = process.env.MOTCUA_VAR;
const ROOT = process.env.MOTCUA_ROOT;
// the stack's own MariaDB, or the one MOTCUA_DB_SOCKET names (scripts/stack.sh)
const DB_SOCKET = process.env.MOTCUA_DB_SOCKET || `${VAR}/mysql/mysqld.sock`;

// Set-Cookie headers as a list (Headers.getSetCookie is missing from older Node 18).
function setCookies(headers) {
  return typeof headers.getSetCookie === 'function'
    ? headers.getSetCookie()
    : (headers.get('set-cookie') || '').split(/,(?=\s*\w+=)/).filter(Boolean);
}

class Client {
  constructor() { this.jar = new Map(); }

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(res) {
    const raw = setCookies(res.headers);
    for (const c of raw) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const k = pair.slice(0, i).trim(), v = pair.slice(i + 1).trim();
      if (attrs.some(a => /^\s*max-age=0\s*$/i.test(a)) || v === '') this.jar.delete(k);
      else this.jar.set(k, v);
    }
  }

  async req(method, path, { body, headers = {}, type } = {}) {
    const h = { ...headers };
    if (this.jar.size) h.cookie = this.cookieHeader();
    let payload = body;
    if (body && typeof body === 'object' && !(body instanceof Uint8Array) && !(body instanceof FormData)) {
      payload = new URLSearchParams(body).toString();
      h['content-type'] = type || 'application/x-www-form-urlencoded';
    } else if (type) {
      h['content-type'] = type;
    }
    const send = () => fetch(BASE + path, { method, headers: h, body: payload, redirect: 'manual' });
    let res;
    try {
      res = await send();
    } catch (e) {
      // a kept-alive connection that nginx closed as the request went out (it
      // closes its idle ones at once when the walk suite moves the clock hours
      // ahead): a browser sends an idempotent request again on a new
      // connection, and so does this client, once; never a POST
      const code = e.cause && e.cause.code;
      if (!(method === 'GET' || method === 'HEAD') || !['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code)) throw e;
      res = await send();
    }
    this.store(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, res };
  }

  get(path, opts) { return this.req('GET', path, opts); }
  post(path, body, opts = {}) { return this.req('POST', path, { ...opts, body }); }

  // GET a page with a form and return its CSRF token.
  async csrf(path) {
    const r = await this.get(path);
    const m = r.text.match(/name="csrf" value="([0-9a-f]{64})"/);
    assert.ok(m, `no CSRF token on ${path} (status ${r.status})`);
    return m[1];
  }

  async login(username, password = 'motcua-demo') {
    const csrf = await this.csrf('/can-bo/dang-nhap');
    const r = await this.post('/can-bo/dang-nhap', { csrf, username, password });
    assert.strictEqual(r.status, 303, `login of ${username} answered ${r.status}`);
    return r;
  }
}

// Run SQL as the database owner; rows as arrays of strings.
function sql(query) {
  const out = execFileSync('mariadb', ['--no-defaults', `--socket=${DB_SOCKET}`, '-uroot',
    '--default-character-set=utf8mb4', '-N', '-B', 'motcua', '-e', query], { encoding: 'utf8' });
  return out.split('\n').filter(l => l.length).map(l => l.split('\t'));
}

function motcuactl(...args) {
  return execFileSync(`${ROOT}/build/motcuactl`, ['-c', `${VAR}/motcua.hdf`, ...args],
    { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

function text(html) {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
}

module.exports = { Client, sql, motcuactl, text, setCookies, BASE, VAR, ROOT, DB_SOCKET };

// The public URL path of a QR link (by SQL condition), via motcuactl.
function qrPath(where) {
  const [[id]] = sql(`SELECT id FROM qr_link WHERE ${where} ORDER BY id DESC LIMIT 1`);
  return new URL(motcuactl('qr-url', id).trim()).pathname;
}

// Form fields (hidden inputs included) of the first form on a page whose action matches.
function formFields(html, action) {
  const i = html.indexOf(`action="${action}"`);
  assert.ok(i >= 0, `no form with action ${action}`);
  const end = html.indexOf('</form>', i);
  const fields = {};
  for (const m of html.slice(i, end).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]] = m[2];
  return fields;
}

function resetLimits() { sql('DELETE FROM rate_limit'); }

// Each citizen worker keeps the QR links it resolved for Qr.CacheSeconds of the
// stack's configuration (make test sets 1): wait that long after changing a
// link, so that every worker sees the change.
function qrCacheSeconds() {
  const m = [...fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8').matchAll(/^Qr\.CacheSeconds = (\d+)$/gm)].pop();
  return m ? Number(m[1]) : 30;
}
function qrCacheWait() {
  return new Promise(r => setTimeout(r, qrCacheSeconds() * 1000 + 500));
}

module.exports.qrPath = qrPath;

// One signed-in client per staff account, kept for the test file.
const signedIn = new Map();
async function staff(username) {
  if (!signedIn.has(username)) {
    const c = new Client();
    await c.login(username);
    signedIn.set(username, c);
  }
  return signedIn.get(username);
}
module.exports.staff = staff;

// Restart programs of the stack (after a test changed the configuration
// they read at start): each master stopped and waited for, then the stack's
// start brings back what is not running.
function restartPrograms(...names) {
  const { execFileSync } = require('child_process');
  for (const p of names) {
    const pid = Number(fs.readFileSync(`${VAR}/run/${p}.pid`, 'utf8'));
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 200; i++) {
      try { process.kill(pid, 0); } catch { break; }
      execFileSync('sleep', ['0.05']);
    }
  }
  execFileSync(`${ROOT}/scripts/stack.sh`, ['start'], { stdio: 'ignore' });
}
module.exports.restartPrograms = restartPrograms;

// POST a form as the administrator (quantri), with its session's CSRF token.
let adminCsrf;
async function adminPost(path, fields = {}) {
  const c = await staff('quantri');
  if (!adminCsrf) adminCsrf = await c.csrf('/quan-tri/');
  return c.post(path, { csrf: adminCsrf, ...fields });
}
module.exports.adminPost = adminPost;
module.exports.formFields = formFields;
module.exports.resetLimits = resetLimits;
module.exports.qrCacheSeconds = qrCacheSeconds;
module.exports.qrCacheWait = qrCacheWait;

// File a case through the public form (fields as the form names them, an
// optional QR token); returns { code (staff), pub (citizen), citizen (its client) }.
async function fileCase(fields, token, files = []) {
  resetLimits();
  const c = new Client();
  const page = await c.get('/phan-anh/moi' + (token ? '?t=' + token : ''));
  const hidden = formFields(page.text, '/phan-anh/moi');
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...hidden, ...fields })) fd.append(k, v);
  for (const f of files) fd.append('files[]', new Blob([f]), 'anh.jpg');
  const r = await c.post('/phan-anh/moi', fd);
  assert.strictEqual(r.status, 303, r.text.slice(0, 400));
  const pub = r.headers.get('location').match(/\/phan-anh\/([^?]+)/)[1];
  return { pub, code: pub.slice(0, -5), citizen: c };
}

// A staff action on a case (the form of its page, with its CSRF token).
async function caseAction(client, code, action, fields = {}) {
  const page = await client.get(`/can-bo/phan-anh/${code}`);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  return client.post(`/can-bo/phan-anh/${code}/${action}`, { csrf, ...fields });
}

// A test that changes cases with SQL rebuilds the inbox's counts from them, as
// sql/009_inbox.sql fills feedback_count.  The stack's ticker may escalate a
// case between the two statements and write its count anew: the recount
// replaces it.
function recountFeedback() {
  sql(`DELETE FROM feedback_count;
       INSERT INTO feedback_count (unit_id, status, kind, counter_id, hidden_from, escalated,
                                   slot, n)
       SELECT unit_id, status, kind, COALESCE(counter_id, 0),
              IF(identity = 'confidential', COALESCE(officer_id, 0), 0), escalated_at IS NOT NULL,
              IF(status = 'new', id MOD 16, 0), COUNT(*)
         FROM feedback GROUP BY 1, 2, 3, 4, 5, 6, 7
       ON DUPLICATE KEY UPDATE n = VALUES(n)`);
}

// Test procedures in a field of their own: procedures is a list of
// [national code, name, level, unit id]; 5 working days each.
function addProcedures(fieldCode, fieldName, procedures) {
  sql(`INSERT INTO field (code, name) VALUES ('${fieldCode}', '${fieldName}')`);
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, time_unit, fee, documents, result, legal_basis, effective_from) VALUES ` +
      procedures.map(([nc, name, level, unit]) => `('${nc}', '${name}', (SELECT id FROM field WHERE code = '${fieldCode}'), '${level}', ${unit}, 5, 'working_days', '', 'Tờ khai', 'Kết quả', 'Kiểm thử', '2025-07-01')`).join(', '));
}

module.exports.fileCase = fileCase;
module.exports.addProcedures = addProcedures;
module.exports.caseAction = caseAction;
module.exports.recountFeedback = recountFeedback;

// A dossier received at the provincial centre by canbo02 (of the procedure
// with id procedure, else the centre's first); returns its code and the path
// of the page its receipt's QR opens.
async function newDossier({ name = 'Vũ Thị Lan', phone = '0987654321', procedure } = {}) {
  const officer = new Client();
  await officer.login('canbo02');
  const proc = procedure || sql('SELECT id FROM procedure_tthc WHERE unit_id = 2 ORDER BY id LIMIT 1')[0][0];
  const csrf = await officer.csrf('/can-bo/ho-so/moi');
  const r = await officer.post('/can-bo/ho-so/moi', { csrf, procedure: proc, name, phone,
    documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(r.status, 303, r.text.slice(0, 300));
  const code = r.headers.get('location').split('/')[3];
  const [[qid]] = sql(`SELECT q.id FROM qr_link q JOIN dossier d ON d.id = q.dossier_id WHERE d.code = '${code}'`);
  return { code, url: new URL(motcuactl('qr-url', qid).trim()).pathname.replace('/q/', '/ho-so/') };
}
module.exports.newDossier = newDossier;
