// One wasm module per site (scripts/build-extension.sh's MODULES; docs/architecture.md): a page loads
// only the module of its own site, and that module reads its site's pages and no other's. For one
// profile route of every site in www/routes.json:
//   - the content scripts' loader (its own copy of the table) loaded the module wasm/sites.js names
//     for the page's host, and no other .wasm was fetched for the page (the page's own DevTools
//     session records the fetches);
//   - the module instance the content script uses answers supported_url for every site's profile
//     route: yes for the sites the module was built with, no for the others (a module never claims a
//     page it cannot read; the content script never asks it about another host's pages anyway);
//   - in safe mode (a strict-CSP copy of the page, checked in the offscreen document) the badge is the
//     one the module of that site draws in the page: the offscreen document picks the module from
//     the page's address.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { DIST, ROOT, contentScriptRunsOn, contentScriptWorld, loadAndRead, readJson, startBrowser } from './harness.mjs';
import { loadRoutes } from './server.mjs';

const LOG_FILE = path.join(ROOT, 'dist', 'e2e', 'modules.log');
const CSP_SUFFIX = 'e2emodcsp';
const MEMORY_OFF_KEY = 'memory:off';

let env;
let page;
let cdp;
let world;
let sites; // dist/chromium/wasm/sites.js
let perSite = []; // the first profile route of every host, [{ route, module }]
const wasmFetches = []; // .wasm URLs the page's frame fetched, in order

before(async () => {
  sites = await import(pathToFileURL(path.join(DIST, 'wasm', 'sites.js')).href);
  const manifest = readJson(path.join(DIST, 'manifest.json'));
  const routes = loadRoutes(path.join(ROOT, 'www'))
    .filter((r) => r.csp !== 'strict' && contentScriptRunsOn(manifest, r.url));
  const seen = new Set();
  for (const route of routes) {
    if (seen.has(route.host)) continue;
    seen.add(route.host);
    perSite.push({ route, module: sites.moduleForHost(route.host) });
  }
  const extraRoutes = perSite.map(({ route }) => ({ key: route.url + CSP_SUFFIX, from: route.key, csp: 'strict' }));
  env = await startBrowser({ logFile: LOG_FILE, extraRoutes });
  page = env.context.pages()[0] ?? await env.context.newPage();
  cdp = await env.context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', ({ request }) => {
    if (/^chrome-extension:\/\/[^/]+\/.*\.wasm(\?|$)/.test(request.url)) wasmFetches.push(new URL(request.url).pathname);
  });
  await cdp.send('Network.enable');
  world = await contentScriptWorld(cdp, env.extensionId);
  // The memory across profiles would link a strict-CSP copy with its original.
  await env.sw.evaluate((k) => chrome.storage.local.set({ [k]: true }), MEMORY_OFF_KEY);
});

after(async () => {
  if (env) await env.close();
});

async function badgeOf(where) {
  const r = await loadAndRead(env, page, where, cdp);
  if (!r.badge) assert.fail(`no badge on ${where}.\n  browser log:\n  ${env.logLines.slice(-15).join('\n  ')}`);
  return r.badge;
}

describe('one wasm module per site', () => {
  it('every site of the demo has a module, and the modules are the build\'s', (t) => {
    assert.ok(perSite.length >= 6, `only ${perSite.length} sites among the demo routes`);
    for (const { route, module } of perSite) assert.ok(module, `wasm/sites.js names no module for ${route.host}`);
    const built = new Set(Object.values(sites.MODULE_BY_HOST));
    assert.ok(built.has(sites.SMALLEST), `the options page's module ${sites.SMALLEST} is not one of ${[...built]}`);
    t.diagnostic(perSite.map(({ route, module }) => `${route.host} -> wasm/${module}.wasm`).join('; '));
  });

  it('a page loads only its own site\'s module, and that module reads exactly its own sites', async () => {
    const urls = perSite.map(({ route }) => route.url);
    for (const { route, module } of perSite) {
      wasmFetches.length = 0;
      const badge = await badgeOf(route.url);
      assert.notEqual(badge.level, 'error', `${route.url}: ${badge.summary}`);
      assert.equal(await world.evaluate('globalThis.__hirecheck.wasmModule'), module, `${route.url}: the content script loaded another module`);
      assert.deepEqual(wasmFetches, [`/wasm/${module}.wasm`], `${route.url}: the page fetched other wasm than its site's`);
      // The very instance the content script uses (the classic glue's, one per world).
      const answers = await world.evaluate(`${JSON.stringify(urls)}.map((u) => __hirecheckGlue.supported_url(u))`);
      urls.forEach((u, i) => {
        const own = sites.moduleForUrl(u) === module;
        assert.equal(answers[i], own, `module ${module} (on ${route.host}) says supported_url(${u}) is ${answers[i]}`);
      });
    }
  });

  it('safe mode checks each site\'s page with that site\'s module', async (t) => {
    const seen = [];
    for (const { route, module } of perSite) {
      const plain = await badgeOf(route.url);
      const safe = await badgeOf(route.url + CSP_SUFFIX);
      const mode = safe.elements.find((e) => e.attrs['data-hc'] === 'badge')?.attrs['data-mode'];
      assert.equal(mode, 'safe', `${route.url}${CSP_SUFFIX}: not checked in safe mode (level ${safe.level}: ${safe.summary})`);
      assert.equal(safe.level, plain.level, `${route.url}: safe mode says ${safe.level} (${safe.summary}), the page's own check ${plain.level}`);
      assert.deepEqual(safe.rules, plain.rules, `${route.url}: other findings in safe mode`);
      seen.push(`${route.host}: ${safe.level} by ${module}`);
    }
    t.diagnostic(seen.join('; '));
  });
});
