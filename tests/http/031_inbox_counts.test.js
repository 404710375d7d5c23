// The inbox's counts and pages against the cases themselves: a hand-made set of
// cases in one department goes through every state (one of them a confidential
// case about the officer who looks), then every filter of the inbox must show
// what a plain count over the feedback table says, for officers and leaders.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, qrPath, formFields, fileCase, caseAction } = require('../lib/client');

const UNIT = '000.00.10.H41';   // Sở Tư pháp: officer chuyenvien03, leader giamdoc03
const RUNNING = "'new','accepted','conduct','review'";
const OPEN = "'new','accepted','conduct','need_info','review'";
const users = {};
async function as(name) {
  if (!users[name]) { users[name] = new Client(); await users[name].login(name); }
  return users[name];
}
async function act(who, code, action, fields = {}) {
  const r = await caseAction(await as(who), code, action, fields);
  assert.strictEqual(r.status, 303, `${who} ${action} ${code}: ${r.status}`);
}

// What the inbox page shows: the counts above the list, the total and the codes listed.
async function inbox(who, query = '') {
  const r = await (await as(who)).get('/can-bo/?' + query);
  assert.strictEqual(r.status, 200, `${who} ?${query}`);
  const num = label => { const m = r.text.match(new RegExp(label + ': <strong>(\\d+)')); return m ? Number(m[1]) : null; };
  return {
    open: num('Đang mở'), new: num('Mới'), overdue: num('Quá hạn'),
    escalated: num('Đã báo lãnh đạo'), review: num('Đề nghị xem xét lại'),
    total: Number(r.text.match(/Số phản ánh: (\d+)/)[1]),
    codes: [...r.text.matchAll(/<td class="c-code"><a href="\/can-bo\/phan-anh\/(PA-[0-9-]+)">/g)].map(m => m[1]),
  };
}

// The end of the "due soon" window as the program computes it: close of
// business (17:00 local) on the second working day after today.
let soonEnd;
function dueSoonEnd() {
  if (soonEnd) return soonEnd;
  const extra = new Map(sql("SELECT DATE_FORMAT(day, '%Y-%m-%d'), is_working FROM calendar_day").map(([d, w]) => [d, w === '1']));
  const working = d => {
    const iso = new Date(d * 86400e3).toISOString().slice(0, 10);
    if (extra.has(iso)) return extra.get(iso);
    const wd = (d + 4) % 7;   // 1970-01-01 was a Thursday; 0 = Sunday
    return wd !== 0 && wd !== 6;
  };
  let day = Math.floor((Date.now() / 1000 + 7 * 3600) / 86400);
  for (let n = 0; n < 2; n++) { day++; while (!working(day)) day++; }
  soonEnd = day * 86400 + (17 - 7) * 3600;
  return soonEnd;
}

// The same page computed from the feedback table: the visibility rule, the
// filter and the order (overdue first, then by due date) written out in SQL.
function expected(who, filter = {}) {
  const [[uid, unit, role, path]] = sql(`SELECT u.id, u.unit_id, u.role, o.path FROM users u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = '${who}'`);
  const leader = role === 'leader';
  const scope = leader ? `f.unit_id IN (SELECT id FROM org_unit WHERE path LIKE '${path}%')` : `f.unit_id = ${unit}`;
  const seen = `${scope} AND NOT (f.identity = 'confidential' AND f.officer_id <=> ${uid})`;
  const count = cond => `(SELECT COUNT(*) FROM feedback f WHERE ${seen} AND ${cond})`;
  const cond = [{
    open: `f.status IN (${OPEN})`, all: 'TRUE',
    overdue: `f.status IN (${RUNNING}) AND f.due_at < UTC_TIMESTAMP()`,
    due_soon: `f.status IN (${RUNNING}) AND f.due_at >= UTC_TIMESTAMP() AND f.due_at <= FROM_UNIXTIME(${dueSoonEnd()})`,
  }[filter.status || 'open'] || `f.status = '${filter.status}'`];
  if (filter.kind) cond.push(`f.kind = '${filter.kind}'`);
  if (filter.counter) cond.push(`f.counter_id = ${filter.counter}`);
  if (filter.q) cond.push(`(f.code = '${filter.q}' OR f.content LIKE '%${filter.q}%')`);
  const where = cond.join(' AND ');
  const [counts, ...rows] = sql(`
    SELECT ${count(`f.status IN (${OPEN})`)}, ${count("f.status = 'new'")},
           ${count(`f.status IN (${RUNNING}) AND f.due_at < UTC_TIMESTAMP()`)},
           ${count(`f.status IN (${RUNNING}) AND f.escalated_at IS NOT NULL`)},
           ${count("f.status = 'review'")}, ${count(where)};
    SELECT f.code FROM feedback f WHERE ${seen} AND ${where}
     ORDER BY (f.status IN (${RUNNING}) AND f.due_at < UTC_TIMESTAMP()) DESC, f.due_at, f.id
     LIMIT 25 OFFSET ${25 * ((filter.page || 1) - 1)}`);
  const [open, nw, overdue, escalated, review, total] = counts.map(Number);
  return {
    open, new: nw, overdue, escalated: leader ? escalated : null, review: leader ? review : null,
    total, codes: rows.map(r => r[0]),
  };
}

