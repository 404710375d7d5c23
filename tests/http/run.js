// Runs every tests/http/*.test.js against the stack named by MOTCUA_BASE
// (or only those whose names contain an argument: node run.js 060).
'use strict';
const fs = require('fs');
const path = require('path');
const { run } = require('../lib/harness');

const only = process.argv.slice(2);
const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js'))
  .filter(f => only.length === 0 || only.some(o => f.includes(o))).sort();
for (const f of files) require(path.join(__dirname, f));
run('http').then(failed => process.exit(failed ? 1 : 0));
