// Foundation: pages from the database, languages, errors, headers, CSRF, sign-in.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, text, setCookies, VAR, DB_SOCKET } = require('../lib/client');
const fs = require('fs');
const { execFileSync } = require('child_process');

test('home page lists the units and counters from the database, in Vietnamese', async () => {
  const c = new Client();
  const r = await c.get('/');
  assert.strictEqual(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/html; charset=utf-8/);
  assert.match(r.text, /<html lang="vi">/);
  assert.match(r.text, /Trung tâm Phục vụ hành chính công tỉnh Ninh Bình/);
  assert.match(r.text, /Quầy 02 – Đất đai, môi trường/);
  // a counter added to the database shows up on the next request
  sql("INSERT INTO counter (unit_id, code, name) VALUES (9, 'Q09', 'Quầy 09 – Thử nghiệm <b>')");
  const r2 = await c.get('/');
  assert.match(r2.text, /Quầy 09 – Thử nghiệm &lt;b&gt;/, 'new counter shown, HTML-escaped');
  sql("DELETE FROM counter WHERE code = 'Q09'");
  const r3 = await c.get('/');
  assert.ok(!r3.text.includes('Quầy 09'));
});

test('language: ?lang=en switches to English and sticks through a cookie', async () => {
  const c = new Client();
  const r = await c.get('/?lang=en');
  assert.match(r.text, /<html lang="en">/);
  assert.match(r.text, /<h1>One-stop counters<\/h1>/);
  assert.strictEqual(c.jar.get('lang'), 'en');
  const again = await c.get('/');
  assert.match(again.text, /<h1>One-stop counters<\/h1>/);
  const back = await c.get('/?lang=vi');
  assert.match(back.text, /<h1>Bộ phận Một cửa<\/h1>/);
});

test('language: the link keeps the whole address (a search, a counter\'s token), only the language changes', async () => {
  const c = new Client();
  const link = page => page.text.match(/<a href="([^"]*)" lang="(?:en|vi)" hreflang/)[1].replace(/&amp;/g, '&');
  const search = await c.get('/thu-tuc/?q=khai+sinh&trang=2');
  assert.strictEqual(link(search), '/thu-tuc/?q=khai+sinh&trang=2&lang=en');
  // an earlier choice in the address is replaced, not repeated
  const en = await c.get('/thu-tuc/?lang=en&q=s%E1%BB%95+%C4%91%E1%BB%8F');
  assert.strictEqual(link(en), '/thu-tuc/?q=s%E1%BB%95+%C4%91%E1%BB%8F&lang=vi');
  const home = await new Client().get('/');
  assert.strictEqual(link(home), '/?lang=en');
  // what is typed in the address is escaped in the attribute
  const odd = await new Client().get('/thu-tuc/?q=%22%3E%3Cb%3E"x');
  assert.ok(!/href="[^"]*"x/.test(odd.text) && !odd.text.includes('"x&amp;lang'), 'a quote in the query stays inside the attribute');
});

test('language: Vietnamese whatever the phone is set to; English only when chosen', async () => {
  // a phone set to English, or preferring English, still gets Vietnamese pages
  for (const al of ['en-US,en;q=0.9,vi;q=0.5', 'en', 'fr-FR,fr;q=0.9', 'en;q=0.4,vi;q=0.8']) {
    const r = await new Client().get('/', { headers: { 'accept-language': al } });
    assert.match(r.text, /<html lang="vi">/, al);
  }
  // the choice made with ?lang=en wins over the header and is remembered
  const c = new Client();
  const en = await c.get('/?lang=en', { headers: { 'accept-language': 'vi-VN' } });
  assert.match(en.text, /<html lang="en">/);
  const later = await c.get('/thu-tuc', { headers: { 'accept-language': 'vi-VN' } });
  assert.match(later.text, /<html lang="en">/);
});

test('unknown page: 404 in Vietnamese in the site layout', async () => {
  const r = await new Client().get('/khong-ton-tai');
  assert.strictEqual(r.status, 404);
  assert.match(r.text, /<h1>Không tìm thấy trang<\/h1>/);
  assert.match(r.text, /href="\/static\/motcua.css"/);
});

test('hostile query strings get a 400 page, not a crash', async () => {
  const c = new Client();
  for (const q of ['a=%ZZ', 'a=%', 'a=%C0%AF', 'a=%00', 'a=1&a=2', 'k%3Cey=1', 'a=%ED%A0%80']) {
    const r = await c.get('/?' + q);
    assert.strictEqual(r.status, 400, q);
    assert.match(r.text, /Yêu cầu không hợp lệ/, q);
  }
  const ok = await c.get('/?a=%C4%90%C4%83ng+k%C3%BD');
  assert.strictEqual(ok.status, 200);
});

