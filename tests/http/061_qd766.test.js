// The QĐ 766/QĐ-TTg figures, computed by hand from the decision's formulas
// (Decision 766/QĐ-TTg, 23/06/2022) on a hand-made data set of unit Y in March 2026, must be what
// the leader's dashboard, its lists and CSVs, the province's table of units
// and the public statistics page show.
//
// Data set (unit TEST.Y.H41, all in March 2026, Vietnam time):
//
// Dossiers D1–D12, received Mon 02/03 09:00, statutory appointment Mon 09/03:
//   D1–D6  result Thu 05/03 (early)         D7–D8  result Mon 09/03 (on time)
//   D9–D10 result Thu 12/03 (late)          D11    refused Tue 03/03 (not within competence)
//   D12    still being processed
//   Citizens' verdicts on dossiers:
//     D1  rated "Không hài lòng"                       -> not satisfied
//     D2  rated "Rất hài lòng", but a named petition   -> not satisfied (petition about it)
//     D3  anonymous conduct report, rejected           -> satisfied (rejected: not a PAKN)
//     D4  a suggestion about it                        -> satisfied (not a complaint)
//     D5  rated "Hài lòng"                             -> satisfied
//     D9  rated "Không hài lòng" and a conduct report  -> not satisfied (the dossier once)
//     D12 anonymous conduct report (late)              -> unhappy, but has no result: not in March's base
//   Counter ratings without a dossier: 8 × "Rất hài lòng", 2 × "Hài lòng", 4 × "Không hài lòng"
//
// | figure                                      | formula (QĐ 766)                            | by hand           |
// |---------------------------------------------|---------------------------------------------|-------------------|
// | dossiers within competence with a result    | D1–D10 (D11 refused, D12 open)              | 10                |
// | dossiers not satisfied                      | D1, D2, D9                                  | 3                 |
// | Tỷ lệ hài lòng trong tiếp nhận, giải quyết  | (10 − 3) / 10                               | 70,0%             |
// | Tỷ lệ hồ sơ giải quyết đúng hạn (base:      | (6 early + 2 on time) / 10 finished         | 80,0%             |
// |   finished, set on the legal versions)      |                                             |                   |
// | received in March, result early or on time  | D1–D8                                       | 8 (list)          |
// | on-time rate, base: received (the setting   | 8 / (12 received − 1 refused)               | 72,7%             |
// |   Decree 61/2018 Art. 30(2)(c), the default)|                                             |                   |
// | ratings                                     | 4 on dossiers + 14 at the counter           | 18                |
// | Tỷ lệ lượt đánh giá hài lòng (not QĐ 766)   | (18 − 2 − 4) / 18                           | 66,7%             |
//
// Feedback of unit Y, filed Tue 03/03 unless said otherwise, answer deadline Tue 17/03 17:00:
//   P1–P12 identified petitions (name, address, phone: ND 20 Art. 7); P1 is the petition about D2
//     P1–P8  answered Tue 10/03 (on time)
//     P9–P10 answered Fri 20/03 (late)
//     P11    answered Thu 12/03 (on time), the citizen: "Không hài lòng"
//     P12    answered Fri 13/03 (on time), the citizen: satisfied
//   P13 anonymous petition, answered Thu 05/03       -> anonymous information, not a PAKN
//   P14 praise (named)                               -> praise, not a PAKN
//   P15 named suggestion                             -> neither
//   P16 identified petition filed Fri 20/03, not answered yet (deadline 03/04)
//   P17 identified petition, rejected
//   and the three reports about D3 (anonymous), D9 (named conduct), D12 (anonymous) above
//
// | figure                                      | formula (QĐ 766)                            | by hand           |
// |---------------------------------------------|---------------------------------------------|-------------------|
// | identified petitions received               | P1–P12, P16, P17                            | 14                |
// | anonymous information                       | P13, D3's, D12's reports                    | 3                 |
// | praise                                      | P14                                         | 1                 |
// | PAKN handled in March                       | P1–P12                                      | 12                |
// | Tỷ lệ PAKN xử lý đúng hạn                   | (P1–P8, P11, P12) / 12 = 10 / 12            | 83,3%             |
// | PAKN not satisfied or handled late          | P9, P10 (late), P11 (verdict)               | 3                 |
// | Tỷ lệ hài lòng trong xử lý PAKN             | (12 − 3) / 12                               | 75,0%             |
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, qrPath, formFields, fileCase, caseAction, recountFeedback, resetLimits, VAR, ROOT } = require('../lib/client');

