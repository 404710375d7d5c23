// A tiny test harness shared by the HTTP and browser suites: test(name, fn),
// then run() prints "ok"/"not ok" per test and "# N passed, N failed".
'use strict';
const tests = [];

function test(name, fn) {
  tests.push({ name, fn });
}

async function run(title) {
  let passed = 0, failed = 0;
  console.log(`# ${title}`);
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await t.fn();
      passed++;
      console.log(`ok - ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${t.name}`);
      console.log(String(e && e.stack || e).split('\n').map(l => '#   ' + l).join('\n'));
    }
  }
  console.log(`# ${passed} passed, ${failed} failed`);
  return failed;
}

// Require every *.test.js of dir (only those whose names contain one of the
// command line's arguments, if any) in name order, run them, exit 1 on failure.
function runDir(dir, title) {
  const fs = require('fs');
  const path = require('path');
  const only = process.argv.slice(2);
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.test.js'))
    .filter(f => only.length === 0 || only.some(o => f.includes(o))).sort();
  for (const f of files) require(path.join(dir, f));
  run(title).then(failed => process.exit(failed ? 1 : 0));
}

module.exports = { test, run, runDir };
