// The administrator at a desk (1280 px): the unit tree, a unit's counters and
// the new-account form, each checked with axe-core; a refused form keeps what
// was typed and says why, in Vietnamese.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { resetLimits } = require('../lib/client');
const { open, checkA11y } = require('./browser');

test('admin: unit tree, a unit with its counters and the user form pass axe-core at 1280 px', async () => {
  resetLimits();
  const { ctx, page } = await open({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto('/quan-tri/don-vi');
    await page.waitForURL(/dang-nhap/);
    await page.fill('#username', 'quantri');
    await page.fill('#password', 'motcua-demo');
    await page.click('button[type=submit]');
    await page.waitForURL('**/quan-tri/don-vi');
    assert.strictEqual((await page.textContent('h1')).trim(), 'Cây đơn vị');
    // the centre is nested under the province in the tree
    assert.ok(await page.isVisible('ul.tree > li > ul > li >> text=Trung tâm Phục vụ hành chính công tỉnh Ninh Bình'));
    await checkA11y(page, 'unit tree');

    await page.click('text=Trung tâm Phục vụ hành chính công tỉnh Ninh Bình');
    await page.waitForURL('**/quan-tri/don-vi/000.00.01.H41');
    assert.match(await page.textContent('#quay + .table-wrap'), /Xem, in Q01/);
    assert.match(await page.inputValue('input[name=rename] >> nth=0'), /Quầy 01/);
    await checkA11y(page, 'unit page with counters');

    await page.goto('/quan-tri/can-bo/moi?don-vi=000.00.01.H41');
    assert.strictEqual(await page.inputValue('#f-unit'), '000.00.01.H41');
    await checkA11y(page, 'new user form');
    await page.fill('#f-username', 'bt-' + Date.now().toString(36));
    await page.fill('#f-full_name', 'Ngô Văn Thử');
    await page.fill('#f-password', 'ngan-qua');   // 9 characters: the server refuses it
    await page.click('form[action="/quan-tri/can-bo/moi"] button[type=submit]');
    await page.waitForSelector('p.error');
    assert.match(await page.textContent('p.error'), /Mật khẩu phải có ít nhất 10 ký tự/);
    assert.strictEqual(await page.inputValue('#f-full_name'), 'Ngô Văn Thử');
    assert.strictEqual(await page.getAttribute('#f-password', 'aria-invalid'), 'true');
    await checkA11y(page, 'user form with an error');
    for (const [path, what] of [['/quan-tri/thu-tuc', 'procedures'], ['/quan-tri/may-tinh-bang', 'tablets'], ['/quan-tri/lich', 'calendar']]) {
      await page.goto(path);
      await checkA11y(page, what);
    }
  } finally {
    await ctx.close();
  }
});
