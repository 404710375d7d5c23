// A training unit (sql/050_training.sql): an administrator marks a unit so that
// a province rehearses on real screens.  Its own leader sees its figures; no
// other scope counts it, no public page, open data or Open311 shows it, and a
// case cannot move between it and a real unit.  Unmarked, its dossiers count
// again, exactly.  The data live in May 2026, a fixed month in the past.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, fileCase, caseAction, recountFeedback, resetLimits, adminPost, staff } = require('../lib/client');

const BASE = process.env.MOTCUA_BASE;
const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"
const RUN = Date.now().toString(36).slice(-5).toUpperCase();
const CODE = `TAPHUAN${RUN}.H41`, SUB = `TAPHUAN${RUN}.B.H41`;
const NAME = `Trung tâm tập huấn ${RUN}`;
const PARENT = '000.22.00.H41';   // UBND xã Gia Viễn
const PERIOD = 'tu=2026-05-01&den=2026-05-31';
const T = {};
// a signed-in client per account (sign-ins are rate-limited: reset first)
const as = name => { resetLimits(); return staff(name); };
const admin = adminPost;
const one = q => { const rows = sql(q); return rows.length ? rows[0][0] : undefined; };
const flag = code => one(`SELECT training FROM org_unit WHERE code = '${code}'`);

// The figures of a dashboard page: received, late, without an apology, ratings.
async function figures(who, scope) {
  const r = await (await as(who)).get(`/lanh-dao/?${scope ? `don-vi=${scope}&` : ''}${PERIOD}`);
  assert.strictEqual(r.status, 200);
  const fig = key => {
    const m = r.text.match(new RegExp(`loai=${key}&amp;[^"]*">([\\d.]+)<`));
    return m ? Number(m[1].replace(/\./g, '')) : 0;
  };
  return { received: fig('received'), late: fig('late'), noApology: fig('late_no_apology'), ratings: fig('ratings'), text: r.text };
}

test('before: the commune\'s figures of May 2026 as its leaders see them', async () => {
  T.before = await figures('lanhdao02', PARENT);
});

test('the administrator creates a training unit; a unit under it is one too, and cannot be unmarked alone', async () => {
  const r = await admin('/quan-tri/don-vi/moi', { parent: PARENT, code: CODE, name: NAME, short_name: 'TT tập huấn',
    level: 'centre', valid_from: '2026-01-01', training: '1' });
  assert.strictEqual(r.status, 303, r.text.slice(0, 300));
  assert.strictEqual(flag(CODE), '1');
  const form = await (await as('quantri')).get(`/quan-tri/don-vi/${CODE}`);
  assert.match(form.text, /name="training" value="1" checked/);
  assert.match(form.text, /Đơn vị tập huấn/);
  assert.strictEqual((await admin('/quan-tri/don-vi/moi', { parent: CODE, code: SUB, name: `Tổ tập huấn ${RUN}`,
    level: 'branch', valid_from: '2026-01-01' })).status, 303);
  assert.strictEqual(flag(SUB), '1', 'a unit created under a training unit');
  const [[name, level, from]] = sql(`SELECT name, level, DATE_FORMAT(valid_from, '%Y-%m-%d') FROM org_unit WHERE code = '${SUB}'`);
  const alone = await admin(`/quan-tri/don-vi/${SUB}`, { parent: CODE, name, level, valid_from: from });
  assert.strictEqual(alone.status, 422);
  assert.match(alone.text, /Đơn vị cấp trên là đơn vị tập huấn: đơn vị này cũng phải là đơn vị tập huấn\./);
  assert.strictEqual(flag(SUB), '1');
  assert.strictEqual(one(`SELECT COUNT(*) FROM audit_log WHERE action = 'unit.training_on' AND object_id = (SELECT id FROM org_unit WHERE code = '${CODE}')`), '1');
  const tree = await (await as('quantri')).get('/quan-tri/don-vi');
  assert.match(tree.text, new RegExp(`${NAME}</a>.*?<span class="tag">Đơn vị tập huấn</span>`));
});

