// A leader preparing a report: the dashboard, a drill-down list and the
// printable report, at desktop size, with no accessibility violations.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { open, checkA11y } = require('./browser');

test('dashboard → drill-down → dossier, and the printable report (axe-core)', async () => {
  const { ctx, page } = await open({ viewport: { width: 1280, height: 1000 } });
  try {
    await page.goto('/can-bo/dang-nhap');
    await page.fill('#username', 'lanhdao02');
    await page.fill('#password', 'motcua-demo');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/lanh-dao\/$/);   // a leader lands on the dashboard
    await page.goto('/lanh-dao/?ky=nam');
    assert.match(await page.textContent('h1'), /Ủy ban nhân dân tỉnh Ninh Bình/);
    await checkA11y(page, 'dashboard');
    await page.click('.fig a[href*="loai=late&"]');
    await page.waitForURL(/danh-sach\?loai=late&/);
    await checkA11y(page, 'drill-down list');
    const first = page.locator('tbody a').first();
    if (await first.count()) {
      const code = (await first.textContent()).trim();
      await first.click();
      await page.waitForURL('**/can-bo/ho-so/' + code);
      assert.match(await page.textContent('h1'), new RegExp(code.replace(/\./g, '\\.')));
    }
    await page.goto('/lanh-dao/?ky=nam&in=1');
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.isVisible('article.report'));
    await page.emulateMedia({ media: 'screen' });
    await checkA11y(page, 'printable report');
  } finally {
    await ctx.close();
  }
});
