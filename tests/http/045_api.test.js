// Import from the province's existing one-stop software: JSON over /api/ with
// an API key per client, idempotent by dossier code, invalid records refused one
// by one while the valid ones of the batch are kept.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { test } = require('../lib/harness');
const { sql } = require('../lib/client');

const KEY = crypto.randomBytes(32).toString('hex');
const OTHER = crypto.randomBytes(32).toString('hex');
const b2 = s => execFileSync('b2sum', ['-l', '256'], { input: s, encoding: 'utf8' }).split(' ')[0];

async function push(body, key = KEY, type = 'application/json') {
  const r = await fetch(process.env.MOTCUA_BASE + '/api/v1/dossiers', {
    method: 'POST', headers: { authorization: 'Bearer ' + key, 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: r.status, json: await r.json().catch(() => null), headers: r.headers };
}

const dossier = (code, extra = {}) => ({
  code, unit_code: '000.21.01.H41', procedure_code: '9.000002', status: 'processing',
  applicant: { name: 'Hà Văn Nhập', phone: '0909000111' },
  received_at: '2026-11-18T08:15:00+07:00', due_at: '2026-11-19T17:00:00+07:00',
  steps: [{ seq: 1, from_unit: '000.21.01.H41', to_unit: '000.21.00.H41', handed_at: '2026-11-18T09:00:00+07:00', due_at: '2026-11-19T16:00:00+07:00' }],
  ...extra,
});

test('setup: an API client for the commune of Hoa Lư', () => {
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Phần mềm một cửa cũ', '${b2(KEY)}', (SELECT id FROM org_unit WHERE code = '000.21.00.H41'), UTC_TIMESTAMP())`);
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Hệ thống xã khác', '${b2(OTHER)}', (SELECT id FROM org_unit WHERE code = '000.22.00.H41'), UTC_TIMESTAMP())`);
});

test('no key or a wrong key: 401; not JSON: 415; malformed JSON: 400', async () => {
  assert.strictEqual((await push({ dossiers: [] }, 'f'.repeat(64))).status, 401);
  const none = await fetch(process.env.MOTCUA_BASE + '/api/v1/dossiers', { method: 'POST', body: '{}' });
  assert.strictEqual(none.status, 401);
  assert.strictEqual((await push('{"dossiers": [', KEY)).status, 400);
  assert.strictEqual((await push('code=1', KEY, 'application/x-www-form-urlencoded')).status, 415);
  assert.ok(!(await push({ dossiers: [] })).headers.get('set-cookie'), 'no cookies for machines');
});

test('a batch: valid records kept, invalid ones refused one by one with a reason', async () => {
  const r = await push({ dossiers: [
    dossier('IMP-HL-0001'),
    dossier('IMP-HL-0002', { status: 'returned', finished_at: '2026-11-19T10:00:00+07:00', returned_at: '2026-11-19T15:00:00+07:00' }),
    dossier('IMP-HL-0003', { unit_code: '000.22.01.H41' }),
    dossier('IMP-HL-0004', { due_at: 'mai' }),
    dossier('IMP-HL-0005', { procedure_code: '0.000000' }),
    'không phải đối tượng',
  ] });
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.json.accepted, 2);
  assert.deepStrictEqual(r.json.rejected.map(x => x.index), [2, 3, 4, 5]);
  assert.match(r.json.rejected[0].reason, /không thuộc phạm vi của khóa API/);
  assert.match(r.json.rejected[1].reason, /Thời điểm không hợp lệ/);
  assert.match(r.json.rejected[2].reason, /Không có thủ tục/);
  assert.deepStrictEqual(sql("SELECT code, status, source FROM dossier WHERE code LIKE 'IMP-HL-%' ORDER BY code"),
    [['IMP-HL-0001', 'processing', 'import'], ['IMP-HL-0002', 'returned', 'import']]);
  assert.deepStrictEqual(sql("SELECT DATE_FORMAT(received_at, '%Y-%m-%d %H:%i') FROM dossier WHERE code = 'IMP-HL-0001'"), [['2026-11-18 01:15']], 'stored in UTC');
  assert.deepStrictEqual(sql("SELECT COUNT(*) FROM dossier_step s JOIN dossier d ON d.id = s.dossier_id WHERE d.code = 'IMP-HL-0001'"), [['1']]);
  // the agency it was handed to is the competent agency its papers name
  assert.deepStrictEqual(sql("SELECT u.code FROM dossier d JOIN org_unit u ON u.id = d.competent_unit_id WHERE d.code = 'IMP-HL-0001'"), [['000.21.00.H41']]);
  assert.deepStrictEqual(sql("SELECT COUNT(*) FROM qr_link q JOIN dossier d ON d.id = q.dossier_id WHERE d.code = 'IMP-HL-0002'"), [['1']], 'trackable by QR');
});

test('idempotent by code: the same record again updates, never duplicates', async () => {
  const r = await push({ dossiers: [dossier('IMP-HL-0001', { status: 'ready', finished_at: '2026-11-19T11:00:00+07:00' })] });
  assert.strictEqual(r.json.accepted, 1);
  assert.deepStrictEqual(sql("SELECT COUNT(*), MAX(status) FROM dossier WHERE code = 'IMP-HL-0001'"), [['1', 'ready']]);
  assert.deepStrictEqual(sql("SELECT COUNT(*) FROM dossier_step s JOIN dossier d ON d.id = s.dossier_id WHERE d.code = 'IMP-HL-0001'"), [['1']]);
  // the agency it was handed to is the competent agency its papers name
  assert.deepStrictEqual(sql("SELECT u.code FROM dossier d JOIN org_unit u ON u.id = d.competent_unit_id WHERE d.code = 'IMP-HL-0001'"), [['000.21.00.H41']]);
  // another client may not take over a code of another unit
  const other = await push({ dossiers: [dossier('IMP-HL-0001', { unit_code: '000.22.01.H41', steps: [] })] }, OTHER);
  assert.strictEqual(other.json.accepted, 0);
  assert.match(other.json.rejected[0].reason, /đã thuộc một đơn vị tiếp nhận khác/);
  assert.ok(Number(sql("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'dossier.import%'")[0][0]) >= 3);
});
