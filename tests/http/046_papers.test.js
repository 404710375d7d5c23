// Papers per the law in force on a dossier's day of receipt: the Circular
// 01/2018 set before 15/09/2025, the Circular 03/2025 set from that day; every
// paper in Vietnamese whatever the browser asks for (Accept-Language: en);
// the issuing agency, its parent, the place-and-date line, the signer.
//
// The dossiers are placed at fixed dates (local time, UTC+7):
//
//   dossier  received (local)    statutory time   appointment (hand count)        papers
//   old      Tue 12/03/2024 09:14  3 working days  Wed 13, Thu 14, Fri 15 → 15/03/2024  TT01
//   new      Tue 10/03/2026 08:30  3 working days  Wed 11, Thu 12, Fri 13 → 13/03/2026  TT03
//   eve      Sun 14/09/2025 23:30  (stopped)       —                                   TT01
//   first    Mon 15/09/2025 00:30  (stopped)       —                                   TT03
//
// Circular 03/2025 papers apply from 15/09/2025 (legal_version row
// 'ND118/2025+TT03'); a dossier received the evening before keeps TT01.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, text, qrPath, staff: as } = require('../lib/client');

const EN = { headers: { 'accept-language': 'en-US,en;q=0.9' } };
async function post(who, url, fields = {}) {
  const c = await as(who);
  return c.post(url, { csrf: await c.csrf('/can-bo/ho-so/moi'), ...fields });
}
const has = (page, want, what) => assert.ok(text(page).includes(want), `${what || 'paper'} shows «${want}»`);
const hasNot = (page, bad, what) => assert.ok(!text(page).includes(bad), `${what || 'paper'} does not show «${bad}»`);
const idOf = code => sql(`SELECT id FROM dossier WHERE code = '${code}'`)[0][0];

const P = {};
const D = {};

async function receive(who, name, extra = {}) {
  const c = await as(who);
  const csrf = await c.csrf('/can-bo/ho-so/moi');
  const r = await c.post('/can-bo/ho-so/moi', { csrf, procedure: P.proc, name, address: 'Số 5 phố Lương Văn Tụy',
    phone: '0912000046', email: '', documents: 'Tờ khai; bản chính; 1\nGiấy khai sinh (bản sao chứng thực)\nCăn cước công dân; bản sao; 2\nẢnh 4x6',
    sets: '1', channel: 'counter',
    collect: 'counter', ...extra });
  assert.strictEqual(r.status, 303);
  return r.headers.get('location').split('/')[3];
}
// Put a dossier at a fixed receipt and statutory appointment (UTC strings).
function placeAt(code, receivedUtc, dueUtc) {
  const id = idOf(code);
  sql(`UPDATE dossier SET received_at = '${receivedUtc}', due_at = '${dueUtc}', original_due_at = '${dueUtc}' WHERE id = ${id}`);
  sql(`UPDATE dossier_cycle SET started_at = '${receivedUtc}', statutory_due_at = '${dueUtc}' WHERE dossier_id = ${id} AND n = 1`);
}

