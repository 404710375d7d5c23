// Every citizen page on the narrowest phones (320 and 360 px wide): nothing is
// wider than the screen, the facts lists put labels above values, and the
// public statistics say what TTPVHCC means; axe-core on each page.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { sql, qrPath, fileCase, resetLimits, newDossier } = require('../lib/client');
const { open, checkA11y } = require('./browser');

// The citizen pages to measure, with a dossier and a case of their own.
async function citizenPages() {
  resetLimits();
  // the catalogue's procedure with the longest name, at the provincial centre
  const [[proc, natCode]] = sql('SELECT id, national_code FROM procedure_tthc WHERE unit_id = 2 ORDER BY CHAR_LENGTH(name) DESC, id LIMIT 1');
  const { url: dossier } = await newDossier({ name: 'Nguyễn Thị Phương Thảo', procedure: proc });
  const counter = qrPath("kind = 'counter' AND counter_id = (SELECT id FROM counter WHERE unit_id = 7 AND code = 'Q02')");
  const { pub } = await fileCase({ kind: 'suggestion', unit: '000.00.01.H41', content: 'Thời gian chờ ở quầy quá lâu, không có số thứ tự.', identity: 'anonymous' }, null);
  return ['/', '/thu-tuc/', '/thu-tuc/?q=dat', '/thu-tuc/?q=' + encodeURIComponent('sổ đỏ'), '/thu-tuc/?q=xyz+khong+co', '/thu-tuc/' + natCode, '/ho-so/', dossier, counter,
    '/phan-anh/moi', '/phan-anh/', '/phan-anh/' + pub, '/thong-ke/', '/don-vi/', '/don-vi/000.00.01.H41', '/du-lieu-ca-nhan'];
}

let pages;
for (const width of [320, 360]) {
  test(`citizen pages at ${width} px are never wider than the screen (axe-core)`, async () => {
    if (!pages) pages = await citizenPages();
    const { ctx, page } = await open({ viewport: { width, height: 640 } });
    try {
      for (const p of pages) {
        const res = await page.goto(p);
        assert.strictEqual(res.status(), 200, p);
        const [sw, iw] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
        assert.ok(sw <= iw, `${p} is ${sw} px wide at ${iw} px`);
        if (width === 320) await checkA11y(page, p);
      }
    } finally {
      await ctx.close();
    }
  });
}

// A cheap phone on a slow network: each citizen page, with everything it
// loads (HTML, CSS, any script), is at most 10 KB over the wire from a cold
// cache, and reads and works without JavaScript.
test('every citizen page is at most 10 KB transferred, cold cache, and needs no script', async () => {
  if (!pages) pages = await citizenPages();
  for (const p of pages) {
    const { ctx, page } = await open({ viewport: { width: 360, height: 740 } });
    try {
      const done = [];
      page.on('requestfinished', req => done.push(req.sizes().then(s => s.responseBodySize + s.responseHeadersSize)));
      await page.goto(p, { waitUntil: 'load' });
      const bytes = (await Promise.all(done)).reduce((a, b) => a + b, 0);
      assert.ok(bytes > 1000, `${p}: ${bytes} bytes measured`);
      assert.ok(bytes <= 10 * 1024, `${p}: ${bytes} bytes transferred`);
    } finally {
      await ctx.close();
    }
    const { ctx: bare, page: plain } = await open({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
    try {
      const res = await plain.goto(p);
      assert.strictEqual(res.status(), 200, p);
      assert.ok(await plain.locator('main h1').count() === 1, `${p}: its heading without script`);
    } finally {
      await bare.close();
    }
  }
});

test('at 320 px a facts list puts each label above its value, full width', async () => {
  const [[natCode]] = sql('SELECT national_code FROM procedure_tthc WHERE unit_id = 2 ORDER BY CHAR_LENGTH(name) DESC, id LIMIT 1');
  const { ctx, page } = await open({ viewport: { width: 320, height: 640 } });
  try {
    await page.goto('/thu-tuc/' + natCode);
    const boxes = await page.evaluate(() => [...document.querySelectorAll('dl.facts')].slice(0, 1).flatMap(dl =>
      [...dl.children].slice(0, 2).map(e => { const b = e.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, width: b.width }; })));
    assert.strictEqual(boxes.length, 2, 'the procedure page has a facts list');
    const [dt, dd] = boxes;
    assert.ok(dd.top >= dt.bottom - 1, 'the value starts below its label');
    assert.ok(dd.width > 250, `the value has the screen's width (${dd.width} px)`);
  } finally {
    await ctx.close();
  }
});

test('public statistics at 360 px: TTPVHCC explained, a visible cue that the table scrolls', async () => {
  const { ctx, page } = await open({ viewport: { width: 360, height: 740 } });
  try {
    await page.goto('/thong-ke/');
    const main = await page.textContent('main');
    assert.match(main, /TTPVHCC[^.]*Trung tâm Phục vụ hành chính công/);
    // the first table: its unit names are not squeezed to a word per line
    const nameWidth = await page.evaluate(() => document.querySelector('table tbody th').getBoundingClientRect().width);
    assert.ok(nameWidth >= 120, `unit names get ${nameWidth} px`);
    // a table wider than its box says so, visibly
    const cues = await page.evaluate(() => [...document.querySelectorAll('.table-wrap')]
      .filter(w => w.scrollWidth > w.clientWidth)
      .map(w => { const c = w.previousElementSibling; return c && c.classList.contains('scroll-cue') && c.offsetHeight > 0; }));
    assert.ok(cues.length > 0, 'some table is wider than the screen at 360 px');
    assert.ok(cues.every(Boolean), 'every table wider than the screen has a visible scroll cue before it');
  } finally {
    await ctx.close();
  }
});

test('feedback form at 320 px without JavaScript: "Ẩn danh" hides the contact boxes it would not keep', async () => {
  const { ctx, page } = await open({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
  try {
    await page.goto('/phan-anh/moi');
    await page.check('input[name=identity][value=named]');
    assert.strictEqual(await page.isVisible('#name'), true);
    await page.check('input[name=identity][value=anonymous]');
    assert.strictEqual(await page.isVisible('#name'), false, 'name box hidden');
    assert.strictEqual(await page.isVisible('#phone'), false, 'phone box hidden');
    await page.check('input[name=identity][value=confidential]');
    assert.strictEqual(await page.isVisible('#phone'), true);
  } finally {
    await ctx.close();
  }
});