function query(filter) {
  const p = new URLSearchParams({ 'trang-thai': filter.status || 'open' });
  if (filter.kind) p.set('loai', filter.kind);
  if (filter.counter) p.set('quay', filter.counter);
  if (filter.q) p.set('q', filter.q);
  if (filter.page) p.set('trang', filter.page);
  return p.toString();
}

const made = {};
let before;

test('inbox counts: a department\'s cases pass through every state, one of them forwarded in and one reopened', async () => {
  before = { officer: await inbox('chuyenvien03'), leader: await inbox('giamdoc03', 'trang-thai=all') };
  const anon = (kind, content, unit = UNIT) => fileCase({ kind, identity: 'anonymous', unit, content });
  made.fresh = await fileCase({ kind: 'petition', identity: 'named', unit: UNIT, content: 'Hồ sơ lý lịch tư pháp chờ quá lâu.',
    name: 'Phạm Văn Bình', phone: '0912345678' });
  made.late = await anon('suggestion', 'Nên có bảng hướng dẫn nộp hồ sơ quốc tịch.');
  const token = qrPath("kind = 'officer' AND officer_id = (SELECT id FROM users WHERE username = 'chuyenvien03')").split('/')[2];
  made.secret = await fileCase({ kind: 'conduct', identity: 'confidential', content: 'Chuyên viên hẹn gặp riêng ngoài giờ.',
    name: 'Người Giấu Tên', phone: '0933444555' }, token);
  made.info = await anon('petition', 'Không rõ cần bản sao giấy tờ nào khi xin lý lịch.');
  made.review = await anon('suggestion', 'Nên cho nhận kết quả qua bưu điện.');
  made.closed = await anon('praise', 'Cảm ơn chuyên viên đã hướng dẫn tận tình.');
  made.rejected = await anon('suggestion', 'Nội dung không thuộc thẩm quyền của Sở.');
  made.forwarded = await anon('petition', 'Việc cấp lý lịch tư pháp thuộc Sở Tư pháp.', '000.00.01.H41');
  made.reopened = await anon('suggestion', 'Đề nghị niêm yết lệ phí rõ hơn.');
  made.answered = await anon('praise', 'Thủ tục chứng thực nhanh gọn.');

  await act('chuyenvien03', made.late.code, 'phan-loai', { class: 'accepted' });
  await act('giamdoc03', made.secret.code, 'phan-loai', { class: 'conduct' });
  await act('chuyenvien03', made.info.code, 'phan-loai', { class: 'accepted' });
  await act('chuyenvien03', made.info.code, 'yeu-cau-bo-sung', { text: 'Đề nghị cho biết mục đích xin lý lịch.' });
  for (const k of ['review', 'closed', 'reopened', 'answered']) {
    await act('chuyenvien03', made[k].code, 'phan-loai', { class: 'accepted' });
    await act('chuyenvien03', made[k].code, 'tra-loi', { text: 'Sở đã tiếp thu ý kiến.' });
  }
  await act('chuyenvien03', made.closed.code, 'dong');
  await act('chuyenvien03', made.reopened.code, 'dong');
  await act('giamdoc03', made.reopened.code, 'mo-lai', { text: 'Cần trả lời cụ thể hơn.' });
  await act('chuyenvien03', made.rejected.code, 'phan-loai', { class: 'rejected', reason: 'Không thuộc thẩm quyền.' });
  const [[unit3]] = sql(`SELECT id FROM org_unit WHERE code = '${UNIT}'`);
  await act('canbo01', made.forwarded.code, 'phan-loai', { class: 'forwarded', unit: unit3 });
  // the citizen is not satisfied with one answer: a leader reviews it
  const page = await made.review.citizen.get('/phan-anh/' + made.review.pub);
  const hidden = formFields(page.text, `/phan-anh/${made.review.pub}/danh-gia`);
  const r = await made.review.citizen.post(`/phan-anh/${made.review.pub}/danh-gia`, { ...hidden, satisfied: '0' });
  assert.strictEqual(r.status, 303);
  // one case is late (and goes up to the leader), one falls due within the window
  sql(`UPDATE feedback SET due_at = UTC_TIMESTAMP() - INTERVAL 3 DAY WHERE code = '${made.late.code}'`);
  sql(`UPDATE feedback SET due_at = UTC_TIMESTAMP() + INTERVAL 1 HOUR WHERE code = '${made.reopened.code}'`);
  motcuactl('tick');
  const got = Object.fromEntries(sql(`SELECT code, status, escalated_at IS NOT NULL FROM feedback WHERE code IN (${Object.values(made).map(c => `'${c.code}'`).join(',')})`).map(([c, s, e]) => [c, s + (e === '1' ? '+escalated' : '')]));
  const want = { fresh: 'new', late: 'accepted+escalated', secret: 'conduct', info: 'need_info', review: 'review', closed: 'closed',
    rejected: 'rejected', forwarded: 'new', reopened: 'accepted', answered: 'answered' };
  for (const [k, s] of Object.entries(want)) assert.strictEqual(got[made[k].code], s, k);
});