test('setup: a 3-working-day procedure of the provincial centre; dossiers received in 2024 and in 2026', async () => {
  sql("INSERT INTO field (code, name) VALUES ('T-GT', 'Giấy tờ (kiểm thử)')");
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, time_unit, fee, documents, result, legal_basis, effective_from)
       VALUES ('9.000046', 'Cấp bản sao trích lục khai sinh (kiểm thử giấy tờ)', (SELECT id FROM field WHERE code = 'T-GT'), 'province', 2, 3,
               'working_days', '8.000 đồng/bản', 'Tờ khai', 'Bản sao trích lục', 'Luật Hộ tịch 2014', '2018-01-01'),
              ('9.000047', 'Chứng thực bản sao (kiểm thử giấy tờ)', (SELECT id FROM field WHERE code = 'T-GT'), 'commune', 9, 1,
               'working_days', '2.000 đồng/trang', 'Bản chính', 'Bản sao chứng thực', 'Nghị định 23/2015/NĐ-CP', '2018-01-01')`);
  P.proc = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000046'")[0][0];
  P.commune = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000047'")[0][0];
  D.old = await receive('canbo01', 'Lê Văn Hùng');
  D.new = await receive('canbo01', 'Phạm Thị Mai');
  placeAt(D.old, '2024-03-12 02:14:00', '2024-03-15 10:00:00');
  placeAt(D.new, '2026-03-10 01:30:00', '2026-03-13 10:00:00');
});

test('the receipt: Vietnamese with Accept-Language: en, parent agency, place and date, both copies, the book per unit and year', async () => {
  const c = await as('canbo01');
  const r = await c.get(`/can-bo/ho-so/${D.old}/giay-hen`, EN);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /<html lang="vi">/);
  const [[seq, vol]] = sql(`SELECT book_seq, book_volume FROM dossier WHERE code = '${D.old}'`);
  for (const want of [
    'Ủy ban nhân dân tỉnh Ninh Bình Trung tâm Phục vụ hành chính công tỉnh Ninh Bình',   // parent above the issuing agency
    `Số: ${seq}/TNHS`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
    'Ninh Bình, ngày 12 tháng 03 năm 2024',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    `Mã hồ sơ: ${D.old}`,
    '(Liên 1: Lưu tại Bộ phận Một cửa)', '(Liên 2: Giao người nộp hồ sơ)',
    'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình tiếp nhận hồ sơ của: Lê Văn Hùng',
    'Địa chỉ: Số 5 phố Lương Văn Tụy',
    'Nội dung yêu cầu giải quyết: Cấp bản sao trích lục khai sinh (kiểm thử giấy tờ)',
    '1. Thành phần hồ sơ nộp gồm:', 'STT Tên giấy tờ Bản chính Bản sao chứng thực Bản sao Số lượng',
    '2. Số lượng hồ sơ: 1 (bộ)',
    '3. Thời gian giải quyết hồ sơ theo quy định là: 3 ngày làm việc',
    '4. Thời gian nhận hồ sơ: 09 giờ 14 phút, ngày 12/03/2024',
    '5. Thời gian trả kết quả giải quyết hồ sơ: 17 giờ 00 phút, ngày 15/03/2024',
    '6. Đăng ký nhận kết quả tại: Bộ phận Một cửa',
    `Vào Sổ theo dõi hồ sơ, Quyển số: ${vol}/2024, Số thứ tự: ${seq}`,
    'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'Nguyễn Thị Hồng Nhung']) has(r.text, want, 'the receipt');
  assert.strictEqual((r.text.match(/<article class="sheet a5"/g) || []).length, 2, 'two copies, one A5 sheet each');
  // the documents table: name, original / certified copy / copy, number (blank when the officer did not say)
  const rows = [...r.text.slice(0, r.text.indexOf('</table>')).matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><td class="center">(x?)<\/td><td class="center">(x?)<\/td><td class="center">(x?)<\/td><td class="center">(\d*)<\/td><\/tr>/g)].map(m => m.slice(1));
  assert.deepStrictEqual(rows, [
    ['1', 'Tờ khai', 'x', '', '', '1'],
    ['2', 'Giấy khai sinh', '', 'x', '', ''],
    ['3', 'Căn cước công dân', '', '', 'x', '2'],
    ['4', 'Ảnh 4x6', '', '', '', '']]);
  for (const bad of ['No.:', 'received the dossier of', 'Sir/Madam', 'tại: Tại']) hasNot(r.text, bad, 'the receipt');
});

test('the dossier page cites the law of the dossier\'s day of receipt, not today\'s', async () => {
  const c = await as('canbo01');
  has((await c.get(`/can-bo/ho-so/${D.old}`)).text,
    'Văn bản áp dụng cho hồ sơ này (theo ngày tiếp nhận): Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP. Gửi văn bản xin lỗi chậm nhất 1 ngày làm việc trước ngày hẹn trả; hẹn lại không quá 1 lần.', 'the 2024 dossier');
  has((await c.get(`/can-bo/ho-so/${D.new}`)).text,
    'Văn bản áp dụng cho hồ sơ này (theo ngày tiếp nhận): Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP.', 'the 2026 dossier');
});

test('the receipt\'s number runs per unit and year: the next dossier of the centre takes the next number, a commune centre its own', async () => {
  const a = await receive('canbo01', 'Hoàng Văn Nam');
  const b = await receive('canbo01', 'Hoàng Thị Lan');
  const c = await receive('canbo05', 'Đỗ Văn Tâm', { procedure: P.commune });
  const seq = code => Number(sql(`SELECT book_seq FROM dossier WHERE code = '${code}'`)[0][0]);
  assert.strictEqual(seq(b), seq(a) + 1);
  // the commune centre of Gia Viễn (unit 9) received nothing else this year in this suite before it
  const [[before]] = sql(`SELECT COUNT(*) FROM dossier WHERE unit_id = 9 AND code <> '${c}' AND YEAR(received_at + INTERVAL 7 HOUR) = YEAR(UTC_TIMESTAMP() + INTERVAL 7 HOUR)`);
  assert.strictEqual(seq(c), Number(before) + 1);
  const slip = await (await as('canbo05')).get(`/can-bo/ho-so/${c}/giay-hen`, EN);
  has(slip.text, 'Ủy ban nhân dân xã Gia Viễn Trung tâm Phục vụ hành chính công xã Gia Viễn');
  has(slip.text, 'Gia Viễn, ngày');
});

test('the apology letter of a 2024 dossier (Circular 01/2018): only the issuing agency\'s leaders may sign; KT. on two lines', async () => {
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  const base = `/can-bo/ho-so/${D.old}`;
  assert.strictEqual((await post('canbo01', `${base}/chuyen`, { unit: u3, receiver: 'Ngô Thanh Hải' })).status, 303);
  assert.strictEqual((await post('chuyenvien03', `${base}/xin-loi`, { reason: 'verification', reason_text: 'Cần xác minh thông tin khai sinh tại nơi đăng ký cũ.', new_date: '2024-03-20' })).status, 303);
  const [[aid]] = sql(`SELECT id FROM apology WHERE dossier_id = ${idOf(D.old)}`);
  // the centre's director and the province's chairman see the draft but are not offered the form, and may not sign
  for (const who of ['lanhdao01', 'lanhdao02']) {
    const page = await (await as(who)).get(base);
    assert.strictEqual(page.status, 200);
    assert.ok(!page.text.includes(`/xin-loi/${aid}/ky`), `${who} is not offered the signature`);
    const r = await post(who, `${base}/xin-loi/${aid}/ky`, { title: 'CHỦ TỊCH' });
    assert.strictEqual(r.status, 403, who);
    assert.match(r.text, /Chỉ lãnh đạo của cơ quan ban hành văn bản/);
  }
  const offered = (await (await as('phogiamdoc03')).get(base)).text;
  assert.ok(offered.includes(`/xin-loi/${aid}/ky`), 'the deputy director is offered it');
  assert.ok(offered.includes(`id="title-${aid}" name="title" maxlength="120" value="GIÁM ĐỐC"`), 'with the title of the head of the issuing agency');
  assert.strictEqual((await post('phogiamdoc03', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC', deputy: '1', position: 'PHÓ GIÁM ĐỐC' })).status, 303);
  sql(`UPDATE apology SET signed_at = '2024-03-14 02:00:00' WHERE id = ${aid}`);   // signed 14/03/2024 09:00
  const [[num]] = sql(`SELECT number FROM apology WHERE id = ${aid}`);
  const r = await (await as('chuyenvien03')).get(`${base}/xin-loi/${aid}`, EN);
  assert.strictEqual(r.status, 200);
  for (const want of [
    'Ủy ban nhân dân tỉnh Ninh Bình Sở Tư pháp tỉnh Ninh Bình', `Số: ${num}`,
    'Ninh Bình, ngày 14 tháng 03 năm 2024',
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Kính gửi: Ông/Bà Lê Văn Hùng',
    'Vào 09 giờ 14 phút, ngày 12/03/2024, Trung tâm Phục vụ hành chính công tỉnh Ninh Bình tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục: Cấp bản sao trích lục khai sinh (kiểm thử giấy tờ).',
    'Ngày hẹn trả kết quả giải quyết hồ sơ: 15/03/2024',
    'Lý do chậm trễ: Cần xác minh thông tin khai sinh tại nơi đăng ký cũ.',
    'Thời gian hẹn trả kết quả lại: 20/03/2024',
    'Nơi nhận: - Như trên; - Bộ phận Một cửa; - Lưu: VT.',
    'Đinh Thị Thu Hằng']) has(r.text, want, 'the TT01 letter');
  assert.match(r.text, /<p class="sign-for"><strong>KT\. GIÁM ĐỐC<\/strong><\/p><p class="sign-pos"><strong>PHÓ GIÁM ĐỐC<\/strong><\/p>/, 'the deputy\'s block on two lines');
  for (const bad of ['Ngày 09 giờ', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN', 'To:', 'Sir/Madam']) hasNot(r.text, bad, 'the TT01 letter');
  // the citizen who chose English reads the letter in Vietnamese
  assert.strictEqual((await post('canbo01', `${base}/xin-loi/${aid}/gui`, { channel: 'counter' })).status, 303);
  const pub = await new Client().get(qrPath(`dossier_id = ${idOf(D.old)}`).replace('/q/', '/ho-so/') + '?lang=en', EN);
  assert.match(pub.text, /<html lang="en">/, 'the page itself follows the chosen language');
  for (const want of ['Phiếu xin lỗi và hẹn lại ngày trả kết quả', 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'Kính gửi: Ông/Bà',
    'Lý do chậm trễ: Cần xác minh thông tin khai sinh tại nơi đăng ký cũ.', 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC']) has(pub.text, want, 'the letter on the citizen\'s page');
  hasNot(pub.text, 'To: Sir/Madam', 'the letter on the citizen\'s page');
});

test('the apology letter of a 2026 dossier (Circular 03/2025); the parent agency signs only where its rules allow (TL.)', async () => {
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  const base = `/can-bo/ho-so/${D.new}`;
  assert.strictEqual((await post('canbo01', `${base}/chuyen`, { unit: u3 })).status, 303);
  assert.strictEqual((await post('chuyenvien03', `${base}/xin-loi`, { reason: 'coordination', reason_text: '', new_date: '2026-03-18' })).status, 303);
  const [[aid]] = sql(`SELECT id FROM apology WHERE dossier_id = ${idOf(D.new)}`);
  // the administrator lets the province's leaders sign the department's letters "TL."
  const unitForm = signs => {
    const [[parent, name, short, level, address, hotline, email, hours, from, sort, place, head]] = sql(
      `SELECT p.code, u.name, COALESCE(u.short_name, ''), u.level, COALESCE(u.address, ''), COALESCE(u.hotline, ''), COALESCE(u.email, ''),
              COALESCE(u.opening_hours, ''), u.valid_from, u.sort_order, u.place, u.head_title FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.id = ${u3}`);
    return { parent, name, short_name: short, level, address, hotline, email, opening_hours: hours, valid_from: from, sort_order: sort,
      place, head_title: head, parent_signs: signs };
  };
  const admin = async fields => {
    const c = await as('quantri');
    return c.post('/quan-tri/don-vi/000.00.10.H41', { csrf: await c.csrf('/quan-tri/don-vi/000.00.10.H41'), ...fields });
  };
  const form = await (await as('quantri')).get('/quan-tri/don-vi/000.00.10.H41');
  assert.match(form.text, /<option value="none" selected>/);
  assert.strictEqual((await admin(unitForm('XX'))).status, 422);
  assert.strictEqual((await admin(unitForm('TL'))).status, 303);
  assert.deepStrictEqual(sql(`SELECT parent_signs, place, head_title FROM org_unit WHERE id = ${u3}`), [['TL', 'Ninh Bình', 'GIÁM ĐỐC']]);
  try {
    assert.ok((await (await as('lanhdao02')).get(base)).text.includes(`/xin-loi/${aid}/ky`), 'the parent agency\'s leader is offered it');
    assert.strictEqual((await post('lanhdao01', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC' })).status, 403, 'the centre still may not');
    assert.strictEqual((await post('lanhdao02', `${base}/xin-loi/${aid}/ky`, { title: 'CHỦ TỊCH', position: 'CHÁNH VĂN PHÒNG' })).status, 303);
  } finally {
    assert.strictEqual((await admin(unitForm('none'))).status, 303);
  }
  // for the issuing agency's head: its head_title, not the title typed by the parent's leader
  assert.deepStrictEqual(sql(`SELECT sign_mode, signer_title, signer_position FROM apology WHERE id = ${aid}`), [['TL', 'GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']]);
  sql(`UPDATE apology SET signed_at = '2026-03-12 03:00:00' WHERE id = ${aid}`);
  const r = await (await as('chuyenvien03')).get(`${base}/xin-loi/${aid}`, EN);
  for (const want of ['Ninh Bình, ngày 12 tháng 03 năm 2026', 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
    'Kính gửi: Ông/Bà Phạm Thị Mai', 'Vào 08 giờ 30 phút, ngày 10/03/2026,', 'Ngày hẹn trả kết quả giải quyết hồ sơ: 13/03/2026',
    'Lý do chậm trễ: Cần lấy ý kiến phối hợp của cơ quan liên quan.', 'Thời gian đề nghị gia hạn trả kết quả đến: 18/03/2026']) has(r.text, want, 'the TT03 letter');
  assert.match(r.text, /<p class="sign-for"><strong>TL\. GIÁM ĐỐC<\/strong><\/p><p class="sign-pos"><strong>CHÁNH VĂN PHÒNG<\/strong><\/p>/);
  hasNot(r.text, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'the TT03 letter');
  // sent by e-mail from an English-language browser: the letter goes out in Vietnamese, under its TT03 title
  sql(`UPDATE dossier SET applicant_email = 'mai.pham@example.vn' WHERE id = ${idOf(D.new)}`);
  const c = await as('canbo01');
  assert.strictEqual((await c.post(`${base}/xin-loi/${aid}/gui`, { csrf: await c.csrf('/can-bo/ho-so/moi'), channel: 'email' }, EN)).status, 303);
  const [[num]] = sql(`SELECT number FROM apology WHERE id = ${aid}`);
  const [[subject, body]] = sql(`SELECT subject, REPLACE(body, '\n', '|') FROM notification WHERE recipient = 'mai.pham@example.vn' AND step = 'apology_letter'`);
  assert.strictEqual(subject, `Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, Mã hồ sơ ${D.new}`);
  assert.strictEqual(body, `VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT ${num}||Lý do chậm trễ: Cần lấy ý kiến phối hợp của cơ quan liên quan.|Ngày hẹn trả kết quả mới: 18/03/2026|`);
});

test('supplement request and refusal print from the dossier\'s moves, numbered per unit and year', async () => {
  const sup = await receive('canbo01', 'Trịnh Văn Đức');
  const ref = await receive('canbo01', 'Vũ Thị Hạnh');
  placeAt(sup, '2026-03-10 01:30:00', '2026-03-13 10:00:00');
  placeAt(ref, '2026-03-10 01:30:00', '2026-03-13 10:00:00');
  assert.strictEqual((await post('canbo01', `/can-bo/ho-so/${sup}/yeu-cau-bo-sung`, { note: '1. Bản sao Căn cước công dân\n2. Tờ khai có chữ ký của người yêu cầu' })).status, 303);
  assert.strictEqual((await post('canbo01', `/can-bo/ho-so/${ref}/tu-choi`, { note: 'Thủ tục thuộc thẩm quyền của Ủy ban nhân dân cấp xã nơi cư trú.' })).status, 303);
  sql(`UPDATE dossier_event SET at = '2026-03-11 02:00:00' WHERE dossier_id IN (${idOf(sup)}, ${idOf(ref)}) AND event IN ('supplement_requested', 'refused')`);
  const page = await (await as('canbo01')).get(`/can-bo/ho-so/${sup}`);
  const link = page.text.match(new RegExp(`/can-bo/ho-so/${sup}/phieu/(\\d+)`));
  assert.ok(link, 'the dossier page links the paper');
  const s = await (await as('canbo01')).get(link[0], EN);
  assert.strictEqual(s.status, 200);
  for (const want of ['Ủy ban nhân dân tỉnh Ninh Bình Trung tâm Phục vụ hành chính công tỉnh Ninh Bình', 'Ninh Bình, ngày 11 tháng 03 năm 2026',
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${sup}`, 'tiếp nhận hồ sơ của: Ông/Bà Trịnh Văn Đức',
    'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau: 1. Bản sao Căn cước công dân 2. Tờ khai có chữ ký của người yêu cầu',
    'NGƯỜI HƯỚNG DẪN']) has(s.text, want, 'the supplement request');
  assert.match(text(s.text), /Số: \d+\/PBSHS/);
  const rp = await (await as('canbo01')).get(`/can-bo/ho-so/${ref}`);
  const rl = rp.text.match(new RegExp(`/can-bo/ho-so/${ref}/phieu/(\\d+)`));
  const f = await (await as('canbo01')).get(rl[0], EN);
  for (const want of ['PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'tiếp nhận hồ sơ của: Ông/Bà Vũ Thị Hạnh',
    'Căn cứ quy định tại Luật Hộ tịch 2014, Trung tâm Phục vụ hành chính công tỉnh Ninh Bình từ chối tiếp nhận, giải quyết hồ sơ này vì lý do sau: Thủ tục thuộc thẩm quyền của Ủy ban nhân dân cấp xã nơi cư trú.',
    'Ninh Bình, ngày 11 tháng 03 năm 2026']) has(f.text, want, 'the refusal');
  assert.match(text(f.text), /Số: \d+\/TCHS/);
  // another dossier's event is not this dossier's paper
  assert.strictEqual((await (await as('canbo01')).get(`/can-bo/ho-so/${ref}/phieu/${link[1]}`)).status, 404);
});