const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"
const PERIOD = 'tu=2026-03-01&den=2026-03-31';
const T = {};
const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}
// Vietnam local time "YYYY-MM-DD HH:MM" as the UTC DATETIME the database keeps.
const utc = local => new Date(local.replace(' ', 'T') + ':00+07:00').toISOString().slice(0, 19).replace('T', ' ');
const D = n => `TEST.Y.H41-260302-${String(n).padStart(4, '0')}`;
const P = n => `PA-Y-2603-${String(n).padStart(4, '0')}`;

function newUnit(code, name, short) {
  sql(`INSERT INTO org_unit (parent_id, code, name, short_name, level) VALUES (8, '${code}', '${name}', '${short}', 'centre')`);
  sql(`UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = '${code}'`);
  return sql(`SELECT id FROM org_unit WHERE code = '${code}'`)[0][0];
}

test('setup: unit Y with its leader and March 2026 written by hand, then recounted by the operator', async () => {
  // the first checks take the on-time rate over the dossiers finished (a rule of
  // the legal versions; the test of the base puts back the default, received)
  sql("UPDATE legal_version SET ontime_base = 'finished'");
  T.unit = newUnit('TEST.Y.H41', 'Trung tâm kiểm thử Y', 'TT Y');
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('lanhdao_y', 'Lương Thị Yến', 'Giám đốc', 'leader', ${T.unit}, '${HASH}')`);
  sql("INSERT INTO field (code, name) VALUES ('T-Y', 'Lĩnh vực kiểm thử Y')");
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from)
       VALUES ('9.000098', 'Thủ tục kiểm thử Y', (SELECT id FROM field WHERE code = 'T-Y'), 'commune', ${T.unit}, 5, 'Đơn', 'Kiểm thử', '2025-07-01')`);
  const [[proc]] = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000098'");
  const recv = utc('2026-03-02 09:00'), due = utc('2026-03-09 10:00');
  const result = n => n <= 6 ? utc('2026-03-05 10:00') : n <= 8 ? utc('2026-03-09 09:00') : n <= 10 ? utc('2026-03-12 10:00') : n === 11 ? utc('2026-03-03 10:00') : null;
  const status = n => n <= 10 ? 'returned' : n === 11 ? 'refused' : 'processing';
  sql('INSERT INTO dossier (code, unit_id, procedure_id, applicant_name, documents, status, received_at, due_at, original_due_at, finished_at) VALUES ' +
      Array.from({ length: 12 }, (_, i) => i + 1).map(n =>
        `('${D(n)}', ${T.unit}, ${proc}, 'Công dân Y${n}', 'Đơn', '${status(n)}', '${recv}', '${due}', '${due}', ${result(n) ? `'${result(n)}'` : 'NULL'})`).join(', '));
  const id = n => sql(`SELECT id FROM dossier WHERE code = '${D(n)}'`)[0][0];
  const rated = utc('2026-03-13 10:00');
  const ratings = [[1, 1], [2, 3], [5, 2], [9, 1]].map(([n, l]) => [id(n), l]);
  const counter = [...Array(8).fill(3), ...Array(2).fill(2), ...Array(4).fill(1)].map(l => [null, l]);
  sql('INSERT INTO rating (ref, channel, unit_id, dossier_id, level, created_at, updated_at) VALUES ' +
      [...ratings, ...counter].map(([d, l], i) => `('testy${String(i).padStart(11, '0')}', 'qr', ${T.unit}, ${d === null ? 'NULL' : d}, ${l}, '${rated}', '${rated}')`).join(', '));

  // feedback: [code, kind, identity, formal, status, created, answered, dossier, verdict]
  const filed = '2026-03-03 09:00', deadline = utc('2026-03-17 17:00');
  const rows = [];
  for (let n = 1; n <= 12; n++) {
    const answered = n <= 8 ? '2026-03-10 10:00' : n <= 10 ? '2026-03-20 10:00' : n === 11 ? '2026-03-12 10:00' : '2026-03-13 10:00';
    rows.push([P(n), 'petition', 'named', 1, n === 11 ? 'review' : 'answered', filed, answered, n === 1 ? id(2) : null, n === 11 ? 0 : n === 12 ? 1 : null]);
  }
  rows.push([P(13), 'petition', 'anonymous', 0, 'answered', '2026-03-04 09:00', '2026-03-05 10:00', null, null]);
  rows.push([P(14), 'praise', 'named', 0, 'accepted', '2026-03-04 09:00', null, null, null]);
  rows.push([P(15), 'suggestion', 'named', 0, 'accepted', filed, null, null, null]);
  rows.push([P(16), 'petition', 'named', 1, 'accepted', '2026-03-20 09:00', null, null, null]);
  rows.push([P(17), 'petition', 'named', 1, 'rejected', filed, null, null, null]);
  rows.push([P(18), 'conduct', 'anonymous', 0, 'rejected', filed, null, id(3), null]);
  rows.push([P(19), 'suggestion', 'named', 0, 'accepted', filed, null, id(4), null]);
  rows.push([P(20), 'conduct', 'named', 0, 'accepted', filed, null, id(9), null]);
  rows.push([P(21), 'conduct', 'anonymous', 0, 'accepted', filed, null, id(12), null]);
  sql('INSERT INTO feedback (code, check_part, kind, status, unit_id, dossier_id, content, identity, contact_name, contact_phone, contact_address, formal, created_at, due_at, answered_at, answer_satisfied) VALUES ' +
      rows.map(([code, kind, ident, formal, st, created, answered, dossier, verdict]) =>
        `('${code}', 'abcd', '${kind}', '${st}', ${T.unit}, ${dossier === null ? 'NULL' : dossier}, 'Nội dung ${code}', '${ident}', ` +
        (ident === 'anonymous' ? 'NULL, NULL, NULL, ' : `'Người gửi ${code}', '0912000${code.slice(-3)}', 'Xã Gia Viễn', `) +
        `${formal}, '${utc(created)}', '${code === P(16) ? utc('2026-04-03 17:00') : deadline}', ${answered ? `'${utc(answered)}'` : 'NULL'}, ${verdict === null ? 'NULL' : verdict})`).join(', '));
  for (const [code, , , , , created, answered, , verdict] of rows) {
    sql(`INSERT INTO feedback_event (feedback_id, at, event, public, body) SELECT id, created_at, 'created', 1, '' FROM feedback WHERE code = '${code}'`);
    if (answered) sql(`INSERT INTO feedback_event (feedback_id, at, event, public, body) SELECT id, answered_at, 'answer', 1, 'Trả lời' FROM feedback WHERE code = '${code}'`);
    if (verdict !== null) sql(`INSERT INTO feedback_event (feedback_id, at, event, public, body) SELECT id, answered_at + INTERVAL 1 DAY, '${verdict ? 'citizen_satisfied' : 'review_requested'}', 1, '' FROM feedback WHERE code = '${code}'`);
  }
  recountFeedback();
  // written by hand, not by the programs: the operator's command recounts every aggregate
  assert.match(motcuactl('rebuild-stats'), /QĐ 766 figures recounted/);
});

