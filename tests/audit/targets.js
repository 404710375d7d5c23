// make audit, step 1: every route of the programs' route tables (cgi-bin/*.c)
// as a request the scanners can replay, with real objects of the throw-away
// stack in place of each "*" and, for a POST, the fields of the form that
// sends it (found on the route's pages).  Writes OUT/targets.json and one raw
// HTTP request file per route (OUT/req/NNN.txt, for sqlmap -r).
// Usage: node targets.js OUT   (MOTCUA_BASE, MOTCUA_VAR, MOTCUA_ROOT set)
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { Client, sql, motcuactl, BASE, ROOT } = require('../lib/client');
const { fileCase } = require('../lib/client');

const OUT = process.argv[2];
const HOST = new URL(BASE).host;
const PROGRAMS = { citizen: 'public', officer: 'officer', leader: 'leader', admin: 'admin', api: 'api' };
// the identities the scanners use (the demo accounts); the admin's sample
// account is one nobody signs in with, so a lock or a reset hurts no scan
const ACCOUNTS = { officer: 'canbo01', leader: 'lanhdao02', admin: 'quantri' };
// routes a visitor reaches before signing in
const ANONYMOUS = ['/can-bo/dang-nhap'];

// The route tables: { "GET", "/can-bo/ho-so/*", handler, flags }
// Paths nginx serves only to itself (location = X { internal; ... }, such as
// the page for a body over the upload limit): from outside they answer 404.
const INTERNAL = [...fs.readFileSync(path.join(ROOT, 'nginx', 'routes.conf'), 'utf8')
  .matchAll(/location = (\S+) \{\s*internal;/g)].map(m => m[1]);

function routeTable(prog) {
  const src = fs.readFileSync(path.join(ROOT, 'cgi-bin', prog + '.c'), 'utf8');
  const table = src.match(/static const struct route routes\[\] = \{([\s\S]*?)\n\};/);
  if (!table) throw new Error(`no route table in cgi-bin/${prog}.c`);
  return [...table[1].matchAll(/\{\s*"(GET|POST)",\s*"([^"]+)",\s*(\w+)/g)]
    .filter(m => !INTERNAL.includes(m[2]))
    .map(m => ({ method: m[1], pattern: m[2], handler: m[3], fieldsRead: handlerFields(src, m[3]) }));
}

// The form fields a handler reads (req_form*(r, "name") in its body): the
// fields of a POST whose form no page shows in the stack's present state.
function handlerFields(src, handler) {
  const body = src.match(new RegExp(`\\n${handler}\\(struct req \\*r\\)\\n\\{([\\s\\S]*?)\\n\\}\\n`));
  return body ? [...new Set([...body[1].matchAll(/req_form\w*\(r, "([\w\[\]-]+)"\)/g)].map(m => m[1]))] : [];
}

const b2 = s => execFileSync('b2sum', ['-l', '256'], { input: s, encoding: 'utf8' }).split(' ')[0];
const one = q => { const rows = sql(q); if (!rows.length) throw new Error('no sample for: ' + q); return rows[0][0]; };
const decode = s => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attrs = tag => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(m => [m[1].toLowerCase(), decode(m[2])]));

// Every form of a page: action path, method, enctype and its named fields
// (hidden and visible inputs with their values, the first option of a select).
function forms(html, pagePath) {
  const out = [];
  for (const f of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const a = attrs(f[1]);
    const action = new URL(a.action || pagePath, BASE + pagePath).pathname;
    const fields = {};
    let honeypot;
    for (const i of f[2].matchAll(/<input\b([^>]*)>/g)) {
      const x = attrs(i[1]);
      if (!x.name || ['submit', 'button', 'file'].includes(x.type)) continue;
      if (['checkbox', 'radio'].includes(x.type) && x.name in fields) continue;
      // a field out of reach (tabindex -1) is the honeypot: left empty, as a person leaves it
      fields[x.name] = x.value ?? (x.tabindex === '-1' ? '' : x.type === 'number' ? '1' : 'kiem tra');
      if (x.tabindex === '-1') honeypot = x.name;
    }
    for (const t of f[2].matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const x = attrs(t[1]);
      if (x.name) fields[x.name] = decode(t[2]) || 'Nội dung kiểm tra';
    }
    for (const s of f[2].matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const x = attrs(s[1]);
      const opt = s[2].match(/<option\b[^>]*value="([^"]+)"/);
      if (x.name) fields[x.name] = opt ? decode(opt[1]) : '';
    }
    out.push({ action, method: (a.method || 'get').toUpperCase(), multipart: /multipart/i.test(a.enctype || ''), fields, honeypot });
  }
  return out;
}