test('stopping: a notice under Circular 03/2025 (received from 15/09/2025), none under Circular 01/2018 (the reason is recorded)', async () => {
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  const eve = await receive('canbo01', 'Lý Văn Bình');
  const first = await receive('canbo01', 'Lý Thị Cúc');
  placeAt(eve, '2025-09-14 16:30:00', '2025-09-18 10:00:00');     // 14/09/2025 23:30 local
  placeAt(first, '2025-09-14 17:30:00', '2025-09-18 10:00:00');   // 15/09/2025 00:30 local
  for (const code of [eve, first]) {
    assert.strictEqual((await post('canbo01', `/can-bo/ho-so/${code}/chuyen`, { unit: u3 })).status, 303);
    assert.strictEqual((await post('chuyenvien03', `/can-bo/ho-so/${code}/dung`, { note: 'Người nộp hồ sơ có văn bản đề nghị dừng giải quyết.' })).status, 303);
  }
  assert.deepStrictEqual(sql(`SELECT d.code, e.body, e.paper_no IS NULL FROM dossier_event e JOIN dossier d ON d.id = e.dossier_id WHERE e.event = 'stopped' AND d.code IN ('${eve}', '${first}') ORDER BY d.received_at`),
    [[eve, 'Người nộp hồ sơ có văn bản đề nghị dừng giải quyết.', '1'], [first, 'Người nộp hồ sơ có văn bản đề nghị dừng giải quyết.', '0']]);
  const p1 = await (await as('chuyenvien03')).get(`/can-bo/ho-so/${eve}`);
  assert.ok(!/\/phieu\/\d+/.test(p1.text), 'no notice to print');
  assert.match(p1.text, /không có mẫu thông báo dừng giải quyết/);
  const [[evId]] = sql(`SELECT id FROM dossier_event WHERE dossier_id = ${idOf(eve)} AND event = 'stopped'`);
  assert.strictEqual((await (await as('chuyenvien03')).get(`/can-bo/ho-so/${eve}/phieu/${evId}`)).status, 404);
  const p2 = await (await as('chuyenvien03')).get(`/can-bo/ho-so/${first}`);
  const link = p2.text.match(new RegExp(`/can-bo/ho-so/${first}/phieu/\\d+`));
  assert.ok(link);
  sql(`UPDATE dossier_event SET at = '2025-09-16 03:00:00' WHERE dossier_id = ${idOf(first)} AND event = 'stopped'`);
  const n = await (await as('chuyenvien03')).get(link[0], EN);
  for (const want of ['Ủy ban nhân dân tỉnh Ninh Bình Sở Tư pháp tỉnh Ninh Bình', 'Ninh Bình, ngày 16 tháng 09 năm 2025',
    'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'Kính gửi: Ông/Bà Lý Thị Cúc', 'Vào 00 giờ 30 phút, ngày 15/09/2025,',
    'Sở Tư pháp tỉnh Ninh Bình thông báo dừng giải quyết hồ sơ nêu trên kể từ 10 giờ 00 phút, ngày 16/09/2025.',
    'Lý do: Người nộp hồ sơ có văn bản đề nghị dừng giải quyết.']) has(n.text, want, 'the notice of stopping');
  assert.match(text(n.text), /Số: \d+\/TBDG/);
});

