// The citizen's walk on a phone: scan a counter's QR, rate "Không hài lòng",
// say what was wrong (a case), file a complaint with a photo anonymously, track it.
// axe-core on every page.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test } = require('../lib/harness');
const { qrPath, resetLimits, sql } = require('../lib/client');
const { open, checkA11y } = require('./browser');

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.alloc(4000, 9), Buffer.from([0xff, 0xd9])]);

test('scan → rate → complain → track, on a 360 px phone, with no accessibility violations', async () => {
  resetLimits();
  const q = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 7 AND code = 'Q02')");
  const { ctx, page } = await open();
  try {
    await page.goto(q);
    assert.match(await page.textContent('.ctx'), /Quầy 02 – Đất đai/);
    await checkA11y(page, 'QR landing');
    await page.click('button.lv1');                        // one tap: "Không hài lòng"
    await page.waitForURL(/\/cam-on\?r=/);
    assert.match(await page.textContent('h1'), /Cảm ơn Ông\/Bà đã đánh giá/);
    await checkA11y(page, 'thanks');
    await page.click('button[name=reason][value=attitude]');  // second tap: what was wrong
    await page.waitForURL(/\/phan-anh\/PA-\d{8}-\d{4}-[0-9A-Z]{4}\?moi=1/);
    const quickCode = (await page.textContent('strong.code')).trim();
    assert.match(quickCode, /^PA-\d{8}-\d{4}-[0-9A-Z]{4}$/);
    await checkA11y(page, 'case (new)');

    // a complaint with a photo, anonymously, from the same QR
    await page.goto(q);
    await page.click('text=Gửi phản ánh, kiến nghị');
    await page.waitForURL(/\/phan-anh\/moi\?t=/);
    await checkA11y(page, 'feedback form');
    await page.check('input[name=kind][value=conduct]');
    await page.fill('#content', 'Cán bộ quầy 2 hẹn tôi quay lại ba lần mà không nói rõ còn thiếu giấy tờ gì.');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'up-'));
    const photo = path.join(dir, 'ảnh-quầy.jpg');
    fs.writeFileSync(photo, JPEG);
    await page.setInputFiles('#files', photo);
    await page.check('input[name=identity][value=anonymous]');
    await page.click('form[action="/phan-anh/moi"] button[type=submit]');
    await page.waitForURL(/\/phan-anh\/PA-.*\?moi=1/);
    const code = (await page.textContent('strong.code')).trim();
    assert.notStrictEqual(code, quickCode);
    assert.deepStrictEqual(sql(`SELECT f.identity, COUNT(ff.id) FROM feedback f LEFT JOIN feedback_file ff ON ff.feedback_id = f.id WHERE CONCAT(f.code, '-', f.check_part) = '${code}' GROUP BY f.id`), [['anonymous', '1']]);
    fs.rmSync(dir, { recursive: true, force: true });

    // later: look it up by the code
    await page.goto('/phan-anh/');
    await checkA11y(page, 'tracking form');
    await page.fill('#ma', code.toLowerCase());
    await page.click('form[action="/phan-anh/"] button');
    await page.waitForURL('**/phan-anh/' + code);
    assert.match(await page.textContent('.facts'), /Mới tiếp nhận/);
    await checkA11y(page, 'case');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.strictEqual(overflow, false, 'no horizontal scrolling');
  } finally {
    await ctx.close();
  }
});