test('setup: the training unit receives 4 dossiers in May 2026, 3 missed their appointment, 1 of those got an apology; 5 ratings', async () => {
  [[T.unit]] = sql(`SELECT id FROM org_unit WHERE code = '${CODE}'`);
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('lanhdao_th${RUN}', 'Lê Văn Tập', 'Giám đốc', 'leader', ${T.unit}, '${HASH}'),
       ('canbo_th${RUN}', 'Ngô Thị Huấn', 'Chuyên viên', 'officer', ${T.unit}, '${HASH}')`);
  T.procCode = `9.${RUN}`;
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from)
       SELECT '${T.procCode}', 'Thủ tục tập huấn ${RUN}', MIN(id), 'commune', ${T.unit}, 5, 'Đơn', 'Tập huấn', '2025-07-01' FROM field`);
  motcuactl('search-index');   // indexed as any procedure: the catalogue must still leave it out
  const proc = one(`SELECT id FROM procedure_tthc WHERE national_code = '${T.procCode}'`);
  const c = await as(`canbo_th${RUN}`);
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  T.codes = [];
  for (let i = 0; i < 4; i++) {
    const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: proc, name: `Học viên ${i}`, phone: '0987000222',
      email: 'tap.huan@example.vn', documents: 'Đơn', sets: '1', channel: 'counter', collect: 'counter' });
    assert.strictEqual(r.status, 303, (r.text.match(/<p class="field-error"[^>]*>[^<]*|<div class="error[^>]*>[^<]*|role="alert"[^>]*>[^<]*/g) || []).join(' ') || String(r.status));
    T.codes.push(r.headers.get('location').split('/')[3]);
  }
  const all = T.codes.map(x => `'${x}'`).join(',');
  sql(`UPDATE dossier SET received_at = '2026-05-04 02:00:00' WHERE code IN (${all})`);
  sql(`UPDATE dossier SET original_due_at = '2026-05-11 03:00:00', due_at = '2026-05-11 03:00:00'
       WHERE code IN (${T.codes.slice(0, 3).map(x => `'${x}'`).join(',')})`);
  sql(`INSERT INTO apology (dossier_id, unit_id, number, status, reason_code, reason_text, old_due_at, new_due_at, drafted_by, drafted_at, signed_at, on_time)
       SELECT id, unit_id, 'th/PXL', 'signed', 'workload', 'Tập huấn', original_due_at, original_due_at + INTERVAL 5 DAY,
              (SELECT id FROM users WHERE username = 'canbo_th${RUN}'), original_due_at - INTERVAL 3 DAY, original_due_at - INTERVAL 2 DAY, 1
       FROM dossier WHERE code = '${T.codes[0]}'`);
  sql(`INSERT INTO rating (ref, channel, unit_id, level, created_at, updated_at) VALUES ` +
      [0, 1, 2, 3, 4].map(i => `('th${RUN}${String(i).padStart(7, '0')}', 'qr', ${T.unit}, 3, '2026-05-12 03:00:00', '2026-05-12 03:00:00')`).join(', '));
  assert.match(motcuactl('rebuild-stats'), /late-dossier figures rebuilt/);
});

test('its own leader sees its figures: 4 received, 3 late, 2 without an apology, 5 ratings', async () => {
  const f = await figures(`lanhdao_th${RUN}`);
  assert.deepStrictEqual([f.received, f.late, f.noApology, f.ratings], [4, 3, 2, 5]);
});

test('the commune\'s figures, lists, sub-unit table and CSV leave it out', async () => {
  const f = await figures('lanhdao02', PARENT);
  assert.deepStrictEqual([f.received, f.late, f.noApology, f.ratings],
    [T.before.received, T.before.late, T.before.noApology, T.before.ratings]);
  assert.ok(!f.text.includes(NAME), 'no row of its own among the sub-units');
  const c = await as('lanhdao02');
  const list = await c.get(`/lanh-dao/danh-sach?loai=received&don-vi=${PARENT}&${PERIOD}`);
  assert.strictEqual(list.status, 200);
  for (const code of T.codes) assert.ok(!list.text.includes(code), code);
  const csv = await c.get(`/lanh-dao/danh-sach?loai=late&don-vi=${PARENT}&${PERIOD}&csv=1&muc-dich=bao_cao`);
  assert.strictEqual(csv.status, 200);
  for (const code of T.codes) assert.ok(!csv.text.includes(code), code);
  const units = await fetch(BASE + `/lanh-dao/?don-vi=${PARENT}&${PERIOD}&csv=don-vi`, { headers: { cookie: c.cookieHeader() } });
  assert.ok(!(await units.text()).includes(NAME));
});