// A raw HTTP request for sqlmap -r.  With mark, each injection point (every
// object named in the path, every query and form value but the CSRF token,
// every JSON value) carries sqlmap's custom marker "*", so that these and
// only these are tried.
function requestFile(t, cookie, extraHeaders = {}, mark = false) {
  const u = new URL(BASE + (mark ? t.markedUrl : t.url));
  if (mark) for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, v + '\u0001');
  const search = u.search.replace(/%01/g, '*');
  const head = [`${t.method} ${u.pathname}${search} HTTP/1.1`, `Host: ${HOST}`, 'User-Agent: motcua-audit'];
  const val = (k, v) => mark && k !== 'csrf' && k !== t.honeypot ? v + '*' : v;
  if (cookie) head.push(`Cookie: ${cookie}`);
  for (const [k, v] of Object.entries(extraHeaders)) head.push(`${k}: ${v}`);
  let body = '';
  if (t.method === 'POST') {
    if (t.json) {
      body = JSON.stringify(t.json, mark ? (k, v) => (typeof v === 'string' ? v + '\u0001' : v) : undefined).replace(/\\u0001/g, '*');
      head.push('Content-Type: application/json');
    } else if (t.multipart) {
      const b = '----motcuaaudit' + crypto.randomBytes(6).toString('hex');
      body = Object.entries(t.fields).map(([k, v]) =>
        `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${val(k, v)}\r\n`).join('') + `--${b}--\r\n`;
      head.push(`Content-Type: multipart/form-data; boundary=${b}`);
    } else {
      body = Object.entries(t.fields).map(([k, v]) =>
        encodeURIComponent(k) + '=' + encodeURIComponent(v) + (mark && k !== 'csrf' && k !== t.honeypot ? '*' : '')).join('&');
      head.push('Content-Type: application/x-www-form-urlencoded');
    }
    head.push(`Content-Length: ${Buffer.byteLength(body)}`);
  }
  return head.join('\r\n') + '\r\n\r\n' + body;
}

