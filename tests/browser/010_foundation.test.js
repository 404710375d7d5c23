// Foundation in a real browser: the home page at phone size, the language
// switch, and an officer's sign-in, each checked with axe-core.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { open, checkA11y } = require('./browser');

test('home page at 360 px: units listed, no horizontal scroll, no accessibility violations', async () => {
  const { ctx, page } = await open();
  try {
    const res = await page.goto('/');
    assert.strictEqual(res.status(), 200);
    assert.strictEqual(await page.textContent('h1'), 'Bộ phận Một cửa');
    assert.ok(await page.isVisible('text=Trung tâm Phục vụ hành chính công tỉnh Ninh Bình'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.strictEqual(overflow, false, 'no horizontal scrolling on a phone');
    await checkA11y(page, 'home');
    await page.click('text=English');
    assert.strictEqual(await page.textContent('h1'), 'One-stop counters');
    await checkA11y(page, 'home (en)');
  } finally {
    await ctx.close();
  }
});

test('an officer signs in with the form and sees the workspace; a wrong password is explained', async () => {
  const { ctx, page } = await open();
  try {
    await page.goto('/can-bo/dang-nhap');
    await checkA11y(page, 'sign-in');
    await page.fill('#username', 'canbo05');
    await page.fill('#password', 'sai-roi-nhe');
    await page.click('button[type=submit]');
    assert.match(await page.textContent('.error'), /Tên đăng nhập hoặc mật khẩu không đúng/);
    assert.strictEqual(await page.inputValue('#username'), 'canbo05');
    await page.fill('#password', 'motcua-demo');
    await page.click('button[type=submit]');
    await page.waitForURL('**/can-bo/');
    assert.match(await page.textContent('.who'), /Hoàng Văn Nam/);
    assert.strictEqual(await page.textContent('h1'), 'Hộp phản ánh');
    await checkA11y(page, 'workspace');
  } finally {
    await ctx.close();
  }
});
