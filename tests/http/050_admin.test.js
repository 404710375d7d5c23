// Administration under /quan-tri/: only the admin role; the unit tree and its
// materialised paths; counters and their QR links; staff accounts; feedback
// deadlines; apology rules; the working-day calendar; revoking QR links; API
// keys; and an audit row for every change.  Names carry a per-run suffix, so the
// file also runs against a database that earlier runs or other files touched.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, text, resetLimits, qrCacheWait, adminPost } = require('../lib/client');

const RUN = Date.now().toString(36).slice(-6).toUpperCase();
const users = {};
async function as(name) {
  if (!users[name]) { resetLimits(); users[name] = new Client(); await users[name].login(name); }
  return users[name];
}

// POST a form as the administrator (the CSRF token of a staff session is per session).
const admin = adminPost;

const one = q => { const rows = sql(q); return rows.length ? rows[0][0] : undefined; };
const unitPath = code => one(`SELECT path FROM org_unit WHERE code = '${code}'`);
const unitId = code => one(`SELECT id FROM org_unit WHERE code = '${code}'`);
const qrUrlPath = id => new URL(motcuactl('qr-url', String(id)).trim()).pathname;

// The full edit form of a unit, as the page would post it, with changes.
function unitForm(code, changes = {}) {
  const [[name, level, from, parent]] = sql(`SELECT u.name, u.level, DATE_FORMAT(u.valid_from, '%Y-%m-%d'), COALESCE(p.code, '')
    FROM org_unit u LEFT JOIN org_unit p ON p.id = u.parent_id WHERE u.code = '${code}'`);
  return { name, level, valid_from: from, parent, ...changes };
}

// BLAKE2b-256 (RFC 7693), unkeyed: how the server stores API keys (libsodium crypto_generichash).
function blake2b256(data) {
  const M = (1n << 64n) - 1n;
  const IV = [0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
    0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n];
  const SIGMA = ['0123456789abcdef', 'ea489fd61c02b753', 'b8c052fdae367194', '7931dcbe265a40f8', '905724afe1bc683d',
    '2c6a0b834d75fe19', 'c51fed4a0763928b', 'db7ec13950f4862a', '6fe9b308c2d714a5', 'a2847615fb9e3cd0'];
  const rotr = (x, n) => ((x >> n) | (x << (64n - n))) & M;
  const h = IV.slice();
  h[0] ^= 0x01010020n;                       // no key, 32-byte digest
  const buf = Buffer.from(data);
  const nblocks = Math.max(1, Math.ceil(buf.length / 128));
  for (let b = 0; b < nblocks; b++) {
    const blk = Buffer.alloc(128);
    buf.copy(blk, 0, b * 128, b * 128 + 128);
    const m = [];
    for (let i = 0; i < 16; i++) m.push(blk.readBigUInt64LE(i * 8));
    const last = b === nblocks - 1;
    const v = h.concat(IV);
    v[12] ^= BigInt(last ? buf.length : (b + 1) * 128);
    if (last) v[14] ^= M;
    const G = (a, bb, c, d, x, y) => {
      v[a] = (v[a] + v[bb] + x) & M; v[d] = rotr(v[d] ^ v[a], 32n); v[c] = (v[c] + v[d]) & M; v[bb] = rotr(v[bb] ^ v[c], 24n);
      v[a] = (v[a] + v[bb] + y) & M; v[d] = rotr(v[d] ^ v[a], 16n); v[c] = (v[c] + v[d]) & M; v[bb] = rotr(v[bb] ^ v[c], 63n);
    };
    for (let r = 0; r < 12; r++) {
      const s = [...SIGMA[r % 10]].map(ch => parseInt(ch, 16));
      G(0, 4, 8, 12, m[s[0]], m[s[1]]); G(1, 5, 9, 13, m[s[2]], m[s[3]]);
      G(2, 6, 10, 14, m[s[4]], m[s[5]]); G(3, 7, 11, 15, m[s[6]], m[s[7]]);
      G(0, 5, 10, 15, m[s[8]], m[s[9]]); G(1, 6, 11, 12, m[s[10]], m[s[11]]);
      G(2, 7, 8, 13, m[s[12]], m[s[13]]); G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) h[i] ^= v[i] ^ v[i + 8];
  }
  const out = Buffer.alloc(64);
  h.forEach((x, i) => out.writeBigUInt64LE(x, i * 8));
  return out.subarray(0, 32).toString('hex');
}

const CENTRE = '000.00.01.H41';            // Trung tâm Phục vụ hành chính công tỉnh
const U = { A: `T${RUN}.A`, B: `T${RUN}.B`, C: `T${RUN}.C`, D: `T${RUN}.D` };
const USER = `tk${RUN.toLowerCase()}`;
const PW = 'mat-khau-ban-dau-2026';
let auditStart;

