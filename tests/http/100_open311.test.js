// Open311 GeoReport v2 at /open311/v2/ (docs/open311.md), checked field by
// field against the spec's lists (discovery, services, service definition,
// POST and GET requests, errors), in JSON and in XML (parsed by xmllint).
// GET answers only cases with a published answer whose sender chose to be
// named, by an opaque id, and never a name, phone, e-mail, the citizen's text
// or the tracking code; POST files a case through the web form's rules.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { test } = require('../lib/harness');
const { sql, staff, fileCase, caseAction, resetLimits } = require('../lib/client');

const BASE = process.env.MOTCUA_BASE;
const V2 = BASE + '/open311/v2';
const KEY = crypto.randomBytes(32).toString('hex');        // the whole province
const COMMUNE = crypto.randomBytes(32).toString('hex');    // xã Gia Viễn only
const b2 = s => execFileSync('b2sum', ['-l', '256'], { input: s, encoding: 'utf8' }).split(' ')[0];
const CENTRE = '000.00.01.H41';
const RUN = crypto.randomBytes(3).toString('hex');   // markers of this run's cases
const SECRET = { name: 'Lưu Riêng Tư', phone: '0912 777 345', email: 'rieng.tu@example.vn', text: 'Nội dung riêng 7Q3 ' + RUN };
const ids = {};

async function get(path) {
  const r = await fetch(V2 + path);
  const body = await r.text();
  return { status: r.status, type: r.headers.get('content-type'), headers: r.headers, body,
           json: /json/.test(r.headers.get('content-type') || '') ? JSON.parse(body) : null };
}
async function post(fmt, fields, type = 'application/x-www-form-urlencoded; charset=utf-8') {
  const r = await fetch(V2 + '/requests.' + fmt, { method: 'POST', headers: { 'content-type': type },
    body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString() });
  const body = await r.text();
  return { status: r.status, type: r.headers.get('content-type'), body, json: fmt === 'json' ? JSON.parse(body) : null };
}
// xmllint: the document must be well-formed; xpath gives a string of it.
function xml(body, xpath) {
  execFileSync('xmllint', ['--noout', '-'], { input: body });
  return xpath ? execFileSync('xmllint', ['--xpath', xpath, '-'], { input: body, encoding: 'utf8' }).replace(/\n$/, '') : '';
}
const W3C = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;
const isError = (json, code) => {
  assert.ok(Array.isArray(json) && json.length >= 1, 'errors are a list');
  for (const e of json) {
    assert.deepStrictEqual(Object.keys(e).sort(), ['code', 'description']);
    assert.strictEqual(typeof e.description, 'string');
    assert.ok(e.description.length > 5);
  }
  assert.strictEqual(json[0].code, code);
};

test('setup: API keys for the province and for one commune', () => {
  resetLimits();
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Ứng dụng phản ánh của tỉnh', '${b2(KEY)}', (SELECT id FROM org_unit WHERE code = '000.00.00.H41'), UTC_TIMESTAMP())`);
  sql(`INSERT INTO api_client (name, key_hash, unit_id, created_at) VALUES ('Ứng dụng của xã', '${b2(COMMUNE)}', (SELECT id FROM org_unit WHERE code = '000.22.00.H41'), UTC_TIMESTAMP())`);
});

