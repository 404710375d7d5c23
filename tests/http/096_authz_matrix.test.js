// Object-level authorization as a table: every identity × every staff route
// that names an object × own unit / other unit / processing unit /
// confidential subject.  The expected answer comes from the rule of
// docs/security.md §3, written here once: an officer sees its own unit's objects
// (receiving or processing), a leader its unit's subtree, nobody a
// confidential case about themselves; an administrator works no cases or
// dossiers; a visitor is sent to sign in.  Invisible and missing look the
// same (404), so ids and codes cannot be probed.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, qrPath, fileCase, resetLimits, addProcedures } = require('../lib/client');

// The demo province: unit → parent (sql/demo/010_units.sql).
const PARENT = { 1: null, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 6, 8: 1, 9: 8 };
const inSubtree = (unit, top) => { for (let u = unit; u; u = PARENT[u]) if (u === top) return true; return false; };
const PEOPLE = {
  anon: null,
  canbo01: { role: 'officer', unit: 2 },
  canbo02: { role: 'officer', unit: 2 },
  canbo04: { role: 'officer', unit: 7 },
  chuyenvien03: { role: 'officer', unit: 3 },
  lanhdao01: { role: 'leader', unit: 2 },
  lanhdao02: { role: 'leader', unit: 1 },
  giamdoc04: { role: 'leader', unit: 4 },
  quantri: { role: 'admin', unit: 1 },
};
// The rule, from docs/security.md §3.
function sees(who, obj) {
  const p = PEOPLE[who];
  if (p === null) return 303;
  if (p.role === 'admin') return 403;
  if (obj.subject === who) return 404;
  const units = obj.units;
  const ok = units.some(u => u === p.unit || (p.role === 'leader' && inSubtree(u, p.unit)));
  return ok ? 200 : 404;
}

const clients = {};
async function as(who) {
  if (who === 'anon') return new Client();
  if (!clients[who]) { clients[who] = new Client(); await clients[who].login(who); }
  return clients[who];
}
const O = {};

test('setup: dossiers at the centre, at the ward, one handed to the Department of Justice; a confidential case about canbo01', async () => {
  addProcedures('T-MT', 'Ma trận quyền (kiểm thử)', [['9.000961', 'Thủ tục ma trận tỉnh', 'province', 2],
                                                      ['9.000962', 'Thủ tục ma trận phường', 'commune', 7]]);
  const intake = async (who, nc) => {
    const c = await as(who);
    const [[pid]] = sql(`SELECT id FROM procedure_tthc WHERE national_code = '${nc}'`);
    const csrf = await c.csrf('/can-bo/ho-so/moi');
    const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: pid, name: 'Người nộp ma trận', documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' });
    assert.strictEqual(r.status, 303);
    return r.headers.get('location').split('/')[3];
  };
  O.centre = { code: await intake('canbo01', '9.000961'), units: [2] };
  O.ward = { code: await intake('canbo04', '9.000962'), units: [7] };
  O.handed = { code: await intake('canbo01', '9.000961'), units: [2, 3] };
  const c = await as('canbo01');
  const csrf = await c.csrf(`/can-bo/ho-so/${O.handed.code}`);
  assert.strictEqual((await c.post(`/can-bo/ho-so/${O.handed.code}/chuyen`, { csrf, unit: '3' })).status, 303);
  resetLimits();
  const token = qrPath("kind = 'officer' AND officer_id = (SELECT id FROM users WHERE username = 'canbo01')").split('/')[2];
  const conf = await fileCase({ kind: 'conduct', identity: 'confidential', content: 'Ma trận: phản ánh kín về cán bộ.', name: 'Người Kín', phone: '0977000111' }, token);
  O.confidential = { code: conf.code, units: [2], subject: 'canbo01' };
  const ward = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.21.01.H41', content: 'Ma trận: góp ý ở phường.' });
  O.wardCase = { code: ward.code, units: [7] };
  // a personal data request on each object (docs/personal-data.md): its page follows its object's rule
  for (const k of ['centre', 'ward', 'handed', 'confidential', 'wardCase']) {
    const [type, table] = O[k].code.startsWith('PA-') ? ['feedback', 'feedback'] : ['dossier', 'dossier'];
    sql(`INSERT INTO data_request (code, object_type, object_id, unit_id, kind, detail, due_at, created_at)
         SELECT 'YC-MT${k.toUpperCase().slice(0, 6)}', '${type}', id, unit_id, 'object', 'Ma trận', UTC_TIMESTAMP(), UTC_TIMESTAMP()
           FROM ${table} WHERE code = '${O[k].code}'`);
    [[O[k].request]] = sql(`SELECT id FROM data_request WHERE code = 'YC-MT${k.toUpperCase().slice(0, 6)}'`);
  }
});