// The value of a figure on the dashboard: [shown value, the list it links to].
function figure(html, label) {
  const m = html.match(new RegExp(`<p class="fig-label">${label}</p>\\s*<p class="fig-value"><a href="([^"]*)">([^<]*)</a></p>`));
  assert.ok(m, `figure ${label}`);
  return [m[2], m[1].replace(/&amp;/g, '&')];
}
// The text written under a figure ("Cách tính: …").
function definition(html, label) {
  const i = html.indexOf(`<p class="fig-label">${label}</p>`);
  return html.slice(i, html.indexOf('</div>', i));
}

test('the dashboard shows each QĐ 766 figure as computed by hand, with its formula under it', async () => {
  const c = await as('lanhdao_y');
  const r = await c.get(`/lanh-dao/?${PERIOD}`);
  assert.strictEqual(r.status, 200);
  T.dash = r.text;
  const expect = {
    'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC': ['70,0%', 'dossier_unhappy'],
    'Tỷ lệ hồ sơ giải quyết đúng hạn': ['80,0%', 'finished'],
    'Tỷ lệ PAKN xử lý đúng hạn': ['83,3%', 'pakn_answered'],
    'Tỷ lệ hài lòng trong xử lý PAKN': ['75,0%', 'pakn_unhappy'],
    'Tỷ lệ lượt đánh giá hài lòng': ['66,7%', 'ratings'],
    'Hồ sơ không hài lòng hoặc bị phản ánh': ['3', 'dossier_unhappy'],
    'PAKN có định danh tiếp nhận': ['14', 'pakn'],
    'Thông tin không định danh': ['3', 'anonymous'],
    'Khen ngợi': ['1', 'praise'],
    'PAKN đã xử lý': ['12', 'pakn_answered'],
    'PAKN không hài lòng hoặc xử lý chậm': ['3', 'pakn_unhappy'],
    'Số lượt đánh giá': ['18', 'ratings'],
  };
  for (const [label, [value, list]] of Object.entries(expect)) {
    const [shown, href] = figure(r.text, label);
    assert.strictEqual(shown, value, label);
    assert.match(href, new RegExp(`loai=${list}&`), `${label} opens its list`);
  }
  assert.match(definition(r.text, 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC'),
    /<p class="fig-def">Cách tính: \(Tổng số hồ sơ − số hồ sơ bị đánh giá Không hài lòng hoặc có phản ánh, kiến nghị về tiếp nhận, giải quyết, chậm trễ\) \/ Tổng số hồ sơ × 100%/);
  assert.match(definition(r.text, 'Tỷ lệ hồ sơ giải quyết đúng hạn'), /Mẫu số đang dùng: hồ sơ đã giải quyết \(có kết quả\) trong kỳ/);
  assert.match(definition(r.text, 'Tỷ lệ PAKN xử lý đúng hạn'), /Cách tính: Số PAKN xử lý đúng hoặc trước hạn \/ Tổng số PAKN thuộc thẩm quyền/);
  assert.match(definition(r.text, 'Tỷ lệ hài lòng trong xử lý PAKN'), /Cách tính: \(Tổng số PAKN − số PAKN có ý kiến Không hài lòng hoặc xử lý chậm\) \/ Tổng số PAKN × 100%/);
  assert.ok(!/Tỷ lệ hài lòng \(QĐ 766\)/.test(r.text), 'the ratings share no longer passes for the QĐ 766 index');
});

// Rows of a list page: the codes its rows link to, and its count.
async function listOf(c, kind, extra = '') {
  const r = await c.get(`/lanh-dao/danh-sach?loai=${kind}&${PERIOD}${extra}`);
  assert.strictEqual(r.status, 200, kind);
  const count = Number(r.text.match(/<strong id="row-count">(\d+)<\/strong>/)[1]);
  const body = r.text.slice(r.text.indexOf('<tbody>'), r.text.indexOf('</tbody>'));
  const rows = body.split('<tr>').slice(1).map(tr => [...tr.matchAll(/<td[^>]*>(?:<a [^>]*>)?([^<]*)/g)].map(m => m[1]));
  return { count, rows, codes: rows.map(r => r[0]).sort() };
}
async function csvOf(c, kind) {
  const res = await fetch(process.env.MOTCUA_BASE + `/lanh-dao/danh-sach?loai=${kind}&${PERIOD}&csv=1&muc-dich=bao_cao`, { headers: { cookie: c.cookieHeader() } });
  assert.strictEqual(res.status, 200);
  const lines = Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1).trim().split('\r\n');
  return lines.map(l => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map(m => m[1]));
}

