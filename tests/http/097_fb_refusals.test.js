// The feedback form answers one fixed status for each kind of refusal: an
// invalid form 422 with its errors and what was typed (the address's limit is
// not even counted), the address's limit 429 with the form kept, however many
// times and in whatever order (issue 17: a flag shared by both paths made the
// status 422 or 429 at random).  The database's errors are zz_resilience's.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, resetLimits, formFields } = require('../lib/client');

const TYPED = 'Nên có thêm ghế chờ ở tầng 2, người cao tuổi phải đứng rất lâu.';

async function send(c, fields) {
  const page = await c.get('/phan-anh/moi');
  assert.strictEqual(page.status, 200);
  const fd = new FormData();
  const all = { ...formFields(page.text, '/phan-anh/moi'), kind: 'suggestion', identity: 'anonymous',
    unit: '000.00.01.H41', content: TYPED, ...fields };
  for (const [k, v] of Object.entries(all)) fd.append(k, v);
  return c.post('/phan-anh/moi', fd);
}

function assertForm(r, status, what) {
  assert.strictEqual(r.status, status, what);
  assert.match(r.text, /Vui lòng sửa các lỗi dưới đây/, `${what}: the errors are listed`);
  assert.ok(r.text.includes(`>${TYPED}</textarea>`), `${what}: what was typed is kept`);
}

const invalid = [
  ['an unknown unit', { unit: '000.99.99.H41' }],
  ['no kind', { kind: 'praise-or-blame' }],
  ['a named sender without a name', { identity: 'named', name: '', phone: '0912345678' }],
];

test('an invalid feedback form answers 422 with its errors and the typed text, every time, beyond the limit', async () => {
  resetLimits();
  const c = new Client();
  const n0 = Number(sql('SELECT COUNT(*) FROM feedback')[0][0]);
  // more invalid forms than the address may send valid ones (10 an hour)
  for (let i = 0; i < 12; i++) {
    const [what, fields] = invalid[i % invalid.length];
    assertForm(await send(c, fields), 422, `${what}, attempt ${i + 1}`);
  }
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM feedback')[0][0]), n0, 'nothing stored');
  assert.strictEqual((await send(c, {})).status, 303, 'the invalid forms did not count against the limit');
  resetLimits();
});

test('over the address\'s limit a valid form answers 429 with the form kept; an invalid one is still 422', async () => {
  resetLimits();
  const c = new Client();
  assert.strictEqual((await send(c, {})).status, 303, 'a valid submission');
  sql("UPDATE rate_limit SET hits = 10 WHERE bucket = 'fb-ip'");   // the hour's 10 are used
  const n0 = Number(sql('SELECT COUNT(*) FROM feedback')[0][0]);
  for (let i = 0; i < 4; i++) {
    const over = await send(c, {});
    assertForm(over, 429, `valid form over the limit, attempt ${i + 1}`);
    assert.match(over.text, /đã gửi quá nhiều ý kiến/);
    assertForm(await send(c, invalid[0][1]), 422, `invalid form over the limit, attempt ${i + 1}`);
  }
  assert.strictEqual(Number(sql('SELECT COUNT(*) FROM feedback')[0][0]), n0, 'nothing stored over the limit');
  resetLimits();
});

test('cases sent at the same moment: each gets its own code, and every one is stored and counted in the inbox and the figures', async () => {
  resetLimits();
  const unit = "(SELECT id FROM org_unit WHERE code = '000.00.01.H41' AND valid_to IS NULL)";
  const counts = () => sql(`SELECT (SELECT COUNT(*) FROM feedback WHERE unit_id = ${unit}),
                                   (SELECT COALESCE(SUM(n), 0) FROM feedback_count WHERE unit_id = ${unit}),
                                   (SELECT COALESCE(SUM(feedback), 0) FROM stat_day WHERE scope = 'unit' AND scope_id = ${unit})`)[0].map(Number);
  const before = counts();
  // eight citizens (fewer than the address's ten an hour: every test comes from one address)
  const clients = Array.from({ length: 8 }, () => new Client());
  const forms = await Promise.all(clients.map(c => c.get('/phan-anh/moi')));
  const rs = await Promise.all(clients.map((c, i) => {
    const fd = new FormData();
    const all = { ...formFields(forms[i].text, '/phan-anh/moi'), kind: 'suggestion', identity: 'anonymous',
      unit: '000.00.01.H41', content: `${TYPED} (${i + 1})` };
    for (const [k, v] of Object.entries(all)) fd.append(k, v);
    return c.post('/phan-anh/moi', fd);
  }));
  const codes = rs.map((r, i) => {
    assert.strictEqual(r.status, 303, `citizen ${i + 1} is answered with the case's page`);
    const m = /^\/phan-anh\/(PA-\d{8}-\d{4,})-([0-9A-Z]{4})\?/.exec(r.headers.get('location'));
    assert.ok(m, `a tracking code: ${r.headers.get('location')}`);
    return m[1];
  });
  assert.strictEqual(new Set(codes).size, 8, `eight codes, none given twice: ${codes.join(' ')}`);
  const stored = sql(`SELECT code, content FROM feedback WHERE code IN (${codes.map(c => `'${c}'`).join(', ')}) ORDER BY code`);
  assert.strictEqual(stored.length, 8, 'each code names a stored case');
  assert.deepStrictEqual(new Set(stored.map(r => r[1])), new Set(Array.from({ length: 8 }, (_, i) => `${TYPED} (${i + 1})`)),
    'each case holds what its citizen typed');
  assert.deepStrictEqual(counts(), before.map(n => n + 8), 'the unit has eight more cases, in its inbox counts and in its figures');
  resetLimits();
});
