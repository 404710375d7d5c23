// A tablet at the counter, all day with nobody touching it: the three levels,
// the criteria, thanks, back to the start; a network cut loses nothing and the
// queued rating is sent exactly once when the network returns.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, Client } = require('../lib/client');
const { open, checkA11y } = require('./browser');

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function kioskPath() {
  const admin = new Client();
  await admin.login('quantri');
  const page = await admin.get('/quan-tri/may-tinh-bang');
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  const [[counter]] = sql("SELECT id FROM counter WHERE unit_id = 7 AND code = 'Q01'");
  const r = await admin.post('/quan-tri/may-tinh-bang', { csrf, name: 'Máy trình duyệt', counter });
  return { path: new URL(r.text.match(/id="new-url">([^<]+)</)[1]).pathname, counter };
}

test('kiosk at tablet size: tap, criteria, thanks, reset; offline tap sent once when back online', async () => {
  const { path, counter } = await kioskPath();
  const count = () => Number(sql(`SELECT COUNT(*) FROM rating WHERE channel = 'kiosk' AND counter_id = ${counter}`)[0][0]);
  const { ctx, page } = await open({ viewport: { width: 800, height: 1280 } });
  try {
    await page.goto(path);
    await checkA11y(page, 'kiosk');
    const n0 = count();
    await page.click('button.lv3');
    assert.ok(await page.isVisible('#k-step2'));
    await page.check('input[name=c_attitude][value="3"]');
    await page.click('#k-send');
    assert.match(await page.textContent('#k-thanks-text'), /Cảm ơn/);
    for (let i = 0; i < 50 && count() === n0; i++) await sleep(100);
    assert.strictEqual(count(), n0 + 1);
    await page.waitForSelector('#k-step1:not([hidden])', { timeout: 8000 });   // back to the start by itself

    // the network drops; the next citizen taps anyway
    sql('UPDATE kiosk_device SET last_rating = NULL');
    await ctx.setOffline(true);
    await page.click('button.lv2');
    await page.click('#k-send');
    await page.waitForFunction(() => /1/.test(document.getElementById('k-status').textContent));
    assert.strictEqual(count(), n0 + 1, 'nothing reached the server yet');
    await ctx.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (let i = 0; i < 100 && count() === n0 + 1; i++) await sleep(100);
    assert.strictEqual(count(), n0 + 2, 'sent when the network came back');
    await sleep(1500);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await sleep(1500);
    assert.strictEqual(count(), n0 + 2, 'exactly once');
    assert.strictEqual(await page.textContent('#k-status'), '');
  } finally {
    await ctx.close();
  }
});
