// make audit: the scanners' findings against the reviewed allow-list.
// A finding is named "<tool> | <category> | <METHOD> <route> | <parameter>",
// the route as the route table writes it (objects as "*"), so that an
// allow-list entry holds from one run to the next.  Each allow-list line is
// such a name, then " | " and the reason it is not a hole; a line without a
// reason is refused.  Usage: node findings.js OUT ALLOW_LIST
// Prints every finding, "allowed" or "NEW"; exits 1 on any NEW finding, on a
// malformed allow-list line, or on a scan that did not finish.
'use strict';
const fs = require('fs');
const path = require('path');

const [OUT, ALLOW] = process.argv.slice(2);
const { targets } = JSON.parse(fs.readFileSync(path.join(OUT, 'targets.json'), 'utf8'));
const routes = targets.map(t => ({ method: t.method, pattern: t.pattern,
  re: new RegExp('^' + t.pattern.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '[^/]+') + '$') }));
const route = (method, p) => {
  const pathOnly = decodeURIComponent(new URL(p, 'http://x').pathname);
  const hit = routes.find(r => r.method === method && r.re.test(pathOnly)) || routes.find(r => r.re.test(pathOnly));
  return `${method} ${hit ? hit.pattern : pathOnly}`;
};

let bad = 0;
const allow = new Map();
for (const [i, raw] of fs.readFileSync(ALLOW, 'utf8').split('\n').entries()) {
  const line = raw.trim();
  if (!line || line.startsWith('#')) continue;
  const parts = line.split(' | ');
  if (parts.length < 5 || !parts.slice(4).join(' | ').trim()) {
    console.log(`not ok - ${ALLOW}:${i + 1}: an entry needs four fields and a reason: ${line}`);
    bad++;
    continue;
  }
  allow.set(parts.slice(0, 4).join(' | '), parts.slice(4).join(' | '));
}

const found = [];
// sqlmap: OUT/sqlmap/<id>/<host>/log holds the injection points it proved
const sqlDir = path.join(OUT, 'sqlmap');
for (const t of targets) {
  const dir = path.join(sqlDir, t.id);
  if (!fs.existsSync(dir)) continue;
  for (const host of fs.readdirSync(dir).filter(h => fs.statSync(path.join(dir, h)).isDirectory())) {
    const log = path.join(dir, host, 'log');
    if (!fs.existsSync(log)) continue;
    for (const m of fs.readFileSync(log, 'utf8').matchAll(/^Parameter: (.+) \((.+)\)$/gm)) {
      found.push(`sqlmap | SQL injection | ${t.method} ${t.pattern} | ${m[2]} ${m[1]}`);
    }
  }
}
// sqlmap runs that timed out or were not started within the time budget
let unfinished = 0;
const status = path.join(sqlDir, 'status.txt');
if (fs.existsSync(status)) {
  for (const line of fs.readFileSync(status, 'utf8').split('\n').filter(Boolean)) {
    const [id, rc] = line.split(' ');
    // a route with no object in its path and no field (GET /api/v1/health):
    // sqlmap finds nothing to try, and says so
    const log = path.join(sqlDir, id + '.log');
    if (rc === '1' && fs.existsSync(log) && /does not contain a usable HTTP request \(with parameters\)/.test(fs.readFileSync(log, 'utf8'))) {
      const t = targets.find(x => x.id === id);
      if (t && !t.pattern.includes('*') && !t.url.includes('?') && t.method === 'GET') {
        console.log(`no injection point: ${t.method} ${t.pattern}`);
        continue;
      }
    }
    if (rc !== '0') {
      const t = targets.find(x => x.id === id) || { method: '?', pattern: id };
      console.log(`not ok - sqlmap did not finish on ${t.method} ${t.pattern} (${rc === 'skipped' ? 'no time left in the budget' : 'exit ' + rc})`);
      unfinished++;
    }
  }
}
// wapiti: OUT/wapiti-<role>.json, its vulnerabilities and anomalies (a 500 is an anomaly)
for (const f of fs.readdirSync(OUT).filter(f => /^wapiti-.*\.json$/.test(f))) {
  const report = JSON.parse(fs.readFileSync(path.join(OUT, f), 'utf8'));
  for (const section of ['vulnerabilities', 'anomalies']) {
    for (const [category, list] of Object.entries(report[section] || {})) {
      for (const v of list) found.push(`wapiti | ${category} | ${route(v.method, v.path)} | ${v.parameter || '-'}`);
    }
  }
}

const seen = new Set();
let fresh = 0, allowed = 0;
for (const f of found) {
  if (seen.has(f)) continue;
  seen.add(f);
  if (allow.has(f)) {
    allowed++;
    console.log(`allowed: ${f} (${allow.get(f)})`);
  } else {
    fresh++;
    console.log(`NEW: ${f}`);
  }
}
console.log(`findings: ${seen.size} distinct (${found.length} reports), ${allowed} allowed, ${fresh} new; sqlmap runs unfinished: ${unfinished}`);
process.exit(fresh || bad || unfinished ? 1 : 0);