test('the control slip: the competent agency, the co-processing agency, each step judged against its own agency\'s due date', async () => {
  const [[u3]] = sql("SELECT id FROM org_unit WHERE code = '000.00.10.H41'");
  const [[u4]] = sql("SELECT id FROM org_unit WHERE code = '000.00.11.H41'");
  const code = await receive('canbo01', 'Bùi Văn Khánh');
  const base = `/can-bo/ho-so/${code}`;
  const [[dueDay]] = sql(`SELECT DATE(due_at + INTERVAL 7 HOUR) FROM dossier WHERE code = '${code}'`);
  const bad = await post('canbo01', `${base}/chuyen`, { unit: u3, step_due: '2020-01-06' });
  assert.strictEqual(bad.status, 422);
  assert.match(bad.text, /Hạn của cơ quan nhận phải là một ngày làm việc/);
  // the Department of Justice's share ends on the dossier's appointment day
  assert.strictEqual((await post('canbo01', `${base}/chuyen`, { unit: u3, receiver: 'Ngô Thanh Hải', step_due: dueDay })).status, 303);
  assert.strictEqual((await post('chuyenvien03', `${base}/chuyen`, { unit: u4, receiver: 'Mai Xuân Trường' })).status, 303);
  // the Department of Agriculture's own share ended yesterday, the dossier's appointment is still ahead:
  // handing back today is late for that agency
  sql(`UPDATE dossier_step SET due_at = UTC_TIMESTAMP() - INTERVAL 1 DAY WHERE dossier_id = ${idOf(code)} AND seq = 2`);
  assert.strictEqual((await post('chuyenvien04', `${base}/chuyen`, { unit: u3 })).status, 303);
  assert.deepStrictEqual(sql(`SELECT seq, result FROM dossier_step WHERE dossier_id = ${idOf(code)} ORDER BY seq`),
    [['1', 'early'], ['2', 'late'], ['3', 'NULL']]);
  const r = await (await as('canbo01')).get(`${base}/phieu-kiem-soat`, EN);
  for (const want of ['PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'Ủy ban nhân dân tỉnh Ninh Bình Trung tâm Phục vụ hành chính công tỉnh Ninh Bình',
    'Cơ quan (bộ phận) giải quyết hồ sơ: Sở Tư pháp tỉnh Ninh Bình',
    'Cơ quan phối hợp giải quyết hồ sơ: Sở Nông nghiệp và Môi trường tỉnh Ninh Bình',
    `Người nhận: Ngô Thanh Hải Hạn của cơ quan: ${dueDay.split('-').reverse().join('/')}`,
    'Trước hạn', 'Quá hạn']) has(r.text, want, 'the control slip');
  hasNot(r.text, 'Processing agency', 'the control slip');
  assert.match(r.text, /<td>\d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}<br>Người giao: /, 'the papers\' one time format');
  const csv = await (await as('canbo01')).get(`${base}/phieu-kiem-soat?csv=1`, EN);
  assert.strictEqual(csv.text.replace(/^\uFEFF/, '').split('\r\n')[0], 'STT,Giao,Nhận,Thời gian giao nhận,Người giao,Người nhận,Hạn,Hoàn thành,Kết quả,Ghi chú');
});

