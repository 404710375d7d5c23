// The open data (docs/open311.md): the public figures of /thong-ke/ per unit
// and month as JSON and CSV at /du-lieu-mo/, with the same definitions and
// small-number suppression as the page, cacheable (ETag, Last-Modified, 304).
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, resetLimits } = require('../lib/client');

const BASE = process.env.MOTCUA_BASE;
const Q = '?tu=2005-01&den=2005-02';
const rows = {};

async function get(path, headers = {}) {
  const r = await fetch(BASE + '/du-lieu-mo/' + path, { headers });
  const bytes = Buffer.from(await r.arrayBuffer());
  return { status: r.status, headers: r.headers, bytes, body: bytes.toString('utf8') };
}
// CSV fields of a line (every field quoted, quotes doubled)
const csvLine = l => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map(m => m[1].replace(/""/g, '"'));

test('setup: figures of January and February 2005 for the provincial centre (12 ratings) and a ward centre (4)', () => {
  resetLimits();
  sql(`DELETE FROM stat_day WHERE day BETWEEN '2005-01-01' AND '2005-02-28'`);
  sql(`INSERT INTO stat_day (scope, scope_id, day, ratings, r3, r2, r1, feedback, answered, answered_on_time, pakn, pakn_answered, pakn_on_time, pakn_unhappy) VALUES
       ('unit', (SELECT id FROM org_unit WHERE code = '000.00.01.H41'), '2005-01-06', 8, 4, 2, 2, 3, 2, 1, 1, 1, 1, 0),
       ('unit', (SELECT id FROM org_unit WHERE code = '000.00.01.H41'), '2005-01-20', 4, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0),
       ('unit', (SELECT id FROM org_unit WHERE code = '000.21.01.H41'), '2005-01-07', 4, 2, 1, 1, 1, 0, 0, 0, 0, 0, 0),
       ('unit', (SELECT id FROM org_unit WHERE code = '000.00.01.H41'), '2005-02-03', 10, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0)`);
});

test('JSON: one row per unit and month; counts always, shares only from Stats.MinCount (10) up', async () => {
  const r = await get('thong-ke.json' + Q);
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.headers.get('content-type'), 'application/json; charset=utf-8');
  const doc = JSON.parse(r.body);
  assert.deepStrictEqual(doc.period, { from: '2005-01', to: '2005-02' });
  assert.strictEqual(doc.min_count, 10);
  assert.strictEqual(doc.source, BASE + '/thong-ke/');
  assert.ok(['received', 'finished'].includes(doc.on_time_base));
  const mine = doc.rows.filter(x => ['000.00.01.H41', '000.21.01.H41'].includes(x.unit_code));
  assert.deepStrictEqual(mine.map(x => [x.month, x.unit_code]),
    [['2005-01', '000.00.01.H41'], ['2005-01', '000.21.01.H41'], ['2005-02', '000.00.01.H41']]);
  assert.ok(doc.rows.every(x => /^2005-0[12]$/.test(x.month)));
  const [centre, ward, feb] = mine;
  rows.n = doc.rows.length;
  rows.centre = centre;
  assert.strictEqual(centre.unit_name, 'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình');
  assert.deepStrictEqual([centre.ratings, centre.ratings_very_satisfied, centre.ratings_satisfied, centre.ratings_unsatisfied], [12, 5, 4, 3]);
  assert.strictEqual(centre.satisfied_share, 0.75);
  assert.strictEqual(centre.very_satisfied_share, 0.4167);
  assert.strictEqual(centre.unsatisfied_share, 0.25);
  assert.deepStrictEqual([centre.feedback, centre.answered, centre.answered_on_time], [3, 2, 1]);
  assert.strictEqual(centre.answered_on_time_rate, null, 'under 10 answers');
  assert.deepStrictEqual([centre.pakn_answered, centre.pakn_on_time_rate, centre.pakn_satisfaction], [1, null, null]);
  assert.strictEqual(ward.ratings, 4);
  for (const k of ['satisfied_share', 'very_satisfied_share', 'satisfied_only_share', 'unsatisfied_share']) {
    assert.strictEqual(ward[k], null, `${k} suppressed under 10 ratings`);
  }
  assert.strictEqual(feb.satisfied_share, 1);
  assert.strictEqual(r.headers.get('access-control-allow-origin'), '*');
});

