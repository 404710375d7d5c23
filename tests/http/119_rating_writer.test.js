// The rating writer (cgi-bin/core/ratebatch.h): the citizen program keeps a
// process beside its workers that stores the ratings given at one moment in
// one transaction, each as it would have been stored alone.  Forty citizens
// behind one address rating at the same moment: thirty stored and counted once
// each (the address's limit of 30 an hour), ten refused in Vietnamese, none
// twice; six that reach the writer together with two of the hour's thirty
// left: two stored, four refused.  A writer that stops answering: the worker stores the rating itself
// after Rating.BatchWaitSeconds, and the writer, woken, does not store it
// again.  A writer killed with -9: ratings are still stored, once each, and
// the program starts another writer.  Twelve citizens rating one returned
// dossier at the same moment: a dossier is rated once, so the first is a new
// rating and the eleven after it replace it (within Rating.ReplaceHours),
// each shown the one reference; the aggregates count one rating, of the level
// the last one gave, and the dossier's QĐ 766 verdict follows that level.
'use strict';
const assert = require('assert');
const fs = require('fs');
const { test } = require('../lib/harness');
const { Client, sql, qrPath, formFields, resetLimits, staff, newDossier, VAR } = require('../lib/client');

const COUNTER2 = () => qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')");
const sleep = ms => new Promise(r => setTimeout(r, ms));

// the citizen program's rating writers: the master's children by that name
function writers() {
  const master = fs.readFileSync(`${VAR}/run/citizen.pid`, 'utf8').trim();
  return fs.readdirSync('/proc').filter(d => /^\d+$/.test(d)).filter(d => {
    try {
      const st = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = st.slice(st.lastIndexOf(')') + 2).split(' ');
      return st.includes('(rating-writer)') && rest[1] === master && rest[0] !== 'Z';
    } catch { return false; }
  }).map(Number);
}

// a citizen on the counter's QR page: its client and the rating form's fields
async function citizen(q) {
  const c = new Client();
  const page = await c.get(q);
  assert.strictEqual(page.status, 200);
  return { c, form: formFields(page.text, `${q}/danh-gia`) };
}

const maxId = () => Number(sql('SELECT COALESCE(MAX(id), 0) FROM rating')[0][0]);
const counterDay = () => sql(`SELECT COALESCE(SUM(ratings), 0), COALESCE(SUM(r3), 0), COALESCE(SUM(r2), 0), COALESCE(SUM(r1), 0)
                                FROM stat_day WHERE scope = 'counter'
                                 AND scope_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')`)[0].map(Number);

test('forty citizens behind one address rate at the same moment: thirty stored and counted once each, ten refused', async () => {
  resetLimits();
  assert.strictEqual(writers().length, 1, 'one rating writer runs');
  const q = COUNTER2();
  const people = [];
  for (let i = 0; i < 40; i++) people.push(await citizen(q));
  const [id0, day0] = [maxId(), counterDay()];
  // person i gives level 1, 2 or 3 in turn and signs the comment with i
  const answers = await Promise.all(people.map(({ c, form }, i) =>
    c.post(`${q}/danh-gia`, { ...form, level: String(1 + (i % 3)), comment: `Người thứ ${i}` })));
  const codes = answers.map(r => r.status);
  assert.strictEqual(codes.filter(s => s === 303).length, 30, codes.join(' '));
  assert.strictEqual(codes.filter(s => s === 429).length, 10, codes.join(' '));
  for (const r of answers.filter(a => a.status === 429)) assert.match(r.text, /quá nhiều đánh giá/);

  const stored = sql(`SELECT comment, ref, level FROM rating WHERE id > ${id0} ORDER BY id`);
  assert.strictEqual(stored.length, 30, 'thirty ratings stored');
  assert.strictEqual(new Set(stored.map(r => r[0])).size, 30, 'each person once');
  // each accepted person was sent to the thanks page of the rating stored for them
  const thanked = answers.map((r, i) => [i, r]).filter(([, r]) => r.status === 303)
    .map(([i, r]) => `Người thứ ${i} ${new URL(r.headers.get('location'), 'http://x').searchParams.get('r')}`).sort();
  assert.deepStrictEqual(thanked, stored.map(r => `${r[0]} ${r[1]}`).sort());
  for (const [comment, , level] of stored) {
    assert.strictEqual(Number(level), 1 + (Number(comment.split(' ')[2]) % 3), comment);
  }
  // the counter's day: thirty more ratings, of the levels the stored ones gave
  const by = lv => stored.filter(r => Number(r[2]) === lv).length;
  assert.deepStrictEqual(counterDay(), [day0[0] + 30, day0[1] + by(3), day0[2] + by(2), day0[3] + by(1)]);
  // the address's hour and the link's: thirty attempts, the refused ones not counted
  assert.strictEqual(sql("SELECT SUM(hits) FROM rate_limit WHERE bucket = 'rate-ip'")[0][0], '30');
  assert.strictEqual(sql(`SELECT SUM(hits) FROM rate_limit WHERE bucket = 'rate-link' AND k = '${q.split('/')[2]}'`)[0][0], '30');
  resetLimits();
});

