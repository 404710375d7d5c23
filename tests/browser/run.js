// Runs every tests/browser/*.test.js in headless Debian chromium.
'use strict';
const fs = require('fs');
const path = require('path');
const { run } = require('../lib/harness');
const browser = require('./browser');

const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
for (const f of files) require(path.join(__dirname, f));
run('browser').then(async failed => {
  await browser.close();
  process.exit(failed ? 1 : 0);
});
