// A worker finds another database node when one does not answer (DB.Hosts,
// db.c): the citizen program restarted with a first node that refuses every
// connection and the stack's own server second serves its pages, and says in
// its log which node failed.  DB.SyncWait sets each session's wsrep_sync_wait
// (harmless on a single server).  The configuration and the program are put
// back at the end.
'use strict';
const assert = require('assert');
const fs = require('fs');
const { test } = require('../lib/harness');
const { Client, VAR, restartPrograms } = require('../lib/client');

const CONF = `${VAR}/motcua.hdf`;
const ORIGINAL = fs.readFileSync(CONF, 'utf8');
const LOG = `${VAR}/log/citizen.log`;


test('a first node that refuses connections: the workers use the next one, and the log names the one that failed', async () => {
  const before = fs.readFileSync(LOG, 'utf8').length;
  fs.writeFileSync(CONF, ORIGINAL + '\nDB.Hosts = 127.0.0.1:1, localhost\nDB.SyncWait = 1\n');
  restartPrograms('citizen');
  for (const path of ['/', '/thu-tuc/', '/don-vi/', '/thong-ke/']) {
    assert.strictEqual((await new Client().get(path)).status, 200, path);
  }
  assert.match(fs.readFileSync(LOG, 'utf8').slice(before), /database connect as motcua_citizen to 127\.0\.0\.1 failed/);
});

test('teardown: the configuration and the citizen program as they were', async () => {
  fs.writeFileSync(CONF, ORIGINAL);
  restartPrograms('citizen');
  assert.strictEqual((await new Client().get('/')).status, 200);
});