test('the tracking book: unit and period in its heading, Vietnamese headers and statuses in its CSV whatever the language', async () => {
  const c = await as('canbo01');
  const r = await c.get('/can-bo/so-theo-doi?tu=2026-03-01&den=2026-03-31', EN);
  assert.strictEqual(r.status, 200);
  for (const want of ['Trung tâm Phục vụ hành chính công tỉnh Ninh Bình SỔ THEO DÕI HỒ SƠ Từ ngày 01/03/2026 đến ngày 31/03/2026', D.new, 'Phạm Thị Mai']) has(r.text, want, 'the book');
  hasNot(r.text, D.old, 'the March 2026 book');
  const csv = await c.get('/can-bo/so-theo-doi?tu=2026-03-01&den=2026-03-31&csv=1&muc-dich=bao_cao', EN);
  const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.match(rows[0], /^STT,Mã hồ sơ,Tên thủ tục,Số lượng,/);
  const row = rows.find(l => l.includes(D.new));
  assert.ok(row.endsWith('"Đang xử lý"'), row);
  assert.ok(!rows.some(l => /"(processing|received|supplement|refused|stopped|ready|returned)"$/.test(l)), 'no status code left');
});

test('QR posters print in Vietnamese whatever the browser asks for', async () => {
  const r = await new Client().get('/don-vi/000.00.01.H41/ap-phich', EN);
  assert.strictEqual(r.status, 200);
  assert.match(r.text, /<html lang="vi">/);
  has(r.text, 'Quét mã QR để đánh giá mức độ hài lòng và gửi phản ánh, kiến nghị', 'the poster');
  hasNot(r.text, 'Scan the QR code', 'the poster');
});