test('a body over the limit gets 413 in Vietnamese; a wrong content type 415', async () => {
  const c = new Client();
  const csrf = await c.csrf('/can-bo/dang-nhap');
  const big = await c.post('/can-bo/dang-nhap', { csrf, username: 'x'.repeat(70000), password: 'y' });
  assert.strictEqual(big.status, 413);
  assert.match(big.text, /Dữ liệu quá lớn/);
  const plain = await c.req('POST', '/can-bo/dang-nhap', { body: 'hello', type: 'text/plain' });
  assert.strictEqual(plain.status, 415);
  const put = await c.req('PUT', '/');
  assert.strictEqual(put.status, 405);
});

test('every page carries the security headers', async () => {
  for (const p of ['/', '/can-bo/dang-nhap', '/khong-ton-tai']) {
    const r = await new Client().get(p);
    const h = r.headers;
    assert.match(h.get('content-security-policy'), /default-src 'self'/, p);
    assert.match(h.get('content-security-policy'), /frame-ancestors 'none'/, p);
    assert.strictEqual(h.get('x-content-type-options'), 'nosniff', p);
    assert.strictEqual(h.get('x-frame-options'), 'DENY', p);
    assert.strictEqual(h.get('referrer-policy'), 'same-origin', p);
  }
});

test('static files are served by nginx', async () => {
  const r = await new Client().get('/static/motcua.css');
  assert.strictEqual(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/css/);
});

test('a POST without or with a wrong CSRF token, or from another origin, is refused', async () => {
  const c = new Client();
  const csrf = await c.csrf('/can-bo/dang-nhap');
  const none = await c.post('/can-bo/dang-nhap', { username: 'canbo01', password: 'motcua-demo' });
  assert.strictEqual(none.status, 403);
  assert.match(none.text, /Biểu mẫu đã hết hạn/);
  const wrong = await c.post('/can-bo/dang-nhap', { csrf: 'a'.repeat(64), username: 'canbo01', password: 'motcua-demo' });
  assert.strictEqual(wrong.status, 403);
  const other = new Client(); // a token from another browser's cookie does not fit ours
  const theirs = await other.csrf('/can-bo/dang-nhap');
  const stolen = await c.post('/can-bo/dang-nhap', { csrf: theirs, username: 'canbo01', password: 'motcua-demo' });
  assert.strictEqual(stolen.status, 403);
  const cross = await c.post('/can-bo/dang-nhap', { csrf, username: 'canbo01', password: 'motcua-demo' },
    { headers: { origin: 'https://evil.example' } });
  assert.strictEqual(cross.status, 403);
  // the same host on another port is another site
  const u = new URL(process.env.MOTCUA_BASE);
  const port = String(Number(u.port || 80) === 1 ? 2 : 1);
  const otherPort = await c.post('/can-bo/dang-nhap',
                                 { csrf, username : 'canbo01', password : 'motcua-demo' },
                                 { headers : { origin : `${u.protocol}//${u.hostname}:${port}` } });
  assert.strictEqual(otherPort.status, 403, 'another port of the same host is refused');
  assert.ok(!c.jar.has('mc_s'), 'no session was created');
});

test('sign-in with the CSRF token: session cookie HttpOnly + SameSite, stored hashed, audited', async () => {
  const c = new Client();
  const csrf = await c.csrf('/can-bo/dang-nhap');
  const r = await c.post('/can-bo/dang-nhap', { csrf, username: 'canbo02', password: 'motcua-demo' },
    { headers: { origin: process.env.MOTCUA_BASE } });
  assert.strictEqual(r.status, 303, 'a same-origin POST with the token is accepted');
  assert.strictEqual(r.headers.get('location'), '/can-bo/');
  const setCookie = setCookies(r.headers).find(s => s.startsWith('mc_s='));
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  const token = c.jar.get('mc_s');
  assert.match(token, /^[0-9a-f]{64}$/);
  const rows = sql("SELECT s.id_hash FROM session s JOIN users u ON u.id = s.user_id WHERE u.username = 'canbo02'");
  assert.ok(rows.length >= 1);
  assert.ok(rows.every(([h]) => h !== token), 'the token itself is not stored');
  const home = await c.get('/can-bo/');
  assert.match(home.text, /<span class="who">Trần Văn Đức<\/span>/);
  assert.match(home.text, /<h1>Hộp phản ánh<\/h1>/);
  const audit = sql("SELECT action FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE u.username = 'canbo02' ORDER BY a.id DESC LIMIT 1");
  assert.deepStrictEqual(audit, [['login']]);
  // sign out: cookie cleared, session row gone
  const csrf2 = await c.csrf('/can-bo/');
  const out = await c.post('/can-bo/dang-xuat', { csrf: csrf2 });
  assert.strictEqual(out.status, 303);
  assert.ok(!c.jar.has('mc_s'));
  const after = await c.get('/can-bo/');
  assert.strictEqual(after.status, 303);
  assert.match(after.headers.get('location'), /^\/can-bo\/dang-nhap\?next=/);
});

