// Codes as citizens type, paste or scan them (issue 15 point 9): a leading
// space (as a chat app pastes), spaces for dashes, no dashes, lower case; the
// QR token printed on posters in lower case (Crockford base32 is read
// without regard to case, O as 0, I and L as 1).
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, qrPath, fileCase, resetLimits, newDossier } = require('../lib/client');

test('a counter\'s QR token works in lower case and with O for 0 / I for 1', async () => {
  const q = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 2 AND code = 'Q02')");
  const tok = q.split('/')[2];
  const variants = [tok.toLowerCase(), tok.replace(/0/g, 'O').replace(/1/g, 'I'), tok.replace(/1/g, 'l').toLowerCase()];
  for (const v of variants) {
    const r = await new Client().get('/q/' + v);
    assert.strictEqual(r.status, 200, v);
    assert.match(r.text, /Quầy 02/, v);
    assert.ok(r.text.includes(`action="/q/${tok}/danh-gia"`), 'the form posts to the token as printed');
  }
  // a token with one character changed is still refused
  const bad = tok.slice(0, 20) + (tok[20] === 'A' ? 'B' : 'A');
  assert.strictEqual((await new Client().get('/q/' + bad.toLowerCase())).status, 404);
});

test('a feedback tracking code pasted with a space, lower case, spaces for dashes or none is found', async () => {
  const { pub } = await fileCase({ kind: 'suggestion', unit: '000.00.01.H41', content: 'Nên có thêm chỗ gửi xe.', identity: 'anonymous' });
  const c = new Client();
  for (const v of [' ' + pub, pub + '  ', pub.toLowerCase(), pub.replace(/-/g, ' '), pub.replace(/-/g, '')]) {
    resetLimits();
    const r = await c.get('/phan-anh/?ma=' + encodeURIComponent(v));
    assert.strictEqual(r.status, 303, JSON.stringify(v));
    assert.strictEqual(r.headers.get('location'), '/phan-anh/' + pub, JSON.stringify(v));
  }
  resetLimits();
  assert.strictEqual((await c.get('/phan-anh/?ma=' + encodeURIComponent(pub.slice(0, -1) + (pub.endsWith('A') ? 'B' : 'A')))).status, 404);
});

test('a dossier code typed with spaces, without dashes or in lower case is found with the phone\'s last 4 digits', async () => {
  resetLimits();
  const { code } = await newDossier({ name: 'Hà Văn Tú', phone: '0912345678' });
  assert.match(code, /^000\.00\.01\.H41-\d{6}-\d{4}$/);
  const c = new Client();
  for (const v of [' ' + code, code.toLowerCase(), code.replace(/-/g, ' '), code.replace(/-/g, ''), code.replace(/-/g, ' - ')]) {
    const found = await c.get(`/ho-so/?ma=${encodeURIComponent(v)}&so=5678`);
    assert.strictEqual(found.status, 303, JSON.stringify(v));
    const page = await c.get(found.headers.get('location').toLowerCase());
    assert.strictEqual(page.status, 200, 'the dossier page opens from its token in lower case too');
    assert.ok(page.text.includes(code));
  }
  assert.strictEqual((await c.get(`/ho-so/?ma=${encodeURIComponent(code)}&so=5679`)).status, 404, 'wrong digits still miss');
});
