// Runs every tests/walk/*.test.js against the stack named by MOTCUA_BASE, whose
// clock is the libfaketime file MOTCUA_FAKETIME (scripts/test.sh starts it).
'use strict';
require('../lib/harness').runDir(__dirname, 'walk');