test('the lists behind the figures hold exactly the dossiers and petitions of the table above; the CSVs the same rows', async () => {
  const c = await as('lanhdao_y');
  const want = {
    dossier_unhappy: [D(1), D(2), D(9)],
    finished: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(D),
    received_in_time: [1, 2, 3, 4, 5, 6, 7, 8].map(D),
    pakn_answered: Array.from({ length: 12 }, (_, i) => P(i + 1)),
    pakn_unhappy: [P(9), P(10), P(11)],
    pakn: [...Array.from({ length: 12 }, (_, i) => P(i + 1)), P(16), P(17)],
    anonymous: [P(13), P(18), P(21)],
    praise: [P(14)],
  };
  for (const [kind, codes] of Object.entries(want)) {
    const l = await listOf(c, kind);
    assert.strictEqual(l.count, codes.length, `${kind}: count`);
    assert.deepStrictEqual(l.codes, [...codes].sort(), `${kind}: rows`);
    const csv = await csvOf(c, kind);
    assert.deepStrictEqual(csv.slice(1).map(row => row[0]).sort(), [...codes].sort(), `${kind}: CSV rows`);
  }
  // the on-time column of the handled petitions: 10 of 12 on time
  const answered = await listOf(c, 'pakn_answered');
  assert.strictEqual(answered.rows.filter(r => r[5] === 'Có').length, 10);
  const head = (await csvOf(c, 'pakn_answered'))[0];
  assert.deepStrictEqual(head, ['Mã phản ánh', 'Đơn vị', 'Ngày tiếp nhận', 'Hạn trả lời', 'Ngày trả lời', 'Đúng hạn', 'Không hài lòng hoặc chậm']);
  // why each unhappy dossier is there: D1 and D9 rated 1, D2 by its petition
  const unhappy = await listOf(c, 'dossier_unhappy');
  const why = Object.fromEntries(unhappy.rows.map(r => [r[0], [r[5], r[6]]]));
  assert.deepStrictEqual(why, { [D(1)]: ['Không hài lòng', '0'], [D(2)]: ['Rất hài lòng', '1'], [D(9)]: ['Không hài lòng', '1'] });
});