test('ratings waiting together at the address\'s limit: the batch lets through exactly the two left', async () => {
  resetLimits();
  const q = COUNTER2();
  const [w] = writers();
  // 28 of this address's 30 ratings of the hour are used
  sql("INSERT INTO rate_limit (bucket, k, slot, window_start, hits) VALUES ('rate-ip', '127.0.0.1', 0, UTC_TIMESTAMP(), 28)");
  const people = [];
  for (let i = 0; i < 6; i++) people.push(await citizen(q));
  const id0 = maxId();
  // the writer held for a second: the six ratings wait for it together and
  // come to it as one batch (or a few), well within Rating.BatchWaitSeconds
  process.kill(w, 'SIGSTOP');
  let answers;
  try {
    const sent = people.map(({ c, form }, i) => c.post(`${q}/danh-gia`, { ...form, level: '2', comment: `Cùng lúc ${i}` }));
    await sleep(1000);
    process.kill(w, 'SIGCONT');
    answers = await Promise.all(sent);
  } finally {
    process.kill(w, 'SIGCONT');
  }
  const codes = answers.map(r => r.status).sort().join(' ');
  assert.strictEqual(codes, '303 303 429 429 429 429', 'two stored, four refused');
  assert.strictEqual(sql(`SELECT COUNT(*) FROM rating WHERE id > ${id0}`)[0][0], '2');
  assert.strictEqual(sql("SELECT hits FROM rate_limit WHERE bucket = 'rate-ip' AND k = '127.0.0.1'")[0][0], '30');
  resetLimits();
});

test('a writer that does not answer: the worker stores the rating itself, and the writer, woken, does not store it again', async () => {
  resetLimits();
  const [w] = writers();
  const { c, form } = await citizen(COUNTER2());
  assert.match(form.idem, /^[0-9a-f]{32}$/, 'the form carries its idempotency key');
  process.kill(w, 'SIGSTOP');
  let r;
  try {
    r = await c.post(`${COUNTER2()}/danh-gia`, { ...form, level: '3', comment: 'Người viết đang dừng' });
  } finally {
    process.kill(w, 'SIGCONT');
  }
  assert.strictEqual(r.status, 303, 'stored by the worker after its wait');
  // the writer, woken, finds the job of a worker that gave up: one rating, one attempt
  await sleep(1500);
  assert.deepStrictEqual(sql(`SELECT comment FROM rating WHERE idem_key = '${form.idem}'`), [['Người viết đang dừng']]);
  assert.strictEqual(sql("SELECT SUM(hits) FROM rate_limit WHERE bucket = 'rate-ip'")[0][0], '1');
  assert.deepStrictEqual(writers(), [w], 'the same writer goes on');
  const again = await citizen(COUNTER2());
  assert.strictEqual((await again.c.post(`${COUNTER2()}/danh-gia`, { ...again.form, level: '2' })).status, 303);
  assert.strictEqual(sql(`SELECT COUNT(*) FROM rating WHERE idem_key = '${again.form.idem}'`)[0][0], '1');
  resetLimits();
});

