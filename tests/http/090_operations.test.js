// Operations: CSV imports with per-line errors, backup and restore (checked),
// the operator's help.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { test } = require('../lib/harness');
const { sql, VAR, ROOT } = require('../lib/client');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-'));
function ctl(args, conf = `${VAR}/motcua.hdf`) {
  const r = spawnSync(`${ROOT}/build/motcuactl`, ['-c', conf, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('import-procedures: valid rows stored or updated, a bad row named by line and field', () => {
  const file = path.join(dir, 'tt.csv');
  fs.writeFileSync(file, [
    'national_code,version,name,field_code,field_name,level,unit_code,time_value,time_unit,use_cutoff,fee,documents,result,legal_basis,effective_from,effective_to',
    '9.200001,1,"Cấp giấy phép tổ chức lễ hội (nhập CSV)",VH,"Văn hóa",province,000.00.01.H41,20,working_days,0,"Miễn phí","Văn bản đề nghị | Chương trình lễ hội","Giấy phép","Nghị định 110/2018/NĐ-CP",2025-07-01,',
    '9.200002,1,"Thủ tục sai cấp",VH,"Văn hóa",huyen,000.00.01.H41,5,working_days,0,"","Đơn","","",2025-07-01,',
    '9.200003,1,"Thủ tục đơn vị lạ",VH,"Văn hóa",commune,KHONG.CO,5,working_days,0,"","Đơn","","",2025-07-01,',
  ].join('\n') + '\n');
  const r = ctl(['import-procedures', file]);
  assert.strictEqual(r.code, 1, 'errors make the exit status 1');
  assert.match(r.err, /line 3, field level: must be province, commune or ministry/);
  assert.match(r.err, /line 4, field unit_code: no unit has this code/);
  assert.match(r.out, /1 rows stored, 2 refused/);
  assert.deepStrictEqual(sql("SELECT documents, time_value FROM procedure_tthc WHERE national_code = '9.200001'"),
    [['Văn bản đề nghị\\nChương trình lễ hội', '20']]);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split('\n').slice(0, 2).join('\n').replace(',20,', ',15,') + '\n');
  assert.strictEqual(ctl(['import-procedures', file]).code, 0);
  assert.deepStrictEqual(sql("SELECT COUNT(*), MAX(time_value) FROM procedure_tthc WHERE national_code = '9.200001'"), [['1', '15']], 'updated, not duplicated');
  const bad = path.join(dir, 'bad.csv');
  fs.writeFileSync(bad, 'ma,ten\n1,2\n');
  assert.match(ctl(['import-procedures', bad]).err, /line 1: the header must be: national_code,version/);
});

test('import-dossiers: the same checks as the API, reasons in Vietnamese, valid rows kept', () => {
  const file = path.join(dir, 'hs.csv');
  fs.writeFileSync(file, [
    'code,unit_code,procedure_code,applicant_name,applicant_phone,applicant_email,applicant_address,received_at,due_at,status,finished_at,returned_at',
    'CSV-HS-0001,000.00.01.H41,9.200001,"Lương Thị Mơ",0988777666,,"Phường Hoa Lư",2026-11-02 09:00,2026-11-20 17:00,returned,2026-11-18 10:00,2026-11-19 08:00',
    'CSV-HS-0002,000.00.01.H41,9.999999,"Người sai mã",,,,2026-11-02 09:00,2026-11-20 17:00,processing,,',
  ].join('\n') + '\n');
  const r = ctl(['import-dossiers', file]);
  assert.strictEqual(r.code, 1);
  assert.match(r.err, /line 3, field \(row\): Không có thủ tục với mã quốc gia này/);
  assert.deepStrictEqual(sql("SELECT status, source, DATE_FORMAT(received_at, '%H:%i') FROM dossier WHERE code = 'CSV-HS-0001'"), [['returned', 'import', '02:00']]);
  assert.strictEqual(ctl(['import-dossiers', file]).code, 1);
  assert.deepStrictEqual(sql("SELECT COUNT(*) FROM dossier WHERE code = 'CSV-HS-0001'"), [['1']], 'idempotent by code');
});

test('backup and restore: a checked dump loads into an empty database with the audit chain intact', () => {
  const dump = path.join(dir, 'motcua.sql.gz');
  // the stack's tick may add rows (audit, escalations) while the test runs: the dump
  // holds what was there at one moment between the counts before and after it
  const TABLES = ['dossier', 'feedback', 'rating', 'audit_log', 'users'];
  const count = (db, t) => Number(sql(`SELECT COUNT(*) FROM ${db}.${t}`)[0][0]);
  const before = Object.fromEntries(TABLES.map(t => [t, count('motcua', t)]));
  const b = ctl(['backup', dump]);
  assert.strictEqual(b.code, 0, b.err);
  assert.match(fs.readFileSync(dump + '.sha256', 'utf8'), /^[0-9a-f]{64} {2}motcua\.sql\.gz\n$/);
  sql('CREATE DATABASE motcua_restore CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  const conf = path.join(dir, 'restore.hdf');
  fs.writeFileSync(conf, fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8') + '\nDB.Name = motcua_restore\n');
  const r = ctl(['restore', dump], conf);
  assert.strictEqual(r.code, 0, r.err);
  assert.match(r.out, /verify-audit: OK, \d+ rows, chain intact/);
  for (const t of TABLES) {
    const z = count('motcua_restore', t);
    assert.ok(z >= before[t] && z <= count('motcua', t), `${t}: ${z} rows restored, ${before[t]} before the backup`);
  }
  const again = ctl(['restore', dump], conf);
  assert.strictEqual(again.code, 1);
  assert.match(again.err, /is not empty/);
  // a damaged dump is refused before anything is loaded
  fs.appendFileSync(dump, 'x');
  assert.match(ctl(['restore', dump], conf).err, /does not match its checksum/);
  sql('DROP DATABASE motcua_restore');
});

test('demo --dossiers N --feedback M: a province of generated data in an empty database, its figures as the records say', () => {
  sql('CREATE DATABASE motcua_gen CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  const conf = path.join(dir, 'gen.hdf');
  fs.writeFileSync(conf, fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8') + '\nDB.Name = motcua_gen\n');
  assert.strictEqual(ctl(['migrate'], conf).code, 0);
  assert.strictEqual(ctl(['import-calendar', `${ROOT}/sql/data/vn-calendar-2025-2027.csv`], conf).code, 0);
  const bad = ctl(['demo', '--dossiers', 'nhiều'], conf);
  assert.strictEqual(bad.code, 2);
  assert.match(bad.err, /--dossiers wants a whole number/);
  const r = ctl(['demo', '--dossiers', '3000', '--feedback', '400', '--seed', '7'], conf);
  assert.strictEqual(r.code, 0, r.err);
  const count = t => Number(sql(`SELECT COUNT(*) FROM motcua_gen.${t}`)[0][0]);
  assert.strictEqual(count('dossier'), 3000);
  assert.strictEqual(count('feedback'), 400);
  assert.strictEqual(count('rating'), 900, '3 N / 10 ratings by default');
  // the generator leaves the aggregates as the write path and the ticker would:
  // recomputing them from the records changes nothing
  const snap = () => sql(`SELECT (SELECT CONCAT(COUNT(*), '/', SUM(late), '/', SUM(no_apology), '/', SUM(escalated), '/', SUM(delay * late)) FROM motcua_gen.stat_late),
                                 (SELECT day FROM motcua_gen.stat_mark WHERE name = 'late'),
                                 (SELECT CONCAT(SUM(ratings), '/', SUM(r1), '/', SUM(att_sum), '/', SUM(att_n), '/', SUM(guide_n), '/', SUM(verdicts), '/', SUM(verdicts_unsatisfied)) FROM motcua_gen.stat_day),
                                 (SELECT COUNT(*) FROM motcua_gen.feedback_verdict) = (SELECT COUNT(*) FROM motcua_gen.feedback WHERE answer_satisfied IS NOT NULL),
                                 (SELECT CONCAT(scope, ':', SUM(received), '/', SUM(finished), '/', SUM(early), '/', SUM(on_time), '/', SUM(late), '/',
                                                SUM(apologies), '/', SUM(apologies_late), '/', SUM(delay_days)) FROM motcua_gen.stat_dossier_day WHERE scope = 'unit'),
                                 (SELECT COUNT(*) FROM motcua_gen.dossier d WHERE NOT EXISTS (SELECT 1 FROM motcua_gen.dossier_cycle c WHERE c.dossier_id = d.id))`)[0];
  const before = snap();
  assert.ok(before[1], 'late-dossier figures completed up to yesterday');
  assert.strictEqual(before[3], '1', 'every generated verdict is in the history');
  assert.strictEqual(before[5], '0', 'every generated dossier has its processing cycles');
  const rebuilt = ctl(['rebuild-stats'], conf);
  assert.strictEqual(rebuilt.code, 0);
  assert.match(rebuilt.out, /0 dossiers' cycles replayed.* 0 months changed/);
  assert.deepStrictEqual(snap(), before);
  sql('DROP DATABASE motcua_gen');
});

test('motcuactl explains itself: --help, and a clear error for an unknown command', () => {
  const help = ctl(['--help']);
  assert.strictEqual(help.code, 0);
  for (const cmd of ['migrate', 'create-user', 'import-procedures', 'import-calendar', 'import-dossiers', 'demo', 'backup', 'restore', 'verify-audit']) {
    assert.ok(help.out.includes(cmd), cmd);
  }
  const bad = ctl(['khong-co']);
  assert.strictEqual(bad.code, 2);
  assert.match(bad.err, /unknown command/);
  fs.rmSync(dir, { recursive: true, force: true });
});

// An index on a virtual column makes InnoDB's purge open the table to compute
// the column again; on a Galera node that open was retried without end and
// the node's memory grew until the kernel killed it (sql/360).  A generated
// column that an index covers is stored.
test('the schema indexes no virtual column: the dossier list\'s list_later is stored', () => {
  assert.deepStrictEqual(sql(`SELECT c.table_name, c.column_name
      FROM information_schema.columns c
      JOIN information_schema.statistics s
        ON s.table_schema = c.table_schema AND s.table_name = c.table_name AND s.column_name = c.column_name
     WHERE c.table_schema = DATABASE() AND c.extra LIKE '%VIRTUAL%'`), []);
  assert.deepStrictEqual(sql(`SELECT extra FROM information_schema.columns
     WHERE table_schema = DATABASE() AND table_name = 'dossier' AND column_name = 'list_later'`),
    [['STORED GENERATED']]);
});
