// Uploads on a phone (issue: uploads that do not lose work).  The limits are
// read before the picker; with scripts on, a file over 5 MB is refused the
// moment it is chosen (nothing is uploaded), phone photos are made smaller
// before sending, and what was typed survives a refused upload in the tab.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { test } = require('../lib/harness');
const { resetLimits, sql } = require('../lib/client');
const { open, checkA11y } = require('./browser');

const MB = 1024 * 1024;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'up-'));

test('the limits come before the picker; a 6 MB file is refused when chosen, before any upload', async () => {
  resetLimits();
  const { ctx, page } = await open({ viewport: { width: 320, height: 640 } });
  try {
    await page.goto('/phan-anh/moi');
    const order = await page.evaluate(() => {
      const all = [...document.querySelectorAll('#files-help, #files')];
      return all.map(e => e.id);
    });
    assert.deepStrictEqual(order, ['files-help', 'files'], 'the limits are read before choosing');
    assert.match(await page.textContent('#files-help'), /Tối đa 3 tệp JPEG, PNG hoặc PDF, mỗi tệp không quá 5 MB/);
    const posts = [];
    page.on('request', r => { if (r.method() === 'POST') posts.push(r.url()); });
    const big = path.join(tmp, 'bien-ban.pdf');
    fs.writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * MB, 32)]));
    await page.setInputFiles('#files', big);
    await page.waitForFunction(() => document.getElementById('files-check').textContent !== '');
    assert.match(await page.textContent('#files-check'), /bien-ban\.pdf quá lớn: mỗi tệp không quá 5 MB/);
    assert.strictEqual(await page.evaluate(() => document.getElementById('files').files.length), 0, 'the file is taken off the form');
    // four files: one too many, said at once
    const small = [1, 2, 3, 4].map(i => { const f = path.join(tmp, `t${i}.pdf`); fs.writeFileSync(f, '%PDF-1.4\n' + i); return f; });
    await page.setInputFiles('#files', small);
    await page.waitForFunction(() => /tối đa 3 tệp/.test(document.getElementById('files-check').textContent));
    assert.deepStrictEqual(posts, [], 'nothing was sent');
    await checkA11y(page, 'feedback form with a file refused');
  } finally {
    await ctx.close();
  }
});

test('a 12-megapixel phone photo is made smaller in the browser and sent; the case keeps the smaller JPEG', async () => {
  resetLimits();
  const { ctx, page } = await open();
  try {
    await page.goto('/phan-anh/moi');
    // a photo as a phone takes it: 4000 × 3000, noisy, JPEG at high quality
    const before = await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 4000; c.height = 3000;
      const g = c.getContext('2d');
      const img = g.createImageData(4000, 3000);
      for (let i = 0; i < img.data.length; i += 4) {
        img.data[i] = (i * 7) % 251; img.data[i + 1] = (i * 13) % 241; img.data[i + 2] = (i >> 9) % 256; img.data[i + 3] = 255;
      }
      g.putImageData(img, 0, 0);
      const blob = await new Promise(ok => c.toBlob(ok, 'image/jpeg', 0.95));
      const dt = new DataTransfer();
      dt.items.add(new File([blob], 'IMG_20261202_0930.jpeg', { type: 'image/jpeg' }));
      const input = document.getElementById('files');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return blob.size;
    });
    assert.ok(before > 3 * MB, `the photo is large to begin with (${before} bytes)`);
    await page.waitForSelector('#files[data-checked="1"]', { timeout: 30000 });
    const after = await page.evaluate(() => { const f = document.getElementById('files').files[0]; return [f.name, f.type, f.size]; });
    assert.strictEqual(after[0], 'IMG_20261202_0930.jpg');
    assert.strictEqual(after[1], 'image/jpeg');
    assert.ok(after[2] < before / 3, `made smaller: ${before} → ${after[2]} bytes`);
    assert.match(await page.textContent('#files-check'), /Tệp đã sẵn sàng để gửi \(tổng \d+ KB\)/);
    await page.selectOption('#unit', '000.00.01.H41');
    await page.check('input[name=kind][value=suggestion]');
    await page.fill('#content', 'Ảnh chụp bảng niêm yết thủ tục bị mờ, đề nghị thay bảng mới.');
    await page.check('input[name=identity][value=anonymous]');
    await page.click('form[action="/phan-anh/moi"] button[type=submit]');
    await page.waitForURL(/\/phan-anh\/PA-.*\?moi=1/);
    const code = (await page.textContent('strong.code')).trim();
    const rows = sql(`SELECT ff.filename, ff.mime, ff.size FROM feedback_file ff JOIN feedback f ON f.id = ff.feedback_id WHERE CONCAT(f.code, '-', f.check_part) = '${code}'`);
    assert.deepStrictEqual(rows, [['IMG_20261202_0930.jpg', 'image/jpeg', String(after[2])]]);
  } finally {
    await ctx.close();
  }
});

test('what was typed comes back in the same tab after a refused upload, and not after the case is filed', async () => {
  resetLimits();
  const { ctx, page } = await open();
  try {
    await page.goto('/phan-anh/moi');
    await page.check('input[name=kind][value=petition]');
    await page.selectOption('#unit', '000.00.01.H41');
    await page.fill('#content', 'Hồ sơ của tôi quá hẹn hai tuần mà chưa nhận được văn bản xin lỗi.');
    await page.check('input[name=identity][value=named]');
    await page.fill('#name', 'Trịnh Văn Lâm');
    await page.fill('#phone', '0912 345 678');
    // three photos over 16 MB in all, sent as they are (the form posted without the script's help)
    const res = await page.evaluate(async size => {
      const fd = new FormData(document.querySelector('form[action="/phan-anh/moi"]'));
      fd.append('files[]', new File([new Uint8Array(size)], 'a.jpg', { type: 'image/jpeg' }));
      const r = await fetch('/phan-anh/moi', { method: 'POST', body: fd });
      return [r.status, await r.text()];
    }, 17 * MB);
    assert.strictEqual(res[0], 413);
    assert.match(res[1], /Tệp gửi kèm quá lớn/);
    assert.match(res[1], /<html lang="vi">/);
    // the form opened again in this tab has the text back, and says so
    await page.goto('/');
    await page.goto('/phan-anh/moi');
    assert.strictEqual(await page.inputValue('#content'), 'Hồ sơ của tôi quá hẹn hai tuần mà chưa nhận được văn bản xin lỗi.');
    assert.strictEqual(await page.inputValue('#name'), 'Trịnh Văn Lâm');
    assert.strictEqual(await page.inputValue('#phone'), '0912 345 678');
    assert.ok(await page.isChecked('input[name=kind][value=petition]'));
    assert.ok(await page.isVisible('#draft-note'));
    assert.match(await page.textContent('#draft-note'), /đã được khôi phục/);
    // sent: the draft is gone; a new form starts empty
    await page.click('form[action="/phan-anh/moi"] button[type=submit]');
    await page.waitForURL(/\/phan-anh\/PA-.*\?moi=1/);
    await page.goto('/phan-anh/moi');
    assert.strictEqual(await page.inputValue('#content'), '');
    assert.ok(!(await page.isVisible('#draft-note')));
  } finally {
    await ctx.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