test('discovery: every field of the spec, in JSON and XML', async () => {
  const j = await get('/discovery.json');
  assert.strictEqual(j.status, 200);
  assert.strictEqual(j.type, 'application/json; charset=utf-8');
  assert.deepStrictEqual(Object.keys(j.json).sort(), ['changeset', 'contact', 'endpoints', 'key_service']);
  assert.match(j.json.changeset, W3C);
  assert.ok(j.json.contact && j.json.key_service);
  assert.strictEqual(j.json.endpoints.length, 1);
  const ep = j.json.endpoints[0];
  assert.deepStrictEqual(Object.keys(ep).sort(), ['changeset', 'formats', 'specification', 'type', 'url']);
  assert.strictEqual(ep.specification, 'http://wiki.open311.org/GeoReport_v2');
  assert.strictEqual(ep.url, BASE + '/open311/v2');
  assert.strictEqual(ep.type, 'production');
  assert.deepStrictEqual(ep.formats, ['text/xml', 'application/json']);
  const x = await get('/discovery.xml');
  assert.strictEqual(x.type, 'text/xml; charset=utf-8');
  assert.ok(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  assert.strictEqual(xml(x.body, 'string(/discovery/endpoints/endpoint/formats/format[2])'), 'application/json');
  assert.strictEqual(xml(x.body, 'string(/discovery/endpoints/endpoint/specification)'), ep.specification);
});

test('services: one per feedback kind, stable codes, the spec\'s fields', async () => {
  const j = await get('/services.json');
  assert.strictEqual(j.status, 200);
  assert.deepStrictEqual(j.json.map(s => s.service_code), ['petition', 'conduct', 'suggestion', 'praise']);
  for (const s of j.json) {
    assert.deepStrictEqual(Object.keys(s).sort(),
      ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    assert.strictEqual(s.type, 'realtime');
    assert.strictEqual(typeof s.metadata, 'boolean');
  }
  assert.strictEqual(j.json[0].service_name, 'Phản ánh, kiến nghị về thủ tục hành chính');
  assert.deepStrictEqual(j.json.map(s => s.metadata), [true, true, false, false]);
  const x = await get('/services.xml');
  assert.strictEqual(xml(x.body, 'count(/services/service)'), '4');
  assert.strictEqual(xml(x.body, 'string(/services/service[1]/metadata)'), 'true');
  const en = await get('/services.json?lang=en');
  assert.strictEqual(en.json[3].service_name, 'Praise');
});

test('service definitions: attributes as the spec lists them; unknown codes and formats are 404 errors', async () => {
  const p = await get('/services/petition.json');
  assert.strictEqual(p.status, 200);
  assert.strictEqual(p.json.service_code, 'petition');
  assert.deepStrictEqual(p.json.attributes.map(a => a.code), ['identity', 'address']);
  for (const a of p.json.attributes) {
    for (const k of ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description']) {
      assert.ok(k in a, k);
    }
    assert.ok(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'].includes(a.datatype));
  }
  assert.deepStrictEqual(p.json.attributes.map(a => a.order), [1, 2]);
  assert.deepStrictEqual(p.json.attributes[0].values.map(v => v.key), ['anonymous', 'confidential', 'named']);
  assert.strictEqual(p.json.attributes[0].values[1].name, 'Giữ bí mật');
  const x = await get('/services/conduct.xml');
  assert.strictEqual(xml(x.body, 'string(/service_definition/attributes/attribute/values/value[2]/key)'), 'confidential');
  const none = await get('/services/khong-co.json');
  assert.strictEqual(none.status, 404);
  isError(none.json, 404);
  const nx = await get('/services/khong-co.xml');
  assert.strictEqual(nx.status, 404);
  assert.strictEqual(xml(nx.body, 'string(/errors/error/code)'), '404');
  assert.strictEqual((await get('/services.html')).status, 404);
});

test('POST: a key is required (403), kinds and fields by the web form\'s rules, errors in the spec\'s format', async () => {
  const base = { api_key: KEY, service_code: 'petition', address_id: CENTRE, description: 'Thủ tục cần rút gọn. ' + RUN, first_name: 'An', last_name: 'Nguyễn Văn', phone: '0912345678' };
  let r = await post('json', { ...base, api_key: '' });
  assert.strictEqual(r.status, 403);
  isError(r.json, 403);
  r = await post('xml', { ...base, api_key: 'f'.repeat(64) });
  assert.strictEqual(r.status, 403);
  assert.strictEqual(xml(r.body, 'string(/errors/error/code)'), '403');
  r = await post('json', { ...base, service_code: 'khong-co' });
  assert.strictEqual(r.status, 404);
  isError(r.json, 404);
  r = await post('json', { ...base, service_code: '' });   // empty is absent
  assert.strictEqual(r.status, 400);
  r = await post('json', { ...base, address_id: '' });
  assert.strictEqual(r.status, 400);
  assert.match(r.json[0].description, /address_id/);
  r = await post('json', { ...base, address_id: '000.99.99.H41' });
  assert.strictEqual(r.status, 400);
  r = await post('json', { ...base, api_key: COMMUNE });   // the centre is outside the commune's key
  assert.strictEqual(r.status, 400);
  assert.match(r.json[0].description, /phạm vi/);
  r = await post('json', { ...base, description: '', phone: '12' });
  assert.strictEqual(r.status, 400);
  isError(r.json, 400);
  assert.deepStrictEqual(r.json.map(e => e.description.split(':')[0]), ['description', 'phone']);
  r = await post('json', { ...base, description: 'x'.repeat(4001) });
  assert.match(r.json[0].description, /4000/);
  r = await post('json', { ...base, 'attribute[identity]': 'bi-mat' });
  assert.match(r.json[0].description, /^attribute\[identity\]/);
  r = await post('json', 'service_code=petition&attribute[a][b]=1');
  assert.strictEqual(r.status, 400);
  r = await post('json', JSON.stringify(base), 'application/json');
  assert.strictEqual(r.status, 415);
  isError(r.json, 415);
  assert.strictEqual(Number(sql(`SELECT COUNT(*) FROM feedback WHERE content = 'Thủ tục cần rút gọn. ${RUN}'`)[0][0]), 0, 'nothing filed');
});

test('POST: a named petition is filed as the web form files it; the answer gives the id, the notice and the tracking link; a repeated idempotency key files one case', async () => {
  const fields = { api_key: KEY, service_code: 'petition', address_id: CENTRE, description: SECRET.text,
    first_name: 'Riêng Tư', last_name: 'Lưu', phone: SECRET.phone, email: SECRET.email,
    'attribute[address]': 'Số 5 phố Lê Lợi', idempotency_key: 'ung-dung-0001', lat: '20.25', long: '105.97' };
  const r = await post('json', fields);
  assert.strictEqual(r.status, 200, r.body);
  assert.strictEqual(r.type, 'application/json; charset=utf-8');
  assert.strictEqual(r.json.length, 1);
  const a = r.json[0];
  assert.match(a.service_request_id, /^[0-9a-f]{16}$/);
  assert.ok(!('token' in a), 'an id or a token, never both');
  assert.match(a.service_notice, /Hạn trả lời: \d\d\/\d\d\/\d{4}/);
  assert.match(a.extended_attributes.tracking_url, new RegExp('^' + BASE + '/phan-anh/PA-\\d{8}-\\d{4}-[0-9A-Z]{4}\\?k=[0-9A-Z]{13}$'));
  assert.match(a.extended_attributes.due_datetime, W3C);
  ids.A = a.service_request_id;
  ids.Acode = a.extended_attributes.tracking_code;
  const row = sql(`SELECT kind, identity, contact_name, contact_phone, contact_email, contact_address, formal, u.code, content, f.id
                     FROM feedback f JOIN org_unit u ON u.id = f.unit_id WHERE open_id = '${ids.A}'`);
  assert.deepStrictEqual(row[0].slice(0, 9), ['petition', 'named', SECRET.name, '0912777345', SECRET.email, 'Số 5 phố Lê Lợi', '1', CENTRE, SECRET.text]);
  assert.notStrictEqual(ids.A, row[0][9], 'the id is not the sequence');
  // the citizen's link opens the case
  const page = await fetch(a.extended_attributes.tracking_url);
  assert.strictEqual(page.status, 200);
  // the same key again: the same case, nothing more filed
  const again = await post('xml', fields);
  assert.strictEqual(again.status, 200);
  assert.strictEqual(xml(again.body, 'string(/service_requests/request/service_request_id)'), ids.A);
  assert.strictEqual(sql(`SELECT COUNT(*) FROM feedback WHERE content = '${SECRET.text}'`)[0][0], '1');
  // the same key from another client is another request
  const other = await post('json', { ...fields, api_key: COMMUNE, address_id: '000.22.01.H41' });
  assert.notStrictEqual(other.json[0].service_request_id, ids.A);
});

test('POST: identity tiers: without a name a case is anonymous and keeps no contact; confidential is kept as such', async () => {
  let r = await post('json', { api_key: KEY, service_code: 'suggestion', address_id: CENTRE, description: 'Góp ý ẩn danh 5K2 ' + RUN, email: 'ai.do@example.vn' });
  assert.strictEqual(r.status, 200, r.body);
  assert.deepStrictEqual(sql(`SELECT identity, contact_name, contact_email, contact_phone FROM feedback WHERE content = 'Góp ý ẩn danh 5K2 ${RUN}'`),
    [['anonymous', 'NULL', 'NULL', 'NULL']]);
  // the brackets of attribute[CODE] may come percent-encoded
  r = await post('json', new URLSearchParams({ api_key: KEY, service_code: 'conduct', address_id: CENTRE,
    description: 'Cán bộ chậm trễ 9M1 ' + RUN, first_name: 'Bí Mật', last_name: 'Đỗ', phone: '0987 111 222' }).toString() +
    '&attribute%5Bidentity%5D=confidential');
  assert.strictEqual(r.status, 200, r.body);
  assert.deepStrictEqual(sql(`SELECT identity FROM feedback WHERE content = 'Cán bộ chậm trễ 9M1 ${RUN}'`), [['confidential']]);
  r = await post('json', { api_key: KEY, service_code: 'conduct', address_id: CENTRE, description: 'Cán bộ chậm trễ 9M2 ' + RUN,
    first_name: 'Bí Mật', last_name: 'Đỗ', phone: '0987 111 222', 'attribute[identity]': 'confidential' });
  assert.strictEqual(r.status, 200, r.body);
  assert.deepStrictEqual(sql(`SELECT identity, contact_name FROM feedback WHERE content = 'Cán bộ chậm trễ 9M2 ${RUN}'`), [['confidential', 'Đỗ Bí Mật']]);
  r = await post('json', { api_key: KEY, service_code: 'petition', address_id: CENTRE, description: 'Thiếu liên hệ', first_name: 'Có Tên' });
  assert.strictEqual(r.status, 400, 'a named case needs a phone or an e-mail');
  assert.match(r.json[0].description, /^phone:/);
});

test('setup: answers published on the named case, a confidential one and an anonymous one', async () => {
  const B = await fileCase({ kind: 'conduct', identity: 'confidential', unit: CENTRE, content: 'Phản ánh giữ bí mật 4T8', name: 'Phan Kín Đáo', phone: '0911 000 999' });
  const C = await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: CENTRE, content: 'Góp ý ẩn danh 3W7' });
  const officer = await staff('canbo02');
  ids.Bcode = B.pub; ids.Ccode = C.pub;
  for (const [code, text] of [[ids.Acode.slice(0, -5), 'Đơn vị đã rút gọn thủ tục <b>từ</b> tháng sau & "cảm ơn" Ông/Bà\'s góp ý.'],
                              [B.code, 'Đã nhắc nhở cán bộ.'], [C.code, 'Cảm ơn góp ý.']]) {
    const r = await caseAction(officer, code, 'tra-loi', { text });
    assert.strictEqual(r.status, 303, `answer of ${code}: ${r.status}`);
  }
  ids.B = sql(`SELECT open_id FROM feedback WHERE code = '${B.code}'`)[0][0];
  ids.C = sql(`SELECT open_id FROM feedback WHERE code = '${C.code}'`)[0][0];
  ids.D = sql(`SELECT open_id FROM feedback WHERE content = 'Góp ý ẩn danh 5K2 ${RUN}'`)[0][0];
});

test('GET requests: a published named case, field by field; closed with the Vietnamese status in status_notes; the extension', async () => {
  resetLimits();
  const r = await get('/requests.json');
  assert.strictEqual(r.status, 200);
  const a = r.json.find(x => x.service_request_id === ids.A);
  assert.ok(a, 'the answered named case is listed');
  assert.deepStrictEqual(Object.keys(a).sort(), ['address', 'address_id', 'agency_responsible', 'description',
    'expected_datetime', 'extended_attributes', 'lat', 'long', 'media_url', 'requested_datetime', 'service_code',
    'service_name', 'service_notice', 'service_request_id', 'status', 'status_notes', 'updated_datetime', 'zipcode']);
  assert.strictEqual(a.status, 'closed');
  assert.strictEqual(a.status_notes, 'Đã trả lời');
  assert.strictEqual(a.service_code, 'petition');
  assert.strictEqual(a.service_name, 'Phản ánh, kiến nghị về thủ tục hành chính');
  assert.strictEqual(a.address_id, CENTRE);
  assert.strictEqual(a.agency_responsible, 'Trung tâm Phục vụ hành chính công tỉnh Ninh Bình');
  assert.strictEqual(a.description, 'Phản ánh, kiến nghị về thủ tục hành chính — Trung tâm Phục vụ hành chính công tỉnh Ninh Bình');
  for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) assert.match(a[k], W3C, k);
  assert.ok(a.updated_datetime >= a.requested_datetime);
  const x = a.extended_attributes;
  assert.strictEqual(x.status_code, 'answered');
  assert.strictEqual(x.answer, 'Đơn vị đã rút gọn thủ tục <b>từ</b> tháng sau & "cảm ơn" Ông/Bà\'s góp ý.');
  assert.match(x.answered_datetime, W3C);
  assert.strictEqual(x.due_datetime, a.expected_datetime);
  assert.strictEqual(x.overdue, false);
  assert.strictEqual(x.answer_rating, null);
  assert.strictEqual(r.headers.get('access-control-allow-origin'), '*');
  const en = await get(`/requests/${ids.A}.json?lang=en`);
  assert.strictEqual(en.json[0].status_notes, 'Answered');
});

