// Runs every tests/browser/*.test.js in headless Debian chromium (or, given an
// argument, the files whose names contain it).
'use strict';
const fs = require('fs');
const path = require('path');
const { run } = require('../lib/harness');
const browser = require('./browser');

const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js'))
  .filter(f => !process.argv[2] || f.includes(process.argv[2])).sort();   // run.js 032: only those files
for (const f of files) require(path.join(__dirname, f));
run('browser').then(async failed => {
  await browser.close();
  process.exit(failed ? 1 : 0);
});