test('admin: officers, leaders and strangers are kept out of every page', async () => {
  auditStart = Number(one('SELECT COALESCE(MAX(id), 0) FROM audit_log'));
  assert.strictEqual(blake2b256('abc'), 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319', 'BLAKE2b self-test');
  const pages = ['/quan-tri/', '/quan-tri/don-vi', '/quan-tri/don-vi/moi', `/quan-tri/don-vi/${CENTRE}`, '/quan-tri/can-bo',
    '/quan-tri/can-bo/moi', '/quan-tri/can-bo/canbo01', '/quan-tri/loai-phan-anh', '/quan-tri/xin-loi', '/quan-tri/lich',
    `/quan-tri/ma-qr?don-vi=${CENTRE}`, '/quan-tri/khoa-api'];
  const posts = ['/quan-tri/don-vi/moi', `/quan-tri/don-vi/${CENTRE}/quay`, '/quan-tri/can-bo/canbo02/khoa',
    '/quan-tri/loai-phan-anh/petition', '/quan-tri/lich', '/quan-tri/ma-qr/thu-hoi', '/quan-tri/khoa-api'];
  for (const who of ['canbo01', 'lanhdao01', 'lanhdao02']) {
    const c = await as(who);
    for (const p of pages) assert.strictEqual((await c.get(p)).status, 403, `${who} GET ${p}`);
    const csrf = await c.csrf('/can-bo/doi-mat-khau');
    for (const p of posts) assert.strictEqual((await c.post(p, { csrf, id: '1', answer_days: '1', forward_days: '1' })).status, 403, `${who} POST ${p}`);
  }
  const anon = new Client();
  const r = await anon.get('/quan-tri/don-vi');
  assert.strictEqual(r.status, 303);
  assert.match(r.headers.get('location'), /^\/can-bo\/dang-nhap\?next=%2Fquan-tri%2Fdon-vi/);
  assert.strictEqual(sql("SELECT COUNT(*) FROM users WHERE username = 'canbo02' AND disabled = 0")[0][0], '1');
  const home = await (await as('quantri')).get('/quan-tri/');
  assert.strictEqual(home.status, 200);
  for (const href of ['/quan-tri/don-vi', '/quan-tri/can-bo', '/quan-tri/lich', '/quan-tri/ma-qr', '/quan-tri/khoa-api', '/quan-tri/loai-phan-anh', '/quan-tri/xin-loi']) {
    assert.ok(home.text.includes(`href="${href}"`), href);
  }
});

test('units: created under the provincial centre, the path is the parent\'s path plus the new id', async () => {
  const bad = await admin('/quan-tri/don-vi/moi', { parent: CENTRE, code: U.A, name: '', level: 'branch', valid_from: '2026-01-01' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Vui lòng nhập tên/);
  assert.ok(bad.text.includes(`value="${U.A}"`), 'what was typed is shown again');
  const badCode = await admin('/quan-tri/don-vi/moi', { parent: CENTRE, code: 'có dấu', name: 'X', level: 'branch', valid_from: '2026-01-01' });
  assert.strictEqual(badCode.status, 422);
  assert.match(badCode.text, /Mã định danh chỉ gồm chữ không dấu/);
  const r = await admin('/quan-tri/don-vi/moi', { parent: CENTRE, code: U.A, name: `Điểm tiếp nhận ${RUN} Nho Quan`, short_name: 'ĐTN Nho Quan',
    level: 'branch', address: 'Thị trấn Nho Quan', hotline: '0229 3866 000', email: 'nhoquan@example.vn', opening_hours: '7:30–17:00', valid_from: '2026-01-01' });
  assert.strictEqual(r.status, 303, r.text.slice(0, 500));
  assert.strictEqual(r.headers.get('location'), `/quan-tri/don-vi/${U.A}`);
  assert.strictEqual(unitPath(U.A), `${unitPath(CENTRE)}${unitId(U.A)}/`);
  assert.strictEqual((await admin('/quan-tri/don-vi/moi', { parent: U.A, code: U.B, name: `Tổ ${RUN} B`, level: 'branch', valid_from: '2026-01-01' })).status, 303);
  assert.strictEqual((await admin('/quan-tri/don-vi/moi', { parent: U.B, code: U.C, name: `Tổ ${RUN} C`, level: 'branch', valid_from: '2026-01-01' })).status, 303);
  assert.strictEqual(unitPath(U.C), `${unitPath(CENTRE)}${unitId(U.A)}/${unitId(U.B)}/${unitId(U.C)}/`);
  const dup = await admin('/quan-tri/don-vi/moi', { parent: CENTRE, code: U.A, name: 'Trùng mã', level: 'branch', valid_from: '2026-01-01' });
  assert.strictEqual(dup.status, 409);
  assert.match(dup.text, /đã được dùng cho một đơn vị khác/);
  const tree = await (await as('quantri')).get('/quan-tri/don-vi');
  const i = tree.text.indexOf(`/quan-tri/don-vi/${U.A}"`), j = tree.text.indexOf(`/quan-tri/don-vi/${U.B}"`);
  assert.ok(i > 0 && j > i, 'B listed after A');
  assert.match(tree.text.slice(i, j), /<ul>\s*<li>/, 'B is nested under A');
  assert.strictEqual((await (await as('quantri')).get('/quan-tri/don-vi/KHONG-CO')).status, 404);
});

test('units: a move carries the whole subtree; never under its own child', async () => {
  const under = await admin(`/quan-tri/don-vi/${U.A}`, unitForm(U.A, { parent: U.C }));
  assert.strictEqual(under.status, 422);
  assert.match(under.text, /Không thể chuyển đơn vị vào chính nó hoặc vào một đơn vị trực thuộc/);
  const self = await admin(`/quan-tri/don-vi/${U.A}`, unitForm(U.A, { parent: U.A }));
  assert.strictEqual(self.status, 422);
  assert.strictEqual(unitPath(U.A), `${unitPath(CENTRE)}${unitId(U.A)}/`, 'nothing moved');
  assert.strictEqual((await admin('/quan-tri/don-vi/moi', { parent: '000.21.01.H41', code: U.D, name: `Tổ ${RUN} D`, level: 'branch', valid_from: '2026-01-01' })).status, 303);
  const moved = await admin(`/quan-tri/don-vi/${U.B}`, unitForm(U.B, { parent: U.D, name: `Tổ ${RUN} B (đã chuyển)` }));
  assert.strictEqual(moved.status, 303, moved.text.slice(0, 500));
  const d = unitPath(U.D);
  assert.strictEqual(unitPath(U.B), `${d}${unitId(U.B)}/`);
  assert.strictEqual(unitPath(U.C), `${d}${unitId(U.B)}/${unitId(U.C)}/`, 'the child moved with it');
  assert.strictEqual(one(`SELECT parent_id FROM org_unit WHERE code = '${U.B}'`), unitId(U.D));
  assert.strictEqual(one(`SELECT name FROM org_unit WHERE code = '${U.B}'`), `Tổ ${RUN} B (đã chuyển)`);
  assert.strictEqual(unitPath(U.A), `${unitPath(CENTRE)}${unitId(U.A)}/`, 'the old parent stays');
  // every path is still its parent's path plus its own id
  assert.strictEqual(one(`SELECT COUNT(*) FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.path <> CONCAT(p.path, u.id, '/')`), '0');
  assert.strictEqual(one(`SELECT action FROM audit_log WHERE object_type = 'org_unit' AND object_id = ${unitId(U.B)} ORDER BY id DESC LIMIT 1`), 'unit.move');
});

test('units: closed with a date, never deleted, and reopened', async () => {
  const early = await admin(`/quan-tri/don-vi/${U.C}/dong`, { valid_to: '2025-12-31' });
  assert.strictEqual(early.status, 422);
  assert.match(early.text, /không được trước ngày bắt đầu hoạt động/);
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.C}/dong`, { valid_to: '2026-06-30' })).status, 303);
  assert.strictEqual(one(`SELECT DATE_FORMAT(valid_to, '%Y-%m-%d') FROM org_unit WHERE code = '${U.C}'`), '2026-06-30');
  const tree = await (await as('quantri')).get('/quan-tri/don-vi');
  assert.match(text(tree.text), new RegExp(`Tổ ${RUN} C .*Đã đóng từ ngày 2026-06-30`));
  const form = await (await as('quantri')).get('/quan-tri/don-vi/moi');
  assert.ok(!form.text.includes(`value="${U.C}"`), 'a closed unit is no parent choice');
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.C}/mo-lai`)).status, 303);
  assert.strictEqual(one(`SELECT valid_to IS NULL FROM org_unit WHERE code = '${U.C}'`), '1');
});

