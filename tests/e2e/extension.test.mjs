// The built extension (dist/chromium) in Debian's Chromium on the demo pages of www/.
// One browser and one server for the whole file, so the last test can account for every request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DIST, LEVELS, ROOT, SITE_HOST, WWW, chromiumOwnRequest, contentScriptRunsOn, contentScriptWorld, hostPath, isRendered,
  loadAndRead, measureBadgeTimes, median, memoryOf, profileVariant, readBadge, readJson, readMessages, readSentences, readTexts, routeHtml, SPA_MOUNTS, spaMount,
  spaNavigate, startBrowser, tabIdOf, waitForBadge, withHostileText,
} from './harness.mjs';
import { loadRoutes } from './server.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const EXPECTATIONS_FILE = path.resolve(process.env.HIRECHECK_EXPECTATIONS ?? path.join(HERE, 'expectations.json'));
const LOADS = Number(process.env.HIRECHECK_E2E_LOADS ?? 5);
const LOG_FILE = path.join(ROOT, 'dist', 'e2e', 'browser.log');
const CANARY = '/__hirecheck-e2e-canary';
const SW_CANARY = '/__hirecheck-e2e-sw-canary';
const ELEMENTS_THAT_RUN_OR_LOAD = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'link', 'meta', 'base', 'form', 'video', 'audio', 'source']);
const HOSTILE_SUFFIX = 'e2ehostile'; // appended to a profile id, which stays alphanumeric
const SPA_NAVIGATIONS = Number(process.env.HIRECHECK_SPA_NAVIGATIONS ?? 50);
// Bounds on what 50 in-page navigations may leave behind, after garbage collection.
const SPA_HEAP_BOUND = 5 * 1048576; // JS heap of the tab's renderer (page + content script)
const SPA_WASM_BOUND = 1048576; // the wasm's linear memory (it grows in 64 KiB pages, never shrinks)
const SPA_OTHER_NAVIGATIONS = Number(process.env.HIRECHECK_SPA_OTHER_NAVIGATIONS ?? 12);
// The marketplaces that change profiles without a page load, and an address on each that is not a profile.
const SPA_HOSTS = ['www.upwork.com', 'www.freelancer.com', 'www.fiverr.com'];
const SPA_OFF_PROFILE = {
  'www.upwork.com': '/nx/search/talent/?q=designer',
  'www.freelancer.com': '/search/users/?q=designer',
  'www.fiverr.com': '/search/gigs?query=logo',
};

let env;
let page;
let cdp;
let expectations = {};
let profiles = []; // routes the content script runs on
let others = []; // routes it does not (e.g. the demo index)

