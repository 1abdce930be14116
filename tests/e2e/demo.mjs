// `make demo`: the built extension in Debian's Chromium on every demo page of www/routes.json, on
// every site's host (the local server answers for all of them).
// With a display: opens one tab per page and waits until the browser is closed.
// Without one ($DISPLAY unset): headless; opens each badge and saves a screenshot per page to
// dist/demo/<site>-<file>.png (e.g. upwork-risky.png, freelancer-clean.png).
import fs from 'node:fs';
import path from 'node:path';

import { ROOT, WWW, contentScriptRunsOn, expandBadge, startBrowser, waitForBadge } from './harness.mjs';

const headless = !process.env.DISPLAY || process.env.HIRECHECK_HEADLESS === '1';
const outDir = path.join(ROOT, 'dist', 'demo');
const env = await startBrowser({ headless, logFile: path.join(ROOT, 'dist', 'demo', 'browser.log') });
const rows = [];

try {
  if (headless) {
    const page = env.context.pages()[0] ?? await env.context.newPage();
    const cdp = await env.context.newCDPSession(page);
    const used = new Set();
    for (const route of env.server.routes) {
      // "upwork/risky.html" served with a strict CSP -> "upwork-risky-csp"; the index page -> "index".
      const base = path.relative(WWW, route.file).replace(/\.html?$/, '').split(path.sep).join('-');
      let name = base + (route.csp === 'strict' ? '-csp' : '');
      for (let i = 2; used.has(name); i++) name = `${base}${route.csp === 'strict' ? '-csp' : ''}-${i}`;
      used.add(name);
      await env.navigate(page, route.url);
      const profile = contentScriptRunsOn(env.manifest, route.url);
      const badge = profile ? await waitForBadge(cdp) : null;
      const png = path.join(outDir, `${name}.png`);
      if (badge) {
        try { await expandBadge(page, cdp, badge); } catch (e) { console.log(`  (could not open the badge on ${route.url}: ${e.message})`); }
      }
      await page.screenshot({ path: png });
      rows.push([route.url, badge?.level ?? (profile ? 'NO BADGE' : '(not a profile)'), badge?.score ?? '', (badge?.rules ?? []).join(' '), path.relative(ROOT, png)]);
    }
    console.log('\nHireCheck demo (headless: no $DISPLAY)\n');
    const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['page', 'level', 'score', 'findings'][i].length));
    console.log(['page', 'level', 'score', 'findings'].map((h, i) => h.padEnd(w[i])).join('  ') + '  screenshot');
    for (const r of rows) console.log(r.slice(0, 4).map((c, i) => String(c).padEnd(w[i])).join('  ') + '  ' + r[4]);
    console.log(`\nScreenshots of each page with its badge opened are in ${path.relative(ROOT, outDir)}/.`);
    if (rows.some((r) => r[1] === 'NO BADGE')) process.exitCode = 1;
  } else {
    const first = env.context.pages()[0] ?? await env.context.newPage();
    for (const [i, route] of env.server.routes.entries()) {
      const page = i === 0 ? first : await env.context.newPage();
      await env.navigate(page, route.url);
    }
    const hosts = new Set(env.server.routes.map((r) => r.host));
    console.log(`HireCheck demo: ${env.server.routes.length} pages on ${hosts.size} site(s) open in Chromium (${[...hosts].join(', ')}; all served locally).`);
    console.log('Close the browser window to end the demo.');
    await new Promise((resolve) => env.context.on('close', resolve));
  }
} finally {
  await env.close();
}
