// What the walk tests share: the stack's clock, motcuactl on that clock, fresh
// sign-ins (a jump of days ends yesterday's sessions), and a unit of their own.
'use strict';
const assert = require('assert');
const fs = require('fs');
const { execFileSync } = require('child_process');
const { Client, sql, VAR, ROOT } = require('../lib/client');

const HASH = '$argon2id$v=19$m=65536,t=2,p=1$WxmA5i9aMqOAs0pOZihj+Q$geaYVNbK16bxGmNqRlFMgPhIADiJLtwNzo4nR4gpyAc';   // "motcua-demo"

// Move the stack's clock to a Vietnam-local instant ("2026-03-02 09:00").
function clock(local) {
  const target = Date.parse(local.replace(' ', 'T') + ':00+07:00') / 1000;
  // a new file renamed over the old: a clock read never finds it empty or half written
  fs.writeFileSync(`${process.env.MOTCUA_FAKETIME}.new`, String(Math.round(target - Date.now() / 1000)));
  fs.renameSync(`${process.env.MOTCUA_FAKETIME}.new`, process.env.MOTCUA_FAKETIME);
  const [[now]] = sql("SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 7 HOUR, '%Y-%m-%d %H:%i')");
  assert.ok(Math.abs(Date.parse(now.replace(' ', 'T') + ':00+07:00') / 1000 - target) < 120,
    `the database follows the clock (${now} for ${local})`);
}

// motcuactl on the stack's clock
function ctl(...args) {
  const lib = execFileSync('dpkg', ['-L', 'libfaketime'], { encoding: 'utf8' })
    .split('\n').find(l => l.endsWith('/libfaketimeMT.so.1'));   // as scripts/stack.sh
  return execFileSync(`${ROOT}/build/motcuactl`, ['-c', `${VAR}/motcua.hdf`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LD_PRELOAD: lib, FAKETIME_TIMESTAMP_FILE: process.env.MOTCUA_FAKETIME, FAKETIME_NO_CACHE: '1' },
  });
}

async function as(user) {
  const c = new Client();
  await c.login(user);
  return c;
}

// A centre under the province's unit 8 with a leader, an officer and a field
// of its own; its id.
function unitWithStaff({ code, name, short, field, leader, officer }) {
  sql(`INSERT INTO org_unit (parent_id, code, name, short_name, level) VALUES (8, '${code}', '${name}', '${short}', 'centre')`);
  sql(`UPDATE org_unit u JOIN org_unit p ON p.id = u.parent_id SET u.path = CONCAT(p.path, u.id, '/') WHERE u.code = '${code}'`);
  const [[unit]] = sql(`SELECT id FROM org_unit WHERE code = '${code}'`);
  sql(`INSERT INTO users (username, full_name, title, role, unit_id, password_hash) VALUES
       ('${leader[0]}', '${leader[1]}', 'Giám đốc', 'leader', ${unit}, '${HASH}'),
       ('${officer[0]}', '${officer[1]}', 'Chuyên viên', 'officer', ${unit}, '${HASH}')`);
  sql(`INSERT INTO field (code, name) VALUES ('${field[0]}', '${field[1]}')`);
  return unit;
}

module.exports = { clock, ctl, as, unitWithStaff };
