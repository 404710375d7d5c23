// A citizen on a phone finds a procedure without typing accents and sees what
// to bring; the unit directory and the dossier look-up pass axe-core too.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { open, checkA11y } = require('./browser');

test('catalogue at 360 px: search without diacritics, open a procedure (axe-core)', async () => {
  const { ctx, page } = await open();
  try {
    await page.goto('/thu-tuc/');
    await checkA11y(page, 'catalogue');
    await page.fill('#q', 'dang ky kinh doanh');
    await page.click('form[role=search] button');
    await page.waitForURL(/q=dang/);
    const first = page.locator('.results a').first();
    // the words in any order (the demo catalogue has "Đăng ký thành lập hộ kinh doanh";
    // the HTTP suite adds "Đăng ký kinh doanh hộ gia đình")
    const name = await first.textContent();
    assert.match(name, /[Đđ]ăng ký/);
    assert.match(name, /kinh doanh/);
    await first.click();
    await page.waitForURL(/\/thu-tuc\/[0-9.]+$/);
    assert.match(await page.textContent('main'), /Thành phần hồ sơ cần chuẩn bị/);
    await checkA11y(page, 'procedure page');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.strictEqual(overflow, false);
    await page.goto('/don-vi/');
    await checkA11y(page, 'unit directory');
    await page.goto('/ho-so/');
    await checkA11y(page, 'dossier look-up');
  } finally {
    await ctx.close();
  }
});