test('the same figures as the public statistics page for the same month', async () => {
  const page = await (await fetch(BASE + '/thong-ke/?tu=2005-01-01&den=2005-01-31')).text();
  const row = page.match(/<th scope="row">Trung tâm Phục vụ hành chính công tỉnh Ninh Bình<\/th>(.*?)<\/tr>/s)[1];
  assert.match(row, /<td>12<\/td>\s*<td>75,0%<\/td>\s*<td>41,7% \/ 33,3% \/ 25,0%<\/td>/);
  const ward = page.match(/<th scope="row">Trung tâm Phục vụ hành chính công phường Hoa Lư<\/th>(.*?)<\/tr>/s)[1];
  assert.match(ward, /Chưa đủ số liệu/);
});

test('CSV: the same rows, a header of the JSON keys, a suppressed share left empty', async () => {
  const r = await get('thong-ke.csv' + Q);
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.deepStrictEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM, so Excel reads Vietnamese');
  const lines = r.body.slice(1).trim().split('\r\n');
  const head = csvLine(lines[0]);
  assert.deepStrictEqual(head.slice(0, 4), ['month', 'unit_code', 'unit_name', 'ratings']);
  assert.deepStrictEqual(head, Object.keys(rows.centre));
  assert.strictEqual(lines.length, rows.n + 1);
  const c = Object.fromEntries(csvLine(lines.find(l => l.startsWith('"2005-01","000.00.01.H41"'))).map((v, i) => [head[i], v]));
  assert.strictEqual(c.unit_name, rows.centre.unit_name);
  assert.strictEqual(c.satisfied_share, '0.7500');
  assert.strictEqual(c.answered_on_time_rate, '');
  assert.strictEqual(c.ratings, '12');
});

test('cacheable: ETag and Last-Modified; 304 on If-None-Match or If-Modified-Since; new figures, new ETag', async () => {
  const a = await get('thong-ke.json' + Q);
  const etag = a.headers.get('etag'), lm = a.headers.get('last-modified');
  assert.match(etag, /^(W\/)?"[0-9a-f]{32}"$/);   // weak once nginx compresses it
  assert.match(lm, /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
  assert.match(a.headers.get('cache-control'), /public/);
  const same = await get('thong-ke.json' + Q);
  assert.strictEqual(same.headers.get('etag'), etag);
  assert.strictEqual(same.headers.get('last-modified'), lm, 'unchanged content keeps its date');
  const nm = await get('thong-ke.json' + Q, { 'if-none-match': etag });
  assert.strictEqual(nm.status, 304);
  assert.strictEqual(nm.body, '');
  assert.strictEqual((await get('thong-ke.json' + Q, { 'if-modified-since': lm })).status, 304);
  assert.strictEqual((await get('thong-ke.json' + Q, { 'if-none-match': '"0000"' })).status, 200);
  assert.strictEqual((await get('thong-ke.json' + Q, { 'if-modified-since': 'Mon, 01 Jan 2018 00:00:00 GMT' })).status, 200);
  const csv = await get('thong-ke.csv' + Q);
  assert.notStrictEqual(csv.headers.get('etag'), etag, 'each file its own ETag');
  await new Promise(res => setTimeout(res, 1100));
  sql(`UPDATE stat_day SET ratings = ratings + 1, r3 = r3 + 1 WHERE scope = 'unit' AND day = '2005-02-03'`);
  const b = await get('thong-ke.json' + Q, { 'if-none-match': etag });
  assert.strictEqual(b.status, 200);
  assert.notStrictEqual(b.headers.get('etag'), etag);
  assert.ok(Date.parse(b.headers.get('last-modified')) > Date.parse(lm));
});

test('a bad period or file: 400 or 404; the default is the last twelve months', async () => {
  for (const q of ['?tu=2020-13', '?tu=2005-02&den=2005-01', '?tu=1990-01&den=2005-01', '?den=tháng']) {
    assert.strictEqual((await get('thong-ke.json' + q)).status, 400, q);
  }
  assert.strictEqual((await get('thong-ke.xml')).status, 404);
  const doc = JSON.parse((await get('thong-ke.json')).body);
  const [y, m] = doc.period.to.split('-').map(Number);
  const [fy, fm] = doc.period.from.split('-').map(Number);
  assert.strictEqual((y * 12 + m) - (fy * 12 + fm), 11);
});
