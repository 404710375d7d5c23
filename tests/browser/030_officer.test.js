// An officer at a busy counter: signs in, finds the new complaint filed through
// a QR code, classifies it, answers it; the citizen sees the answer on a phone.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { qrPath, resetLimits } = require('../lib/client');
const { open, checkA11y } = require('./browser');

test('sign-in → classify → answer → the citizen reads the answer (axe-core on the staff pages)', async () => {
  resetLimits();
  const citizen = await open();
  const officer = await open({ viewport: { width: 1280, height: 900 } });
  try {
    // the citizen files a complaint through the counter's QR code
    const q = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 9 AND code = 'Q01')");
    const cp = citizen.page;
    await cp.goto('/phan-anh/moi?t=' + q.split('/')[2]);
    await cp.check('input[name=kind][value=conduct]');
    await cp.fill('#content', 'Tôi phải chờ 3 tiếng mà không có số thứ tự.');
    await cp.check('input[name=identity][value=anonymous]');
    await cp.click('form[action="/phan-anh/moi"] button[type=submit]');
    await cp.waitForURL(/\?moi=1/);
    const pub = (await cp.textContent('strong.code')).trim();
    const code = pub.slice(0, -5);

    // the officer of that commune centre
    const op = officer.page;
    await op.goto('/can-bo/');
    await op.waitForURL(/dang-nhap/);
    await op.fill('#username', 'canbo05');
    await op.fill('#password', 'motcua-demo');
    await op.click('button[type=submit]');
    await op.waitForURL(/\/can-bo\/$/);
    await checkA11y(op, 'inbox');
    await op.fill('#f-q', code);                         // the citizen reads the code out
    await op.click('form.filters button');
    await op.waitForURL(/q=/);
    await op.click(`a[href="/can-bo/phan-anh/${code}"]`);
    await op.waitForURL('**/can-bo/phan-anh/' + code);
    assert.match(await op.textContent('main'), /Tôi phải chờ 3 tiếng/);
    await checkA11y(op, 'case page');
    await op.check('input[name=class][value=conduct]');
    await op.click(`form[action$="/phan-loai"] button`);
    await op.waitForURL('**/can-bo/phan-anh/' + code);
    assert.match(await op.textContent('.facts'), /Đang xác minh/);
    await op.fill('#answer', 'Trung tâm xin lỗi Ông/Bà. Từ tuần sau quầy 01 sẽ phát số thứ tự.');
    await op.click(`form[action$="/tra-loi"] button`);
    await op.waitForURL('**/can-bo/phan-anh/' + code);
    assert.match(await op.textContent('.facts'), /Đã trả lời/);

    // the citizen comes back to the tracking page
    await cp.goto('/phan-anh/' + pub);
    assert.match(await cp.textContent('.answer'), /Từ tuần sau quầy 01 sẽ phát số thứ tự/);
    await checkA11y(cp, 'case with answer');
    await cp.click('button[name=satisfied][value="1"]');
    await cp.waitForURL('**/phan-anh/' + pub);
    assert.match(await cp.textContent('.timeline'), /Người gửi hài lòng với câu trả lời/);

    // the citizen's personal data: a request refused without its value keeps what was typed, then sent
    await cp.click('text=Dữ liệu cá nhân của bạn');
    await cp.waitForURL('**/phan-anh/' + pub + '/du-lieu');
    await checkA11y(cp, 'personal data page');
    await cp.check('input[name=kind][value=correct]');
    await cp.fill('#dr-detail', 'Số điện thoại đã đổi.');
    await cp.click('form[action$="/du-lieu"] button[type=submit]');
    assert.match(await cp.textContent('[role=alert]'), /Vui lòng chọn mục cần sửa/);
    assert.strictEqual(await cp.inputValue('#dr-detail'), 'Số điện thoại đã đổi.');
    await checkA11y(cp, 'personal data page with an error');
    await cp.check('input[name=kind][value=restrict]');
    await cp.click('form[action$="/du-lieu"] button[type=submit]');
    await cp.waitForURL(/\/du-lieu\?yc=YC-/);
    await checkA11y(cp, 'personal data page with a request');
    await op.goto('/can-bo/yeu-cau-du-lieu');
    await checkA11y(op, 'personal data requests');
    await op.click('td.c-code a');
    assert.match(await op.textContent('#restricted'), /Đang hạn chế xử lý dữ liệu cá nhân/);
    await checkA11y(op, 'personal data request');
  } finally {
    await citizen.ctx.close();
    await officer.ctx.close();
  }
});
