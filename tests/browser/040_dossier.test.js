// A receiving officer records a dossier and prints the receipt; a late dossier gets
// its apology letter drafted, signed and printed.  Both printed sheets are
// screenshotted in print mode and their QR codes decoded.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql } = require('../lib/client');
const { open, checkA11y, printedQr, signIn } = require('./browser');

test('The receipt and the apology letter print with QR codes that open the citizen\'s dossier page', async () => {
  const [[proc]] = sql("SELECT id FROM procedure_tthc WHERE unit_id = 2 ORDER BY id LIMIT 1");
  const officer = await open({ viewport: { width: 1100, height: 1000 } });
  const leader = await open({ viewport: { width: 1100, height: 1000 } });
  const citizen = await open();
  try {
    const p = officer.page;
    await signIn(p, 'canbo02');
    await p.goto('/can-bo/ho-so/moi?tt=' + proc);
    await checkA11y(p, 'intake form');
    await p.fill('#name', 'Lý Thị Phương');
    await p.fill('#phone', '0904 111 222');
    await p.click('form[action="/can-bo/ho-so/moi"][method=post] button[type=submit]');
    await p.waitForURL(/\/giay-hen$/);
    const code = p.url().split('/')[5];
    assert.match(await p.textContent('article.sheet'), /Lý Thị Phương/);
    await checkA11y(p, "the receipt");
    const url01 = await printedQr(p, "receipt");
    assert.match(url01, /\/ho-so\/[0-9A-Z]{21}$/);

    // it will be late: the officer drafts the apology, the leader signs it
    await p.goto('/can-bo/ho-so/' + code);
    await p.fill('#reason_text', 'Hệ thống cơ sở dữ liệu hộ tịch gặp sự cố.');
    await p.click('form[action$="/xin-loi"] button');
    await p.waitForURL(/#xin-loi$/);
    const lp = leader.page;
    await signIn(lp, 'lanhdao01');
    await lp.goto('/can-bo/ho-so/' + code);
    await checkA11y(lp, 'dossier page');
    await lp.click('form[action$="/ky"] button');
    await lp.waitForURL(/#xin-loi$/);
    await lp.click('a:has-text("Xem, in văn bản xin lỗi")');
    await lp.waitForURL(/\/xin-loi\/\d+$/);
    assert.match(await lp.textContent('article.sheet'), /Hệ thống cơ sở dữ liệu hộ tịch gặp sự cố/);
    assert.match(await lp.textContent('article.sheet'), /\d+\/PXL/);
    const url04 = await printedQr(lp, "letter");
    assert.strictEqual(url04, url01, 'both sheets point at the same dossier page');

    // the citizen scans it
    const cp = citizen.page;
    await cp.goto(new URL(url04).pathname);
    assert.match(await cp.textContent('.letter'), /Hệ thống cơ sở dữ liệu hộ tịch gặp sự cố/);
    await checkA11y(cp, 'citizen dossier page');
  } finally {
    await officer.ctx.close();
    await leader.ctx.close();
    await citizen.ctx.close();
  }
});
