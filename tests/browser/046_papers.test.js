// The Circular 03/2025 papers printed to PDF by chromium: the receipt (one A5
// page a copy), the supplement request, the refusal, the apology letter and
// the notice of stopping (one A5 page each), the control slip (A5, its column
// heads repeated on each page) and the tracking book (A4 landscape, likewise);
// the QR codes of the receipt and the letter decoded from the printed sheet.
// The dossiers are placed on Tuesday 10/03/2026 (Circular 03/2025 papers):
// 3 working days → appointment Friday 13/03/2026.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, staff, qrPath } = require('../lib/client');
const { open, printedQr, signIn } = require('./browser');

const A5 = [419.5, 595.3];            // points
const A4L = [841.9, 595.3];

async function post(who, url, fields = {}) {
  const c = await staff(who);
  const r = await c.post(url, { csrf: await c.csrf('/can-bo/ho-so/moi'), ...fields });
  assert.strictEqual(r.status, 303, `${who} ${url}: ${r.status}`);
  return r;
}
async function receive(name, procedure) {
  const r = await post('canbo01', '/can-bo/ho-so/moi', { procedure, name, documents: 'Tờ khai; bản chính; 1', sets: '1',
    channel: 'counter', collect: 'counter' });
  const code = r.headers.get('location').split('/')[3];
  const [[id]] = sql(`SELECT id FROM dossier WHERE code = '${code}'`);
  sql(`UPDATE dossier SET received_at = '2026-03-10 01:30:00', due_at = '2026-03-13 10:00:00', original_due_at = due_at WHERE id = ${id}`);
  sql(`UPDATE dossier_cycle SET started_at = '2026-03-10 01:30:00', statutory_due_at = '2026-03-13 10:00:00' WHERE dossier_id = ${id}`);
  return { code, id };
}
// The pages of a PDF and the size of each (points, rounded to a tenth).
function pdfPages(buf) {
  const s = buf.toString('latin1');
  const boxes = [...s.matchAll(/\/Type\s*\/Page\b[^]*?\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)]
    .map(m => [Number(m[1]), Number(m[2])]);
  return boxes;
}
const near = (got, want) => Math.abs(got[0] - want[0]) < 2 && Math.abs(got[1] - want[1]) < 2;

test('the Circular 03/2025 papers print to PDF: A5 forms one page each, the slip and the book paginate with their column heads', async () => {
  const [[proc]] = sql("SELECT id FROM procedure_tthc WHERE unit_id = 2 ORDER BY id LIMIT 1");
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  const [[u4]] = sql("SELECT id FROM org_unit WHERE code = '000.00.11.H41'");
  const a = await receive('Đặng Văn An', proc);
  // many hand-overs between two departments: the control slip runs over one A5 page
  await post('canbo01', `/can-bo/ho-so/${a.code}/chuyen`, { unit: u3, receiver: 'Ngô Thanh Hải' });
  for (let i = 0; i < 8; i++) {
    await post('chuyenvien03', `/can-bo/ho-so/${a.code}/chuyen`, { unit: u4, receiver: 'Mai Xuân Trường', note: `Lấy ý kiến lần ${i + 1}` });
    await post('chuyenvien04', `/can-bo/ho-so/${a.code}/chuyen`, { unit: u3, receiver: 'Ngô Thanh Hải', note: `Trả lời lần ${i + 1}` });
  }
  await post('chuyenvien03', `/can-bo/ho-so/${a.code}/xin-loi`, { reason: 'coordination', reason_text: '', new_date: '2026-03-18' });
  const [[aid]] = sql(`SELECT id FROM apology WHERE dossier_id = ${a.id}`);
  await post('giamdoc03', `/can-bo/ho-so/${a.code}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC' });
  const b = await receive('Đặng Thị Bình', proc);
  await post('canbo01', `/can-bo/ho-so/${b.code}/yeu-cau-bo-sung`, { note: '1. Bản sao Căn cước công dân' });
  const c = await receive('Đặng Văn Cường', proc);
  await post('canbo01', `/can-bo/ho-so/${c.code}/tu-choi`, { note: 'Không thuộc thẩm quyền giải quyết.' });
  const d = await receive('Đặng Thị Dung', proc);
  await post('canbo01', `/can-bo/ho-so/${d.code}/chuyen`, { unit: u3 });
  await post('chuyenvien03', `/can-bo/ho-so/${d.code}/dung`, { note: 'Người nộp đề nghị dừng giải quyết.' });
  // enough dossiers in March 2026 for the book to run over one page
  for (let i = 0; i < 30; i++) await receive(`Người nộp ${i + 1}`, proc);
  const paper = (id, event) => `/can-bo/ho-so/${id}/phieu/${sql(`SELECT e.id FROM dossier_event e JOIN dossier x ON x.id = e.dossier_id WHERE x.code = '${id}' AND e.event = '${event}'`)[0][0]}`;
  const dossierPage = qrPath(`dossier_id = ${a.id}`).replace('/q/', '/ho-so/');

  const { ctx, page } = await open({ viewport: { width: 1100, height: 1000 }, locale: 'en-US' });
  try {
    await signIn(page, 'canbo01');
    const print = async (url, title) => {
      await page.goto(url);
      assert.ok((await page.textContent('body')).includes(title), `${url} is the ${title}`);
      await page.emulateMedia({ media: 'print' });
      const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: false }));
      await page.emulateMedia({ media: 'screen' });
      return pages;
    };
    const receipt = await print(`/can-bo/ho-so/${a.code}/giay-hen`, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    assert.strictEqual(receipt.length, 2, 'two copies, one A5 page each');
    assert.ok(receipt.every(p => near(p, A5)), JSON.stringify(receipt));
    assert.strictEqual(new URL(await printedQr(page, 'receipt')).pathname, dossierPage, 'the receipt\'s QR opens the dossier page');
    for (const [url, title] of [[paper(b.code, 'supplement_requested'), 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'],
      [paper(c.code, 'refused'), 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'],
      [`/can-bo/ho-so/${a.code}/xin-loi/${aid}`, 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT'],
      [paper(d.code, 'stopped'), 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ']]) {
      const pages = await print(url, title);
      assert.strictEqual(pages.length, 1, `${title}: one page`);
      assert.ok(near(pages[0], A5), `${title}: A5 ${JSON.stringify(pages)}`);
    }
    await page.goto(`/can-bo/ho-so/${a.code}/xin-loi/${aid}`);
    assert.strictEqual(new URL(await printedQr(page, 'letter')).pathname, dossierPage, 'the letter\'s QR opens the dossier page');
    for (const [url, title, size] of [[`/can-bo/ho-so/${a.code}/phieu-kiem-soat`, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', A5],
      ['/can-bo/so-theo-doi?tu=2026-03-01&den=2026-03-31', 'SỔ THEO DÕI HỒ SƠ', A4L]]) {
      const pages = await print(url, title);
      assert.ok(pages.length >= 2, `${title} runs over ${pages.length} page(s)`);
      assert.ok(pages.every(p => near(p, size)), `${title}: ${JSON.stringify(pages)}`);
      await page.emulateMedia({ media: 'print' });
      assert.strictEqual(await page.evaluate(() => getComputedStyle(document.querySelector('table thead')).display), 'table-header-group',
        `${title}: the column heads repeat on each page`);
      await page.emulateMedia({ media: 'screen' });
    }
  } finally {
    await ctx.close();
  }
});