test('GET requests: never a confidential or anonymous case, an unanswered one, a name, phone, e-mail, the citizen\'s text or a tracking code', async () => {
  resetLimits();
  for (const fmt of ['json', 'xml']) {
    const r = await get('/requests.' + fmt);
    for (const id of [ids.B, ids.C, ids.D]) assert.ok(!r.body.includes(id), `${id} is not published`);
    for (const s of [SECRET.name, 'Riêng Tư', SECRET.email, '0912777345', SECRET.phone, SECRET.text, 'Số 5 phố Lê Lợi',
                     'Phan Kín Đáo', 'Phản ánh giữ bí mật', 'Góp ý ẩn danh', ids.Acode, ids.Acode.slice(0, -5), 'PA-']) {
      assert.ok(!r.body.includes(s), `${fmt} has no "${s}"`);
    }
  }
  for (const id of [ids.B, ids.C, ids.D]) {
    const one = await get(`/requests/${id}.json`);
    assert.strictEqual(one.status, 404);
    isError(one.json, 404);
  }
  const byIds = await get(`/requests.json?service_request_id=${ids.A},${ids.B},${ids.C}`);
  assert.deepStrictEqual(byIds.json.map(x => x.service_request_id), [ids.A]);
});

test('GET requests: filters (service_code, status, dates, address_id) and the page/page_size extension', async () => {
  resetLimits();
  const has = async q => (await get('/requests.json?' + q)).json.some(x => x.service_request_id === ids.A);
  assert.ok(await has('service_code=petition,conduct'));
  assert.ok(!(await has('service_code=suggestion')));
  assert.ok(await has('status=closed'));
  assert.ok(!(await has('status=open')));
  assert.ok(await has('status=open,closed'));
  assert.ok(await has(`address_id=${CENTRE}`));
  assert.ok(!(await has('address_id=000.22.01.H41')));
  const now = new Date();
  const day = d => new Date(now.getTime() + d * 86400e3).toISOString().slice(0, 19) + 'Z';
  assert.ok(await has(`start_date=${day(-1)}&end_date=${day(1)}`));
  assert.ok(await has(`start_date=${encodeURIComponent(day(-1).replace('Z', '+07:00'))}`));
  assert.ok(!(await has(`start_date=${day(1)}`)));
  assert.ok(!(await has(`end_date=${day(-1)}`)));
  assert.ok(await has('service_code=&status=&start_date=&end_date=&address_id=&page=&page_size='), 'empty is absent');
  for (const q of ['status=pending', `start_date=${day(-100)}&end_date=${day(0)}`, 'start_date=hom-qua',
                   'start_date=2026-11-01', 'page=0', 'page_size=1001', 'page_size=x', 'service_code=a;b']) {
    const r = await get('/requests.json?' + q);
    assert.strictEqual(r.status, 400, q);
    isError(r.json, 400);
  }
  const all = (await get('/requests.json')).json.length;
  const p1 = await get('/requests.json?page_size=1');
  const p2 = await get('/requests.json?page_size=1&page=2');
  assert.strictEqual(p1.json.length, 1);
  assert.strictEqual(Number(p1.headers.get('x-total-count')), all);
  assert.ok(all < 2 || p2.json[0].service_request_id !== p1.json[0].service_request_id);
  assert.deepStrictEqual((await get(`/requests.json?page=${all + 1}&page_size=1`)).json, []);
});