test('passwords are argon2id hashes', () => {
  const rows = sql("SELECT password_hash FROM users WHERE username = 'canbo01'");
  assert.match(rows[0][0], /^\$argon2id\$v=19\$/);
});

test('wrong password: 401 in Vietnamese, the username is kept; throttled after 5 failures', async () => {
  const c = new Client();
  sql("DELETE FROM rate_limit WHERE bucket = 'login-pair'");
  for (let i = 0; i < 5; i++) {
    const csrf = await c.csrf('/can-bo/dang-nhap');
    const r = await c.post('/can-bo/dang-nhap', { csrf, username: 'canbo03', password: 'sai-mat-khau' });
    assert.strictEqual(r.status, 401);
    assert.match(r.text, /Tên đăng nhập hoặc mật khẩu không đúng/);
    assert.match(r.text, /value="canbo03"/);
  }
  const csrf = await c.csrf('/can-bo/dang-nhap');
  const r = await c.post('/can-bo/dang-nhap', { csrf, username: 'canbo03', password: 'motcua-demo' });
  assert.strictEqual(r.status, 429, 'even the right password waits out the delay');
  assert.match(r.text, /sai quá nhiều lần/);
  sql("DELETE FROM rate_limit WHERE bucket = 'login-pair'");
  await c.login('canbo03');
});

test('roles: an officer cannot open the leader or admin pages; a leader can open the leader page', async () => {
  const o = new Client();
  await o.login('canbo01');
  assert.strictEqual((await o.get('/lanh-dao/')).status, 403);
  assert.strictEqual((await o.get('/quan-tri/')).status, 403);
  const l = new Client();
  await l.login('lanhdao01');
  assert.strictEqual((await l.get('/lanh-dao/')).status, 200);
  assert.strictEqual((await l.get('/quan-tri/')).status, 403);
  const a = new Client();
  await a.login('quantri');
  assert.strictEqual((await a.get('/quan-tri/')).status, 200);
});

test('sign-in only follows local "next" targets', async () => {
  const c = new Client();
  const csrf = await c.csrf('/can-bo/dang-nhap');
  const r = await c.post('/can-bo/dang-nhap', { csrf, username: 'canbo04', password: 'motcua-demo', next: '//evil.example/x' });
  assert.strictEqual(r.headers.get('location'), '/can-bo/');
  const c2 = new Client();
  const csrf2 = await c2.csrf('/can-bo/dang-nhap');
  const r2 = await c2.post('/can-bo/dang-nhap', { csrf: csrf2, username: 'canbo04', password: 'motcua-demo', next: '/lanh-dao/' });
  assert.strictEqual(r2.headers.get('location'), '/lanh-dao/');
});

test('least privilege: the citizen account cannot read users or sessions, nor write units', () => {
  const conf = fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8');
  const pw = conf.match(/^DB\.Accounts\.citizen\.Password = (\S+)$/m)[1];
  const as = (q) => execFileSync('mariadb', ['--no-defaults', `--socket=${DB_SOCKET}`,
    '-umotcua_citizen', `-p${pw}`, '-N', '-B', 'motcua', '-e', q], { encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  assert.match(as('SELECT COUNT(*) FROM org_unit'), /^\d+/);
  for (const q of ['SELECT * FROM users', 'SELECT * FROM session', "UPDATE org_unit SET name = 'x'",
    'DELETE FROM audit_log', 'SELECT * FROM audit_log']) {
    assert.throws(() => as(q), /denied/, q);
  }
});

test('audit log: verify-audit proves the chain, and names the first row that was changed', () => {
  const ok = motcuactl('verify-audit');
  assert.match(ok, /verify-audit: OK, \d+ rows, chain intact/);
  const [[id, detail]] = sql('SELECT id, detail FROM audit_log ORDER BY id LIMIT 1 OFFSET 2');
  sql(`UPDATE audit_log SET detail = 'sửa trộm' WHERE id = ${id}`);
  let out = '';
  try { motcuactl('verify-audit'); } catch (e) { out = e.stdout; }
  assert.match(out, new RegExp(`BROKEN at row ${id}: its content was changed`));
  sql(`UPDATE audit_log SET detail = '${detail.replace(/'/g, "''")}' WHERE id = ${id}`);
  assert.match(motcuactl('verify-audit'), /chain intact/);
});

test('the calendar is imported from the CSV with its sources', () => {
  const rows = sql("SELECT is_working, kind, name_vi FROM calendar_day WHERE day IN ('2026-02-17', '2026-08-22', '2026-11-24') ORDER BY day");
  assert.deepStrictEqual(rows.map(r => r[1]), ['tet', 'makeup_workday', 'holiday']);
  assert.strictEqual(rows[1][0], '1');
  const n = Number(sql('SELECT COUNT(*) FROM calendar_day')[0][0]);
  const csv = fs.readFileSync(`${process.env.MOTCUA_ROOT}/sql/data/vn-calendar-2025-2027.csv`, 'utf8').trim().split('\n').length - 1;
  assert.strictEqual(n, csv);
});
