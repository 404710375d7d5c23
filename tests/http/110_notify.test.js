// Messages to citizens from the outbox (docs/notifications.md): each step by
// e-mail (SMTP), SMS (an HTTP gateway) and Zalo (ZNS and its token), against
// local servers started here; the sender run by `motcuactl send`.  The servers
// stop mid-run and come back: every message arrives, once per idempotency key.
// The daily cap, the stop link, nothing to an anonymous sender, the officers'
// table.  The stack's configuration gets the channels for this file and the
// citizen and officer programs are restarted to read it; both are put back at
// the end.
'use strict';
const assert = require('assert');
const fs = require('fs');
const net = require('net');
const http = require('http');
const { execFile } = require('child_process');
const { promisify } = require('util');
const { test } = require('../lib/harness');
const { Client, sql, motcuactl, staff, fileCase, caseAction, formFields, recountFeedback, VAR, ROOT, restartPrograms } = require('../lib/client');

const CONF = `${VAR}/motcua.hdf`;
const ORIGINAL = fs.readFileSync(CONF, 'utf8');
const STEPS = ['fb_received', 'fb_info', 'fb_answered', 'fb_reopened', 'received', 'supplement', 'apology', 'ready', 'returned'];

// ---- an SMTP sink: enough of RFC 5321 for libcurl (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT)
const smtp = { messages: [], auth: [], failNext: 0, server: null, port: 0 };
function smtpStart(port = 0) {
  smtp.server = net.createServer(sock => {
    let buf = '', data = null, rcpt = [], awaitingAuth = false;
    const say = line => sock.write(line + '\r\n');
    say('220 sink ESMTP');
    sock.on('data', chunk => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (data !== null) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          data += buf.slice(0, end);
          buf = buf.slice(end + 5);
          if (smtp.failNext > 0) { smtp.failNext--; say('451 try again later'); } else {
            const id = (data.match(/^Message-ID: <([^@>]+)@/mi) || [])[1];
            smtp.messages.push({ rcpt, data, id });
            say('250 queued');
          }
          data = null; rcpt = [];
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const verb = line.split(' ')[0].toUpperCase();
        if (awaitingAuth) { smtp.auth.push(Buffer.from(line, 'base64').toString()); awaitingAuth = false; say('235 ok'); }
        else if (verb === 'EHLO' || verb === 'HELO') { sock.write('250-sink\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n'); }
        else if (verb === 'AUTH') {
          const arg = line.split(' ')[2];
          if (arg) { smtp.auth.push(Buffer.from(arg, 'base64').toString()); say('235 ok'); } else { awaitingAuth = true; say('334 '); }
        }
        else if (verb === 'MAIL') say('250 ok');
        else if (verb === 'RCPT') { rcpt.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, '$1')); say('250 ok'); }
        else if (verb === 'DATA') { data = ''; say('354 go on'); }
        else if (verb === 'QUIT') { say('221 bye'); sock.end(); }
        else say('250 ok');
      }
    });
    sock.on('error', () => {});
  });
  return new Promise(res => smtp.server.listen(port, '127.0.0.1', () => { smtp.port = smtp.server.address().port; res(); }));
}

// ---- the SMS gateway, Zalo and its token endpoint: records every request;
// mode 'ok', 'fail' (500) or 'hang' (no answer) on demand
const web = { sms: [], zalo: [], token: [], mode: 'ok', server: null, port: 0, refresh: 'r0', access: '', n: 0, sockets: new Set() };
function webStart(port = 0) {
  web.server = http.createServer((req, res) => {
    let body = '';
    req.on('data', c => { body += c; });
    req.on('end', () => {
      const reply = (status, obj) => { res.writeHead(status, { 'Content-Type': 'application/json' }); res.end(JSON.stringify(obj)); };
      if (req.url === '/token') {
        const f = new URLSearchParams(body);
        web.token.push({ refresh: f.get('refresh_token'), app: f.get('app_id'), secret: req.headers.secret_key });
        if (f.get('refresh_token') !== web.refresh) return reply(200, { error: -14014, message: 'Invalid refresh token' });
        web.n++;
        web.access = `a${web.n}`;
        web.refresh = `r${web.n}`;
        return reply(200, { access_token: web.access, refresh_token: web.refresh, expires_in: '90000' });
      }
      const rec = { json: JSON.parse(body), headers: req.headers, ok: false };
      (req.url === '/sms' ? web.sms : web.zalo).push(rec);
      if (web.mode === 'hang') return;
      if (web.mode === 'fail') return reply(500, { error: 'down' });
      rec.ok = true;
      if (req.url === '/sms') return reply(200, { status: 'accepted', id: rec.json.request_id });
      if (req.headers.access_token !== web.access) { rec.ok = false; return reply(200, { error: -124, message: 'Access token is invalid' }); }
      return reply(200, { error: 0, message: 'Success', data: { msg_id: 'z' + rec.json.tracking_id } });
    });
  });
  web.server.on('connection', s => { web.sockets.add(s); s.on('close', () => web.sockets.delete(s)); });
  return new Promise(res => web.server.listen(port, '127.0.0.1', () => { web.port = web.server.address().port; res(); }));
}
function stop(server, sockets) {
  return new Promise(res => { server.close(() => res()); for (const s of sockets || []) s.destroy(); });
}

