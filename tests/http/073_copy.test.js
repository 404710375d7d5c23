// The words on the citizen's pages (issue 15 points 3, 7 and 12): one register
// ("Ông/Bà", as the answers and letters say), labels that say what they are,
// each question asked once, errors that list and link to their fields.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, qrPath, formFields, resetLimits, text, newDossier } = require('../lib/client');

const COUNTER = () => qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q03')");

test('the rating page: "Ông/Bà", the overall question once, the trips criterion asks about trips', async () => {
  const r = await new Client().get(COUNTER());
  assert.strictEqual(r.status, 200);
  const t = text(r.text);
  assert.match(t, /Ông\/Bà đang đánh giá/);
  assert.strictEqual(t.split('Ông/Bà có hài lòng với việc tiếp nhận, giải quyết hồ sơ không?').length - 1, 1, 'asked once');
  assert.match(t, /Mức độ hài lòng chung \(nếu chưa chạm ở trên\)/);
  assert.match(t, /Số lần phải đi lại có hợp lý không/);
  assert.doesNotMatch(t, /\bbạn\b/i, 'one register');
});

test('the thanks page and the feedback form from a QR speak to "Ông/Bà"; the form\'s card names where it goes', async () => {
  resetLimits();
  const c = new Client();
  const q = COUNTER();
  const page = await c.get(q);
  const r = await c.post(`${q}/danh-gia`, { ...formFields(page.text, `${q}/danh-gia`), level: '2' });
  const thanks = text((await c.get(r.headers.get('location'))).text);
  assert.match(thanks, /Cảm ơn Ông\/Bà đã đánh giá/);
  assert.doesNotMatch(thanks, /\bbạn\b/i);
  const form = await c.get('/phan-anh/moi?t=' + q.split('/')[2]);
  assert.match(text(form.text), /Ý kiến gửi tới Trung tâm Phục vụ hành chính công tỉnh Ninh Bình/);
  assert.doesNotMatch(text(form.text), /đang đánh giá|\bbạn\b/i);
  assert.match(form.text, /<div class="contact">/, 'the contact boxes are one block, hidden under "Ẩn danh"');
});

test('the feedback form\'s error summary lists each error and links to its field', async () => {
  resetLimits();
  const c = new Client();
  const page = await c.get('/phan-anh/moi');
  const fd = new FormData();
  for (const [k, v] of Object.entries({ ...formFields(page.text, '/phan-anh/moi'), content: 'Nội dung', identity: 'named' })) fd.append(k, v);
  const r = await c.post('/phan-anh/moi', fd);
  assert.strictEqual(r.status, 422);
  const box = r.text.slice(r.text.indexOf('class="error-box"'), r.text.indexOf('</div>', r.text.indexOf('class="error-box"')));
  // no kind, no unit, no name, no contact: four errors, each a link to the message beside its field
  for (const [field, msg] of [['kind', 'Vui lòng chọn loại ý kiến.'], ['unit', 'Vui lòng chọn đơn vị nhận ý kiến.'], ['name', 'Vui lòng nhập họ và tên.']]) {
    assert.ok(box.includes(`<a href="#err-${field}">${msg}</a>`), field);
    assert.ok(r.text.includes(`id="err-${field}"`), `the target of #err-${field} exists`);
  }
});

test('the dossier page a receipt opens: its title, the receiving unit, rating comes with the result', async () => {
  resetLimits();
  const { url } = await newDossier();
  const r = await new Client().get(url);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /<h1>Tình trạng hồ sơ<\/h1>/);
  assert.match(r.text, /<dt>Đơn vị tiếp nhận hồ sơ<\/dt>/);
  assert.doesNotMatch(r.text, /Đơn vị nhận ý kiến/);
  assert.match(r.text, /id="rate-later">Ông\/Bà đánh giá việc giải quyết hồ sơ khi nhận kết quả/);
  assert.doesNotMatch(r.text, /action="[^"]*\/danh-gia"/, 'no rating form before the result');
});

test('public statistics: "số liệu", not "dữ liệu", for figures; the period written dd/mm/yyyy like every date', async () => {
  const r = await new Client().get('/thong-ke/?tu=2026-03-01&den=2026-03-31');
  // the footer's link to the notice on personal data ("dữ liệu cá nhân", the law's term) aside
  assert.doesNotMatch(text(r.text.slice(0, r.text.indexOf('<footer'))), /dữ liệu/);
  assert.match(text(r.text), /Kỳ thống kê: 01\/03\/2026 → 31\/03\/2026/);
  assert.match(r.text, /<input id="tu" name="tu" type="date" value="2026-03-01">/, 'the date box keeps its own format');
});
