// A procedure's new version takes effect at midnight in Vietnam, on the date
// the decision publishing it gives, not at 07:00 when the date turns in UTC:
// the procedure's public page, its unit's page and the officer's intake form
// show the version in force on Vietnam's date.
//
// Unit Z receives procedure T-Z.0001 in two versions (written by hand):
//   version 1  "Cấp giấy phép kiểm thử Z"             in force 01/01/2026 – 30/06/2026
//   version 2  "Cấp giấy phép kiểm thử Z (sửa đổi)"   in force from 01/07/2026
// Expected:
//   Tue 30/06 23:30 (16:30 UTC on 30/06)   version 1 everywhere
//   Wed 01/07 00:30 (17:30 UTC on 30/06)   version 2 everywhere: the UTC date is still the 30th
//   Wed 01/07 08:00 (01:00 UTC on 01/07)   version 2
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql } = require('../lib/client');
const { clock, as, unitWithStaff } = require('./common');

const V1 = 'Cấp giấy phép kiểm thử Z';
const V2 = 'Cấp giấy phép kiểm thử Z (sửa đổi)';

// The version each of the three pages shows: 1, 2, or 0 for none.
async function versions() {
  const which = text => (text.includes(V2) ? 2 : text.includes(V1) ? 1 : 0);
  const visitor = new Client();
  const page = await visitor.get('/thu-tuc/T-Z.0001');
  const unit = await visitor.get('/don-vi/TEST.Z.H44');
  const officer = await as('canbo_z');
  const intake = await officer.get('/can-bo/ho-so/moi');
  for (const r of [page, unit, intake]) {
    assert.strictEqual(r.status, 200);
  }
  return [which(page.text), which(unit.text), which(intake.text)];
}

test('Tue 30/06 23:30: version 1 on the procedure page, the unit page and the intake form', async () => {
  clock('2026-06-30 12:00');
  const unit = unitWithStaff({ code: 'TEST.Z.H44', name: 'Trung tâm kiểm thử Z', short: 'TT Z', field: ['T-Z', 'Lĩnh vực kiểm thử Z'],
    leader: ['lanhdao_z', 'Vũ Thị Lan'], officer: ['canbo_z', 'Phan Văn Hùng'] });
  sql(`INSERT INTO procedure_tthc (national_code, version, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from, effective_to)
       VALUES ('T-Z.0001', 1, '${V1}', (SELECT id FROM field WHERE code = 'T-Z'), 'province', ${unit}, 10, 'Đơn đề nghị', 'Quyết định kiểm thử', '2026-01-01', '2026-06-30'),
              ('T-Z.0001', 2, '${V2}', (SELECT id FROM field WHERE code = 'T-Z'), 'province', ${unit}, 7, 'Đơn đề nghị', 'Quyết định kiểm thử sửa đổi', '2026-07-01', NULL)`);
  clock('2026-06-30 23:30');
  assert.deepStrictEqual(await versions(), [1, 1, 1]);
});

test('Wed 01/07 00:30, still 30/06 in UTC: version 2 everywhere', async () => {
  clock('2026-07-01 00:30');
  assert.strictEqual(sql('SELECT DATE(UTC_TIMESTAMP())')[0][0], '2026-06-30', 'the UTC date is still the 30th');
  assert.deepStrictEqual(await versions(), [2, 2, 2]);
});

test('Wed 01/07 08:00: version 2', async () => {
  clock('2026-07-01 08:00');
  assert.deepStrictEqual(await versions(), [2, 2, 2]);
});
