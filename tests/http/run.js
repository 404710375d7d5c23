// Runs every tests/http/*.test.js against the stack named by MOTCUA_BASE
// (or only those whose names contain an argument: node run.js 060).
'use strict';
require('../lib/harness').runDir(__dirname, 'http');