function configure(extra = '') {
  const lines = [
    'Mail.Mode = smtp', `Mail.SMTP.URL = smtp://127.0.0.1:${smtp.port}`, 'Mail.SMTP.TLS = none',
    'Mail.SMTP.User = motcua', 'Mail.SMTP.Password = mat-khau-thu',
    'Notify.RetrySeconds = 0', 'Notify.Timeout = 2', 'Notify.DailyCap = 100',
    `Notify.SMS.URL = http://127.0.0.1:${web.port}/sms`, 'Notify.SMS.Key = khoa-sms', 'Notify.SMS.Brand = MOTCUA-NB',
    `Notify.Zalo.URL = http://127.0.0.1:${web.port}/zalo`, `Notify.Zalo.TokenURL = http://127.0.0.1:${web.port}/token`,
    'Notify.Zalo.AppId = 4242', 'Notify.Zalo.SecretKey = bi-mat', 'Notify.Zalo.RefreshToken = r0',
  ];
  STEPS.forEach((s, i) => {
    lines.push(`Notify.SMS.Template.${s}.Id = ${100 + i}`, `Notify.SMS.Template.${s}.Params = code,date,link`,
      `Notify.SMS.Template.${s}.Unicode = ${s === 'received' ? 0 : 1}`,
      `Notify.Zalo.Template.${s}.Id = ${250000 + i}`, `Notify.Zalo.Template.${s}.Params = code,link`);
  });
  fs.writeFileSync(CONF, ORIGINAL + '\n' + lines.join('\n') + '\n' + extra);
}


// asynchronous: the servers answering it live in this process.  The stack's
// ticker sends too (the same configuration): when it holds the lease, wait.
// The stack's own tick sends every minute: between its own sends the file holds
// the sender's lease, so what it reads as queued stays queued until it sends.
async function hold() {
  for (let i = 0; i < 100; i++) {
    sql(`UPDATE job_lease SET holder = 'test-110', expires_at = UTC_TIMESTAMP() + INTERVAL 10 MINUTE
          WHERE name = 'notify_send' AND (expires_at <= UTC_TIMESTAMP() OR holder = 'test-110')`);
    if (sql("SELECT holder FROM job_lease WHERE name = 'notify_send'")[0][0] === 'test-110') return;
    await new Promise(r => setTimeout(r, 200));
  }
  assert.fail('the sender\'s lease is never free');
}
const release = () => sql("UPDATE job_lease SET expires_at = UTC_TIMESTAMP() WHERE name = 'notify_send' AND holder = 'test-110'");
async function send() {
  release();
  try {
    for (let i = 0; ; i++) {
      const { stdout } = await promisify(execFile)(`${ROOT}/build/motcuactl`, ['-c', CONF, 'send'], { encoding: 'utf8' });
      if (!/holds the lease/.test(stdout) || i === 50) return stdout;
      await new Promise(r => setTimeout(r, 200));
    }
  } finally {
    await hold();
  }
}
const rows = where => sql(`SELECT id, idem_key, channel, recipient, step, state, attempts, COALESCE(segments, 0), body FROM notification WHERE ${where} ORDER BY id`)
  .map(([id, key, channel, to, step, state, attempts, segments, body]) => ({ id, key, channel, to, step, state, attempts: +attempts, segments: +segments, body }));
// each key accepted exactly once by its provider
function deliveredOnce(list) {
  for (const r of list) {
    const n = r.channel === 'email' ? smtp.messages.filter(m => m.id === r.key).length
      : (r.channel === 'sms' ? web.sms.filter(q => q.ok && q.json.request_id === r.key)
        : web.zalo.filter(q => q.ok && q.json.tracking_id === r.key)).length;
    assert.strictEqual(n, 1, `${r.channel} ${r.step} ${r.key} accepted ${n} times`);
    assert.strictEqual(r.state, 'sent', `${r.channel} ${r.step}`);
  }
}
// UCS-2: 70 alone, 67 a part; GSM-7: 160, 153
const segments = (text, unicode) => unicode ? (text.length <= 70 ? 1 : Math.ceil(text.length / 67))
  : (text.length <= 160 ? 1 : Math.ceil(text.length / 153));

async function post(who, url, fields = {}) {
  const c = await staff(who);
  return c.post(url, { csrf: await c.csrf(url.replace(/\/[^/]+$/, '')), ...fields });
}

