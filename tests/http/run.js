// Runs every tests/http/*.test.js against the stack named by MOTCUA_BASE.
'use strict';
const fs = require('fs');
const path = require('path');
const { run } = require('../lib/harness');

const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
for (const f of files) require(path.join(__dirname, f));
run('http').then(failed => process.exit(failed ? 1 : 0));
