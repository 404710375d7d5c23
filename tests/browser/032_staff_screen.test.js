// The staff layout uses the screen of a counter PC (1366×768) and still works
// on a tablet held sideways (1024×768): a case code stays on one line, an
// excerpt ends on a whole word with "…", nothing scrolls sideways.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { fileCase } = require('../lib/client');
const { open, checkA11y, signIn } = require('./browser');

// 160 characters of words: longer than the inbox's 140-character excerpt
const LONG = 'Quầy tiếp nhận số 01 đông người suốt buổi sáng, cán bộ hướng dẫn chưa rõ ràng, ' +
  'tôi phải đi lại ba lần mới nộp được hồ sơ đăng ký kinh doanh hộ gia đình của mình.';

for (const viewport of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  test(`the inbox at ${viewport.width}×${viewport.height}: codes on one line, no sideways scroll, axe-core`, async () => {
    const { code } = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.22.01.H41', content: LONG });
    const { ctx, page } = await open({ viewport });
    try {
      await signIn(page, 'canbo05');
      await page.goto('/can-bo/?trang-thai=all&q=' + encodeURIComponent(code));
      const link = page.locator(`td.c-code a[href="/can-bo/phan-anh/${code}"]`);
      await link.waitFor();
      const lines = await link.evaluate(a => {
        const lh = parseFloat(getComputedStyle(a).lineHeight);
        return Math.round(a.getBoundingClientRect().height / lh);
      });
      assert.strictEqual(lines, 1, `${code} is on one line`);
      const excerpt = (await page.textContent('td.c-excerpt')).trim();
      assert.ok(excerpt.endsWith('…'), 'the cut excerpt ends with an ellipsis: ' + excerpt);
      const head = excerpt.slice(0, -1);
      assert.ok(LONG.startsWith(head) && LONG[head.length] === ' ', 'cut at the end of a word: ' + excerpt);
      assert.ok([...head].length <= 140, 'at most 140 characters');
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `the page does not scroll sideways (${sideways} px too wide)`);
      const main = await page.evaluate(() => document.querySelector('main').getBoundingClientRect().width);
      assert.ok(main >= viewport.width - 40, `the page uses the screen: main is ${main} px wide`);
      const sticky = await page.evaluate(() => getComputedStyle(document.querySelector('table.cases thead th')).position);
      assert.strictEqual(sticky, 'sticky', 'column heads stay in view on a long list');
      await checkA11y(page, `inbox at ${viewport.width} px`);
      // the dossiers list and the case page at the same width
      for (const path of ['/can-bo/ho-so/?loc=all', `/can-bo/phan-anh/${code}`]) {
        await page.goto(path);
        const w = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(w <= 0, `${path} does not scroll sideways (${w} px)`);
        await checkA11y(page, `${path} at ${viewport.width} px`);
      }
    } finally {
      await ctx.close();
    }
  });
}

test('the audit trail at 1024×768: filters usable, sentences, no sideways scroll, axe-core', async () => {
  const { ctx, page } = await open({ viewport: { width: 1024, height: 768 } });
  try {
    await signIn(page, 'lanhdao01');
    await page.goto('/lanh-dao/nhat-ky');
    await page.selectOption('#t-action', 'login');
    await page.click('form.filters button');
    await page.waitForURL(/thao-tac=login/);
    const lines = await page.locator('td.sentence').allTextContents();
    assert.ok(lines.length > 0 && lines.every(l => / đăng nhập$/.test(l.trim())), lines.slice(0, 3).join(' | '));
    const w = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(w <= 0, `the trail does not scroll sideways (${w} px)`);
    await checkA11y(page, 'audit trail at 1024 px');
  } finally {
    await ctx.close();
  }
});
