// The demo province (make run) shows the whole apology workflow whatever day
// it is loaded: open dossiers of the provincial centre due on the first
// working day from today (with and without a letter, one waiting for the
// leader's signature), due later, and overdue, with and without a signed
// letter.  "Today" is the stack's own clock, so the test holds on any date
// (make test-dates runs it under faked clocks, Tết and a 00:30 included);
// on a day off nothing falls due, so "the first working day" is the first
// appointment day from today, which the showcase always fills.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, staff: as } = require('../lib/client');

// the open dossiers of the provincial centre, each with its statutory
// appointment's local day (UTC + 7 h) and its letters
const OPEN = `SELECT d.id, d.code, DATE(d.original_due_at + INTERVAL 7 HOUR) AS due,
  (SELECT GROUP_CONCAT(a.status) FROM apology a WHERE a.dossier_id = d.id) AS letters
  FROM dossier d JOIN org_unit u ON u.id = d.unit_id
  WHERE u.code = '000.00.01.H41' AND d.finished_at IS NULL AND d.status IN ('received', 'processing')`;

test('demo: dossiers due today, tomorrow and overdue, with and without letters, whatever the day', async () => {
  const today = sql('SELECT DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR)')[0][0];
  const rows = sql(OPEN).map(([id, code, due, letters]) => ({ id, code, due, letters: letters === 'NULL' ? '' : letters }));
  const first = rows.map(r => r.due).filter(d => d >= today).sort()[0];
  const dueFirst = rows.filter(r => r.due === first);
  assert.ok(dueFirst.some(r => r.letters === ''), `due ${first}, no letter yet (the letter is late)`);
  assert.ok(dueFirst.some(r => r.letters === 'draft'), `due ${first}, a letter waiting for the signature`);
  const later = rows.filter(r => r.due > first);
  assert.ok(later.some(r => r.letters === ''), 'due later, no letter');
  assert.ok(later.some(r => /signed|delivered/.test(r.letters)), 'due soon with a signed letter');
  const overdue = rows.filter(r => r.due < today);
  assert.ok(overdue.some(r => r.letters === ''), 'overdue without a letter');
  assert.ok(overdue.some(r => /signed|delivered/.test(r.letters)), 'overdue with a signed letter');
  // and the officer sees them as the law counts them: one overdue without a
  // letter shows as late on its page
  const late = overdue.find(r => r.letters === '');
  const page = await (await as('canbo01')).get('/can-bo/ho-so/' + late.code);
  assert.strictEqual(page.status, 200);
  assert.match(page.text, /Quá hạn/);
});
