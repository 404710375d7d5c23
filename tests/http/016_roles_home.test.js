// Each role lands on its own home page after signing in and its menu shows
// only what it may open: every link of the menu answers 200 for that role.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client } = require('../lib/client');

const HOMES = { canbo01: '/can-bo/', lanhdao01: '/lanh-dao/', quantri: '/quan-tri/' };

for (const [user, home] of Object.entries(HOMES)) {
  test(`${user} lands on ${home}; every item of its menu opens`, async () => {
    const c = new Client();
    const csrf = await c.csrf('/can-bo/dang-nhap');
    const r = await c.post('/can-bo/dang-nhap', { csrf, username: user, password: 'motcua-demo' });
    assert.strictEqual(r.status, 303);
    assert.strictEqual(r.headers.get('location'), home);
    const page = await c.get(home);
    assert.strictEqual(page.status, 200);
    const nav = page.text.slice(page.text.indexOf('<nav class="staff-nav"'), page.text.indexOf('</nav>', page.text.indexOf('<nav class="staff-nav"')));
    const links = [...nav.matchAll(/href="([^"]+)"/g)].map(m => m[1]);
    assert.ok(links.length >= 2, `${user}: a menu`);
    for (const l of links) assert.strictEqual((await c.get(l)).status, 200, `${user}: ${l}`);
    assert.strictEqual(links.includes('/lanh-dao/'), user === 'lanhdao01', 'the dashboard only for leaders');
    assert.strictEqual(links.includes('/quan-tri/'), user === 'quantri', 'administration only for the administrator');
    assert.strictEqual(links.includes('/can-bo/ho-so/'), user !== 'quantri', 'dossiers for officers and leaders');
    // already signed in: the sign-in page sends the person home
    const again = await c.get('/can-bo/dang-nhap');
    assert.strictEqual(again.headers.get('location'), home);
  });
}