const counter = {};

test('counters: a new counter has its QR link at once; poster, unit posters, rename, deactivate', async () => {
  const missing = await admin(`/quan-tri/don-vi/${U.A}/quay`, { counter_code: 'Q01', counter_name: '' });
  assert.strictEqual(missing.status, 422);
  assert.ok(missing.text.includes('value="Q01"'));
  const r = await admin(`/quan-tri/don-vi/${U.A}/quay`, { counter_code: 'Q01', counter_name: 'Quầy 01 – Tiếp nhận' });
  assert.strictEqual(r.status, 303);
  counter.id = one(`SELECT c.id FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '${U.A}' AND c.code = 'Q01'`);
  const links = sql(`SELECT id, unit_id, revoked_at IS NULL, LENGTH(nonce) FROM qr_link WHERE kind = 'counter' AND counter_id = ${counter.id}`);
  assert.strictEqual(links.length, 1);
  assert.deepStrictEqual(links[0].slice(1), [unitId(U.A), '1', '13']);
  counter.link = links[0][0];
  counter.path = qrUrlPath(counter.link);
  const citizen = new Client();
  const landing = await citizen.get(counter.path);
  assert.strictEqual(landing.status, 200);
  assert.match(landing.text, /Quầy 01 – Tiếp nhận/);
  assert.strictEqual((await citizen.get(counter.path + '/ap-phich')).status, 200);
  assert.strictEqual((await citizen.get(`/don-vi/${U.A}/ap-phich`)).status, 200);
  const page = await (await as('quantri')).get(`/quan-tri/don-vi/${U.A}`);
  assert.ok(page.text.includes(`href="${counter.path}/ap-phich"`), 'the unit page links the counter\'s poster');
  assert.ok(page.text.includes(`href="/don-vi/${U.A}/ap-phich"`), 'and the unit\'s posters page');
  const dup = await admin(`/quan-tri/don-vi/${U.A}/quay`, { counter_code: 'Q01', counter_name: 'Trùng' });
  assert.strictEqual(dup.status, 409);
  assert.match(dup.text, /Đơn vị đã có quầy mang mã này/);
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.A}/quay/Q01/doi-ten`, { counter: counter.id, rename: 'Quầy 01 – Một cửa' })).status, 303);
  assert.strictEqual(one(`SELECT name FROM counter WHERE id = ${counter.id}`), 'Quầy 01 – Một cửa');
  const emptyName = await admin(`/quan-tri/don-vi/${U.A}/quay/Q01/doi-ten`, { counter: counter.id, rename: ' ' });
  assert.strictEqual(emptyName.status, 422);
  assert.match(emptyName.text, /Vui lòng nhập tên/);
  assert.ok(emptyName.text.includes(`value="Điểm tiếp nhận ${RUN} Nho Quan"`), 'the unit form is still filled');
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.A}/quay/Q09/doi-ten`, { rename: 'Không có' })).status, 404);
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.A}/quay`, { counter_code: 'Q02', counter_name: 'Quầy 02' })).status, 303);
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.A}/quay/Q02/trang-thai`, { active: '0' })).status, 303);
  assert.strictEqual(one(`SELECT c.active FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '${U.A}' AND c.code = 'Q02'`), '0');
  assert.strictEqual((await admin(`/quan-tri/don-vi/${U.A}/quay/Q02/trang-thai`, { active: '1' })).status, 303);
  assert.strictEqual(one(`SELECT c.active FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '${U.A}' AND c.code = 'Q02'`), '1');
});