test('XML: well-formed, the spec\'s element names, text escaped and read back as sent', async () => {
  resetLimits();
  const r = await get(`/requests/${ids.A}.xml`);
  assert.strictEqual(r.status, 200);
  assert.strictEqual(r.type, 'text/xml; charset=utf-8');
  assert.strictEqual(xml(r.body, 'count(/service_requests/request)'), '1');
  assert.strictEqual(xml(r.body, 'string(/service_requests/request/service_request_id)'), ids.A);
  assert.strictEqual(xml(r.body, 'string(/service_requests/request/status)'), 'closed');
  assert.strictEqual(xml(r.body, 'string(/service_requests/request/extended_attributes/answer)'),
    'Đơn vị đã rút gọn thủ tục <b>từ</b> tháng sau & "cảm ơn" Ông/Bà\'s góp ý.');
  assert.ok(r.body.includes('&lt;b&gt;') && r.body.includes('&amp;') && !r.body.includes('<b>'));
  const list = await get('/requests.xml');
  assert.ok(Number(xml(list.body, 'count(/service_requests/request)')) >= 1);
  const err = await get('/requests/0000000000000000.xml');
  assert.strictEqual(err.status, 404);
  assert.strictEqual(xml(err.body, 'string(/errors/error/code)'), '404');
});