test('a writer killed with -9: ratings are still stored, once each, and the program starts another writer', async () => {
  resetLimits();
  const [w] = writers();
  process.kill(w, 'SIGKILL');
  const people = [];
  for (let i = 0; i < 3; i++) people.push(await citizen(COUNTER2()));
  for (const [i, { c, form }] of people.entries()) {
    const r = await c.post(`${COUNTER2()}/danh-gia`, { ...form, level: '3', comment: `Sau khi dừng ${i}` });
    assert.strictEqual(r.status, 303, `rating ${i}`);
    assert.strictEqual(sql(`SELECT COUNT(*) FROM rating WHERE idem_key = '${form.idem}'`)[0][0], '1', `rating ${i} stored once`);
  }
  let now = [];
  for (let i = 0; i < 50; i++) {
    now = writers();
    if (now.length === 1 && now[0] !== w) break;
    await sleep(100);
  }
  assert.strictEqual(now.length, 1, 'a writer runs again');
  assert.notStrictEqual(now[0], w, 'a new one');
  const more = await citizen(COUNTER2());
  assert.strictEqual((await more.c.post(`${COUNTER2()}/danh-gia`, { ...more.form, level: '1' })).status, 303);
  assert.strictEqual(sql(`SELECT COUNT(*) FROM rating WHERE idem_key = '${more.form.idem}'`)[0][0], '1');
  resetLimits();
});

test('twelve citizens rate one returned dossier at the same moment: one rating, new then replaced, its verdict the last one\'s', async () => {
  resetLimits();
  const d = await newDossier({ name: 'Phan Thị Hậu' });
  const officer = await staff('canbo02');
  for (const action of ['co-ket-qua', 'tra-ket-qua']) {
    const csrf = await officer.csrf(`/can-bo/ho-so/${d.code}`);
    assert.strictEqual((await officer.post(`/can-bo/ho-so/${d.code}/${action}`, { csrf })).status, 303, action);
  }
  const [[id]] = sql(`SELECT id FROM dossier WHERE code = '${d.code}' AND status = 'returned'`);
  const q = d.url.replace('/ho-so/', '/q/');
  const people = [];
  for (let i = 0; i < 12; i++) {
    const c = new Client();
    const page = await c.get(d.url);
    assert.strictEqual(page.status, 200);
    people.push({ c, form: formFields(page.text, `${q}/danh-gia`) });
  }
  const unitDay = () => sql(`SELECT SUM(ratings), SUM(r3), SUM(r1) FROM stat_day WHERE scope = 'unit' AND scope_id = 2`)[0].map(Number);
  const unhappy = () => Number(sql(`SELECT COALESCE(SUM(unhappy), 0) FROM stat_dossier_day WHERE scope = 'unit' AND scope_id = 2`)[0][0]);
  const [day0, unhappy0] = [unitDay(), unhappy()];
  // person i gives "Rất hài lòng" (3) or "Không hài lòng" (1) in turn
  const [w] = writers();
  process.kill(w, 'SIGSTOP');
  let answers;
  try {
    const sent = people.map(({ c, form }, i) => c.post(`${q}/danh-gia`, { ...form, level: i % 2 ? '1' : '3', comment: `Người thứ ${i}` }));
    await sleep(1000);
    // they wait for the writer, which stores them (a worker would within Rating.BatchWaitSeconds)
    assert.strictEqual(sql(`SELECT COUNT(*) FROM rating WHERE dossier_id = ${id}`)[0][0], '0', 'held by the stopped writer');
    process.kill(w, 'SIGCONT');
    answers = await Promise.all(sent);
  } finally {
    process.kill(w, 'SIGCONT');
  }
  assert.deepStrictEqual(answers.map(r => r.status), Array(12).fill(303));
  const thanks = answers.map(r => new URL(r.headers.get('location'), 'http://x').searchParams);
  const [[ref, comment, level]] = sql(`SELECT ref, comment, level FROM rating WHERE dossier_id = ${id}`);
  assert.deepStrictEqual(thanks.map(p => p.get('r')), Array(12).fill(ref), 'each shown the dossier\'s one rating');
  assert.deepStrictEqual(thanks.map(p => p.get('kq')).sort(), [...Array(11).fill('replaced'), null].sort(),
    'one new, eleven replacing it');
  const last = Number(comment.split(' ')[2]);
  assert.strictEqual(Number(level), last % 2 ? 1 : 3, 'the rating holds the answers of the one it ends with');
  // one rating more for the unit, of that level; the dossier unhappy exactly when it is 1
  assert.deepStrictEqual(unitDay(), [day0[0] + 1, day0[1] + (level === '3' ? 1 : 0), day0[2] + (level === '1' ? 1 : 0)]);
  assert.strictEqual(sql(`SELECT COUNT(*) FROM dossier_unhappy WHERE dossier_id = ${id}`)[0][0], level === '1' ? '1' : '0');
  assert.strictEqual(unhappy(), unhappy0 + (level === '1' ? 1 : 0));
  resetLimits();
});