test('the province\'s table of units (and its CSV) gives unit Y the same figures', async () => {
  const c = await as('lanhdao02');
  const res = await fetch(process.env.MOTCUA_BASE + `/lanh-dao/?don-vi=000.22.00.H41&${PERIOD}&csv=don-vi`, { headers: { cookie: c.cookieHeader() } });
  const rows = Buffer.from(await res.arrayBuffer()).toString('utf8').slice(1).trim().split('\r\n')
    .map(l => [...l.matchAll(/"((?:[^"]|"")*)"/g)].map(m => m[1]));
  const head = rows[0], y = rows.find(r => r[0] === 'Trung tâm kiểm thử Y');
  assert.ok(y, 'unit Y row');
  const at = name => y[head.indexOf(name)];
  assert.strictEqual(at('Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC'), '70,0%');
  assert.strictEqual(at('Tỷ lệ hồ sơ giải quyết đúng hạn'), '80,0%');
  assert.strictEqual(at('Tỷ lệ PAKN xử lý đúng hạn'), '83,3%');
  assert.strictEqual(at('Tỷ lệ hài lòng trong xử lý PAKN'), '75,0%');
  assert.strictEqual(at('Tỷ lệ lượt đánh giá hài lòng'), '66,7%');
  assert.strictEqual(at('Thông tin không định danh'), '3');
  assert.strictEqual(at('Khen ngợi'), '1');
  const page = await c.get(`/lanh-dao/?don-vi=000.22.00.H41&${PERIOD}`);
  const row = page.text.split('<tr>').find(t => t.includes('Trung tâm kiểm thử Y'));
  assert.match(row.replace(/>\s+</g, '><'), /<td>70,0%<\/td><td>83,3%<\/td><td>75,0%<\/td><td>66,7%<\/td>/);
});