const S = {};

test('setup: an SMTP sink and an SMS/Zalo endpoint on loopback; the stack configured for them', async () => {
  await smtpStart();
  await webStart();
  // what earlier files left waiting is sent first, by their own configuration
  await send();
  configure();
  restartPrograms('citizen', 'officer');
  const home = await new Client().get('/');
  assert.strictEqual(home.status, 200);
});

test('a named case: received, information requested, answered, reopened; by e-mail, SMS and Zalo, each once', async () => {
  S.named = await fileCase({ kind: 'petition', identity: 'named', unit: '000.00.01.H41', content: 'Thông báo kiểm thử kênh tin nhắn.', notify: '1',
    name: 'Đỗ Văn Tin', phone: '0912 345 678', email: 'tin.do@example.vn', address: 'Phường Hoa Lư' });
  const code = S.named.code;
  const [[fid]] = sql(`SELECT id FROM feedback WHERE code = '${code}'`);
  S.fid = fid;
  assert.strictEqual((await caseAction(await staff('canbo01'), code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.strictEqual((await caseAction(await staff('canbo02'), code, 'yeu-cau-bo-sung', { text: 'Đề nghị gửi ảnh giấy hẹn.' })).status, 303);
  assert.strictEqual((await caseAction(await staff('canbo02'), code, 'tra-loi', { text: 'Đơn vị đã giải quyết xong.' })).status, 303);
  assert.strictEqual((await caseAction(await staff('lanhdao01'), code, 'mo-lai', { text: 'Chưa trả lời đủ ý.' })).status, 303);
  const queued = rows(`object_type = 'feedback' AND object_id = ${fid}`);
  assert.deepStrictEqual(queued.map(r => `${r.step}:${r.channel}:${r.to}`), ['fb_received', 'fb_info', 'fb_answered', 'fb_reopened']
    .flatMap(s => [`${s}:email:tin.do@example.vn`, `${s}:sms:84912345678`, `${s}:zalo:84912345678`]));
  assert.ok(queued.every(r => r.state === 'queued'), 'nothing is sent by the programs themselves');
  const out = await send();
  assert.match(out, /^send: \d+ sent/);
  const done = rows(`object_type = 'feedback' AND object_id = ${fid}`);
  deliveredOnce(done);
  // the e-mail: through the relay with its account, in Vietnamese, the tracking and stop links
  const mail = smtp.messages.find(m => m.id === done[0].key);
  assert.deepStrictEqual(mail.rcpt, ['tin.do@example.vn']);
  assert.ok(smtp.auth.some(a => a === '\0motcua\0mat-khau-thu'), 'AUTH PLAIN with the relay account');
  assert.match(mail.data, /^Subject: =\?UTF-8\?B\?/m);
  assert.ok(mail.data.includes(`Đã nhận phản ánh ${S.named.pub}, hạn trả lời `));
  assert.ok(mail.data.includes(`/phan-anh/${S.named.pub}?k=`));
  assert.match(mail.data, /\/ngung-nhan-tin\/[0-9a-f]{48}(\r\n|$)/);
  const answer = smtp.messages.find(m => m.id === done[6].key);
  assert.ok(answer.data.includes('Đơn vị đã giải quyết xong.'), 'a named sender gets the answer itself');
  // SMS: brand, template and its parameters, the key twice, segments counted and kept
  const sms = web.sms.find(q => q.json.request_id === done[1].key);
  assert.strictEqual(sms.headers.authorization, 'Bearer khoa-sms');
  assert.strictEqual(sms.headers['idempotency-key'], done[1].key);
  assert.strictEqual(sms.json.brandname, 'MOTCUA-NB');
  assert.strictEqual(sms.json.template_id, '100');
  assert.deepStrictEqual(Object.keys(sms.json.params), ['code', 'date', 'link']);
  assert.strictEqual(sms.json.params.code, S.named.pub);
  assert.strictEqual(sms.json.unicode, 1);
  assert.strictEqual(done[1].segments, segments(sms.json.message, 1));
  assert.ok(done[1].segments >= 2, 'a Vietnamese text with its link takes more than one 70-character segment');
  // Zalo: the approved template, its data, the key as tracking_id, the OA's token
  const zalo = web.zalo.find(q => q.json.tracking_id === done[2].key);
  assert.strictEqual(zalo.json.phone, '84912345678');
  assert.strictEqual(zalo.json.template_id, '250000');
  assert.deepStrictEqual(Object.keys(zalo.json.template_data), ['code', 'link']);
  assert.strictEqual(zalo.headers.access_token, 'a1');
  assert.deepStrictEqual(web.token.map(t => [t.refresh, t.app, t.secret]), [['r0', '4242', 'bi-mat']]);
  assert.deepStrictEqual(sql(`SELECT access_token, refresh_token, expires_at > UTC_TIMESTAMP() + INTERVAL 1 DAY FROM notify_token WHERE provider = 'zalo'`), [['a1', 'r1', '1']]);
  // a second run sends nothing again
  const before = [smtp.messages.length, web.sms.length, web.zalo.length];
  assert.match(await send(), /^send: 0 sent/);
  assert.deepStrictEqual([smtp.messages.length, web.sms.length, web.zalo.length], before);
});

test('a dossier: received (its receipt link), supplement, apology letter, result ready, returned', async () => {
  const c = await staff('canbo02');
  const proc = sql('SELECT id FROM procedure_tthc WHERE unit_id = 2 ORDER BY id LIMIT 1')[0][0];
  const r = await c.post('/can-bo/ho-so/moi', { csrf: await c.csrf('/can-bo/ho-so/moi'), procedure: proc, name: 'Hà Thị Hồ Sơ', notify: '1',
    phone: '0987000111', email: 'ho.so@example.vn', documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(r.status, 303, r.text.slice(0, 300));
  const code = S.dossier = r.headers.get('location').split('/')[3];
  const [[did]] = sql(`SELECT id FROM dossier WHERE code = '${code}'`);
  const base = `/can-bo/ho-so/${code}`;
  assert.strictEqual((await post('canbo02', `${base}/yeu-cau-bo-sung`, { note: 'Bản sao giấy khai sinh' })).status, 303);
  assert.strictEqual((await post('canbo02', `${base}/da-bo-sung`, {})).status, 303);
  const page = await c.get(base);
  const suggested = (page.text.match(/name="new_date" type="date" value="(\d{4}-\d{2}-\d{2})"/) || [])[1];
  assert.ok(suggested, 'the apology form proposes a date');
  assert.strictEqual((await post('canbo02', `${base}/xin-loi`, { reason: 'coordination', reason_text: 'Cần lấy ý kiến phối hợp.', new_date: suggested })).status, 303);
  const [[aid]] = sql(`SELECT id FROM apology WHERE dossier_id = ${did}`);
  assert.strictEqual((await post('lanhdao01', `${base}/xin-loi/${aid}/ky`, { title: 'GIÁM ĐỐC' })).status, 303);
  assert.strictEqual((await post('canbo02', `${base}/co-ket-qua`, {})).status, 303);
  assert.strictEqual((await post('canbo02', `${base}/tra-ket-qua`, {})).status, 303);
  const queued = rows(`object_type = 'dossier' AND object_id = ${did}`);
  assert.deepStrictEqual([...new Set(queued.map(q => q.step))], ['received', 'supplement', 'apology', 'ready', 'returned']);
  assert.strictEqual(queued.length, 15, 'three channels each');
  await send();
  const done = rows(`object_type = 'dossier' AND object_id = ${did}`);
  deliveredOnce(done);
  const [[qid]] = sql(`SELECT id FROM qr_link WHERE dossier_id = ${did}`);
  const receipt = new URL(motcuactl('qr-url', qid).trim()).pathname.replace('/q/', '/ho-so/');
  const mail = smtp.messages.find(m => m.id === done[0].key);
  assert.ok(mail.data.includes(receipt), 'the receipt\'s link');
  assert.ok(smtp.messages.find(m => m.id === done[3].key).data.includes('Bản sao giấy khai sinh'), 'what to bring');
  const [[newDate]] = sql(`SELECT DATE_FORMAT(new_due_at + INTERVAL 7 HOUR, '%d/%m/%Y') FROM apology WHERE id = ${aid}`);
  assert.ok(smtp.messages.find(m => m.id === done[6].key).data.includes(`ngày hẹn trả kết quả mới ${newDate}`), 'the new date');
  // the "received" template is registered without diacritics: GSM-7, 160 a segment
  const sms = web.sms.find(q => q.json.request_id === done[1].key);
  assert.strictEqual(sms.json.unicode, 0);
  assert.ok(sms.json.message.startsWith(`Da tiep nhan ho so ${code}, hen tra ket qua `), sms.json.message);
  assert.strictEqual(done[1].segments, segments(sms.json.message, 0));
  // the officers' table
  const view = await c.get(base);
  assert.ok(view.text.includes('Tin đã gửi cho người dân'));
  assert.ok(view.text.includes('ho.so@example.vn') && view.text.includes('Đã gửi') && view.text.includes('Thư xin lỗi'));
});

test('a training unit: its dossier received with a phone and an e-mail, and its case answered, send nothing', async () => {
  const run = Date.now().toString(36).slice(-5).toUpperCase();
  sql(`INSERT INTO org_unit (parent_id, code, name, short_name, level, training) VALUES (8, 'TH${run}.H41', 'Tập huấn ${run}', 'TH', 'centre', 1)`);
  sql(`UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = 'TH${run}.H41'`);
  const [[unit]] = sql(`SELECT id FROM org_unit WHERE code = 'TH${run}.H41'`);
  sql(`INSERT INTO users (username, full_name, role, unit_id, password_hash) SELECT 'th${run}', 'Cán bộ tập huấn', 'officer', ${unit}, password_hash FROM users WHERE username = 'canbo02'`);
  sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, documents, legal_basis, effective_from)
       SELECT '8.${run}', 'Thủ tục tập huấn', MIN(id), 'commune', ${unit}, 5, 'Đơn', 'Tập huấn', '2025-07-01' FROM field`);
  const [[proc]] = sql(`SELECT id FROM procedure_tthc WHERE national_code = '8.${run}'`);
  const c = await staff(`th${run}`);
  const r = await c.post('/can-bo/ho-so/moi', { csrf: await c.csrf('/can-bo/ho-so/moi'), procedure: proc, name: 'Học Viên Tập Huấn', notify: '1',
    phone: '0987000333', email: 'tap.huan@example.vn', documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' });
  assert.strictEqual(r.status, 303);
  const [[did]] = sql(`SELECT id FROM dossier WHERE code = '${r.headers.get('location').split('/')[3]}'`);
  assert.strictEqual((await c.post(`/can-bo/ho-so/${r.headers.get('location').split('/')[3]}/yeu-cau-bo-sung`,
    { csrf: await c.csrf(r.headers.get('location')), note: 'Bản sao' })).status, 303);
  assert.deepStrictEqual(rows(`object_type = 'dossier' AND object_id = ${did}`), [], 'no message for a training unit\'s dossier');
  const fb = await fileCase({ kind: 'petition', identity: 'named', unit: '000.00.01.H41', content: 'Phản ánh tập huấn.', notify: '1',
    name: 'Học Viên', phone: '0987000333', email: 'tap.huan@example.vn', address: 'Thôn Tập Huấn' });
  const [[fid]] = sql(`SELECT id FROM feedback WHERE code = '${fb.code}'`);
  sql(`DELETE FROM notification WHERE object_type = 'feedback' AND object_id = ${fid}`);
  sql(`UPDATE feedback SET unit_id = ${unit} WHERE id = ${fid}`);
  recountFeedback();
  assert.strictEqual((await caseAction(c, fb.code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.strictEqual((await caseAction(c, fb.code, 'tra-loi', { text: 'Trả lời tập huấn.' })).status, 303);
  assert.deepStrictEqual(rows(`object_type = 'feedback' AND object_id = ${fid}`), [], 'no message for a training unit\'s case');
});

test('consent: without the tick no message; a tick is kept with its moment and wording; withdrawn on the tracking page, nothing more', async () => {
  const silent = await fileCase({ kind: 'petition', identity: 'named', unit: '000.00.01.H41', content: 'Không đăng ký nhận tin.',
    name: 'Lê Không Tin', phone: '0912000444', email: 'khong.tin@example.vn' });
  const [[sid]] = sql(`SELECT id FROM feedback WHERE code = '${silent.code}'`);
  assert.deepStrictEqual(rows(`object_type = 'feedback' AND object_id = ${sid}`), [], 'nothing queued without consent');
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM consent WHERE object_type = 'feedback' AND object_id = ${sid}`), [['0']]);
  const none = await silent.citizen.get('/phan-anh/' + silent.pub);
  assert.match(none.text, /Ông\/Bà không đăng ký nhận thông báo qua tin nhắn, e-mail/);
  const form = await new Client().get('/phan-anh/moi');
  assert.match(form.text, /<input type="checkbox" name="notify" value="1">/, 'unticked by default');
  assert.match(form.text, /href="\/du-lieu-ca-nhan"/);

  const yes = await fileCase({ kind: 'petition', identity: 'named', unit: '000.00.01.H41', content: 'Có đăng ký nhận tin.',
    name: 'Lê Có Tin', phone: '0912000555', email: 'co.tin@example.vn', notify: '1' });
  const [[yid]] = sql(`SELECT id FROM feedback WHERE code = '${yes.code}'`);
  const [[wording, by, fresh, withdrawn]] = sql(`SELECT wording, given_by, given_at > UTC_TIMESTAMP() - INTERVAL 5 MINUTE, withdrawn_at IS NULL
    FROM consent WHERE object_type = 'feedback' AND object_id = ${yid}`);
  assert.deepStrictEqual([wording, by, fresh, withdrawn], ['vi-1', 'citizen', '1', '1']);
  assert.strictEqual(rows(`object_type = 'feedback' AND object_id = ${yid}`).length, 3, 'received: e-mail, SMS, Zalo');
  const page = await yes.citizen.get('/phan-anh/' + yes.pub);
  assert.match(page.text, /Ông\/Bà đã đồng ý nhận thông báo qua tin nhắn, e-mail lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\./);
  const action = `/phan-anh/${yes.pub}/ngung-thong-bao`;
  const hidden = formFields(page.text, action);
  assert.strictEqual((await yes.citizen.post(action, {})).status, 403, 'no CSRF token');
  const stop = await yes.citizen.post(action, hidden);
  assert.strictEqual(stop.status, 303);
  const after = await yes.citizen.get(stop.headers.get('location'));
  assert.match(after.text, /Đã ngừng gửi thông báo qua tin nhắn, e-mail/);
  assert.match(after.text, /Ông\/Bà đã ngừng nhận thông báo lúc/);
  assert.deepStrictEqual(sql(`SELECT withdrawn_by, withdrawn_at IS NOT NULL FROM consent WHERE object_type = 'feedback' AND object_id = ${yid}`), [['page', '1']]);
  assert.strictEqual((await caseAction(await staff('canbo01'), yes.code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.strictEqual((await caseAction(await staff('canbo02'), yes.code, 'tra-loi', { text: 'Đã trả lời.' })).status, 303);
  assert.strictEqual(rows(`object_type = 'feedback' AND object_id = ${yid}`).length, 3, 'nothing after the withdrawal');  await send();   // what was queued before goes, so that the next tests start from an empty outbox
});

test('consent at the counter: the officer records the citizen\'s yes; withdrawn on the dossier page, nothing more', async () => {
  const c = await staff('canbo02');
  const proc = sql('SELECT id FROM procedure_tthc WHERE unit_id = 2 ORDER BY id LIMIT 1')[0][0];
  const intake = await c.get('/can-bo/ho-so/moi');
  assert.match(intake.text, /Công dân đồng ý nhận thông báo về hồ sơ qua tin nhắn SMS, Zalo và e-mail/);
  const fields = { procedure: proc, name: 'Phan Văn Đồng Ý', phone: '0987000666', email: 'dong.y@example.vn',
    documents: 'Tờ khai', sets: '1', channel: 'counter', collect: 'counter' };
  const without = await c.post('/can-bo/ho-so/moi', { csrf: await c.csrf('/can-bo/ho-so/moi'), ...fields });
  const [[wid]] = sql(`SELECT id FROM dossier WHERE code = '${without.headers.get('location').split('/')[3]}'`);
  assert.deepStrictEqual(rows(`object_type = 'dossier' AND object_id = ${wid}`), [], 'no tick, no message');
  const r = await c.post('/can-bo/ho-so/moi', { csrf: await c.csrf('/can-bo/ho-so/moi'), ...fields, notify: '1' });
  assert.strictEqual(r.status, 303);
  const code = r.headers.get('location').split('/')[3];
  const [[did]] = sql(`SELECT id FROM dossier WHERE code = '${code}'`);
  assert.deepStrictEqual(sql(`SELECT wording, given_by FROM consent WHERE object_type = 'dossier' AND object_id = ${did}`), [['vi-1', 'officer']]);
  assert.strictEqual(rows(`object_type = 'dossier' AND object_id = ${did}`).length, 3);
  const [[qid]] = sql(`SELECT id FROM qr_link WHERE dossier_id = ${did}`);
  const pagePath = new URL(motcuactl('qr-url', qid).trim()).pathname.replace('/q/', '/ho-so/');
  const citizen = new Client();
  const page = await citizen.get(pagePath);
  assert.match(page.text, /Ông\/Bà đã đồng ý nhận thông báo qua tin nhắn, e-mail lúc/);
  const action = `${pagePath}/ngung-thong-bao`;
  const stop = await citizen.post(action, formFields(page.text, action));
  assert.strictEqual(stop.status, 303);
  assert.deepStrictEqual(sql(`SELECT withdrawn_by FROM consent WHERE object_type = 'dossier' AND object_id = ${did}`), [['page']]);
  assert.strictEqual((await c.post(`/can-bo/ho-so/${code}/yeu-cau-bo-sung`, { csrf: await c.csrf(`/can-bo/ho-so/${code}`), note: 'Bản sao' })).status, 303);
  assert.strictEqual(rows(`object_type = 'dossier' AND object_id = ${did}`).length, 3, 'nothing after the withdrawal');  await send();
});

test('the providers down mid-run, with 500s and a time-out: every message arrives once its provider is back, once per key', async () => {
  const code = S.named.code;
  // the SMTP relay and the gateway stop; a step's messages wait
  await stop(smtp.server);
  await stop(web.server, web.sockets);
  assert.strictEqual((await caseAction(await staff('canbo02'), code, 'tra-loi', { text: 'Trả lời lần hai.' })).status, 303);
  let out = await send();
  assert.match(out, / 0 sent .* 3 to retry/);
  let waiting = rows(`object_type = 'feedback' AND object_id = ${S.fid} AND state = 'queued'`);
  assert.strictEqual(waiting.length, 3);
  assert.ok(waiting.every(r => r.attempts >= 1));
  // back, but failing: the relay says 451 once, the gateway 500
  await smtpStart(smtp.port);
  await webStart(web.port);
  smtp.failNext = 1;
  web.mode = 'fail';
  await send();
  waiting = rows(`object_type = 'feedback' AND object_id = ${S.fid} AND state = 'queued'`);
  assert.strictEqual(waiting.length, 3, 'still waiting');
  assert.ok(web.sms.some(q => q.json.request_id === waiting[1].key && !q.ok), 'the gateway saw the key and failed');
  // hanging: the sender gives up after Notify.Timeout and tries later
  web.mode = 'hang';
  const t0 = Date.now();
  await send();
  assert.ok(Date.now() - t0 >= 2000, 'waited for the time-out');
  // and working again
  web.mode = 'ok';
  for (const s of web.sockets) s.destroy();
  await send();
  const all = rows(`object_type = 'feedback' AND object_id = ${S.fid}`);
  deliveredOnce(all);
  assert.ok(web.sms.filter(q => q.json.request_id === waiting[1].key).length >= 3, 'the same key on every attempt');
  const [[answer]] = sql(`SELECT answer FROM notification WHERE idem_key = '${waiting[1].key}'`);
  assert.match(answer, /^200 \{"status":"accepted"/, 'the provider\'s answer is kept');
});

test('Zalo: the access token refreshed before it expires; each refresh token used once', async () => {
  sql(`UPDATE notify_token SET expires_at = UTC_TIMESTAMP() + INTERVAL 5 MINUTE WHERE provider = 'zalo'`);
  assert.strictEqual((await caseAction(await staff('lanhdao01'), S.named.code, 'mo-lai', { text: 'Xem lại lần nữa.' })).status, 303);
  await send();
  deliveredOnce(rows(`object_type = 'feedback' AND object_id = ${S.fid}`));
  assert.deepStrictEqual(web.token.map(t => t.refresh), ['r0', 'r1']);
  assert.deepStrictEqual(sql(`SELECT access_token, refresh_token FROM notify_token WHERE provider = 'zalo'`), [['a2', 'r2']]);
  assert.strictEqual(web.zalo[web.zalo.length - 1].headers.access_token, 'a2');
});

test('the daily cap: at most Notify.DailyCap messages a local day to one recipient, the rest wait', async () => {
  configure('Notify.DailyCap = 2\n');
  const cs = await fileCase({ kind: 'suggestion', identity: 'named', unit: '000.00.01.H41', content: 'Kiểm thử giới hạn tin nhắn.', notify: '1',
    name: 'Giới Hạn', email: 'cap@example.vn' });
  assert.strictEqual((await caseAction(await staff('canbo01'), cs.code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.strictEqual((await caseAction(await staff('canbo02'), cs.code, 'yeu-cau-bo-sung', { text: 'Một.' })).status, 303);
  assert.strictEqual((await caseAction(await staff('canbo02'), cs.code, 'tra-loi', { text: 'Hai.' })).status, 303);
  await send();
  assert.deepStrictEqual(sql(`SELECT state, COUNT(*) FROM notification WHERE recipient = 'cap@example.vn' GROUP BY state ORDER BY state`), [['queued', '1'], ['sent', '2']]);
  assert.deepStrictEqual(sql(`SELECT next_attempt_at > UTC_TIMESTAMP() FROM notification WHERE recipient = 'cap@example.vn' AND state = 'queued'`), [['1']]);
  assert.strictEqual(smtp.messages.filter(m => m.rcpt[0] === 'cap@example.vn').length, 2);
  configure();
});

test('TLS required (the default) and a relay without STARTTLS: nothing goes out in clear, the message waits', async () => {
  configure('Mail.SMTP.TLS = required\n');
  const cs = await fileCase({ kind: 'suggestion', identity: 'named', unit: '000.00.01.H41', content: 'Kiểm thử TLS.', notify: '1',
    name: 'Mã Hóa', email: 'tls@example.vn' });
  await send();
  const [[state, answer]] = sql(`SELECT state, answer FROM notification WHERE recipient = 'tls@example.vn'`);
  assert.strictEqual(state, 'queued');
  assert.match(answer, /^smtp \d+: .*(SSL|TLS)/i);
  assert.ok(!smtp.messages.some(m => m.rcpt[0] === 'tls@example.vn'));
  configure();
  await send();
  deliveredOnce(rows(`recipient = 'tls@example.vn'`));
  assert.ok(cs.code);
});

test('the stop link: GET asks, POST (CSRF) stops; nothing more to that address, what waited is stopped', async () => {
  const [[body]] = sql(`SELECT body FROM notification WHERE recipient = 'tin.do@example.vn' ORDER BY id LIMIT 1`);
  const link = new URL(body.match(/(http\S+\/ngung-nhan-tin\/[0-9a-f]{48})/)[1]).pathname;
  const c = new Client();
  const forged = await c.get(link.slice(0, -1) + (link.endsWith('0') ? '1' : '0'));
  assert.strictEqual(forged.status, 404);
  const page = await c.get(link);
  assert.strictEqual(page.status, 200);
  assert.ok(page.text.includes('t***@example.vn'), 'the address, masked');
  assert.ok(!page.text.includes('tin.do@example.vn'));
  // a step's messages wait when the citizen stops
  assert.strictEqual((await caseAction(await staff('canbo02'), S.named.code, 'tra-loi', { text: 'Trả lời lần ba.' })).status, 303);
  const [[waiting]] = sql(`SELECT id FROM notification WHERE recipient = 'tin.do@example.vn' AND state = 'queued'`);
  const noCsrf = await c.post(link, {});
  assert.strictEqual(noCsrf.status, 403);
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM notification_optout WHERE recipient = 'tin.do@example.vn'`), [['0']]);
  const done = await c.post(link, formFields(page.text, link));
  assert.strictEqual(done.status, 200);
  assert.ok(done.text.includes('Đã ngừng'));
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM notification_optout WHERE recipient = 'tin.do@example.vn'`), [['1']]);
  assert.deepStrictEqual(sql(`SELECT state FROM notification WHERE id = ${waiting}`), [['stopped']]);
  // the next step writes nothing to the address; the phone still gets its messages
  const before = rows(`object_type = 'feedback' AND object_id = ${S.fid}`).length;
  assert.strictEqual((await caseAction(await staff('lanhdao01'), S.named.code, 'mo-lai', { text: 'Xem lại lần cuối.' })).status, 303);
  assert.deepStrictEqual(rows(`object_type = 'feedback' AND object_id = ${S.fid}`).slice(before).map(r => r.channel), ['sms', 'zalo']);
  const mails = smtp.messages.length;
  await send();
  assert.strictEqual(smtp.messages.length, mails, 'no e-mail');
  deliveredOnce(rows(`object_type = 'feedback' AND object_id = ${S.fid} AND channel <> 'email'`));
  assert.deepStrictEqual(sql(`SELECT state FROM notification WHERE id = ${waiting}`), [['stopped']]);
});

test('an anonymous sender gets nothing; a confidential one gets no content, and officers see the address masked', async () => {
  const anon = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: '000.00.01.H41', content: 'Ẩn danh, không gửi tin.' });
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM notification WHERE object_type = 'feedback' AND object_id = (SELECT id FROM feedback WHERE code = '${anon.code}')`), [['0']]);
  const anonPage = await anon.citizen.get('/phan-anh/' + anon.pub);
  assert.ok(!anonPage.text.includes('id="thong-bao"'), 'no box about messages for a sender who left no contact');
  const conf = await fileCase({ kind: 'petition', identity: 'confidential', unit: '000.00.01.H41', content: 'Nội dung bí mật không được lộ.', notify: '1',
    name: 'Người Giấu Tên', phone: '0911000999', email: 'giau.ten@example.vn' });
  assert.strictEqual((await caseAction(await staff('canbo01'), conf.code, 'phan-loai', { class: 'accepted' })).status, 303);
  assert.strictEqual((await caseAction(await staff('canbo02'), conf.code, 'tra-loi', { text: 'Câu trả lời riêng tư.' })).status, 303);
  const list = rows(`object_type = 'feedback' AND object_id = (SELECT id FROM feedback WHERE code = '${conf.code}')`);
  assert.strictEqual(list.length, 6);
  assert.ok(list.every(r => !r.body.includes('Câu trả lời riêng tư') && !r.body.includes('bí mật')), 'no content of the case');
  await send();
  deliveredOnce(list.map(r => ({ ...r, state: 'sent' })));
  const view = await (await staff('canbo02')).get(`/can-bo/phan-anh/${conf.code}`);
  assert.ok(view.text.includes('Tin đã gửi cho người dân'));
  assert.ok(view.text.includes('g***@example.vn') && view.text.includes('849****999'), 'masked');
  assert.ok(!view.text.includes('giau.ten@example.vn') && !view.text.includes('84911000999'));
});

test('teardown: the stack\'s configuration and programs as they were', async () => {
  release();
  fs.writeFileSync(CONF, ORIGINAL);
  restartPrograms('citizen', 'officer');
  await stop(smtp.server);
  await stop(web.server, web.sockets);
  assert.strictEqual((await new Client().get('/')).status, 200);
});