test('no public page, open data or Open311 shows it', async () => {
  const anon = new Client();
  assert.ok(!(await anon.get('/don-vi/')).text.includes(NAME));
  assert.strictEqual((await anon.get(`/don-vi/${CODE}`)).status, 404);
  assert.strictEqual((await anon.get(`/thu-tuc/${T.procCode}`)).status, 404);
  const catalogue = await anon.get(`/thu-tuc/?q=${encodeURIComponent(`tập huấn ${RUN}`)}`);
  assert.strictEqual(catalogue.status, 200);
  assert.ok(!catalogue.text.includes(T.procCode), 'its procedures are not in the catalogue');
  const stats = await anon.get(`/thong-ke/?${PERIOD}`);
  assert.strictEqual(stats.status, 200);
  assert.ok(!stats.text.includes(NAME));
  resetLimits();
  const open = await fetch(BASE + '/du-lieu-mo/thong-ke.json?tu=2026-05&den=2026-05');
  assert.strictEqual(open.status, 200);
  const doc = await open.json();
  assert.ok(doc.rows.length > 0);
  assert.ok(!doc.rows.some(x => x.unit_code === CODE));
  // a published case moved into the training unit leaves Open311
  const [[id, openId, unit]] = sql(`SELECT id, open_id, unit_id FROM feedback WHERE answered_at IS NOT NULL AND identity = 'named' ORDER BY id LIMIT 1`);
  assert.strictEqual((await fetch(BASE + `/open311/v2/requests/${openId}.json`)).status, 200);
  sql(`UPDATE feedback SET unit_id = ${T.unit} WHERE id = ${id}`);
  try {
    assert.strictEqual((await fetch(BASE + `/open311/v2/requests/${openId}.json`)).status, 404);
  } finally {
    sql(`UPDATE feedback SET unit_id = ${unit} WHERE id = ${id}`);
  }
});

test('a case cannot be forwarded from a training unit to a real one', async () => {
  const fb = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41', content: 'Phản ánh tập huấn.' });
  sql(`UPDATE feedback SET unit_id = ${T.unit} WHERE code = '${fb.code}'`);
  recountFeedback();
  const real = one("SELECT id FROM org_unit WHERE code = '000.22.01.H41'");
  const page = await (await as(`canbo_th${RUN}`)).get(`/can-bo/phan-anh/${fb.code}`);
  assert.ok(page.text.includes(`Tổ tập huấn ${RUN}`), 'a training unit is offered');
  assert.ok(!page.text.includes(`<option value="${real}">`), 'a real unit is not');
  const r = await caseAction(await as(`canbo_th${RUN}`), fb.code, 'phan-loai', { class: 'forwarded', unit: real });
  assert.strictEqual(r.status, 409);
  assert.strictEqual(one(`SELECT unit_id FROM feedback WHERE code = '${fb.code}'`), String(T.unit));
});

test('unmarked, its dossiers and ratings count in the commune again, exactly; marked again, they leave', async () => {
  const [[name, level, from]] = sql(`SELECT name, level, DATE_FORMAT(valid_from, '%Y-%m-%d') FROM org_unit WHERE code = '${CODE}'`);
  assert.strictEqual((await admin(`/quan-tri/don-vi/${CODE}`, { parent: PARENT, name, level, valid_from: from })).status, 303);
  assert.deepStrictEqual([flag(CODE), flag(SUB)], ['0', '0'], 'the whole subtree');
  const f = await figures('lanhdao02', PARENT);
  assert.deepStrictEqual([f.received, f.late, f.noApology, f.ratings],
    [T.before.received + 4, T.before.late + 3, T.before.noApology + 2, T.before.ratings + 5]);
  assert.ok(f.text.includes(NAME), 'its row among the sub-units');
  assert.strictEqual((await admin(`/quan-tri/don-vi/${CODE}`, { parent: PARENT, name, level, valid_from: from, training: '1' })).status, 303);
  assert.deepStrictEqual([flag(CODE), flag(SUB)], ['1', '1']);
  const g = await figures('lanhdao02', PARENT);
  assert.strictEqual(g.received, T.before.received);
  const trail = sql(`SELECT action FROM audit_log WHERE object_type = 'org_unit' AND object_id = ${T.unit} AND action LIKE 'unit.training%' ORDER BY id`).map(x => x[0]);
  assert.deepStrictEqual(trail, ['unit.training_on', 'unit.training_off', 'unit.training_on']);
});