async function main() {
  fs.mkdirSync(path.join(OUT, 'req'), { recursive: true });
  motcuactl('qr-ensure');

  // ---- objects of the stack, each one the scanning identity may see
  const officerUnit = one(`SELECT o.code FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = '${ACCOUNTS.officer}'`);
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 3)]);
  const filed = await fileCase({ kind: 'petition', identity: 'named', unit: officerUnit, content: 'Hồ sơ kiểm thử bảo mật.',
    name: 'Trần Văn Kiểm', phone: '0912000111', email: 'kiem@example.vn', address: 'Phường Hoa Lư' }, null, [JPEG]);
  const stored = one(`SELECT ff.stored_name FROM feedback_file ff JOIN feedback f ON f.id = ff.feedback_id WHERE f.code = '${filed.code}'`);
  const [dossier, apology] = sql(`SELECT d.code, a.id FROM apology a JOIN dossier d ON d.id = a.dossier_id
      JOIN org_unit o ON o.id = d.unit_id WHERE o.code = '${officerUnit}' ORDER BY a.id LIMIT 1`)[0] ||
    [one(`SELECT d.code FROM dossier d JOIN org_unit o ON o.id = d.unit_id WHERE o.code = '${officerUnit}' ORDER BY d.id LIMIT 1`), '1'];
  const [dossierId, phone4] = sql(`SELECT id, RIGHT(applicant_phone, 4) FROM dossier WHERE code = '${dossier}'`)[0];
  if (!sql(`SELECT id FROM qr_link WHERE dossier_id = ${dossierId}`).length) {
    const nonce = crypto.randomBytes(13).toString('base64').replace(/[^A-Z2-7]/gi, 'A').toUpperCase().slice(0, 13);
    sql(`INSERT INTO qr_link (nonce, kind, unit_id, dossier_id) SELECT '${nonce}', 'dossier', unit_id, id FROM dossier WHERE id = ${dossierId}`);
  }
  // a step with its paper (/ho-so/<code>/phieu/<event>: a supplement request's, a refusal's) of a
  // dossier of the officer's unit; the demo data has none, so the sample dossier gets one
  const paperOf = () => sql(`SELECT d.code, e.id FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id
      JOIN org_unit o ON o.id = d.unit_id WHERE o.code = '${officerUnit}' AND e.paper_no IS NOT NULL ORDER BY e.id LIMIT 1`)[0];
  if (!paperOf()) {
    sql(`INSERT INTO dossier_event (dossier_id, at, event, unit_id, body, paper_no)
         SELECT id, UTC_TIMESTAMP(), 'supplement_requested', unit_id, 'Bản sao căn cước (kiểm thử bảo mật)', 'AUDIT/PBSHS'
           FROM dossier WHERE code = '${dossier}'`);
  }
  const [paperDossier, paperEvent] = paperOf();
  const dossierToken = new URL(motcuactl('qr-url', one(`SELECT id FROM qr_link WHERE dossier_id = ${dossierId} ORDER BY id LIMIT 1`)).trim()).pathname.split('/')[2];
  const counterToken = new URL(motcuactl('qr-url', one("SELECT id FROM qr_link WHERE kind = 'counter' AND revoked_at IS NULL ORDER BY id LIMIT 1")).trim()).pathname.split('/')[2];
  const kiosk = crypto.randomBytes(32).toString('hex');
  sql(`INSERT INTO kiosk_device (counter_id, name, token_hash, created_at) SELECT id, 'Máy kiểm thử', '${b2(kiosk)}', UTC_TIMESTAMP() FROM counter ORDER BY id LIMIT 1`);
  const apiKey = crypto.randomBytes(32).toString('hex');
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Khóa kiểm thử', '${b2(apiKey)}', (SELECT id FROM org_unit WHERE code = '000.21.00.H41'), UTC_TIMESTAMP())`);
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Khóa mẫu để ngừng', '${b2(crypto.randomBytes(32).toString('hex'))}', (SELECT id FROM org_unit WHERE code = '000.21.00.H41'), UTC_TIMESTAMP())`);
  const spareKey = one("SELECT id FROM api_client WHERE name = 'Khóa mẫu để ngừng'");
  // a personal data request on the filed case, open, for its officers' pages and their answer form
  sql(`INSERT INTO data_request (code, object_type, object_id, unit_id, kind, detail, due_at, created_at)
       SELECT 'YC-KIEMTHU1', 'feedback', id, unit_id, 'object', 'Kiểm thử', UTC_TIMESTAMP(), UTC_TIMESTAMP()
         FROM feedback WHERE code = '${filed.code}'`);
  const dataRequest = one("SELECT id FROM data_request WHERE code = 'YC-KIEMTHU1'");
  const [adminUnit, counter] = sql("SELECT o.code, c.code FROM counter c JOIN org_unit o ON o.id = c.unit_id ORDER BY c.id LIMIT 1")[0];
  // the stop link of the message the filed case sent its sender (notify.c writes it in the body)
  const stopBody = (sql(`SELECT body FROM notification WHERE recipient = 'kiem@example.vn' ORDER BY id LIMIT 1`)[0] || [''])[0];
  const stopToken = (stopBody.match(/\/ngung-nhan-tin\/([0-9a-f]{48})/) || [null, '0'.repeat(48)])[1];
  // an answered, named case as Open311 shows it (any opaque id when none is)
  const openId = (sql("SELECT open_id FROM feedback WHERE open_id IS NOT NULL AND identity = 'named' AND answered_at IS NOT NULL ORDER BY id LIMIT 1")[0] || ['x'])[0];
  const samples = [
    [/^\/q\/\*/, counterToken], [/^\/don-vi\/\*/, officerUnit], [/^\/ho-so\/\*/, dossierToken],
    [/^\/thu-tuc\/\*/, one('SELECT national_code FROM procedure_tthc ORDER BY id LIMIT 1')],
    [/^\/phan-anh\/\*/, filed.pub], [/^\/kiosk\/\*/, kiosk],
    [/^\/can-bo\/phan-anh\/\*/, filed.code], [/^\/can-bo\/yeu-cau-du-lieu\/\*/, dataRequest], [/^\/can-bo\/tep\/\*/, stored],
    [/^\/can-bo\/ho-so\/\*\/xin-loi\/\*/, dossier, apology], [/^\/can-bo\/ho-so\/\*\/phieu\/\*/, paperDossier, paperEvent],
    [/^\/can-bo\/ho-so\/\*/, dossier],
    [/^\/quan-tri\/don-vi\/\*\/quay\/\*/, adminUnit, counter], [/^\/quan-tri\/don-vi\/\*/, adminUnit],
    [/^\/quan-tri\/can-bo\/\*/, 'canbo05'], [/^\/quan-tri\/loai-phan-anh\/\*/, 'suggestion'],
    [/^\/quan-tri\/khoa-api\/\*/, spareKey],
    [/^\/open311\/v2\/services\/\*/, 'petition.json'], [/^\/open311\/v2\/requests\/\*/, openId + '.json'],
    [/^\/open311\/v2\/\*/, 'requests.json'], [/^\/du-lieu-mo\/\*/, 'thong-ke.json'],
    [/^\/ngung-nhan-tin\/\*/, stopToken],
  ];
  const fill = (pattern, mark = '') => {
    if (!pattern.includes('*')) return pattern;
    const s = samples.find(([re]) => re.test(pattern));
    if (!s) throw new Error(`no sample object for the route ${pattern}`);
    let i = 1;
    return pattern.replace(/\*/g, () => encodeURIComponent(s[i++]) + mark);
  };
  // query strings the GET routes read, beyond their own forms
  const queries = {
    '/ho-so/': `ma=${dossier}&so=${phone4}`, '/phan-anh/': `ma=${filed.pub}`, '/phan-anh/moi': 'dv=' + officerUnit,
    '/lanh-dao/': 'tu=2026-03-01&den=2026-03-31',
    '/lanh-dao/nhat-ky': 'tu=2026-03-01&den=2026-03-31', '/thu-tuc/': 'q=ho+tich', '/can-bo/ho-so/': 'q=' + dossier,
  };

  // ---- a signed-in client per staff identity; the public one with its CSRF cookie
  const clients = { public: new Client(), api: new Client() };
  for (const [role, user] of Object.entries(ACCOUNTS)) {
    clients[role] = new Client();
    await clients[role].login(user);
  }
  await clients.public.get('/');

  const targets = [];
  const pageForms = { public: [], officer: [], leader: [], admin: [], api: [] };
  const routes = Object.keys(PROGRAMS).flatMap(p => routeTable(p).map(r =>
    ({ ...r, prog: p, role: ANONYMOUS.includes(r.pattern) ? 'public' : PROGRAMS[p] })));
  const links = new Set();
  // GET pages first: their forms give the POSTs' fields
  for (const r of routes.filter(x => x.method === 'GET')) {
    const p = fill(r.pattern);
    const c = clients[r.role];
    // a link met on an earlier page with a query string for this path
    const link = [...links].find(l => l.startsWith(p + '?'));
    const q0 = queries[r.pattern] || (link ? link.slice(p.length + 1) : '');
    const page = await c.get(p + (q0 ? '?' + q0 : ''));
    const fs_ = forms(page.text, p);
    pageForms[r.role].push(...fs_);
    for (const m of page.text.matchAll(/href="(\/[^"#]*)"/g)) links.add(decode(m[1]));
    const own = fs_.find(f => f.method === 'GET' && f.action === p && Object.keys(f.fields).length);
    const q = q0 || (own ? new URLSearchParams(own.fields).toString() : '');
    targets.push({ ...r, url: p + (q ? '?' + q : ''), markedUrl: fill(r.pattern, '*') + (q ? '?' + q : ''), status: page.status });
  }
  for (const r of routes.filter(x => x.method === 'POST')) {
    const p = fill(r.pattern);
    const t = { ...r, url: p, markedUrl: fill(r.pattern, '*') };
    if (r.prog === 'api' && r.pattern.startsWith('/open311/')) {
      // an Open311 POST: a citizen's report as a form, with the API key (GeoReport v2)
      t.fields = { api_key: apiKey, service_code: 'suggestion', address_id: '000.21.01.H41',
        description: 'Góp ý kiểm thử bảo mật', email: 'open311@example.vn' };
      t.form = false;
      t.multipart = false;
    } else if (r.prog === 'api') {
      t.json = { dossiers: [{ code: 'AUDIT-0001', unit_code: '000.21.01.H41', procedure_code: '9.000002', status: 'processing',
        applicant: { name: 'Hà Văn Nhập', phone: '0909000111' }, received_at: '2026-03-02T08:15:00+07:00', due_at: '2026-03-03T17:00:00+07:00',
        steps: [{ seq: 1, from_unit: '000.21.01.H41', to_unit: '000.21.00.H41', handed_at: '2026-03-02T09:00:00+07:00', due_at: '2026-03-03T16:00:00+07:00' }] }] };
      t.headers = { Authorization: 'Bearer ' + apiKey };
    } else {
      const f = pageForms[r.role].find(x => x.method === 'POST' && x.action === p);
      const csrf = (pageForms[r.role].find(x => x.fields.csrf) || { fields: {} }).fields.csrf;
      t.form = !!f;
      t.fields = f ? { ...f.fields } : { csrf, ...Object.fromEntries(r.fieldsRead.map(k => [k, '1'])) };
      t.multipart = f ? f.multipart : false;
      // the handler turns away a filled honeypot before anything else: not an injection point
      t.honeypot = f && f.honeypot;
      // a password change with a wrong current password: the scan must not lock itself out
      if (r.pattern === '/can-bo/doi-mat-khau') t.fields.old = 'khong-dung-mat-khau';
    }
    targets.push(t);
  }
  const cookies = Object.fromEntries(Object.entries(clients).map(([k, c]) => [k, c.cookieHeader()]));
  targets.forEach((t, i) => {
    t.id = String(i + 1).padStart(3, '0');
    t.req = path.join(OUT, 'req', t.id + '.txt');
    fs.writeFileSync(t.req, requestFile(t, t.role === 'api' ? '' : cookies[t.role], t.headers));
    t.reqMarked = path.join(OUT, 'req', t.id + '-marked.txt');
    fs.writeFileSync(t.reqMarked, requestFile(t, t.role === 'api' ? '' : cookies[t.role], t.headers, true));
  });
  fs.writeFileSync(path.join(OUT, 'targets.json'), JSON.stringify({ base: BASE, cookies, accounts: ACCOUNTS, targets }, null, 1));
  for (const t of targets) {
    const note = t.method === 'POST' && t.prog !== 'api' && !t.form ? `  (no form on its pages in this state: fields its handler reads: ${Object.keys(t.fields).join(' ')})` : '';
    console.log(`${t.id} ${t.role.padEnd(7)} ${t.method.padEnd(4)} ${t.pattern}${t.status && t.status >= 400 ? '  (answered ' + t.status + ')' : ''}${note}`);
  }
}

main().catch(e => { console.error(e.stack || String(e)); process.exit(1); });
