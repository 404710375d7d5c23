// The notice on personal data (/du-lieu-ca-nhan): plain Vietnamese, what is
// collected, why and on which basis, who sees it, how long, the citizen's
// rights and a contact; linked from every form that collects personal data.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, staff, qrPath } = require('../lib/client');

test('the notice: each part, the legal basis, and the province\'s contact (the one-stop centre nearest the top)', async () => {
  const r = await new Client().get('/du-lieu-ca-nhan');
  assert.strictEqual(r.status, 200);
  for (const h of ['Dữ liệu được thu thập', 'Mục đích và căn cứ', 'Ai được xem', 'Thời gian lưu trữ', 'Quyền của Ông/Bà', 'Đầu mối về dữ liệu cá nhân']) {
    assert.ok(r.text.includes(`>${h}</h2>`), h);
  }
  assert.ok(r.text.includes('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15'));
  assert.ok(r.text.includes('không cần sự đồng ý của chủ thể dữ liệu'), 'processing without consent named as such');
  assert.ok(r.text.includes('cán bộ bị phản ánh không bao giờ thấy thông tin của Ông/Bà'), 'the confidential-subject rule');
  // no Privacy.Contact* in the test stack's configuration: the provincial centre of the demo province
  assert.match(r.text, /<strong>Trung tâm Phục vụ hành chính công tỉnh Ninh Bình<\/strong>/);
  assert.match(r.text, /<a href="tel:02293888555">0229 3888 555<\/a>/);
  // how long: the periods motcuactl retention applies (the stack keeps the defaults)
  assert.match(r.text, /người gửi phản ánh \(tính từ khi phản ánh kết thúc\)<\/dt><dd>24 tháng<\/dd>/);
  assert.match(r.text, /người nộp hồ sơ \(tính từ khi trả kết quả\); hồ sơ được lưu theo quy định về lưu trữ<\/dt><dd>5 năm<\/dd>/);
  assert.match(r.text, /tin nhắn, e-mail đã gửi \(tính từ ngày gửi\)<\/dt><dd>90 ngày<\/dd>/);
  assert.ok(r.text.normalize('NFC') === r.text, 'NFC');
  const en = await new Client().get('/du-lieu-ca-nhan?lang=en');
  assert.match(en.text, /<h1>How your personal data is handled<\/h1>/);
});

test('linked from the feedback form, the rating page, the dossier intake and every page\'s footer', async () => {
  const link = /<a href="\/du-lieu-ca-nhan">/;
  const anon = new Client();
  const form = await anon.get('/phan-anh/moi');
  const f = form.text.indexOf('action="/phan-anh/moi"');
  assert.ok(f > 0 && link.test(form.text.slice(f, form.text.indexOf('</form>', f))), 'in the feedback form itself');
  const rate = await anon.get(qrPath("kind = 'counter' AND revoked_at IS NULL"));
  assert.match(rate.text.slice(rate.text.indexOf('id="comment-help"')), /^[^]*?<a href="\/du-lieu-ca-nhan">/, 'next to the comment box');
  const intake = await (await staff('canbo02')).get('/can-bo/ho-so/moi');
  const at = intake.text.indexOf('action="/can-bo/ho-so/moi"');
  assert.ok(at > 0 && link.test(intake.text.slice(at, intake.text.indexOf('</form>', at))), 'in the intake form');
  for (const path of ['/', '/thu-tuc/', '/don-vi/', '/thong-ke/']) {
    const page = await anon.get(path);
    assert.ok(link.test(page.text.slice(page.text.indexOf('<footer'))), path);
  }
});