const signedIn = new Client();

test('users: created with an initial password the new user signs in with; errors keep what was typed', async () => {
  const base = { username: USER, full_name: 'Đỗ Thị Mai', title: 'Chuyên viên', role: 'officer', unit: U.A, counter: counter.id };
  const short = await admin('/quan-tri/can-bo/moi', { ...base, password: 'ngan' });
  assert.strictEqual(short.status, 422);
  assert.match(short.text, /Mật khẩu phải có ít nhất 10 ký tự/);
  assert.ok(short.text.includes(`value="${USER}"`) && short.text.includes('value="Đỗ Thị Mai"'), 'typed values kept');
  assert.ok(!short.text.includes('value="ngan"'), 'never the password');
  const otherCounter = one(`SELECT c.id FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '000.21.01.H41' LIMIT 1`);
  const wrong = await admin('/quan-tri/can-bo/moi', { ...base, counter: otherCounter, password: PW });
  assert.strictEqual(wrong.status, 422);
  assert.match(wrong.text, /Quầy đã chọn không thuộc đơn vị này/);
  const r = await admin('/quan-tri/can-bo/moi', { ...base, password: PW });
  assert.strictEqual(r.status, 303, r.text.slice(0, 400));
  const [[role, unit, ctr, must, hash]] = sql(`SELECT role, unit_id, counter_id, must_change_pw, password_hash FROM users WHERE username = '${USER}'`);
  assert.deepStrictEqual([role, unit, ctr, must], ['officer', unitId(U.A), counter.id, '1']);
  assert.match(hash, /^\$argon2id\$/);
  const dup = await admin('/quan-tri/can-bo/moi', { ...base, password: PW });
  assert.strictEqual(dup.status, 409);
  assert.match(dup.text, /Tên đăng nhập này đã có người dùng/);
  for (const p of [`/quan-tri/can-bo/${USER}`, `/quan-tri/can-bo?don-vi=${U.A}`, '/quan-tri/can-bo']) {
    const page = await (await as('quantri')).get(p);
    assert.strictEqual(page.status, 200);
    assert.ok(page.text.includes(USER), p);
    assert.ok(!page.text.includes('$argon2'), `${p} never shows a password hash`);
  }
  const filtered = await (await as('quantri')).get(`/quan-tri/can-bo?don-vi=${U.A}`);
  assert.ok(!filtered.text.includes('canbo01'), 'the filter keeps other units out');
  resetLimits();
  await signedIn.login(USER, PW);
  // an initial password set by the administrator must be changed first
  const first = await signedIn.get('/can-bo/');
  assert.strictEqual(first.status, 303);
  assert.strictEqual(first.headers.get('location'), '/can-bo/doi-mat-khau');
  const csrf = await signedIn.csrf('/can-bo/doi-mat-khau');
  const changed = await signedIn.post('/can-bo/doi-mat-khau', { csrf, old: PW, new: PW + '-moi', again: PW + '-moi' });
  assert.strictEqual(changed.status, 200);
  assert.strictEqual((await signedIn.get('/can-bo/')).status, 200);
});