test('the citizen\'s verdict on the answer shows in the extension', async () => {
  const c = (await fileCase({ kind: 'suggestion', identity: 'anonymous', unit: CENTRE, content: 'tạm' })).citizen;
  const page = await c.get(`/phan-anh/${ids.Acode}`);
  const csrf = page.text.match(/name="csrf" value="([0-9a-f]{64})"/)[1];
  assert.strictEqual((await c.post(`/phan-anh/${ids.Acode}/danh-gia`, { csrf, satisfied: '0' })).status, 303);
  resetLimits();
  const r = await get(`/requests/${ids.A}.json`);
  assert.strictEqual(r.json[0].extended_attributes.answer_rating, 'unsatisfied');
  assert.strictEqual(r.json[0].status, 'open', 'a leader reviews it again');
  assert.strictEqual(r.json[0].status_notes, 'Đề nghị lãnh đạo xem xét lại');
});

test('rate limits per address, as the public pages: reads per minute, unknown ids as missed look-ups', async () => {
  resetLimits();
  let last;
  for (let i = 0; i < 121; i++) last = await get('/services/x.json'.replace('services/x', 'requests'));
  assert.strictEqual(last.status, 429);
  isError(last.json, 429);
  resetLimits();
  for (let i = 0; i < 31; i++) last = await get(`/requests/${crypto.randomBytes(8).toString('hex')}.json`);
  assert.strictEqual(last.status, 429, 'after Track.MissesPerHour misses');
  const right = await get(`/requests/${ids.A}.json`);
  assert.strictEqual(right.status, 429, 'even a right id waits');
  resetLimits();
  assert.strictEqual((await get(`/requests/${ids.A}.json`)).status, 200);
});