// Each program keeps the legal versions in memory and reads them again when a
// version is written (migration 300's number): a change made in SQL, as an
// operator would, must reach every worker at its next page.  Sixteen pages
// before and after, so that the officer program's workers have most likely
// each kept the old rows (a copy kept for good fails at the first page).
test('a legal version written in SQL reaches every worker at its next page: the supplement rule of the dossier, the "near" warning of today\'s version', async () => {
  const c = await as('canbo01');
  const code = await receive('canbo01', 'Đỗ Văn Kiên');
  const id = idOf(code);
  // an appointment 60 days ahead (some 40 working days, even across Tết): in
  // time with a few days' notice, "near" with 200; put back at the end, since
  // 065_history counts the open dossiers due in a year without calendar rows
  const [[due0]] = sql(`SELECT due_at FROM dossier WHERE id = ${id}`);
  const setDue = due => {
    sql(`UPDATE dossier SET due_at = ${due}, original_due_at = due_at WHERE id = ${id}`);
    sql(`UPDATE dossier_cycle SET statutory_due_at = ${due} WHERE dossier_id = ${id} AND n = 1`);
  };
  setDue('UTC_TIMESTAMP() + INTERVAL 60 DAY');
  try {
    // received today: the version in force today is the dossier's own
    const [[version, within, near]] = sql(`SELECT legal_version, supplement_within_days, near_due_days FROM legal_version
        WHERE effective_from <= DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) ORDER BY effective_from DESC LIMIT 1`);
    const rule = days => `Quy tắc: yêu cầu bổ sung trong vòng ${days} ngày làm việc kể từ ngày tiếp nhận`;
    const pages = async (want, bad) => {
      for (let i = 0; i < 16; i++) {
        const r = await c.get(`/can-bo/ho-so/${code}`);
        assert.strictEqual(r.status, 200);
        for (const w of want) has(r.text, w, `the dossier's page, request ${i + 1}`);
        for (const b of bad) hasNot(r.text, b, `the dossier's page, request ${i + 1}`);
      }
    };
    // the officer's "near" list, page after page
    const inNearList = async () => {
      for (let p = 1; p <= 400; p++) {
        const r = await c.get(`/can-bo/ho-so/?loc=near&trang=${p}`);
        assert.strictEqual(r.status, 200);
        if (r.text.includes(`/can-bo/ho-so/${code}"`)) return true;
        if (!r.text.includes(`trang=${p + 1}`)) return false;
      }
      assert.fail('the "near" list has over 400 pages');
    };
    await pages([rule(within), 'Trong hạn'], ['Sắp đến hạn']);
    assert.strictEqual(await inNearList(), false, 'not in the "near" list');
    try {
      // 200 working days' notice (most of a year): the appointment is "near"
      sql(`UPDATE legal_version SET supplement_within_days = ${Number(within) + 4}, near_due_days = 200
            WHERE legal_version = '${version}'`);
      await pages([rule(Number(within) + 4), 'Sắp đến hạn'], [rule(within), 'Trong hạn']);
      assert.strictEqual(await inNearList(), true, 'in the "near" list');
    } finally {
      sql(`UPDATE legal_version SET supplement_within_days = ${within}, near_due_days = ${near} WHERE legal_version = '${version}'`);
    }
    await pages([rule(within), 'Trong hạn'], ['Sắp đến hạn']);
  } finally {
    setDue(`'${due0}'`);
  }
});