test('users: role, unit and password changed; disabling ends the sessions and sign-in fails; enabled again', async () => {
  const id = one(`SELECT id FROM users WHERE username = '${USER}'`);
  const change = await admin(`/quan-tri/can-bo/${USER}`, { full_name: 'Đỗ Thị Mai', title: 'Phó Giám đốc', role: 'leader', unit: U.D, counter: '0' });
  assert.strictEqual(change.status, 303);
  assert.deepStrictEqual(sql(`SELECT role, unit_id, counter_id IS NULL, title FROM users WHERE id = ${id}`), [['leader', unitId(U.D), '1', 'Phó Giám đốc']]);
  const selfRole = await admin('/quan-tri/can-bo/quantri', { full_name: 'Bùi Đức Thắng', role: 'officer', unit: '000.00.00.H41', counter: '0' });
  assert.strictEqual(selfRole.status, 422);
  assert.match(selfRole.text, /không thể tự bỏ vai trò quản trị/);
  const selfOff = await admin('/quan-tri/can-bo/quantri/khoa');
  assert.strictEqual(selfOff.status, 422);
  assert.strictEqual(one("SELECT disabled FROM users WHERE username = 'quantri'"), '0');

  assert.ok(Number(one(`SELECT COUNT(*) FROM session WHERE user_id = ${id}`)) >= 1, 'signed in before');
  assert.strictEqual((await admin(`/quan-tri/can-bo/${USER}/khoa`)).status, 303);
  assert.strictEqual(one(`SELECT disabled FROM users WHERE id = ${id}`), '1');
  assert.strictEqual(one(`SELECT COUNT(*) FROM session WHERE user_id = ${id}`), '0', 'every session is gone');
  assert.strictEqual((await signedIn.get('/can-bo/')).status, 303, 'the open browser is signed out');
  resetLimits();
  const again = new Client();
  const csrf = await again.csrf('/can-bo/dang-nhap');
  const refused = await again.post('/can-bo/dang-nhap', { csrf, username: USER, password: PW });
  assert.strictEqual(refused.status, 401);
  assert.strictEqual((await admin(`/quan-tri/can-bo/${USER}/mo-khoa`)).status, 303);
  const shortReset = await admin(`/quan-tri/can-bo/${USER}/mat-khau`, { password: '123' });
  assert.strictEqual(shortReset.status, 422);
  assert.strictEqual((await admin(`/quan-tri/can-bo/${USER}/mat-khau`, { password: 'mat-khau-moi-cap-2026' })).status, 303);
  assert.strictEqual(one(`SELECT must_change_pw FROM users WHERE id = ${id}`), '1');
  resetLimits();
  await new Client().login(USER, 'mat-khau-moi-cap-2026');
  const acts = sql(`SELECT action FROM audit_log WHERE object_type = 'user' AND object_id = ${id} AND action LIKE 'user.%' ORDER BY id`).map(r => r[0]);
  assert.deepStrictEqual(acts, ['user.create', 'user.password', 'user.update', 'user.disable', 'user.enable', 'user.reset_password']);
});

test('feedback kinds: a deadline is edited; outside 1..60 is refused', async () => {
  const [[ans, fwd]] = sql("SELECT answer_days, forward_days FROM feedback_kind WHERE code = 'suggestion'");
  const bad = await admin('/quan-tri/loai-phan-anh/suggestion', { answer_days: '61', forward_days: fwd });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Thời hạn là số ngày làm việc từ 1 đến 60/);
  assert.ok(bad.text.includes('value="61"'), 'typed value kept');
  assert.strictEqual((await admin('/quan-tri/loai-phan-anh/suggestion', { answer_days: '20', forward_days: '3' })).status, 303);
  assert.deepStrictEqual(sql("SELECT answer_days, forward_days FROM feedback_kind WHERE code = 'suggestion'"), [['20', '3']]);
  assert.match(one("SELECT detail FROM audit_log WHERE action = 'feedback_kind.update' ORDER BY id DESC LIMIT 1"), /suggestion answer_days=20 forward_days=3/);
  assert.strictEqual((await admin('/quan-tri/loai-phan-anh/khong-co', { answer_days: '5', forward_days: '5' })).status, 404);
  assert.strictEqual((await admin('/quan-tri/loai-phan-anh/suggestion', { answer_days: ans, forward_days: fwd })).status, 303);
});

