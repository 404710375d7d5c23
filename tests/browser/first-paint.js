// First paint of the citizen pages on an emulated slow 3G phone (400 kbps
// both ways, 400 ms round trip, cold cache, 360 px), for make bench: measured
// and printed, never asserted (no timing assertions in tests).
//   node first-paint.js /path1 /path2 ...   (MOTCUA_BASE names the site)
// One line per page: "path first-contentful-paint-ms bytes-over-the-wire".
'use strict';
const { chromium } = require('playwright-core');

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const path of process.argv.slice(2)) {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', baseURL: process.env.MOTCUA_BASE });
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 400, downloadThroughput: 400 * 1000 / 8, uploadThroughput: 400 * 1000 / 8,
      });
      let bytes = 0;
      cdp.on('Network.loadingFinished', e => { bytes += e.encodedDataLength; });
      await page.goto(path, { waitUntil: 'load' });
      const fcp = await page.evaluate(() => new Promise(resolve => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return resolve(seen.startTime);
        new PerformanceObserver(list => resolve(list.getEntriesByName('first-contentful-paint')[0].startTime))
          .observe({ type: 'paint', buffered: true });
      }));
      console.log(`${path} ${Math.round(fcp)} ${bytes}`);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
}
main().catch(e => { console.error(e); process.exit(1); });
