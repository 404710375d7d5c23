// A transaction that fails for others' sake runs again (worker.c,
// DB.Retries): a citizen files a case while another session holds the day's
// case-number row longer than MariaDB waits for a lock (1 s here).  The first
// attempt gives up on the lock; the request runs again and is answered, one
// case filed, not two.  With DB.Retries = 0 the same citizen gets the error
// page instead, which shows the retry is what saves the first.  The
// configuration, the lock wait and the citizen program are put back at the end.
'use strict';
const assert = require('assert');
const fs = require('fs');
const { spawn } = require('child_process');
const { test } = require('../lib/harness');
const { Client, sql, formFields, resetLimits, VAR, DB_SOCKET, restartPrograms } =
    require('../lib/client');

const CONF = `${VAR}/motcua.hdf`;
const ORIGINAL = fs.readFileSync(CONF, 'utf8');
const LOG = `${VAR}/log/citizen.log`;
const sleep = ms => new Promise(r => setTimeout(r, ms));
let waitBefore;


// Another session holds today's case-number row (scope PA) for `seconds`;
// resolves once it let go.
function holdCaseNumbers(seconds) {
  sql("INSERT INTO code_seq (scope, day, n) VALUES ('PA', DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR), 0) ON DUPLICATE KEY UPDATE n = n");
  const p = spawn('mariadb', [
      '--no-defaults', `--socket=${DB_SOCKET}`, '-uroot', 'motcua', '-e',
      `BEGIN; SELECT n FROM code_seq WHERE scope = 'PA' AND day = DATE(UTC_TIMESTAMP() + INTERVAL 7 HOUR) FOR UPDATE; DO SLEEP(${
          seconds}); COMMIT;`
  ]);
  return new Promise(resolve => p.on('exit', resolve));
}

async function file(content) {
  resetLimits();
  const c = new Client();
  const page = await c.get('/phan-anh/moi');
  const fields = { ...formFields(page.text, '/phan-anh/moi'), kind: 'suggestion', unit: '000.00.01.H41', identity: 'anonymous', content };
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return c.post('/phan-anh/moi', fd);
}

test('setup: MariaDB gives up a lock wait after 1 s; the citizen program reconnects to see it', () => {
  [[waitBefore]] = sql('SELECT @@GLOBAL.innodb_lock_wait_timeout');
  sql('SET GLOBAL innodb_lock_wait_timeout = 1');
  restartPrograms('citizen');
});

test('a case filed while its number is locked for 1.8 s: the lock wait is given up, the request runs again, one case', async () => {
  const content = `Thử lại sau xung đột ${Date.now()}`;
  const before = fs.readFileSync(LOG, 'utf8').length;
  const held = holdCaseNumbers(1.8);
  await sleep(300);   // the other session has the row
  const r = await file(content);
  await held;
  assert.strictEqual(r.status, 303, 'answered after the retry');
  assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM feedback WHERE content = '${content}'`), [['1']]);
  const log = fs.readFileSync(LOG, 'utf8').slice(before);
  assert.match(log, /database conflict 1205/);
  const tries = (ORIGINAL.match(/^DB\.Retries = (\d+)$/m) || [null, '3'])[1];   // 3 unless configured
  assert.match(log, new RegExp(`POST /phan-anh/moi: conflict, running it again \\(1 of ${tries}\\)`));
});

test(
    'with DB.Retries = 0 the same citizen gets the "try again in a few minutes" page (503), and nothing is filed',
    async () => {
        fs.writeFileSync(CONF, ORIGINAL + '\nDB.Retries = 0\n');
        restartPrograms('citizen');
        const content = `Không thử lại ${Date.now()}`;
        const held = holdCaseNumbers(1.8);
        await sleep(300);
        const r = await file(content);
        await held;
        // a conflict that outlasts the retries is a busy moment, not a fault
        assert.strictEqual(r.status, 503);
        assert.match(r.text, /Hệ thống tạm thời gián đoạn/);
        assert.deepStrictEqual(sql(`SELECT COUNT(*) FROM feedback WHERE content = '${content}'`),
                               [ [ '0' ] ]);
    });

test('teardown: the configuration, the lock wait and the citizen program as they were', async () => {
  fs.writeFileSync(CONF, ORIGINAL);
  sql(`SET GLOBAL innodb_lock_wait_timeout = ${Number(waitBefore)}`);
  restartPrograms('citizen');
  assert.strictEqual((await new Client().get('/')).status, 200);
});
