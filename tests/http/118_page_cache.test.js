// The public pages the same for every visitor (the catalogue and its
// searches, a procedure's page, the units' directory and a unit's page) are
// kept by each citizen worker for Cache.PageSeconds (the test stack: 1 s).
// What a visitor must get is still the visitor's own: the cookies, the
// language chosen; and a change shows once that time has passed.
'use strict';
const assert = require('assert');
const { test } = require('../lib/harness');
const { Client, sql, setCookies, VAR } = require('../lib/client');
const fs = require('fs');

const RUN = String(Date.now() % 100000);
const CODE = `9.118${RUN.padStart(5, '0')}`;

function pageCacheSeconds()
{
    const m = [
        ...fs.readFileSync(`${VAR}/motcua.hdf`, 'utf8').matchAll(/^Cache\.PageSeconds = (\d+)$/gm)
    ].pop();
    return m ? Number(m[1]) : 10;
}
const pageCacheWait = () => new Promise(r => setTimeout(r, pageCacheSeconds() * 1000 + 500));

test('the stack keeps public pages: Cache.PageSeconds is set',
     () => { assert.strictEqual(pageCacheSeconds(), 1); });

test('every visitor of a kept page gets a CSRF cookie of its own, and the same page', async () => {
    const seen = new Set();
    let body;
    for (let i = 0; i < 12;
         i++) { // more requests than the workers: some are answered from a kept page
        const r = await new Client().get('/thu-tuc/?q=khai+sinh');
        assert.strictEqual(r.status, 200);
        const csrf =
            setCookies(r.headers).map(c => c.match(/^mc_csrf=([0-9a-f]{32});/)).filter(Boolean);
        assert.strictEqual(csrf.length, 1, 'one mc_csrf cookie, the visitor\'s');
        assert.ok(!seen.has(csrf[0][1]), 'never another visitor\'s');
        seen.add(csrf[0][1]);
        if (body !== undefined) assert.strictEqual(r.text, body);
        body = r.text;
    }
    // a visitor who comes back keeps its cookie: nothing is set again
    const c = new Client();
    await c.get('/don-vi/');
    const again = await c.get('/don-vi/');
    assert.deepStrictEqual(setCookies(again.headers), []);
});

test('a page is kept per language: after English visitors, a new visitor reads Vietnamese',
     async () => {
         const en = new Client();
         for (const path
                  of ['/thu-tuc/?lang=en', '/thu-tuc/', '/don-vi/', '/don-vi/000.00.01.H41']) {
             const r = await en.get(path);
             assert.strictEqual(r.status, 200, path);
             assert.match(r.text, /<html lang="en">/, path);
         }
         for (const path of ['/thu-tuc/', '/don-vi/', '/don-vi/000.00.01.H41']) {
             const r = await new Client().get(path);
             assert.match(r.text, /<html lang="vi">/, path);
         }
         // the language link of a kept page is still this page's
         const r = await new Client().get('/thu-tuc/?q=khai+sinh');
         assert.ok(r.text.includes('href="/thu-tuc/?q=khai+sinh&amp;lang=en"'),
                   'the link to English keeps the search');
     });

test(
    'a page not found is never kept: a new procedure shows at once; a renamed one within the time',
    async () => {
        const c = new Client();
        assert.strictEqual((await c.get(`/thu-tuc/${CODE}`)).status, 404);
        sql(`INSERT INTO procedure_tthc (national_code, name, field_id, level, unit_id, time_value, time_unit, fee, documents, result, legal_basis, effective_from)
       SELECT '${CODE}', 'Thủ tục lưu tạm ${
            RUN}', MIN(id), 'province', 2, 5, 'working_days', 'Không', 'Tờ khai', 'Kết quả', 'Luật', '2025-07-01' FROM field`);
        const found = await c.get(`/thu-tuc/${CODE}`);
        assert.strictEqual(found.status, 200);
        assert.ok(found.text.includes(`Thủ tục lưu tạm ${RUN}`));
        for (let i = 0; i < 8; i++)
            await new Client().get(`/thu-tuc/${CODE}`); // kept by the workers
        sql(`UPDATE procedure_tthc SET name = 'Thủ tục đổi tên ${RUN}' WHERE national_code = '${
            CODE}'`);
        await pageCacheWait();
        for (let i = 0; i < 8; i++) {
            const r = await new Client().get(`/thu-tuc/${CODE}`);
            assert.ok(r.text.includes(`Thủ tục đổi tên ${RUN}`), 'the new name on every worker');
        }
        sql(`DELETE FROM procedure_tthc WHERE national_code = '${CODE}'`);
    });