test('inbox counts: the officer the confidential case is about sees the rest, exactly, and not that case', async () => {
  const now = await inbox('chuyenvien03');
  // fresh, late, info, review, forwarded, reopened are open; secret is hidden from this officer
  assert.deepStrictEqual([now.open - before.officer.open, now.new - before.officer.new, now.overdue - before.officer.overdue], [6, 2, 1]);
  assert.strictEqual(now.escalated, null, 'an officer sees no escalation count');
  const all = await inbox('chuyenvien03', 'trang-thai=all&q=' + made.secret.code);
  assert.deepStrictEqual([all.total, all.codes], [0, []]);
  const soon = await inbox('chuyenvien03', 'trang-thai=due_soon');
  assert.ok(soon.codes.includes(made.reopened.code), 'due within the window');
  const late = await inbox('chuyenvien03', 'trang-thai=overdue');
  assert.ok(late.codes.includes(made.late.code), 'in the overdue filter');
  const lead = await inbox('giamdoc03', 'trang-thai=all');
  assert.strictEqual(lead.total - before.leader.total, 10, 'the leader sees all ten');
  assert.deepStrictEqual([lead.escalated - before.leader.escalated, lead.review - before.leader.review], [1, 1]);
  const secret = await inbox('giamdoc03', 'trang-thai=all&q=' + made.secret.code);
  assert.deepStrictEqual(secret.codes, [made.secret.code]);
});

test('inbox counts: every filter shows what a count over the cases says, for officers and leaders', async () => {
  const [[q01]] = sql("SELECT c.id FROM counter c JOIN org_unit u ON u.id = c.unit_id WHERE u.code = '000.00.01.H41' AND c.code = 'Q01'");
  const filters = [
    {}, { status: 'new' }, { status: 'overdue' }, { status: 'due_soon' }, { status: 'review' },
    { status: 'need_info' }, { status: 'answered' }, { status: 'closed' }, { status: 'rejected' },
    { status: 'all' }, { status: 'all', page: 2 }, { status: 'closed', page: 2 },
    { status: 'open', kind: 'petition' }, { status: 'all', kind: 'suggestion' }, { status: 'closed', kind: 'praise' },
    { status: 'all', counter: q01 }, { status: 'open', counter: q01 }, { status: 'overdue', kind: 'conduct' },
    { status: 'all', q: 'lý lịch' }, { status: 'open', q: 'thái độ' },
  ];
  for (const who of ['chuyenvien03', 'giamdoc03', 'canbo01', 'lanhdao01', 'lanhdao02']) {
    for (const f of filters) {
      assert.deepStrictEqual(await inbox(who, query(f)), expected(who, f), `${who} ${query(f)}`);
    }
  }
});

test(
    'inbox pages when more cases are overdue than a page holds: the first pages are overdue cases only, in due order',
    async () => {
        // 30 new cases in the department, all past their due time a minute apart
        const codes = [];
        for (let i = 0; i < 30; i++) {
            codes.push((await fileCase({
                           kind : 'suggestion',
                           identity : 'anonymous',
                           unit : UNIT,
                           content : `Góp ý số ${i + 1} về giờ làm việc.`
                       })).code);
        }
        const list = codes.map(c => `'${c}'`).join(',');
        sql(`UPDATE feedback SET due_at = UTC_TIMESTAMP() - INTERVAL 10 DAY + INTERVAL id MINUTE WHERE code IN (${
            list})`);
        motcuactl('tick');   // the stack's own tick would escalate them at any moment: now, before reading
        try {
            for (const who of ['chuyenvien03', 'giamdoc03']) {
                const first = await inbox(who);
                assert.ok(first.overdue >= 30, `${who}: ${first.overdue} overdue`);
                for (const f of [{}, { page : 2 }, { status : 'all' }, { status : 'all', page : 2 },
                                 { status : 'overdue', page : 2 }]) {
                    const got = await inbox(who, query(f));
                    assert.deepStrictEqual(got, expected(who, f), `${who} ${query(f)}`);
                }
                // the oldest of them leads the first page, before any case still in time
                assert.ok(first.codes.indexOf(codes[0]) >= 0 &&
                          first.codes.indexOf(codes[0]) < first.codes.indexOf(codes[1]));
            }
        } finally {
            sql(`UPDATE feedback SET due_at = UTC_TIMESTAMP() + INTERVAL 30 DAY WHERE code IN (${
                list})`);
        }
    });
