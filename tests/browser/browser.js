// One headless chromium for the whole suite; a fresh context (cookies, size)
// per test; axe-core for accessibility.
'use strict';
const { chromium } = require('playwright-core');
const axe = require('axe-core');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

let browser;
const BASE = process.env.MOTCUA_BASE;
const PHONE = { width: 360, height: 740 };

async function open({ viewport = PHONE, locale = 'vi-VN' } = {}) {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }
  // bypassCSP only so axe-core can be injected; the pages themselves run under their CSP
  const ctx = await browser.newContext({ viewport, locale, bypassCSP: true, baseURL: BASE });
  const page = await ctx.newPage();
  return { ctx, page };
}

// Run axe-core (WCAG 2.1 A/AA rules) on the page; fail with the list of violations.
async function checkA11y(page, what) {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(() => axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const v = result.violations.map(x => `${x.id}: ${x.help} (${x.nodes.map(n => n.target.join(' ')).join(', ')})`);
  assert.deepStrictEqual(v, [], `accessibility violations on ${what}`);
}

async function close() {
  if (browser) await browser.close();
}

// Sign a staff member in through the form (password of the demo accounts).
async function signIn(page, user) {
  await page.goto('/can-bo/dang-nhap');
  await page.fill('#username', user);
  await page.fill('#password', 'motcua-demo');
  await page.click('button[type=submit]');
  await page.waitForURL(/\/(can-bo|lanh-dao|quan-tri)\/$/);   // each role lands on its own home
}

// Screenshot the first printed sheet (print media) and decode its QR code.
async function printedQr(page, name) {
  await page.emulateMedia({ media: 'print' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'form-'));
  const file = path.join(dir, name + '.png');
  await page.locator('article.sheet').first().screenshot({ path: file });
  await page.emulateMedia({ media: 'screen' });
  try {
    return execFileSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { open, checkA11y, close, printedQr, signIn, PHONE, BASE };