/** Everything in the shadow root is drawn by the extension: nothing that runs or loads, no handler. */
function assertInert(badge, where) {
  for (const el of badge.elements) {
    assert.ok(!ELEMENTS_THAT_RUN_OR_LOAD.has(el.name), `${where}: <${el.name}> inside the badge`);
    for (const a of Object.keys(el.attrs)) {
      assert.ok(!/^on/i.test(a), `${where}: inline handler ${a} on <${el.name}> inside the badge`);
      if (/^(src|href|srcset|action|formaction|xlink:href)$/i.test(a)) {
        assert.match(el.attrs[a], /^(#|data:|chrome-extension:)/, `${where}: <${el.name} ${a}="${el.attrs[a]}"> inside the badge`);
      }
    }
  }
  assert.equal(badge.elements.filter((e) => e.attrs['data-hc'] === 'badge').length, 1, `${where}: more than one data-hc="badge" element`);
}

/** The expectation for a route (by its routes.json key): its own, or that of another route serving the same file. */
function expectationFor(route) {
  if (expectations[route.key]) return expectations[route.key];
  const twin = env.server.routes.find((r) => r.file === route.file && expectations[r.key]);
  return twin ? expectations[twin.key] : undefined;
}

/** Loads a route key or an address and returns its badge, failing with the browser's log if none appears. */
async function badgeOf(where) {
  const r = await loadAndRead(env, page, where, cdp);
  if (!r.badge) {
    const tail = env.logLines.slice(-15).join('\n  ');
    assert.fail(`no badge (element data-hc="badge" with data-level and data-drawn-at) on ${where}.\n  browser log:\n  ${tail}`);
  }
  assert.equal(r.badge.count, 1, `${where}: ${r.badge.count} badges in the document`);
  return r;
}

/** Polls `get` until `ok(value)` or the timeout; returns the last value either way. */
async function waitUntil(get, ok, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get().catch(() => null);
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The page badge once `ok(badge)` holds (or the last one read after 10 s). */
function waitForBadgeWhere(ok) {
  return waitUntil(() => readBadge(cdp), (b) => Boolean(b && ok(b)), 10_000);
}

function describeBadge(b) {
  return `level=${b.level} score=${b.score} rules=[${b.rules.join(', ')}] summary=${JSON.stringify(b.summary)}`;
}

// ---- single-page navigation tours -------------------------------------------------------------------

/** The demo profiles on `host` that a tour may show: plain CSP, with an expectation. */
function spaBases(host) {
  // Profiles only: a proposals page (its expectation lists `bids`) is no profile to navigate between.
  // Nor is a work diary (a work-room page of the client's own contract).
  return profiles.filter((r) => r.host === host && r.csp !== 'strict' && expectationFor(r) && !expectationFor(r).bids
    && !r.path.startsWith('/nx/wm/workroom/'));
}

/**
 * One tab, one document: loads bases[0], mounts it as the site's app does, then plays the router
 * through `steps` profiles (variants of `bases` with other ids and first names, with back, replace,
 * late rendering and content-before-address), one address off the profiles halfway, and a burst of
 * five at the end. Checks each as described above; prints a line per navigation. Returns the memory
 * and the content script's counters before and after.
 *
 * The site's inline data (Nuxt's store, Angular's ng-state, a JSON payload) stays that of the first
 * page, as on the real sites: it arrives only with a page load. An adapter that reads a field only from
 * there reads less after in-page navigation. `exact`: the badge must match the page's expectation
 * (level and findings); otherwise a page may also be "unknown" (less was read: honest), findings the
 * expectation includes may be missing (printed), and what it excludes must still not appear. A verdict
 * about the previous profile (its stale data) fails either way.
 */
async function spaTour(t, bases, steps, { exact = true } = {}) {
  const host = bases[0].host;
  const tab = await env.context.newPage();
  const tcdp = await env.context.newCDPSession(tab);
  const started = Date.now();
  try {
    const world = await contentScriptWorld(tcdp, env.extensionId);
    const stats = () => world.evaluate(`(() => { const s = globalThis.__hirecheck; return { runs: s.runs,
      urlChanges: { ...s.urlChanges }, observing: s.observing, wasm: s.wasmMemoryBytes(),
      navigationApi: typeof navigation === 'object' && typeof navigation.addEventListener === 'function' }; })()`);
    const tabId = await tabIdOf(env, tab);
    const record = () => env.sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k] ?? null), `tab:${tabId}`);
    const toolbar = () => env.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const badgeWhere = (ok, ms = 8000) => waitUntil(() => readBadge(tcdp), (b) => Boolean(b && ok(b)), ms);

    // A real page load of the first profile, then the app's mount point as the site's framework has it.
    await env.navigate(tab, bases[0].url);
    const first = await waitForBadge(tcdp);
    assert.equal(first?.level, expectationFor(bases[0]).level, `${bases[0].key}: ${first && describeBadge(first)}`);
    const mount = SPA_MOUNTS[host] ?? null;
    await spaMount(tab, mount);
    const watching = mount ?? 'body';
    const mounted = await waitUntil(stats, (s) => s?.observing === watching, 5000);
    assert.equal(mounted?.observing, watching, `the content script does not watch ${watching}`);
    await tab.waitForTimeout(500);
    const before = { ...(await memoryOf(tcdp)), ...(await stats()) };

    const NAMES = ['Oluwaseun', 'María', 'Mohammed', 'Priya', 'Kwame', 'Yuki', 'Björn', 'Aleksandr', 'Siobhan',
      'Fatima', 'Juan', 'Ngozi', 'Tomasz', 'Olga', 'Ahmad', 'Thanh', 'Ana', 'John'];
    const ORDER = [1, 2, 0, 0, 2, 1, 1, 0, 2, 2, 1, 0]; // repeats of a kind in a row, too
    const firstId = bases[0].path.split('/').filter(Boolean).pop();
    const entries = [{ route: bases[0], url: bases[0].url, id: firstId, first: null, html: routeHtml(bases[0]) }];
    let at = 0;
    const rows = [];
    const latencies = [];
    let navigations = 0;
    const lessRead = new Set();
    const check = async (step, entry, { start: tStart, end: tEnd }, how) => {
      const want = expectationFor(entry.route);
      // The previous profile's badge is gone by the time the new one is shown (a badge drawn since the
      // navigation began, e.g. "unknown" over a loading skeleton, is about the new address).
      const early = await readBadge(tcdp);
      assert.ok(!early || early.drawnAt > tStart, `step ${step} (${how}) to ${entry.url}: the previous profile's badge is still shown: ${early && describeBadge(early)}`);
      const ok = (b) => b.drawnAt > tEnd && !(want.rules_exclude ?? []).some((r) => b.rules.includes(r)) && (exact
        ? b.level === want.level && (want.rules_include ?? []).every((r) => b.rules.includes(r))
        : b.level === want.level || b.level === 'unknown');
      const b = await badgeWhere(ok);
      const where = `step ${step} (${how}) to ${entry.url}`;
      assert.ok(b, `${where}: no badge at all`);
      assert.ok(ok(b), `${where}: expected a badge drawn after ${tEnd.toFixed(0)} ms with level ${want.level}${exact ? '' : ' (or unknown)'}; got drawn at ${b.drawnAt} ${describeBadge(b)}`);
      const missed = (want.rules_include ?? []).filter((r) => !b.rules.includes(r));
      if (b.level !== want.level || missed.length) lessRead.add(`${entry.route.key}: ${b.level}${b.level !== want.level ? ` (a page load: ${want.level})` : ''}${missed.length ? `, without ${missed.join(', ')}` : ''}`);
      assert.equal(b.count, 1, `${where}: ${b.count} badges in the document`);
      assert.equal(b.shadowRootType, 'closed');
      if (entry.first && b.rules.includes('feedback-name-mismatch')) {
        assert.ok(b.text.includes(`"${entry.first}`), `${where}: the badge does not name the profile now shown (${entry.first}): ${b.text.slice(0, 300)}`);
      }
      // The content script draws the badge, then sends its report, and the worker stores it a moment
      // later: until then the record may still be an earlier one for this address (after late
      // rendering: "unknown", from the loading skeleton). So wait for the record that agrees with the
      // badge; one that never comes (not sent, or overtaken by an older report) fails below.
      const rec = await waitUntil(record, (r) => r && r.source === entry.url && r.level === b.level, 5000);
      assert.equal(rec?.source, entry.url, `${where}: the toolbar's record is about ${rec?.source}`);
      assert.equal(rec.level, b.level, `${where}: the toolbar's record says ${rec.level}, the badge ${b.level}`);
      assert.ok(String(rec.profile_key).toLowerCase().endsWith(`:${entry.id.toLowerCase()}`), `${where}: the record's profile_key is ${rec.profile_key}`);
      // Still exactly one a moment later: no late run of the previous profile's check adds another.
      await tab.waitForTimeout(40);
      const again = await readBadge(tcdp);
      assert.equal(again?.count, 1, `${where}: ${again?.count} badges a moment later`);
      latencies.push(b.drawnAt - tEnd);
      rows.push(`${String(step).padStart(5)} ${how.padEnd(17)} ${b.level.padEnd(8)} ${(b.drawnAt - tEnd).toFixed(0).padStart(5)} ms  ${entry.url.replace(`https://${host}`, '')}${entry.first ? ` (${entry.first})` : ''}`);
    };
    const stepTo = async (step) => {
      let how = 'push';
      let order = 'url-first';
      let lateMs = 0;
      let entry;
      if (step % 10 === 0 && at > 0 && entries[at - 1].route) {
        how = 'back';
        at -= 1;
        entry = entries[at];
      } else {
        const route = bases[ORDER[step % ORDER.length] % bases.length];
        entry = { route, ...profileVariant(route, `spa${String(step).padStart(2, '0')}`, NAMES[step % NAMES.length]) };
        if (step % 9 === 5) how = 'replace';
        if (how === 'replace') entries[at] = entry;
        else entries.splice(++at, entries.length, entry);
        if (step % 4 === 1) lateMs = 700;
        else if (step % 7 === 3) order = 'dom-first';
        else if (step % 6 === 2) order = 'same-task';
      }
      const times = await spaNavigate(tab, { html: entry.html, url: entry.url, how, order, lateMs });
      navigations += 1;
      await check(step, entry, times, how + (lateMs ? ' +late' : '') + (order !== 'url-first' ? ` ${order}` : ''));
    };

    let warm = null; // the memory after the first 10 navigations, when the JIT and caches have warmed up
    for (let step = 1; step <= steps; step++) {
      await stepTo(step);
      if (step === 10 && steps >= 20) warm = { ...(await memoryOf(tcdp)), navigations };
      if (step === Math.floor(steps / 2) && SPA_OFF_PROFILE[host]) {
        // Off the profiles (e.g. the site's search): the badge and the toolbar's verdict go away.
        const url = `https://${host}${SPA_OFF_PROFILE[host]}`;
        await spaNavigate(tab, { html: '<title>Search</title><body><div class="wrap"><h1>Search</h1><p>Results</p></div></body>', url });
        navigations += 1;
        entries.splice(++at, entries.length, { route: null, url });
        const gone = await waitUntil(() => readBadge(tcdp), (b) => b === null, 5000);
        assert.equal(gone, null, `after leaving for ${url}: a badge is still there: ${gone && describeBadge(gone)}`);
        assert.equal(await waitUntil(toolbar, (x) => x === '', 5000), '', 'the toolbar still shows a verdict off the profiles');
        assert.equal(await record(), null, 'the toolbar\'s record was not cleared off the profiles');
        rows.push(`      push (off profile) none           ${url.replace(`https://${host}`, '')}`);
      }
    }
    const afterSteps = await stats();

    // A burst: five addresses in a row without a pause, then the last profile renders; it must win, alone.
    let last;
    for (let i = 0; i < 5; i++) {
      const route = bases[i % bases.length];
      last = { route, ...profileVariant(route, `burst${i}`, NAMES[i]) };
      await tab.evaluate((url) => history.pushState(null, '', url), last.url);
      navigations += 1;
    }
    const burst = await spaNavigate(tab, { html: last.html, url: last.url, how: 'replace' });
    await check('burst', last, burst, 'burst of 5');

    await tab.waitForTimeout(500);
    const after = { ...(await memoryOf(tcdp)), ...(await stats()) };
    const offProfile = SPA_OFF_PROFILE[host] ? 1 : 0;
    const changes = Object.values(afterSteps.urlChanges).reduce((a, b) => a + b, 0) - Object.values(before.urlChanges).reduce((a, b) => a + b, 0);
    const seen = Object.entries(afterSteps.urlChanges).map(([k, v]) => `${k} ${v - before.urlChanges[k]}`).join(', ');
    t.diagnostic(`${host}: ${steps} profile navigations + ${offProfile} off the profiles + a burst of 5 (${navigations} address changes) in one tab, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const row of rows) t.diagnostic(row);
    t.diagnostic(`address shown -> badge drawn: median ${median(latencies).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} navigations (the content script first waits for 250 ms without DOM changes)`);
    t.diagnostic(`new addresses first seen by: ${seen}; Navigation API in the isolated world: ${after.navigationApi}; observer on ${after.observing}`);
    for (const l of lessRead) t.diagnostic(`read less after in-page navigation than on a page load (the site's inline data is the first page's): ${l}`);
    assert.equal(changes, steps + offProfile, 'each address change is seen exactly once');
    assert.ok(afterSteps.urlChanges.navigation > before.urlChanges.navigation || !after.navigationApi,
      'the Navigation API is there, but never saw a navigation first');
    if (steps >= 8) assert.ok(afterSteps.urlChanges.mutation > before.urlChanges.mutation, 'the DOM observer never saw a new address first');
    return { before, after, afterSteps, navigations, warm };
  } finally {
    await tab.close();
  }
}

before(async () => {
  if (fs.existsSync(EXPECTATIONS_FILE)) expectations = readJson(EXPECTATIONS_FILE);
  // A hostile variant of a risky profile: its words followed by markup, as text.
  const manifest = readJson(path.join(DIST, 'manifest.json'));
  const base = loadRoutes(WWW).filter((r) => contentScriptRunsOn(manifest, r.url) && r.csp !== 'strict');
  const from = base.find((r) => expectations[r.key]?.level === 'high') ?? base[0];
  const extraRoutes = from ? [{ key: from.key + HOSTILE_SUFFIX, from: from.key, transform: withHostileText }] : [];
  env = await startBrowser({ logFile: LOG_FILE, extraRoutes });
  page = env.context.pages()[0] ?? await env.context.newPage();
  cdp = await env.context.newCDPSession(page);
  for (const r of env.server.routes) {
    if (r.derivedFrom) continue;
    (contentScriptRunsOn(env.manifest, r.url) ? profiles : others).push(r);
  }
});

after(async () => {
  if (env) await env.close();
});

// The memory across profiles ("memory:v1") is off for the tests that came before it: their tours show
// variants of one demo page under other names with the same links and overview, which is exactly what
// the memory flags. The memory's own tests below turn it on, and off again when they are done.
const MEMORY_KEY = 'memory:v1';
const USER_KEY = 'settings:user'; // the user's own settings (extension/settings.js)
const MEMORY_OFF_KEY = 'memory:off';
const setMemory = (on) => env.sw.evaluate(([off, on]) => (on ? chrome.storage.local.remove(off) : chrome.storage.local.set({ [off]: true })), [MEMORY_OFF_KEY, on]);
const storedMemory = () => env.sw.evaluate((k) => chrome.storage.local.get(k).then((r) => r[k] ?? null), MEMORY_KEY);

describe('extension in Chromium', () => {
  before(async () => {
    await setMemory(false);
  });

  it('loads as an MV3 extension with a running service worker', () => {
    assert.equal(env.manifest.manifest_version, 3);
    assert.ok(env.sw, 'no extension service worker');
    assert.match(env.extensionId, /^[a-p]{32}$/);
  });

  it('has expectations for the demo pages, and only for served routes', (t) => {
    assert.ok(fs.existsSync(EXPECTATIONS_FILE), `missing ${path.relative(ROOT, EXPECTATIONS_FILE)}`);
    const served = new Set(env.server.routes.map((r) => r.key));
    const stale = Object.keys(expectations).filter((k) => !served.has(k));
    assert.deepEqual(stale, [], `expectations for routes that ${path.relative(ROOT, WWW)}/routes.json does not serve (keys are the routes.json keys: a bare path on ${SITE_HOST}, else the full URL)`);
    const missing = profiles.filter((r) => r.csp !== 'strict' && !expectations[r.key]).map((r) => r.key);
    assert.deepEqual(missing, [], `profile pages without an expectation in ${path.relative(ROOT, EXPECTATIONS_FILE)}`);
    const levels = new Set(Object.values(expectations).map((e) => e.level));
    for (const l of ['low', 'high', 'unknown']) assert.ok(levels.has(l), `no demo page is expected to be "${l}"`);
    const hosts = [...new Set(profiles.map((r) => r.host))];
    t.diagnostic(`${Object.keys(expectations).length} expectations; ${profiles.length} profile pages on ${hosts.length} host(s) (${hosts.join(', ')}), ${others.length} other pages`);
  });

  it('draws nothing on pages its content script does not match', async (t) => {
    for (const route of others) {
      await env.navigate(page, route.url);
      const badge = await waitForBadge(cdp, 1500);
      assert.equal(badge, null, `${route.key}: a badge on a page outside the content-script matches`);
    }
    t.diagnostic(others.length ? `checked ${others.map((r) => r.key).join(', ')}` : 'no such page in routes.json');
  });

  // Routes are known only once the server runs: one subtest per route.
  it('every demo page gets the expected badge', async (t) => {
    for (const route of profiles) {
      await t.test(route.key, async (tt) => {
        const { badge } = await badgeOf(route.url);
        tt.diagnostic(describeBadge(badge));
        assert.equal(badge.shadowRootType, 'closed', 'the badge must live in a closed shadow root');
        assert.ok(LEVELS.includes(badge.level), `data-level "${badge.level}" is none of ${LEVELS.join('|')}`);
        assert.ok(await isRendered(cdp, badge), 'the badge is not laid out (zero size or display:none)');
        const want = expectationFor(route);
        // Under a strict CSP the extension's safe mode checks the page (tests/e2e/fallback.test.mjs): a
        // verdict all the same, never the grey badge.
        assert.notEqual(badge.level, 'error', 'the check did not run (grey fallback badge)');
        if (!want) {
          tt.diagnostic('no expectation for this route: only checked that a badge is drawn');
          return;
        }
        assert.equal(badge.level, want.level, `level on ${route.key}: ${describeBadge(badge)}`);
        for (const r of want.rules_include ?? []) assert.ok(badge.rules.includes(r), `finding "${r}" missing: ${describeBadge(badge)}`);
        for (const r of want.rules_exclude ?? []) assert.ok(!badge.rules.includes(r), `finding "${r}" must not be there: ${describeBadge(badge)}`);
        if (want.level === 'low' && !want.rules_include?.length) assert.deepEqual(badge.rules, [], 'a clean page has no findings');
        if (want.summary_match) assert.match(badge.summary ?? '', new RegExp(want.summary_match, 'i'), 'summary text');
        if (want.level === 'unknown') {
          assert.match(badge.summary ?? '', /could not|couldn't|cannot|can't|unable|not enough|too little|incomplete/i,
            'an "unknown" badge must say that the page could not be read well');
        }
      });
    }
  });

  it('the page cannot see the verdict, and page text never becomes markup', async (t) => {
    for (const route of profiles) {
      const { badge } = await badgeOf(route.url);
      assert.ok(badge.host, `${route.key}: no shadow host found`);
      // Mark the main world, then look at the host from a script context we can prove is the main world.
      await page.evaluate(() => { window.__hirecheckE2eMainWorld = true; });
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: badge.host.backendNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return { main: window.__hirecheckE2eMainWorld === true, shadowRoot: this.shadowRoot === null ? null : "open", connected: this.isConnected }; }',
        returnByValue: true,
      });
      await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => {});
      assert.equal(result.value.main, true, 'DOM.resolveNode did not resolve in the main world');
      assert.equal(result.value.connected, true);
      assert.equal(result.value.shadowRoot, null, `${route.key}: the page can open the badge's shadow root`);

      const seen = await page.evaluate(() => ({
        marked: document.querySelectorAll('[data-hc]').length,
        text: document.documentElement.innerText,
        html: document.documentElement.outerHTML,
      }));
      assert.equal(seen.marked, 0, `${route.key}: the page sees ${seen.marked} data-hc element(s)`);
      for (const s of [badge.summary, badge.text]) {
        if (s && s.length >= 8) {
          assert.ok(!seen.text.includes(s), `${route.key}: the page's text contains the verdict ${JSON.stringify(s)}`);
          assert.ok(!seen.html.includes(s), `${route.key}: the page's HTML contains the verdict ${JSON.stringify(s)}`);
        }
      }
      assertInert(badge, route.key);
    }
    const dialogs = env.logLines.filter((l) => l.startsWith('DIALOG'));
    assert.deepEqual(dialogs, [], 'a page opened a dialog (injected markup ran?)');
    t.diagnostic(`checked ${profiles.length} pages`);
  });

  it('page text that looks like markup stays text', async (t) => {
    const route = env.server.routes.find((r) => r.key.endsWith(HOSTILE_SUFFIX));
    assert.ok(route, 'no profile page to make a hostile variant of');
    const { badge } = await badgeOf(route.url);
    t.diagnostic(`${route.key} (${path.basename(route.file)} with markup-like text): ${describeBadge(badge)}`);
    assert.ok(['low', 'elevated', 'high', 'unknown'].includes(badge.level), `level ${badge.level}`);
    assertInert(badge, route.key);
    assert.notEqual(await page.title(), 'pwned', 'markup from the page text ran');
    const dialogs = env.logLines.filter((l) => l.startsWith('DIALOG'));
    assert.deepEqual(dialogs, [], 'markup from the page text opened a dialog');
    t.diagnostic(badge.text.includes('<img src=x') ? 'the markup-like text is shown in the badge, as text' : 'the markup-like text did not reach the badge\'s text');
  });

  it('draws a badge under a strict Content-Security-Policy', async (t) => {
    // [route, address] pairs: the strict-CSP routes, else a high-risk page with ?csp=strict.
    const strict = profiles.filter((r) => r.csp === 'strict').map((r) => [r, r.url]);
    if (strict.length === 0) {
      const target = profiles.find((r) => expectations[r.key]?.level === 'high') ?? profiles[0];
      strict.push([target, `${target.url}?csp=strict`]);
    }
    for (const [route, p] of strict) {
      const { badge } = await badgeOf(p);
      // The policy is in force: an inline script added to the page does not run.
      const inlineBlocked = await page.evaluate(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__hirecheckE2eInline = true;';
        document.head.append(s);
        s.remove();
        return window.__hirecheckE2eInline !== true;
      });
      assert.ok(inlineBlocked, `${p}: the strict CSP is not in force`);
      const want = expectationFor(route)?.level;
      assert.notEqual(badge.level, 'error', `${p}: the grey badge; safe mode should have checked the page`);
      if (want) assert.equal(badge.level, want, `${p}: level ${badge.level}, expected ${want}`);
      assert.ok(await isRendered(cdp, badge), `${p}: the badge is not laid out`);
      const mode = badge.elements.find((e) => e.attrs['data-hc'] === 'badge')?.attrs['data-mode'] ?? 'wasm';
      t.diagnostic(`strict CSP ${p}: level ${badge.level}, drawn by the ${mode === 'safe' ? 'safe-mode badge (the wasm did not start under this CSP)' : 'wasm'}`);
    }
  });

  it('the popup and the toolbar badge agree with the page badge', async (t) => {
    const popupPath = env.manifest.action?.default_popup;
    assert.ok(popupPath, 'manifest.json has no action.default_popup');
    const textsByLevel = new Map();
    const targets = profiles.map((r) => r.url);
    for (const p of targets) {
      const { badge } = await badgeOf(p);
      const tabId = await tabIdOf(env, page);
      // The badge is drawn before its report reaches the worker, which then sets the toolbar's text (the
      // page load cleared it; every level has one): wait for it rather than read it at once.
      const toolbar = await waitUntil(() => env.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), (x) => Boolean(x), 5000);
      t.diagnostic(`${p}: page badge ${badge.level}, toolbar badge ${JSON.stringify(toolbar)} (tab ${tabId})`);
      if (!textsByLevel.has(badge.level)) textsByLevel.set(badge.level, new Set());
      textsByLevel.get(badge.level).add(toolbar);
      if (badge.level === 'high' || badge.level === 'elevated') assert.notEqual(toolbar, '', `${p}: no toolbar badge text for a ${badge.level} verdict`);

      const popup = await env.context.newPage();
      try {
        await popup.goto(`chrome-extension://${env.extensionId}/${popupPath.replace(/^\//, '')}?tab=${tabId}`);
        // The popup's verdict: an element with data-level, or #verdict with the level as a class.
        const shown = await popup.waitForFunction((levels) => {
          const el = document.querySelector('[data-level]');
          if (el && el.getAttribute('data-level')) return el.getAttribute('data-level');
          const v = document.getElementById('verdict');
          return (v && !v.closest('[hidden]') && levels.find((l) => v.classList.contains(l))) || null;
        }, LEVELS, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => null);
        assert.equal(shown, badge.level, `${p}: the popup shows level ${shown}, the page badge ${badge.level}`);
      } finally {
        await popup.close();
      }
    }
    // One text per level, and different levels are told apart ("unknown" and "error" may share one:
    // neither is a verdict).
    const seen = new Map();
    const group = (l) => (l === 'error' ? 'unknown' : l);
    for (const [level, texts] of textsByLevel) {
      assert.equal(texts.size, 1, `level ${level} shows different toolbar texts: ${[...texts].join(', ')}`);
      const [text] = texts;
      if (text !== '') {
        assert.ok(!seen.has(text) || seen.get(text) === group(level), `levels ${seen.get(text)} and ${level} share the toolbar text ${JSON.stringify(text)}`);
        seen.set(text, group(level));
      }
    }
  });

  it('the checklist is answered in the popup; the badge and the toolbar follow at once', async (t) => {
    const popupPath = env.manifest.action?.default_popup;
    assert.ok(popupPath, 'manifest.json has no action.default_popup');
    const clean = profiles.find((r) => r.csp !== 'strict' && expectationFor(r)?.level === 'low' && !expectationFor(r).rules_include?.length);
    assert.ok(clean, 'no demo profile is expected to be "low" without findings');
    const { badge: before } = await badgeOf(clean.url);
    assert.equal(before.level, 'low', `${clean.key}: ${describeBadge(before)}`);
    const tabId = await tabIdOf(env, page);
    const toolbar = () => env.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const stored = (k) => env.sw.evaluate((key) => chrome.storage.local.get(key).then((r) => r[key] ?? null), k);
    const toolbarBefore = await toolbar();

    // The content script's summary names the profile; the popup stores the answers under its key.
    const record = await waitUntil(
      () => env.sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k] ?? null), `tab:${tabId}`),
      (r) => r && Array.isArray(r.checklist) && r.checklist.length > 0, 10_000);
    assert.ok(record, 'the summary of the clean profile lists no checklist items');
    assert.ok(record.checklist.some((e) => e.id === 'refuses-video'), 'the checklist has no item "refuses-video"');
    assert.ok(typeof record.profile_key === 'string' && record.profile_key !== '',
      `the report of ${clean.key} has no profile_key (its adapter does not fill it yet?), so the popup cannot store answers`);
    const key = `checklist:${record.profile_key}`;
    t.diagnostic(`${clean.key}: profile_key ${record.profile_key}, ${record.checklist.length} checklist items, toolbar ${JSON.stringify(toolbarBefore)}`);
    assert.equal(await stored(key), null, `${key} is stored before any answer was given`);
    const answeredOnBadge = (b) => b.elements.find((e) => e.attrs['data-hc'] === 'checklist')?.attrs ?? {};
    assert.equal(answeredOnBadge(before)['data-answered'], '0', 'the badge does not show the checklist line "0 of N answered"');
    assert.equal(answeredOnBadge(before)['data-items'], String(record.checklist.length));

    const popup = await env.context.newPage();
    try {
      await popup.goto(`chrome-extension://${env.extensionId}/${popupPath.replace(/^\//, '')}?tab=${tabId}`);
      const item = popup.locator('fieldset[data-item="refuses-video"]');
      await item.waitFor({ timeout: 10_000 });
      // Accessible: a fieldset named by its legend, with the advice as its description, and labelled radios.
      const a11y = await item.evaluate((fs) => ({
        legend: fs.querySelector('legend')?.textContent ?? '',
        described: document.getElementById(fs.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
        radios: [...fs.querySelectorAll('input[type=radio]')].map((r) => ({ value: r.value, label: r.labels?.[0]?.textContent.trim() ?? '', checked: r.checked })),
        disabled: fs.disabled,
      }));
      assert.ok(a11y.legend.length > 10, 'the item has no legend');
      assert.ok(a11y.described.length > 10, 'the item\'s "how to check" is not its description');
      assert.deepEqual(a11y.radios.map((r) => r.value), ['', 'observed', 'not_observed']);
      assert.ok(a11y.radios.every((r) => r.label.length > 0), 'a radio without a label');
      assert.ok(a11y.radios[0].checked, '"Not checked" is not the initial answer');
      assert.equal(a11y.disabled, false, 'the checklist is disabled although the profile has a key');

      // Mark "refuses-video" as observed, with a click on its label.
      await item.locator('label', { has: popup.locator('input[value="observed"]') }).click();
      const after = await waitForBadgeWhere((b) => b.rules.includes('refuses-video'));
      t.diagnostic(`after "observed": ${describeBadge(after)}`);
      assert.ok(after.rules.includes('refuses-video'), `no finding data-rule="refuses-video" on the page badge: ${describeBadge(after)}`);
      assert.notEqual(after.level, 'low', 'an observed sign left the level at "low"');
      assert.ok(Number(after.score) > Number(before.score), `the score did not rise: ${before.score} -> ${after.score}`);
      assert.equal(answeredOnBadge(after)['data-answered'], '1');
      assert.deepEqual(await stored(key), { 'refuses-video': 'observed' });
      const toolbarAfter = await waitUntil(toolbar, (x) => x !== toolbarBefore, 5000);
      assert.notEqual(toolbarAfter, toolbarBefore, 'the toolbar badge text did not change');
      const popupLevel = await popup.waitForFunction((l) => document.getElementById('verdict')?.dataset.level === l && l, after.level, { timeout: 5000 })
        .then((h) => h.jsonValue()).catch(() => null);
      assert.equal(popupLevel, after.level, 'the popup\'s verdict did not follow');
      t.diagnostic(`toolbar ${JSON.stringify(toolbarBefore)} -> ${JSON.stringify(toolbarAfter)}`);

      // By keyboard: "Checked, not observed" for another item counts as answered and adds nothing.
      const other = popup.locator('fieldset[data-item]:not([data-item="refuses-video"])').first();
      const otherId = await other.getAttribute('data-item');
      await other.locator('input[value=""]').focus();
      await popup.keyboard.press('ArrowRight');
      await popup.keyboard.press('ArrowRight');
      // The end state: the popup's echo of the first answer's storage write may arrive after the second
      // key press and show "observed" for a moment, until the second write's echo follows.
      const moved = await waitUntil(() => other.locator('input[value="not_observed"]').isChecked(), (x) => x === true, 5000);
      assert.equal(moved, true, 'the arrow keys did not move the answer');
      const both = await waitUntil(() => stored(key), (v) => v && v[otherId] === 'not_observed', 5000);
      assert.deepEqual(both, { 'refuses-video': 'observed', [otherId]: 'not_observed' });
      const counted = await waitForBadgeWhere((b) => answeredOnBadge(b)['data-answered'] === '2' && !b.rules.includes(otherId));
      assert.equal(answeredOnBadge(counted)['data-answered'], '2', `the badge does not count two answers: ${describeBadge(counted)}`);
      assert.equal(counted.score, after.score, '"not observed" changed the score');
      assert.ok(!counted.rules.includes(otherId), `"not observed" became a finding: ${describeBadge(counted)}`);

      // "Clear answers": the key goes, and the verdict is the page's own again.
      await popup.getByRole('button', { name: await popup.locator('#checklist-clear').textContent() }).click();
      const cleared = await waitForBadgeWhere((b) => b.level === 'low' && !b.rules.includes('refuses-video'));
      assert.equal(cleared.level, 'low', `after "Clear answers": ${describeBadge(cleared)}`);
      assert.equal(cleared.score, before.score);
      assert.equal(answeredOnBadge(cleared)['data-answered'], '0');
      assert.equal(await stored(key), null, `${key} is still stored after "Clear answers"`);
      assert.equal(await waitUntil(toolbar, (x) => x === toolbarBefore, 5000), toolbarBefore, 'the toolbar badge did not return');
      assert.ok(await popup.locator('fieldset[data-item="refuses-video"] input[value=""]').isChecked(), 'the popup still shows an answer');
    } finally {
      await popup.close();
      await env.sw.evaluate((k) => chrome.storage.local.remove(k), key).catch(() => {});
    }
  });

  it('check_page rejects malformed checklist answers with a clear error', async () => {
    // In an extension page (the wasm needs no page of Upwork's to show how it reads its arguments).
    const ext = await env.context.newPage();
    try {
      await ext.goto(`chrome-extension://${env.extensionId}/popup.html?tab=0`);
      const results = await ext.evaluate(async () => {
        const { SMALLEST } = await import(chrome.runtime.getURL('wasm/sites.js'));
        const mod = await import(chrome.runtime.getURL('wasm/hirecheck.js'));
        await mod.default({ module_or_path: chrome.runtime.getURL(`wasm/${SMALLEST}.wasm`) });
        const tryIt = (answers) => {
          try {
            const r = mod.check_page({}, 'en', Date.now(), answers);
            return { ok: true, level: r.risk.level };
          } catch (e) {
            return { ok: false, error: e instanceof Error, message: String(e && e.message) };
          }
        };
        return {
          none: tryIt(undefined),
          empty: tryIt({}),
          unknownId: tryIt({ 'from-a-newer-version': 'observed', 'refuses-video': 'not_observed' }),
          badValue: tryIt({ 'refuses-video': 'yes' }),
          notObject: tryIt(['observed']),
          notString: tryIt({ 'refuses-video': true }),
        };
      });
      for (const k of ['none', 'empty', 'unknownId']) assert.equal(results[k].ok, true, `${k}: ${JSON.stringify(results[k])}`);
      for (const k of ['badValue', 'notObject', 'notString']) {
        assert.equal(results[k].ok, false, `${k} was accepted`);
        assert.equal(results[k].error, true, `${k}: not an Error`);
        assert.match(results[k].message, /checklist answer.*"observed" or "not_observed"/, `${k}: ${results[k].message}`);
      }
      assert.match(results.badValue.message, /refuses-video/, 'the error does not name the item');
    } finally {
      await ext.close();
    }
  });

  it('findings show their title, why, how to verify and sources from texts.js by id, and their sentences written out, in English and German; the wasm has none of them', async (t) => {
    // The one table (src/texts/texts.json): the wasm's report carries only ids, texts.js joins the texts.
    const TEXTS = readTexts();
    const SENTENCES = readSentences();
    // Every module the build made (one per row of build-extension.sh's MODULES).
    const modules = fs.readdirSync(path.join(DIST, 'wasm')).filter((f) => f.endsWith('.wasm'));
    assert.ok(modules.length > 0, 'no wasm module in dist/chromium/wasm');
    for (const file of modules) {
      const wasm = fs.readFileSync(path.join(DIST, 'wasm', file));
      for (const [id, parts] of Object.entries(TEXTS)) {
        for (const [part, value] of Object.entries(parts)) {
          const texts = part === 'sources' ? value : [value.en, value.de];
          for (const s of texts) assert.equal(wasm.indexOf(Buffer.from(s)), -1, `${file} holds ${id}.${part}: ${s.slice(0, 60)}`);
        }
      }
      // Nor the sentences of evidence and summary (src/texts/sentences.json): their longer pieces
      // between blanks, which nothing else would hold.
      for (const [key, langs] of Object.entries(SENTENCES)) {
        for (const lang of ['en', 'de']) {
          for (const piece of langs[lang].split(/\{\d\}/).filter((p) => p.length >= 16)) {
            assert.equal(wasm.indexOf(Buffer.from(piece)), -1, `${file} holds sentence ${key}.${lang}: ${piece}`);
          }
        }
      }
    }
    const route = profiles.find((r) => r.csp !== 'strict' && expectationFor(r)?.level === 'high' && !expectationFor(r).bids);
    assert.ok(route, 'no high-risk demo profile');
    try {
      for (const lang of ['en', 'de']) {
        if (lang === 'de') await env.sw.evaluate((k) => chrome.storage.local.set({ [k]: { lang: 'de' } }), USER_KEY);
        await env.navigate(page, route.url);
        const first = (rule) => TEXTS[rule]?.title?.[lang];
        const badge = await waitUntil(() => readBadge(cdp), (b) => b && b.rules.length > 0 && b.text.includes(first(b.rules[0])), 10_000);
        assert.ok(badge?.rules.length, `${route.key} (${lang}): no finding drawn`);
        // The wasm's sentences are written out: no mark, no blank left, the summary in this language.
        assert.ok(!badge.text.includes('\u0001') && !/\{\d\}/.test(badge.text), `${route.key} (${lang}): a sentence was not written out: ${badge.text}`);
        const summary = new RegExp(`^${SENTENCES['summary-found'][lang].replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\d\\?\}/g, '.+')}$`);
        assert.match(badge.summary ?? '', summary, `${route.key} (${lang}): the summary`);
        for (const rule of badge.rules) {
          assert.ok(TEXTS[rule], `${rule} has no texts in src/texts/texts.json`);
          for (const part of ['title', 'why', 'verify']) {
            assert.ok(badge.text.includes(TEXTS[rule][part][lang]), `${route.key}: the badge lacks ${rule}'s ${part} in ${lang}`);
          }
          assert.ok(badge.text.includes(TEXTS[rule].sources.join('; ')), `${route.key}: the badge lacks ${rule}'s sources`);
        }
        t.diagnostic(`${lang}: ${badge.rules.length} findings with title, why, verify and sources (${badge.rules.join(', ')})`);
      }
    } finally {
      await env.sw.evaluate((k) => chrome.storage.local.remove(k), USER_KEY).catch(() => {});
    }
    // The options page names every rule by its title in the browser's language, from the same table.
    const opt = await env.context.newPage();
    try {
      await opt.goto(`chrome-extension://${env.extensionId}/options.html`);
      await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      const shown = await opt.evaluate(() => [...document.querySelectorAll('tr[data-rule]')]
        .map((tr) => [tr.getAttribute('data-rule'), tr.querySelector('td span')?.textContent ?? '']));
      const lang = (await opt.evaluate(() => chrome.i18n.getUILanguage())).slice(0, 2).toLowerCase() === 'de' ? 'de' : 'en';
      assert.ok(shown.length >= 30, `the options page lists ${shown.length} rules`);
      for (const [id, title] of shown) assert.equal(title, TEXTS[id]?.title?.[lang], `options page: the title of ${id}`);
    } finally {
      await opt.close();
    }
  });

  it('the options page: choosing another language writes every text again in place, and saves the choice', async () => {
    const MESSAGES = readMessages();
    const TEXTS = readTexts();
    const opt = await env.context.newPage();
    try {
      await opt.goto(`chrome-extension://${env.extensionId}/options.html`);
      await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      const browser = (await opt.evaluate(() => chrome.i18n.getUILanguage())).slice(0, 2).toLowerCase() === 'de' ? 'de' : 'en';
      const other = browser === 'de' ? 'en' : 'de';
      const state = () => opt.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.getElementById('title').textContent,
        chosen: document.getElementById('s-lang').value,
        rules: [...document.querySelectorAll('tr[data-rule]')].map((tr) => [tr.dataset.rule, tr.querySelector('td span').textContent]),
        status: document.getElementById('status').textContent,
        memoryStatus: document.getElementById('memory-status').textContent,
        samePage: window.hirecheckSamePage === true,
      }));
      // A status line shown before the change is written again in the new language.
      await opt.click('#memory-clear');
      await opt.waitForFunction((t) => document.getElementById('memory-status').textContent === t, MESSAGES[browser].optMemoryCleared.message, { timeout: 5_000 });
      await opt.evaluate(() => { window.hirecheckSamePage = true; });
      await opt.selectOption('#s-lang', other);
      await opt.waitForFunction((l) => document.documentElement.lang === l, other, { timeout: 10_000 });
      const after = await state();
      assert.equal(after.title, MESSAGES[other].optTitle.message, `the heading is not in ${other}`);
      assert.equal(after.chosen, other, 'the language control lost the choice');
      assert.ok(after.rules.length >= 30, `${after.rules.length} rules listed after the change`);
      for (const [id, title] of after.rules) assert.equal(title, TEXTS[id]?.title?.[other], `the title of ${id} after the change`);
      assert.ok(after.samePage, 'the options page reloaded instead of building itself again');
      await opt.waitForFunction((t) => document.getElementById('status').textContent === t, MESSAGES[other].optSaved.message, { timeout: 5_000 })
        .catch(() => {});
      assert.equal((await state()).status, MESSAGES[other].optSaved.message, 'the status line is not "saved" in the new language');
      assert.equal(after.memoryStatus, MESSAGES[other].optMemoryCleared.message, 'the memory status line is not in the new language');
      const saved = await env.sw.evaluate((k) => chrome.storage.local.get(k).then((r) => r[k] ?? null), USER_KEY);
      assert.equal(saved?.lang, other, 'the choice was not saved');
      // Reset: back to "auto", the browser's language, again in place.
      await opt.click('#reset');
      await opt.waitForFunction((l) => document.documentElement.lang === l, browser, { timeout: 10_000 });
      const reset = await state();
      assert.equal(reset.title, MESSAGES[browser].optTitle.message);
      assert.equal(reset.chosen, 'auto');
      await opt.waitForFunction((t) => document.getElementById('status').textContent === t, MESSAGES[browser].optResetDone.message, { timeout: 5_000 })
        .catch(() => {});
      assert.equal((await state()).status, MESSAGES[browser].optResetDone.message, 'the status line is not "reset" in the language after the reset');
      assert.ok(reset.samePage, 'the options page reloaded after the reset');
    } finally {
      await opt.close();
      await env.sw.evaluate((k) => chrome.storage.local.remove(k), USER_KEY).catch(() => {});
    }
  });

  it('the options page writes the settings errors in its language: German, then English after a change', async () => {
    const MESSAGES = readMessages();
    const SENTENCES = readSentences();
    // A sentence of src/texts/sentences.json in `lang`, its blanks filled with `values`.
    const sentence = (key, lang, values = []) => SENTENCES[key][lang].replace(/\{(\d)\}/g, (_, d) => values[Number(d)]);
    // min_coverage's range is 0 to 1, its default 0.6 (src/settings.rs); one sentence inside another.
    const tooHigh = (lang, x) => sentence('setting-default-used', lang, [sentence('setting-above-max', lang, [x, '1']), '0.6']);
    const unknown = (lang) => sentence('setting-unknown-near', lang, ['high_from']);
    const notSaved = (lang, error) => MESSAGES[lang].optNotSaved.message.replace('$ERROR$', error);
    const written = (text) => !text.includes('\u0001') && !/\{\d\}/.test(text);
    const setUser = (v) => env.sw.evaluate(([k, v]) => chrome.storage.local.set({ [k]: v }), [USER_KEY, v]);
    await setUser({ lang: 'de', min_coverage: 5, hihg_from: 3 });
    const opt = await env.context.newPage();
    const state = () => opt.evaluate(() => ({
      listed: !document.getElementById('user-errors').hidden,
      errors: Object.fromEntries([...document.querySelectorAll('#user-errors-list li')].map((li) => [li.dataset.key, li.textContent])),
      field: document.querySelector('[data-error-for="min_coverage"]').textContent,
      status: document.getElementById('status').textContent,
    }));
    try {
      await opt.goto(`chrome-extension://${env.extensionId}/options.html`);
      await opt.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
      assert.equal(await opt.evaluate(() => document.documentElement.lang), 'de');
      // The stored user settings' errors, listed in German.
      const de = await state();
      assert.ok(de.listed, 'the user settings\' errors are not shown');
      assert.deepEqual(de.errors, { hihg_from: `hihg_from: ${unknown('de')}`, min_coverage: `min_coverage: ${tooHigh('de', '5')}` });
      // A bad value typed: named beside the field and in the status line, in German.
      await opt.fill('#s-min_coverage', '7');
      await opt.dispatchEvent('#s-min_coverage', 'change');
      await opt.waitForFunction(() => document.querySelector('[data-error-for="min_coverage"]').textContent !== '');
      const typed = await state();
      assert.equal(typed.field, `min_coverage: ${tooHigh('de', '7')}`);
      assert.equal(typed.status, notSaved('de', tooHigh('de', '7')));
      for (const text of [...Object.values(de.errors), typed.field, typed.status]) assert.ok(written(text), `not written out: ${text}`);
      // The language changed elsewhere (another tab): the page writes the errors and the status line again.
      await setUser({ lang: 'en', min_coverage: 5, hihg_from: 3 });
      await opt.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 10_000 });
      const en = await state();
      assert.deepEqual(en.errors, {
        hihg_from: 'hihg_from: there is no such setting; it is ignored (did you mean "high_from"?)',
        min_coverage: 'min_coverage: 5 is above the maximum of 1; the default 0.6 is used',
      });
      assert.equal(en.status, notSaved('en', '7 is above the maximum of 1; the default 0.6 is used'));
      assert.notEqual(tooHigh('de', '5'), tooHigh('en', '5'));
    } finally {
      await opt.close();
      await env.sw.evaluate((k) => chrome.storage.local.remove(k), USER_KEY).catch(() => {});
    }
  });

  it('page-ready -> badge timing (printed; sanity bound only)', async (t) => {
    const all = [];
    for (const route of profiles) {
      const { badge } = await badgeOf(route.url);
      if (badge.level === 'error' && badge.drawnAt === null) {
        t.diagnostic(`${route.key}: fallback badge without data-drawn-at: not timed`);
        continue;
      }
      const times = await measureBadgeTimes(env, page, cdp, route.url, LOADS);
      all.push(...times);
      const m = median(times);
      const line = `${route.key}: median ${m.toFixed(1)} ms over ${times.length} loads (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`;
      t.diagnostic(line);
      assert.ok(m < 5000, `${route.key}: the badge took ${m} ms after DOMContentLoaded`);
    }
    if (all.length) t.diagnostic(`all profile pages: page-ready -> badge median ${median(all).toFixed(1)} ms over ${all.length} loads`);
  });

  // The marketplaces are single-page apps. One tab, one document: the test plays the site's router
  // (address via history.pushState/replaceState/back, head and mount-point content swapped in place,
  // sometimes late), through SPA_NAVIGATIONS profiles: the demo profiles and variants of them with
  // other ids and names. After each: exactly one badge, drawn after the new profile was shown, with its
  // expected level and findings, and the toolbar's record names the new profile. Then the renderer's
  // memory, after forced garbage collection, must not have grown by more than the bounds.
  it(`single-page navigation: ${SPA_NAVIGATIONS} profiles in one tab, one current badge each time, bounded memory`, async (t) => {
    const bases = spaBases(SITE_HOST);
    assert.ok(bases.length >= 2, `need two ${SITE_HOST} demo profiles with expectations, found ${bases.length}`);
    const r = await spaTour(t, bases, SPA_NAVIGATIONS);
    const { before, after, afterSteps } = r;
    const mb = (x) => (x / 1048576).toFixed(2);
    const kb = (x) => (x / 1024).toFixed(0);
    const grow = {
      heap: after.heapUsed - before.heapUsed,
      wasm: after.wasm - before.wasm,
      listeners: after.listeners - before.listeners,
    };
    const runs = afterSteps.runs - before.runs;
    t.diagnostic(`checks run: ${runs} for ${SPA_NAVIGATIONS + 1} navigations (${(runs / (SPA_NAVIGATIONS + 1)).toFixed(2)} each)`);
    t.diagnostic(`JS heap (renderer: page + content script, after GC): ${mb(before.heapUsed)} MB -> ${mb(after.heapUsed)} MB (${grow.heap >= 0 ? '+' : ''}${kb(grow.heap)} KiB; bound +${mb(SPA_HEAP_BOUND)} MB); Performance.getMetrics JSHeapUsedSize ${mb(before.jsHeapUsed)} -> ${mb(after.jsHeapUsed)} MB`);
    if (r.warm) {
      const n = r.navigations - r.warm.navigations;
      t.diagnostic(`of which after the first ${r.warm.navigations} navigations: ${kb(after.heapUsed - r.warm.heapUsed)} KiB over the remaining ${n} (${((after.heapUsed - r.warm.heapUsed) / n / 1024).toFixed(2)} KiB each; the page's own session history also grows with every pushState)`);
    }
    t.diagnostic(`wasm linear memory: ${kb(before.wasm)} KiB -> ${kb(after.wasm)} KiB (${grow.wasm >= 0 ? '+' : ''}${kb(grow.wasm)} KiB; bound +${kb(SPA_WASM_BOUND)} KiB); DOM nodes ${before.nodes} -> ${after.nodes}; JS event listeners ${before.listeners} -> ${after.listeners}`);
    assert.ok(grow.heap < SPA_HEAP_BOUND, `the JS heap grew by ${mb(grow.heap)} MB over ${r.navigations} navigations (bound ${mb(SPA_HEAP_BOUND)} MB)`);
    assert.ok(grow.wasm <= SPA_WASM_BOUND, `the wasm memory grew by ${kb(grow.wasm)} KiB (bound ${kb(SPA_WASM_BOUND)} KiB)`);
    assert.ok(grow.listeners < 20, `JS event listeners grew by ${grow.listeners} over ${r.navigations} navigations: listeners are kept per navigation`);
    assert.ok(runs <= 4 * (SPA_NAVIGATIONS + 1), `${runs} checks for ${SPA_NAVIGATIONS + 1} navigations: re-checks are not debounced`);
  });

  it('single-page navigation on the other single-page marketplaces (Freelancer.com, Fiverr)', async (t) => {
    let toured = 0;
    for (const host of SPA_HOSTS.filter((h) => h !== SITE_HOST)) {
      const bases = spaBases(host);
      if (bases.length < 2) {
        t.diagnostic(`${host}: ${bases.length} demo profile(s) with expectations in routes.json: no tour (needs two)`);
        continue;
      }
      await t.test(host, async (tt) => {
        await spaTour(tt, bases, SPA_OTHER_NAVIGATIONS, { exact: false });
      });
      toured += 1;
    }
    t.diagnostic(`${toured} other host(s) toured`);
  });

  // Proposals pages: one small badge per bidder row (closed shadow root), levels and findings as expected,
  // never stacked after re-checks, and the page badge summarises them.
  it('a proposals page gets one badge per bidder row with the expected levels and findings', async (t) => {
    const routes = profiles.filter((r) => expectationFor(r)?.bids);
    assert.ok(routes.length > 0, 'no proposals demo page with `bids` expectations');
    const readRows = async () => {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const rows = [];
      const visit = (n, inShadow) => {
        const a = {};
        for (let i = 0; i + 1 < (n.attributes ?? []).length; i += 2) a[n.attributes[i]] = n.attributes[i + 1];
        if (n.nodeType === 1 && a['data-hc'] === 'bid-badge') {
          const rules = [];
          const inner = (m) => {
            const b = {};
            for (let i = 0; i + 1 < (m.attributes ?? []).length; i += 2) b[m.attributes[i]] = m.attributes[i + 1];
            if (b['data-hc'] === 'bid-finding') rules.push(b['data-rule']);
            for (const k of m.children ?? []) inner(k);
          };
          inner(n);
          rows.push({ index: Number(a['data-index']), level: a['data-level'], rules, closed: inShadow });
        }
        for (const s of n.shadowRoots ?? []) visit(s, s.shadowRootType ?? inShadow);
        for (const k of n.children ?? []) visit(k, inShadow);
      };
      visit(root, null);
      return rows;
    };
    for (const route of routes) {
      const want = expectationFor(route);
      const { badge } = await badgeOf(route.url);
      assert.equal(badge.level, want.level, `${route.key}: ${describeBadge(badge)}`);
      const rows = await waitUntil(readRows, (r) => r?.length === want.bids.length, 10_000);
      assert.equal(rows?.length, want.bids.length, `${route.key}: ${rows?.length} row badges for ${want.bids.length} rows`);
      for (const [i, w] of want.bids.entries()) {
        const got = rows.find((r) => r.index === i);
        assert.ok(got, `${route.key}: no badge for row ${i} (${w.name})`);
        assert.equal(got.closed, 'closed', `${route.key}: row ${i} badge is not in a closed shadow root`);
        assert.equal(got.level, w.level, `${route.key}: row ${i} (${w.name}): level ${got.level} [${got.rules.join(', ')}]`);
        assert.deepEqual([...got.rules].sort(), [...w.rules].sort(), `${route.key}: row ${i} (${w.name}) findings`);
        t.diagnostic(`${w.name}: ${got.level} [${got.rules.join(', ')}]`);
      }
      // A re-render of the page (a mutation inside the list) re-checks; the row badges never stack.
      await page.evaluate(() => { const p = document.createElement('p'); p.textContent = 'x'; document.body.append(p); });
      await new Promise((r) => setTimeout(r, 1500));
      const again = await readRows();
      assert.equal(again.length, want.bids.length, `${route.key}: ${again.length} row badges after a re-check`);
      const seen = await page.evaluate(() => document.querySelectorAll('[data-hc]').length);
      assert.equal(seen, 0, 'the page sees a row badge\'s contents');
    }
  });

  // Last: accounts for every request made during the whole file.
  it('memory across profiles: the same portfolio link under another name is flagged (device only)', async (t) => {
    const risky = profiles.find((r) => r.key === '/freelancers/~01a1b2c3d4e5f6risky');
    const reused = profiles.find((r) => r.key === '/freelancers/~01a1b2c3d4e5f6reused');
    assert.ok(risky && reused, 'the demo pages upwork/risky.html and upwork/reused.html are not both served (www/routes.json)');
    await env.sw.evaluate((k) => chrome.storage.local.remove(k), MEMORY_KEY);
    await setMemory(true);
    try {
      const { badge: first } = await badgeOf(risky.url);
      assert.ok(!first.rules.some((r) => r.startsWith('reused-')), `nothing remembered yet, but: ${describeBadge(first)}`);
      const mem = await waitUntil(storedMemory, (m) => m && m.profiles?.length === 1, 5000);
      assert.equal(mem?.profiles?.length, 1, `the service worker did not remember the first profile: ${JSON.stringify(mem)}`);
      const fp = mem.profiles[0];
      assert.match(fp.key, /^upwork:/);
      assert.equal(fp.name, 'Lukas M.');
      assert.ok(fp.links.includes('fintech-dash-demo.netlify.app'), JSON.stringify(fp.links));
      // No page text beyond the fingerprint: no overview, no reviews.
      assert.deepEqual(Object.keys(fp).sort(), ['bio', 'key', 'links', 'name', 'photo_hash', 'photo_url', 'seen_at']);

      await env.navigate(page, reused.url);
      const b = await waitForBadgeWhere((x) => x.rules.includes('reused-link'));
      t.diagnostic(`second profile: ${describeBadge(b)}`);
      assert.ok(b.rules.includes('reused-link'), `no reused-link finding on ${reused.key}: ${describeBadge(b)}`);
      assert.ok(b.text.includes('Lukas M.') && b.text.includes(fp.key), 'the evidence does not name the other profile');
      assert.ok(b.text.includes('fintech-dash-demo.netlify.app'), 'the evidence does not name the shared link');
      const both = await waitUntil(storedMemory, (m) => m && m.profiles?.length === 2, 5000);
      assert.equal(both?.profiles?.length, 2);

      // Visiting the first profile again replaces its entry (one per key) and now names the second.
      await env.navigate(page, risky.url);
      const again = await waitForBadgeWhere((x) => x.rules.includes('reused-link'));
      assert.ok(again.text.includes('Daniel R.'), `the first profile does not name the second: ${describeBadge(again)}`);
      const still = await waitUntil(storedMemory, (m) => m && m.profiles?.length === 2, 3000);
      assert.equal(still?.profiles?.length, 2, 'revisiting a profile added a second entry for its key');

      // Turned off: nothing compared, nothing remembered.
      await setMemory(false);
      await env.navigate(page, reused.url);
      const off = await waitForBadgeWhere((x) => !x.rules.includes('reused-link'));
      assert.ok(!off.rules.some((r) => r.startsWith('reused-')), `memory off, but: ${describeBadge(off)}`);
    } finally {
      await setMemory(false);
    }
  });

  it('memory export, clear and import round trip in the popup; the saved report', async (t) => {
    const popupPath = env.manifest.action?.default_popup;
    const reused = profiles.find((r) => r.key === '/freelancers/~01a1b2c3d4e5f6reused');
    const risky = profiles.find((r) => r.key === '/freelancers/~01a1b2c3d4e5f6risky');
    await setMemory(true);
    const popup = await env.context.newPage();
    try {
      await env.sw.evaluate((k) => chrome.storage.local.remove(k), MEMORY_KEY);
      await badgeOf(risky.url);
      await waitUntil(storedMemory, (m) => m && m.profiles?.length === 1, 5000);
      await env.navigate(page, reused.url);
      await waitForBadgeWhere((x) => x.rules.includes('reused-link'));
      const mem = await waitUntil(storedMemory, (m) => m && m.profiles?.length === 2, 5000);
      assert.equal(mem?.profiles?.length, 2);
      const tabId = await tabIdOf(env, page);
      await waitUntil(() => env.sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k] ?? null), `tab:${tabId}`),
        (r) => r && r.findings?.some((f) => f.rule === 'reused-link'), 5000);
      await popup.goto(`chrome-extension://${env.extensionId}/${popupPath.replace(/^\//, '')}?tab=${tabId}`);
      const count = () => popup.locator('#memory-count').textContent();
      assert.match(await waitUntil(count, (c) => /\b2\b/.test(c ?? ''), 5000), /\b2\b/, 'the popup does not count 2 remembered profiles');

      // Export: a JSON file, downloaded from a blob URL.
      const [exported] = await Promise.all([popup.waitForEvent('download'), popup.click('#memory-export')]);
      assert.match(exported.suggestedFilename(), /^hirecheck-memory-.*\.json$/);
      const file = await exported.path();
      const data = JSON.parse(fs.readFileSync(file, 'utf8'));
      assert.equal(data.format, 'hirecheck-memory');
      assert.equal(data.profiles.length, 2);

      // Clear, then import the export back.
      await popup.click('#memory-clear');
      assert.equal(await waitUntil(storedMemory, (m) => m === null, 5000), null, 'the memory was not cleared');
      assert.match(await waitUntil(count, (c) => /\b0\b/.test(c ?? ''), 5000), /\b0\b/);
      await popup.setInputFiles('#memory-file', file);
      const back = await waitUntil(storedMemory, (m) => m && m.profiles?.length === 2, 5000);
      assert.deepEqual(back?.profiles?.map((p) => p.key).sort(), data.profiles.map((p) => p.key).sort(), 'import did not restore the profiles');
      assert.match(await waitUntil(count, (c) => /\b2\b/.test(c ?? ''), 5000), /\b2\b/);
      // A file that is not an export is refused and changes nothing.
      await popup.setInputFiles('#memory-file', { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"profiles": "nope"}') });
      assert.notEqual(await waitUntil(() => popup.locator('#memory-error').textContent(), (e) => Boolean(e), 5000), '', 'a bad file was not refused');
      assert.equal((await storedMemory())?.profiles?.length, 2);
      // Hostile entries are dropped on import.
      await popup.setInputFiles('#memory-file', { name: 'y.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'hirecheck-memory', version: 1, profiles: [{ key: '<img src=x>', seen_at: 'now' }, { key: 'upwork:~x', seen_at: new Date().toISOString(), photo_hash: 'zz', links: 'nope' }] })) });
      const merged = await waitUntil(storedMemory, (m) => m && m.profiles?.length === 3, 5000);
      assert.equal(merged?.profiles?.length, 3, 'the one valid imported entry was not merged');
      assert.equal(merged.profiles.find((p) => p.key === 'upwork:~x').photo_hash, null);

      // The saved report: text and JSON, generated in the popup.
      const version = env.manifest.version;
      const [txt] = await Promise.all([popup.waitForEvent('download'), popup.click('#report-save-text')]);
      assert.match(txt.suggestedFilename(), /^hirecheck-report-.*\.txt$/);
      const text = fs.readFileSync(await txt.path(), 'utf8');
      assert.ok(text.startsWith(`HireCheck ${version}`), text.slice(0, 80));
      assert.match(text, /Generated on this device; nothing was sent\./);
      assert.ok(text.includes('reused-link') && text.includes('Lukas M.'), 'the text report lacks the reuse finding and its evidence');
      assert.ok(/\[(Not checked|Nicht geprüft|[^\]]+)\] /.test(text), 'the text report lacks the checklist');
      const [js] = await Promise.all([popup.waitForEvent('download'), popup.click('#report-save-json')]);
      const report = JSON.parse(fs.readFileSync(await js.path(), 'utf8'));
      assert.equal(report.generator, `HireCheck ${version}`);
      assert.equal(report.level, 'high');
      assert.ok(report.findings.find((f) => f.rule === 'reused-link')?.evidence.some((e) => e.includes('Lukas M.')));
      assert.ok(report.findings.every((f) => f.why && f.verify && f.source), 'a finding without why, verify or source');
      assert.ok(report.checklist.length > 0);
      assert.ok(!Number.isNaN(Date.parse(report.generated_at)));
      t.diagnostic(`report: ${report.findings.length} findings, ${text.length} characters of text`);
    } finally {
      await popup.close();
      await setMemory(false);
      await env.sw.evaluate((k) => chrome.storage.local.remove(k), MEMORY_KEY).catch(() => {});
    }
  });

  it('makes no network request of its own', async (t) => {
    // Canaries prove that both observers see a request from a page and from the service worker.
    const plain = env.server.routes.find((r) => r.csp !== 'strict' && r.host === SITE_HOST);
    await env.navigate(page, plain.url);
    const pageStatus = await page.evaluate((u) => fetch(u).then((r) => r.status), CANARY);
    assert.equal(pageStatus, 404);
    await env.sw.evaluate((u) => fetch(u).then((r) => r.status), `https://${SITE_HOST}${SW_CANARY}`);
    await new Promise((r) => setTimeout(r, 500));
    const canaries = new Set([CANARY, SW_CANARY]);

    // (a) What reached the server. Every host name resolves to it, so any request from the
    // extension, whatever host it names, lands here.
    const log = env.server.log;
    const own = `chrome-extension://${env.extensionId}/`;
    for (const c of canaries) {
      assert.equal(log.filter((e) => e.path === c).length, 1, `the server did not see the canary ${c}`);
      assert.equal(env.requests.filter((r) => r.url === `https://${SITE_HOST}${c}`).length, 1, `Playwright did not see the canary ${c}`);
    }
    assert.ok(env.requests.some((r) => r.url === `https://${SITE_HOST}${SW_CANARY}` && r.from.startsWith('service worker')),
      'Playwright did not attribute the service worker canary to the service worker');

    const unexpected = [];
    const excused = [];
    const pageHits = new Map();
    const visitedHosts = new Set([...env.navigated.keys()].map((k) => k.slice(0, k.indexOf('/'))));
    for (const e of log) {
      if (e.scheme === 'https' && e.method === 'GET' && visitedHosts.has(e.host)) {
        const at = hostPath(e.host, e.path);
        if (e.host === SITE_HOST && canaries.has(e.path)) continue;
        if (e.path === '/favicon.ico') continue; // Chromium asks for it on its own for each new origin
        if (env.navigated.has(at)) { pageHits.set(at, (pageHits.get(at) ?? 0) + 1); continue; }
      }
      const why = chromiumOwnRequest(e, env.extensionId);
      if (why) { excused.push(`${why}: ${e.method} ${e.host}${e.path}`); continue; }
      unexpected.push(`${e.scheme} ${e.method} ${e.host}${e.url}`);
    }
    const problems = [];
    for (const [p, n] of env.navigated) {
      if ((pageHits.get(p) ?? 0) !== n) problems.push(`${p} was loaded ${n} times by the tests but requested ${pageHits.get(p) ?? 0} times`);
    }
    for (const o of env.server.other) problems.push(`server: a connection that was neither HTTP nor TLS: ${o.code} ${o.message}`);
    for (const u of unexpected) problems.push(`server: a request the tests did not make: ${u}`);
    const favicons = log.filter((e) => e.path === '/favicon.ico').length;
    t.diagnostic(`server: ${log.length} requests: ${[...pageHits.values()].reduce((a, b) => a + b, 0)} page loads, ${favicons} favicon, 2 canaries, ${excused.length} from Chromium itself`);
    if (excused.length) t.diagnostic(`Chromium's own (browser process, not the extension): ${[...new Set(excused)].join('; ')}`);

    // (b) What Playwright saw from every page, popup and service worker of the profile.
    for (const r of env.requests) {
      if (r.url.startsWith(own) || r.url.startsWith('data:') || r.url.startsWith('blob:')) continue;
      const u = new URL(r.url);
      if (u.protocol === 'https:' && (env.navigated.has(hostPath(u.hostname, u.pathname)) || (visitedHosts.has(u.hostname) && u.pathname === '/favicon.ico')
        || (u.hostname === SITE_HOST && u.pathname === CANARY))) continue;
      if (r.url === `https://${SITE_HOST}${SW_CANARY}` && r.from.startsWith('service worker')) continue;
      problems.push(`browser: ${r.method} ${r.url} (${r.resourceType}, from ${r.from})`);
    }
    assert.deepEqual(problems, [], 'requests that neither the tests nor Chromium itself made');
    const fromSw = env.requests.filter((r) => r.from.startsWith('service worker') && !r.url.endsWith(SW_CANARY));
    t.diagnostic(`Playwright: ${env.requests.length} requests, ${env.requests.filter((r) => r.url.startsWith(own)).length} to the extension's own files, ${fromSw.length} from the service worker`);
  });
});