test('matrix: every identity × every object route answers what the rule says', async () => {
  const routes = [
    ...['centre', 'ward', 'handed'].flatMap(k => [
      [`/can-bo/ho-so/${O[k].code}`, O[k]],
      [`/can-bo/ho-so/${O[k].code}/giay-hen`, O[k]],
      [`/can-bo/ho-so/${O[k].code}/phieu-kiem-soat`, O[k]],
      [`/can-bo/ho-so/${O[k].code}/phieu-kiem-soat?csv=1`, O[k]],
    ]),
    [`/can-bo/phan-anh/${O.confidential.code}`, O.confidential],
    [`/can-bo/phan-anh/${O.wardCase.code}`, O.wardCase],
    ...['centre', 'ward', 'handed', 'confidential', 'wardCase'].map(k => [`/can-bo/yeu-cau-du-lieu/${O[k].request}`, O[k]]),
  ];
  const wrong = [];
  let n = 0;
  for (const who of Object.keys(PEOPLE)) {
    const c = await as(who);
    for (const [url, obj] of routes) {
      const got = (await c.get(url)).status;
      n++;
      if (got !== sees(who, obj)) wrong.push(`${who} GET ${url}: ${got}, the rule says ${sees(who, obj)}`);
    }
  }
  assert.deepStrictEqual(wrong, []);
  assert.strictEqual(n, Object.keys(PEOPLE).length * routes.length);
});

test('matrix: a state-changing POST on an object outside one\'s scope is refused and changes nothing', async () => {
  const state = code => sql(`SELECT status, COALESCE(processing_unit_id, 0), (SELECT COUNT(*) FROM dossier_step s WHERE s.dossier_id = d.id) FROM dossier d WHERE code = '${code}'`);
  const before = state(O.ward.code);
  for (const who of ['canbo01', 'chuyenvien03', 'lanhdao01', 'giamdoc04']) {
    const c = await as(who);
    const csrf = await c.csrf('/can-bo/ho-so/');
    for (const [action, fields] of [['chuyen', { unit: '2' }], ['tu-choi', { note: 'Tấn công' }], ['co-ket-qua', {}], ['yeu-cau-bo-sung', { note: 'Tấn công' }]]) {
      const r = await c.post(`/can-bo/ho-so/${O.ward.code}/${action}`, { csrf, ...fields });
      assert.strictEqual(r.status, 404, `${who} ${action}`);
    }
    const note = await c.post(`/can-bo/phan-anh/${O.wardCase.code}/ghi-chu`, { csrf, text: 'Tấn công' });
    assert.strictEqual(note.status, 404, `${who} note on the ward's case`);
  }
  const subject = await as('canbo01');
  const csrf = await subject.csrf('/can-bo/');
  assert.strictEqual((await subject.post(`/can-bo/phan-anh/${O.confidential.code}/ghi-chu`, { csrf, text: 'Xem trộm' })).status, 404, 'the subject cannot act on the case about them');
  assert.deepStrictEqual(state(O.ward.code), before);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM feedback_event e JOIN feedback f ON f.id = e.feedback_id WHERE f.code IN ('${O.wardCase.code}', '${O.confidential.code}') AND e.event = 'note'`), [['0']]);
});