test('a form with an error comes back with what was typed (no JavaScript needed)', async () => {
  resetLimits();
  const { ctx, page } = await open();
  try {
    await page.goto('/phan-anh/moi');
    await page.check('input[name=kind][value=suggestion]');
    await page.selectOption('#unit', '000.00.01.H41');
    await page.fill('#content', 'Nên bố trí thêm ghế ngồi chờ ở tầng 1.');
    await page.check('input[name=identity][value=named]');
    await page.fill('#name', 'Đỗ Thị Mai');
    await page.fill('#email', 'mai@@example');
    await page.click('form[action="/phan-anh/moi"] button[type=submit]');
    await page.waitForSelector('.error-box');
    assert.match(await page.textContent('#err-email'), /Thư điện tử không hợp lệ/);
    assert.strictEqual(await page.inputValue('#content'), 'Nên bố trí thêm ghế ngồi chờ ở tầng 1.');
    assert.strictEqual(await page.inputValue('#name'), 'Đỗ Thị Mai');
    await checkA11y(page, 'feedback form with errors');
    await page.fill('#email', 'mai@example.vn');
    await page.click('form[action="/phan-anh/moi"] button[type=submit]');
    await page.waitForURL(/\?moi=1/);
  } finally {
    await ctx.close();
  }
});

test('public statistics and the poster page pass axe-core', async () => {
  const { ctx, page } = await open();
  try {
    await page.goto('/thong-ke/');
    await checkA11y(page, 'statistics');
    const q = qrPath("kind = 'counter'");
    await page.goto(q + '/ap-phich');
    await checkA11y(page, 'poster');
  } finally {
    await ctx.close();
  }
});

// Taps counted at 320 px, with and without JavaScript: "Không hài lòng" and a
// reason file the case (2 taps); "Điều khác" asks the kind (3 taps).
for (const js of [true, false]) {
  test(`an unhappy tap captures why in at most 3 taps at 320 px (JavaScript ${js ? 'on, axe-core' : 'off'})`, async () => {
    const q = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 7 AND code = 'Q01')");
    for (const [taps, expectKind] of [[['button.lv1', 'button[name=reason][value=wait]'], 'petition'],
      [['button.lv1', 'button[name=reason][value=other]', 'button[name=kind][value=conduct]'], 'conduct']]) {
      resetLimits();
      // a browser of its own each time (the same one would replace its rating)
      const c = await open({ viewport: { width: 320, height: 640 }, javaScriptEnabled: js });
      try {
        await c.page.goto(q);
        for (const [i, t] of taps.entries()) {
          if (i === 1) {
            assert.strictEqual(await c.page.textContent('#what-wrong'), 'Điều gì chưa tốt?');
            if (js) await checkA11y(c.page, 'what was wrong');
            await c.page.fill('#comment', 'Chờ lâu ở quầy');
          }
          await Promise.all([c.page.waitForNavigation(), c.page.click(t)]);
        }
        assert.match(c.page.url(), /\/phan-anh\/PA-\d{8}-\d{4}-[0-9A-Z]{4}\?moi=1&k=[0-9A-Z]{13}$/, `${taps.length} taps file the case`);
        const code = (await c.page.textContent('strong.code')).trim();
        assert.deepStrictEqual(sql(`SELECT kind, identity, content LIKE '%Chờ lâu ở quầy' FROM feedback WHERE CONCAT(code, '-', check_part) = '${code}'`), [[expectKind, 'anonymous', '1']]);
        const [sw, iw] = await c.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(sw <= iw, `case page ${sw} px wide at ${iw}`);
      } finally {
        await c.ctx.close();
      }
    }
  });
}

test('going back and tapping another level replaces the rating and says so (320 px, no JavaScript)', async () => {
  resetLimits();
  const q = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q04')");
  const { ctx, page } = await open({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
  try {
    await page.goto(q);
    await Promise.all([page.waitForNavigation(), page.click('button.lv3')]);
    const ref = new URL(page.url()).searchParams.get('r');
    await page.goBack();
    await Promise.all([page.waitForNavigation(), page.click('button.lv2')]);
    assert.strictEqual(new URL(page.url()).searchParams.get('r'), ref, 'the same rating');
    assert.match(await page.textContent('main'), /Đánh giá trước của Ông\/Bà đã được thay bằng đánh giá mới/);
    assert.deepStrictEqual(sql(`SELECT COUNT(*), MAX(level) FROM rating WHERE ref = '${ref}'`), [['1', '2']]);
  } finally {
    await ctx.close();
  }
});