test('the public statistics page uses the same figures and says how each is computed', async () => {
  const c = new Client();
  const r = await c.get(`/thong-ke/?${PERIOD}`);
  assert.strictEqual(r.status, 200);
  const table = r.text.slice(r.text.indexOf('<table id="qd766">'));
  const row = table.split('<tr>').find(t => t.includes('Trung tâm kiểm thử Y')).replace(/>\s+</g, '><');
  assert.match(row, /<td>10<\/td><td>70,0%<\/td><td>80,0%<\/td><td>12<\/td><td>83,3%<\/td><td>75,0%<\/td><td>3<\/td><td>1<\/td>/);
  assert.match(r.text, /<dt>Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC<\/dt><dd>\(Tổng số hồ sơ − số hồ sơ/);
  assert.match(r.text, /Mẫu số đang dùng: hồ sơ đã giải quyết/);
  // the ratings table keeps the ratings share under its own name
  assert.match(r.text, /<th scope="col">Tỷ lệ lượt đánh giá hài lòng<\/th>/);
  const bad = await c.get('/thong-ke/?tu=2026-03-31&den=2026-03-01');
  assert.strictEqual(bad.status, 400);
  assert.match(bad.text, /Khoảng thời gian không hợp lệ/);
  const en = await c.get(`/thong-ke/?${PERIOD}&lang=en`);
  assert.match(en.text, /Satisfaction in receiving and processing dossiers/);
  assert.match(en.text.slice(en.text.indexOf('<table id="qd766">')).split('<tr>').find(t => t.includes('Trung tâm kiểm thử Y')), /70\.0%/);
});

test('the on-time base is a rule of the legal version: received (the default) gives 8 / 11', async () => {
  sql("UPDATE legal_version SET ontime_base = 'received'");
  try {
    const r = await (await as('lanhdao_y')).get(`/lanh-dao/?${PERIOD}`);
    const [value, href] = figure(r.text, 'Tỷ lệ hồ sơ giải quyết đúng hạn');
    assert.strictEqual(value, '72,7%');
    assert.match(href, /loai=received_in_time&/);
    assert.match(definition(r.text, 'Tỷ lệ hồ sơ giải quyết đúng hạn'), /Mẫu số đang dùng: hồ sơ tiếp nhận trong kỳ, trừ hồ sơ bị từ chối hoặc dừng giải quyết/);
    const pub = await new Client().get(`/thong-ke/?${PERIOD}`);
    const row = pub.text.slice(pub.text.indexOf('<table id="qd766">')).split('<tr>').find(t => t.includes('Trung tâm kiểm thử Y'));
    assert.match(row.replace(/>\s+</g, '><'), /<td>70,0%<\/td><td>72,7%<\/td>/);
    assert.match(pub.text, /Mẫu số đang dùng: hồ sơ tiếp nhận trong kỳ/);
  } finally {
    sql("UPDATE legal_version SET ontime_base = 'finished'");
  }
  const back = await (await as('lanhdao_y')).get(`/lanh-dao/?${PERIOD}`);
  assert.strictEqual(figure(back.text, 'Tỷ lệ hồ sơ giải quyết đúng hạn')[0], '80,0%');
  sql("UPDATE legal_version SET ontime_base = 'received'");   // the migration's default, for the tests after
});

test('the write path keeps the QĐ 766 aggregates as a recount from the records would (unit Z, whatever the date)', async () => {
  const Z = newUnit('TEST.Z.H41', 'Trung tâm kiểm thử Z', 'TT Z');
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('canbo_z', 'Đinh Văn Zũng', 'Chuyên viên', 'officer', ${Z}, '${HASH}')`);
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from)
       VALUES ('9.000097', 'Thủ tục kiểm thử Z', (SELECT id FROM field WHERE code = 'T-Y'), 'commune', ${Z}, 5, 'Đơn', 'Kiểm thử', '2025-07-01')`);
  const [[proc]] = sql("SELECT id FROM procedure_tthc WHERE national_code = '9.000097'");
  const sums = () => sql(`SELECT (SELECT CONCAT_WS('/', SUM(unhappy), SUM(recv_in_time), SUM(recv_out), SUM(received), SUM(finished), SUM(early) + SUM(on_time))
                                    FROM stat_dossier_day WHERE scope = 'unit' AND scope_id = ${Z}),
                                 (SELECT CONCAT_WS('/', SUM(pakn), SUM(anonymous), SUM(praise), SUM(pakn_answered), SUM(pakn_on_time), SUM(pakn_unhappy))
                                    FROM stat_day WHERE scope = 'unit' AND scope_id = ${Z})`)[0];
  const officer = await as('canbo_z');
  // two dossiers: one finished (early) and rated "Không hài lòng", one refused
  const csrf = await officer.csrf('/can-bo/ho-so/moi');
  const codes = [];
  for (const name of ['Công dân Z1', 'Công dân Z2']) {
    const r = await officer.post('/can-bo/ho-so/moi', { csrf, procedure: proc, name, documents: 'Đơn', sets: '1', channel: 'counter', collect: 'counter' });
    assert.strictEqual(r.status, 303);
    codes.push(r.headers.get('location').split('/')[3]);
  }
  const move = async (code, action, fields = {}) => {
    const t = await officer.csrf('/can-bo/ho-so/' + code);
    return officer.post(`/can-bo/ho-so/${code}/${action}`, { csrf: t, ...fields });
  };
  assert.strictEqual((await move(codes[0], 'co-ket-qua')).status, 303);
  assert.strictEqual((await move(codes[0], 'tra-ket-qua')).status, 303);
  assert.strictEqual((await move(codes[1], 'tu-choi', { note: 'Không thuộc thẩm quyền' })).status, 303);
  resetLimits();
  const cit = new Client();
  const q = qrPath(`kind = 'dossier' AND dossier_id = (SELECT id FROM dossier WHERE code = '${codes[0]}')`);
  const form = await cit.get('/phan-anh/moi');
  const hidden = { csrf: formFields(form.text, '/phan-anh/moi').csrf, idem: require('crypto').randomBytes(16).toString('hex') };
  assert.strictEqual((await cit.post(`${q}/danh-gia`, { ...hidden, level: '1' })).status, 303);
  // an identified petition, answered on time, then "Không hài lòng"; an anonymous report
  const pet = await fileCase({ kind: 'petition', identity: 'named', unit: 'TEST.Z.H41', content: 'Đề nghị niêm yết đủ thành phần hồ sơ.',
    name: 'Trịnh Văn Zoãn', phone: '0988111222', address: 'Xã Gia Viễn' });
  await fileCase({ kind: 'conduct', identity: 'anonymous', unit: 'TEST.Z.H41', content: 'Cán bộ trả lời thiếu nhiệt tình.' });
  assert.strictEqual((await caseAction(officer, pet.code, 'tra-loi', { text: 'Đơn vị đã niêm yết bổ sung.' })).status, 303);
  const page = await pet.citizen.get('/phan-anh/' + pet.pub);
  const v = formFields(page.text, `/phan-anh/${pet.pub}/danh-gia`);
  assert.strictEqual((await pet.citizen.post(`/phan-anh/${pet.pub}/danh-gia`, { ...v, satisfied: '0' })).status, 303);
  // unhappy / received in time / refused / received / finished / early+on time; pakn / anonymous / praise / handled / on time / unhappy
  assert.deepStrictEqual(sums(), ['1/1/1/2/1/1', '1/1/0/1/1/1']);
  // a third dossier, finished, then a conduct report about it through its QR: not satisfied;
  // rejected by the unit (not a PAKN), the dossier is satisfied again
  const r3 = await officer.post('/can-bo/ho-so/moi', { csrf, procedure: proc, name: 'Công dân Z3', documents: 'Đơn', sets: '1', channel: 'counter', collect: 'counter' });
  codes.push(r3.headers.get('location').split('/')[3]);
  assert.strictEqual((await move(codes[2], 'co-ket-qua')).status, 303);
  assert.strictEqual((await move(codes[2], 'tra-ket-qua')).status, 303);
  const q3 = qrPath(`kind = 'dossier' AND dossier_id = (SELECT id FROM dossier WHERE code = '${codes[2]}')`);
  const report = await fileCase({ kind: 'conduct', identity: 'named', content: 'Cán bộ hẹn trả kết quả rồi lại lùi ngày.',
    name: 'Phan Văn Zĩnh', phone: '0988333444', address: 'Xã Gia Viễn' }, q3.slice(3));
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM feedback WHERE code = '${report.code}' AND dossier_id IS NOT NULL`), [['1']]);
  assert.strictEqual(sums()[0].split('/')[0], '2', 'two dossiers not satisfied');
  assert.strictEqual((await caseAction(officer, report.code, 'phan-loai', { class: 'rejected', reason: 'Không đúng sự việc' })).status, 303);
  assert.strictEqual(sums()[0].split('/')[0], '1', 'the rejected report no longer counts');
  // an identified petition forwarded to unit Y: the competent unit counts it
  const fwd = await fileCase({ kind: 'petition', identity: 'named', unit: 'TEST.Z.H41', content: 'Đề nghị hướng dẫn thủ tục đất đai.',
    name: 'Hà Thị Zung', phone: '0988555666', address: 'Xã Gia Viễn' });
  const yPakn = () => Number(sql(`SELECT SUM(pakn) FROM stat_day WHERE scope = 'unit' AND scope_id = ${T.unit}`)[0][0]);
  const yBefore = yPakn();
  assert.strictEqual(sums()[1].split('/')[0], '2');
  assert.strictEqual((await caseAction(officer, fwd.code, 'phan-loai', { class: 'forwarded', unit: T.unit })).status, 303);
  assert.strictEqual(sums()[1].split('/')[0], '1', 'no longer Z\'s');
  assert.strictEqual(yPakn(), yBefore + 1, 'Y\'s now');
  const kept = sums(), yKept = yPakn();
  motcuactl('rebuild-stats');
  assert.deepStrictEqual(sums(), kept, 'a recount from the records finds the same');
  assert.strictEqual(yPakn(), yKept);
});