test('apology rules: a row edited and a new legal version added', async () => {
  const near = one("SELECT near_due_days FROM legal_version WHERE legal_version = 'ND61/2018'");
  const base = { legal_version: 'ND61/2018', lead_days: '1', lead_unit: 'working_days', max_reappoint: '1',
                 supplement_within_days: '3', supplement_max_restarts: '1', supplement_rule: 'restart', ontime_base: 'received' };
  const bad = await admin('/quan-tri/xin-loi/sua', { ...base, near_due_days: '99' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /sắp đến hạn.* là số từ 0 đến 30/);
  assert.strictEqual((await admin('/quan-tri/xin-loi/sua', { ...base, near_due_days: '3' })).status, 303);
  assert.strictEqual(one("SELECT near_due_days FROM legal_version WHERE legal_version = 'ND61/2018'"), '3');
  assert.strictEqual((await admin('/quan-tri/xin-loi/sua', { ...base, near_due_days: near })).status, 303);
  const version = `ND118/${RUN}`;
  const add = { legal_version: version, effective_from: '2099-01-01', lead_days: '2', lead_unit: 'calendar_days', max_reappoint: '1', near_due_days: '2',
                supplement_within_days: '5', supplement_max_restarts: '2', supplement_rule: 'pause', ontime_base: 'finished' };
  const badRule = await admin('/quan-tri/xin-loi/moi', { ...add, supplement_rule: 'reset' });
  assert.strictEqual(badRule.status, 422, 'a supplement rule is restart or pause');
  assert.strictEqual((await admin('/quan-tri/xin-loi/moi', add)).status, 303);
  assert.deepStrictEqual(sql(`SELECT DATE_FORMAT(effective_from, '%Y-%m-%d'), lead_days, lead_unit, supplement_within_days, supplement_max_restarts, supplement_rule, ontime_base, papers FROM legal_version WHERE legal_version = '${version}'`),
    [['2099-01-01', '2', 'calendar_days', '5', '2', 'pause', 'finished', 'TT03']], 'a later version keeps the papers in force before it');
  const dup = await admin('/quan-tri/xin-loi/moi', add);
  assert.strictEqual(dup.status, 409);
  assert.match(dup.text, /Đã có quy tắc cho văn bản này/);
  assert.match((await (await as('quantri')).get('/quan-tri/xin-loi')).text, new RegExp(version.replace('/', '\\/')));
});

test('calendar: a make-up Saturday is added; a make-up Wednesday is refused in Vietnamese; edited and deleted', async () => {
  // 2031: far from the imported years, so no other test's deadlines move
  const sat = '2031-03-15', wed = '2031-03-19', sun = '2031-03-16';
  assert.strictEqual(new Date(sat + 'T00:00:00Z').getUTCDay(), 6);
  assert.strictEqual(new Date(wed + 'T00:00:00Z').getUTCDay(), 3);
  sql(`DELETE FROM calendar_day WHERE day IN ('${sat}', '${wed}', '${sun}')`);
  const r = await admin('/quan-tri/lich', { day: sat, is_working: '1', kind: 'makeup_workday', name_vi: 'Làm bù thử nghiệm', name_en: 'Test make-up day', confirmed: '1' });
  assert.strictEqual(r.status, 303, r.text.slice(0, 500));
  assert.strictEqual(r.headers.get('location'), '/quan-tri/lich?nam=2031&xong=1');
  assert.deepStrictEqual(sql(`SELECT is_working, kind, name_vi, confirmed FROM calendar_day WHERE day = '${sat}'`), [['1', 'makeup_workday', 'Làm bù thử nghiệm', '1']]);
  const wrong = await admin('/quan-tri/lich', { day: wed, is_working: '1', kind: 'makeup_workday', name_vi: 'Làm bù thứ Tư' });
  assert.strictEqual(wrong.status, 422);
  assert.match(wrong.text, /Ngày làm bù phải là thứ Bảy hoặc Chủ nhật/);
  assert.ok(wrong.text.includes('value="Làm bù thứ Tư"') && wrong.text.includes(`value="${wed}"`), 'typed values kept');
  const sunday = await admin('/quan-tri/lich', { day: sun, is_working: '0', kind: 'holiday', name_vi: 'Nghỉ Chủ nhật' });
  assert.strictEqual(sunday.status, 422);
  assert.match(sunday.text, /phải rơi vào thứ Hai đến thứ Sáu/);
  const mismatch = await admin('/quan-tri/lich', { day: wed, is_working: '1', kind: 'holiday', name_vi: 'Lễ' });
  assert.strictEqual(mismatch.status, 422);
  assert.match(mismatch.text, /Ngày làm bù là ngày làm việc/);
  const badDate = await admin('/quan-tri/lich', { day: '2031-02-30', is_working: '0', kind: 'holiday', name_vi: 'Không có ngày này' });
  assert.strictEqual(badDate.status, 422);
  assert.match(badDate.text, /Vui lòng nhập ngày theo dạng năm-tháng-ngày/);
  assert.strictEqual(one(`SELECT COUNT(*) FROM calendar_day WHERE day IN ('${wed}', '${sun}')`), '0');
  const list = await (await as('quantri')).get('/quan-tri/lich?nam=2031');
  assert.match(text(list.text), /2031-03-15 Thứ Bảy Làm việc Làm bù/);
  const edit = await (await as('quantri')).get(`/quan-tri/lich?ngay=${sat}`);
  assert.ok(edit.text.includes('value="Làm bù thử nghiệm"'), 'the edit form is filled');
  assert.strictEqual((await admin('/quan-tri/lich', { day: sat, is_working: '1', kind: 'makeup_workday', name_vi: 'Làm bù (đã sửa)' })).status, 303);
  assert.deepStrictEqual(sql(`SELECT name_vi, name_en, confirmed FROM calendar_day WHERE day = '${sat}'`), [['Làm bù (đã sửa)', 'Làm bù (đã sửa)', '0']]);
  assert.strictEqual((await admin('/quan-tri/lich/xoa', { day: sat })).status, 303);
  assert.strictEqual(one(`SELECT COUNT(*) FROM calendar_day WHERE day = '${sat}'`), '0');
  assert.strictEqual((await admin('/quan-tri/lich/xoa', { day: sat })).status, 404);
  const acts = sql(`SELECT action FROM audit_log WHERE action LIKE 'calendar.%' AND detail LIKE '${sat}%' AND id > ${auditStart} ORDER BY id`).map(x => x[0]);
  assert.deepStrictEqual(acts, ['calendar.save', 'calendar.save', 'calendar.delete']);
});

test('QR links: a revoked link answers 410; revoke-and-replace and new links work at once', async () => {
  const list = await (await as('quantri')).get(`/quan-tri/ma-qr?don-vi=${U.A}`);
  assert.strictEqual(list.status, 200);
  assert.ok(list.text.includes(`href="${counter.path}/ap-phich"`));
  assert.strictEqual((await admin('/quan-tri/ma-qr/thu-hoi', { id: counter.link })).status, 303);
  assert.strictEqual(one(`SELECT revoked_at IS NOT NULL FROM qr_link WHERE id = ${counter.link}`), '1');
  await qrCacheWait();   // the citizen workers let go of the link they kept
  const gone = await new Client().get(counter.path);
  assert.strictEqual(gone.status, 410);
  assert.match(gone.text, /Mã QR này đã bị thu hồi/);
  const after = await (await as('quantri')).get(`/quan-tri/ma-qr?don-vi=${U.A}`);
  assert.match(text(after.text), /Thu hồi lúc \d\d\/\d\d\/\d{4}/);
  // a new link for the counter
  assert.strictEqual((await admin('/quan-tri/ma-qr/moi', { unit: U.A, kind: 'counter', counter: counter.id })).status, 303);
  const fresh = one(`SELECT id FROM qr_link WHERE kind = 'counter' AND counter_id = ${counter.id} AND revoked_at IS NULL`);
  assert.strictEqual((await new Client().get(qrUrlPath(fresh))).status, 200);
  // revoke and replace: the old one stops, a new one for the same counter works
  assert.strictEqual((await admin('/quan-tri/ma-qr/cap-lai', { id: fresh })).status, 303);
  await qrCacheWait();
  assert.strictEqual((await new Client().get(qrUrlPath(fresh))).status, 410);
  const repl = sql(`SELECT id FROM qr_link WHERE kind = 'counter' AND counter_id = ${counter.id} AND revoked_at IS NULL`);
  assert.strictEqual(repl.length, 1);
  assert.notStrictEqual(repl[0][0], fresh);
  assert.strictEqual((await new Client().get(qrUrlPath(repl[0][0]))).status, 200);
  // unit and officer links; a counter of another unit is refused
  assert.strictEqual((await admin('/quan-tri/ma-qr/moi', { unit: U.A, kind: 'unit' })).status, 303);
  assert.strictEqual(one(`SELECT COUNT(*) FROM qr_link WHERE kind = 'unit' AND unit_id = ${unitId(U.A)} AND revoked_at IS NULL`), '1');
  const officer = one("SELECT id FROM users WHERE username = 'canbo01'");
  assert.strictEqual((await admin('/quan-tri/ma-qr/moi', { unit: CENTRE, kind: 'officer', officer })).status, 303);
  const o = one(`SELECT id FROM qr_link WHERE kind = 'officer' AND officer_id = ${officer} ORDER BY id DESC LIMIT 1`);
  assert.match((await new Client().get(qrUrlPath(o))).text, /Nguyễn Thị Hồng Nhung/);
  // a printed personal poster says whose it is; a counter's poster names no one
  const personal = text((await new Client().get(qrUrlPath(o) + '/ap-phich')).text);
  assert.match(personal, /Cán bộ: Nguyễn Thị Hồng Nhung/);
  assert.ok(!text((await new Client().get(counter.path + '/ap-phich')).text).includes('Cán bộ:'));
  const foreign = one("SELECT c.id FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '000.22.01.H41' LIMIT 1");
  const refused = await admin('/quan-tri/ma-qr/moi', { unit: U.A, kind: 'counter', counter: foreign });
  assert.strictEqual(refused.status, 422);
  assert.match(refused.text, /Quầy đã chọn không thuộc đơn vị này/);
});

test('API clients: the key is shown once and only its BLAKE2b hash is stored; deactivated', async () => {
  const name = `Một cửa điện tử ${RUN}`;
  const r = await admin('/quan-tri/khoa-api', { name, unit: CENTRE });
  assert.strictEqual(r.status, 201, r.text.slice(0, 400));
  const key = (r.text.match(/id="new-key">([0-9a-f]{64})</) || [])[1];
  assert.ok(key, 'the key is on the page');
  assert.match(r.headers.get('cache-control') || '', /no-store/);
  const [[id, hash, unit, active]] = sql(`SELECT id, key_hash, unit_id, active FROM api_client WHERE name = '${name}'`);
  assert.deepStrictEqual([unit, active], [unitId(CENTRE), '1']);
  assert.strictEqual(hash, blake2b256(key));
  assert.strictEqual(one(`SELECT COUNT(*) FROM api_client WHERE key_hash = '${key}' OR name LIKE '%${key}%'`), '0');
  const later = await (await as('quantri')).get('/quan-tri/khoa-api');
  assert.ok(later.text.includes(name) && !later.text.includes(key), 'never shown again');
  assert.strictEqual((await admin('/quan-tri/khoa-api', { name: '', unit: CENTRE })).status, 422);
  assert.strictEqual((await admin(`/quan-tri/khoa-api/${id}/ngung`)).status, 303);
  assert.strictEqual(one(`SELECT active FROM api_client WHERE id = ${id}`), '0');
  assert.match(one(`SELECT detail FROM audit_log WHERE action = 'api_client.create' AND object_id = ${id}`), new RegExp(name));
});

test('admin: every change is in the audit log under the administrator; the chain is intact', () => {
  const actor = one("SELECT id FROM users WHERE username = 'quantri'");
  const acts = new Set(sql(`SELECT DISTINCT action FROM audit_log WHERE id > ${auditStart} AND actor_id = ${actor}`).map(r => r[0]));
  for (const a of ['unit.create', 'unit.update', 'unit.move', 'unit.close', 'unit.reopen', 'counter.create', 'counter.rename',
    'counter.deactivate', 'counter.activate', 'qr.create', 'qr.revoke', 'user.create', 'user.update', 'user.disable',
    'user.enable', 'user.reset_password', 'feedback_kind.update', 'apology_rule.update', 'apology_rule.create',
    'calendar.save', 'calendar.delete', 'api_client.create', 'api_client.deactivate']) {
    assert.ok(acts.has(a), `audit row for ${a}`);
  }
  assert.strictEqual(one(`SELECT COUNT(*) FROM audit_log WHERE id > ${auditStart} AND action = 'counter.create' AND object_id = ${counter.id}`), '1');
  assert.match(motcuactl('verify-audit'), /chain intact/);
});

test('procedures: the administrator uploads a CSV; good lines stored, bad lines reported by number', async () => {
  const c = new Client();
  await c.login('quantri');
  const page = await c.get('/quan-tri/thu-tuc');
  assert.strictEqual(page.status, 200);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const csv = [
    'national_code,version,name,field_code,field_name,level,unit_code,time_value,time_unit,use_cutoff,fee,documents,result,legal_basis,effective_from,effective_to',
    '9.300001,1,"Đăng ký khai tử (tải lên)",HT,"Hộ tịch",commune,000.21.01.H41,1,working_days,0,"Miễn phí","Tờ khai | Giấy báo tử","Trích lục khai tử","Luật Hộ tịch 2014",2025-07-01,',
    '9.300002,1,"Dòng lỗi",HT,"Hộ tịch",commune,000.21.01.H41,một,working_days,0,"","Đơn","","",2025-07-01,',
  ].join('\n') + '\n';
  const fd = new FormData();
  fd.append('csrf', csrf);
  fd.append('csv', new Blob([csv], { type: 'text/csv' }), 'thu-tuc.csv');
  const r = await c.post('/quan-tri/thu-tuc', fd);
  assert.strictEqual(r.status, 422, 'a refused line is an error for the form');
  assert.match(r.text, /<strong id="imported">1<\/strong>/);
  assert.match(r.text, /<strong id="refused">1<\/strong>/);
  assert.match(r.text, /line 3, field time_value: not a number from 0 to 3650/);
  assert.deepStrictEqual(sql("SELECT name FROM procedure_tthc WHERE national_code = '9.300001'"), [['Đăng ký khai tử (tải lên)']]);
  assert.match((await c.get('/quan-tri/thu-tuc')).text, /Đăng ký khai tử \(tải lên\)/);
  const officer = new Client();
  await officer.login('canbo02');
  assert.strictEqual((await officer.get('/quan-tri/thu-tuc')).status, 403);
});
