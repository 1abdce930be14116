// Safe mode in Chromium: a page whose Content-Security-Policy lacks 'wasm-unsafe-eval' keeps the wasm
// out of the content script; the extension then checks a copy of the page's HTML in its offscreen
// document (extension/fallback/*) and draws the verdict with the safe-mode badge. These tests load the
// strict-CSP demo routes (www/routes.json, "csp": "strict") and compare each with the same page served
// without a CSP: same level, score and findings, drawn by the safe-mode badge, text only, on the
// toolbar too, after in-page navigation too, and without a network request of the extension's own.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DIST, HOSTILE, ROOT, SPA_MOUNTS, chromiumOwnRequest, contentScriptRunsOn, expandBadge, hostPath, loadAndRead, median, readBadge,
  readJson, routeHtml, spaMount, spaNavigate, startBrowser, tabIdOf, waitForBadge, withHostileText,
} from './harness.mjs';
import { loadRoutes } from './server.mjs';

const LOG_FILE = path.join(ROOT, 'dist', 'e2e', 'fallback.log');
const LOADS = Number(process.env.HIRECHECK_E2E_LOADS ?? 5);
const HOSTILE_SUFFIX = 'e2ecsphostile';
const LARGE_SUFFIX = 'e2ecsplarge';
const BIG_SUFFIX = 'e2ecspbig'; // a page of a real profile's size (a few MB of markup), for the figures
const BIG_BYTES = 3 * 1024 * 1024;
const BIG_WAIT_MS = 4000;
// More than the safe mode's cap (extension/fallback/protocol.js: 15 MiB of HTML).
const LARGE_PADDING = 16 * 1024 * 1024;
const ELEMENTS_THAT_RUN_OR_LOAD = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'link', 'meta', 'base', 'form', 'video', 'audio', 'source']);

let env;
let page;
let cdp;
let strict = []; // [{ route, twin }]: each strict-CSP profile route and a route serving the same page without CSP

const MEMORY_OFF_KEY = 'memory:off';

/** Everything in the shadow root is drawn by the extension: nothing that runs or loads, no handler. */
function assertInert(badge, where) {
  for (const el of badge.elements) {
    assert.ok(!ELEMENTS_THAT_RUN_OR_LOAD.has(el.name), `${where}: <${el.name}> inside the badge`);
    for (const a of Object.keys(el.attrs)) assert.ok(!/^on/i.test(a), `${where}: inline handler ${a} on <${el.name}> inside the badge`);
  }
}

function describeBadge(b) {
  return b ? `level=${b.level} score=${b.score} mode=${b.elements?.[0] ? modeOf(b) : '?'} rules=[${b.rules.join(', ')}] summary=${JSON.stringify(b.summary)}` : 'no badge';
}

function modeOf(badge) {
  // The badge of a check by the wasm in the page has no data-mode (safe mode's says "safe"); the grey
  // badge (content/grey-badge.js) is neither.
  return badge.elements.find((e) => e.attrs['data-hc'] === 'badge')?.attrs['data-mode'] ?? (badge.level === 'error' ? 'grey' : 'wasm');
}

async function badgeOf(where) {
  const r = await loadAndRead(env, page, where, cdp);
  if (!r.badge) assert.fail(`no badge on ${where}.\n  browser log:\n  ${env.logLines.slice(-15).join('\n  ')}`);
  assert.equal(r.badge.count, 1, `${where}: ${r.badge.count} badges in the document`);
  return r;
}

/** Whether the page's CSP is in force: an inline script added to the page does not run. */
function inlineScriptsBlocked() {
  return page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__hirecheckE2eInline = true;';
    document.head.append(s);
    s.remove();
    return window.__hirecheckE2eInline !== true;
  });
}

before(async () => {
  const manifest = readJson(path.join(DIST, 'manifest.json'));
  const routes = loadRoutes(path.join(ROOT, 'www')).filter((r) => contentScriptRunsOn(manifest, r.url));
  const base = routes.find((r) => r.csp === 'strict');
  const pad = (html) => html.replace('</body>', `<div hidden>${'<p class="e2e-pad">Lorem ipsum dolor sit amet.</p>'.repeat(Math.ceil(BIG_BYTES / 50))}</div></body>`);
  const baseTwin = base && routes.find((r) => r.csp !== 'strict' && r.file === base.file && r.utcOffsetMinutes === base.utcOffsetMinutes);
  const extraRoutes = base ? [
    { key: base.key + HOSTILE_SUFFIX, from: base.key, transform: withHostileText },
    // A page too large for the safe mode: the real page, then a long comment.
    { key: base.key + LARGE_SUFFIX, from: base.key, transform: (html) => html.replace('</body>', `<!--${'x'.repeat(LARGE_PADDING)}--></body>`) },
    // ... and one with BIG_BYTES of plain elements after the profile (parsed, serialized and copied like the rest).
    { key: base.key + BIG_SUFFIX, from: base.key, transform: pad },
    ...(baseTwin ? [{ key: baseTwin.key + BIG_SUFFIX, from: baseTwin.key, transform: pad }] : []),
  ] : [];
  env = await startBrowser({ logFile: LOG_FILE, extraRoutes });
  page = env.context.pages()[0] ?? await env.context.newPage();
  cdp = await env.context.newCDPSession(page);
  // The memory across profiles would link a strict-CSP route with its twin (same photo, bio, links).
  await env.sw.evaluate((k) => chrome.storage.local.set({ [k]: true }), MEMORY_OFF_KEY);
  for (const route of env.server.routes.filter((r) => r.csp === 'strict' && !r.derivedFrom && contentScriptRunsOn(env.manifest, r.url))) {
    const twin = env.server.routes.find((r) => r.csp !== 'strict' && !r.derivedFrom && r.file === route.file
      && r.utcOffsetMinutes === route.utcOffsetMinutes && r.host === route.host);
    strict.push({ route, twin });
  }
});

after(async () => {
  if (env) await env.close();
});

describe('safe mode: pages whose CSP blocks WebAssembly', () => {
  it('the demo has a strict-CSP profile with a twin served without CSP', (t) => {
    assert.ok(strict.length > 0, 'no route with "csp": "strict" in www/routes.json');
    for (const { route, twin } of strict) assert.ok(twin, `${route.key}: no route serves ${route.file} without the strict CSP`);
    t.diagnostic(strict.map(({ route, twin }) => `${route.key} ~ ${twin.key}`).join('; '));
  });

  it('gets the same verdict as the same page without CSP, from the safe-mode badge', async (t) => {
    for (const { route, twin } of strict) {
      const { badge: plain } = await badgeOf(twin.url);
      assert.equal(modeOf(plain), 'wasm', `${twin.key}: without CSP the wasm draws the badge`);
      const { badge } = await badgeOf(route.url);
      assert.ok(await inlineScriptsBlocked(), `${route.key}: the strict CSP is not in force`);
      t.diagnostic(`${twin.key}: ${describeBadge(plain)}`);
      t.diagnostic(`${route.key}: ${describeBadge(badge)}`);
      assert.equal(modeOf(badge), 'safe', `${route.key}: not the safe-mode badge`);
      assert.notEqual(badge.level, 'error', `${route.key}: the grey badge, not a verdict`);
      assert.equal(badge.shadowRootType, 'closed');
      assert.equal(badge.level, plain.level, 'level');
      assert.equal(badge.score, plain.score, 'score');
      assert.deepEqual(badge.rules, plain.rules, 'findings');
      assert.equal(badge.summary, plain.summary, 'summary');
      assertInert(badge, route.key);
      // The content script really is without its wasm here (the page's CSP stopped it).
      assert.ok(env.logLines.some((l) => l.includes('checking it in the extension (safe mode)')), 'the content script did not say it fell back');
    }
  });

  it('the safe-mode badge explains each finding, opens and closes by keyboard, and says it ran in safe mode', async (t) => {
    const { route } = strict[0];
    const { badge } = await badgeOf(route.url);
    assert.ok(badge.rules.length > 0, 'the strict-CSP demo page should have findings');
    const tabId = await tabIdOf(env, page);
    const record = await env.sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k]), `tab:${tabId}`);
    const panelOf = (b) => b.elements.find((e) => e.attrs.id === 'hc-panel');
    assert.ok(panelOf(badge) && 'hidden' in panelOf(badge).attrs, 'the panel starts closed');

    await expandBadge(page, cdp, badge); // a click on the button: it has the focus now
    let open = await readBadge(cdp);
    assert.ok(!('hidden' in panelOf(open).attrs), 'a click does not open the panel');
    assert.equal(open.elements.find((e) => e.name === 'button').attrs['aria-expanded'], 'true');
    for (const f of record.findings) {
      for (const s of [f.title, ...f.evidence, f.why, f.source, f.verify].filter(Boolean)) {
        assert.ok(open.text.includes(s.replace(/\s+/g, ' ').trim()), `finding ${f.rule}: ${JSON.stringify(s)} is not in the badge`);
      }
    }
    assert.ok(open.elements.some((e) => e.attrs['data-hc'] === 'safe-mode'), 'no safe-mode note');
    assert.match(open.text, /safe mode/i);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
    assert.ok('hidden' in panelOf(await readBadge(cdp)).attrs, 'Esc does not close the panel');
    await page.keyboard.press('Enter'); // Esc left the focus on the button
    await page.waitForTimeout(100);
    open = await readBadge(cdp);
    assert.ok(!('hidden' in panelOf(open).attrs), 'Enter on the button does not open the panel');
    await page.keyboard.press('Space');
    await page.waitForTimeout(100);
    assert.ok('hidden' in panelOf(await readBadge(cdp)).attrs, 'Space on the button does not close the panel');
    t.diagnostic(`${record.findings.length} findings with their evidence, why, source and verification step`);
  });

  it('the toolbar shows the same level as without CSP', async (t) => {
    for (const { route, twin } of strict) {
      const toolbar = async (where) => {
        const { badge } = await badgeOf(where);
        const tabId = await tabIdOf(env, page);
        // The badge is drawn before its report reaches the worker, which stores it, then sets the
        // toolbar's text (every level has one): wait for both rather than read them at once.
        const read = async () => ({
          record: await env.sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k]), `tab:${tabId}`),
          text: await env.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
        });
        let got = await read();
        for (const until = Date.now() + 5000; !(got.record?.level === badge.level && got.text) && Date.now() < until;) {
          await new Promise((r) => setTimeout(r, 100));
          got = await read();
        }
        return { badge, ...got };
      };
      const plain = await toolbar(twin.url);
      const safe = await toolbar(route.url);
      t.diagnostic(`${route.key}: toolbar ${JSON.stringify(safe.text)} (${safe.record?.level}); without CSP ${JSON.stringify(plain.text)}`);
      assert.equal(safe.record?.level, safe.badge.level, 'the stored verdict is not the page badge\'s');
      assert.equal(safe.record.level, plain.record.level);
      assert.equal(safe.record.score, plain.record.score);
      assert.equal(safe.text, plain.text);
      assert.notEqual(safe.text, '');
    }
  });

  it('page text that looks like markup stays text', async (t) => {
    const route = env.server.routes.find((r) => r.key.endsWith(HOSTILE_SUFFIX));
    assert.ok(route, 'no hostile variant');
    const { badge } = await badgeOf(route.url);
    t.diagnostic(describeBadge(badge));
    assert.equal(modeOf(badge), 'safe');
    assert.ok(['low', 'elevated', 'high', 'unknown'].includes(badge.level), `level ${badge.level}`);
    await expandBadge(page, cdp, badge);
    const open = await readBadge(cdp);
    assertInert(open, route.key);
    assert.equal(open.elements.filter((e) => e.attrs['data-hc'] === 'badge').length, 1, 'markup from the page made a second badge element');
    assert.ok(open.text.includes('<img src=x'), 'the markup-like text did not reach the badge (as text)');
    assert.ok(open.text.includes(HOSTILE.slice(0, 20)));
    assert.notEqual(await page.title(), 'pwned', 'markup from the page text ran');
    assert.deepEqual(env.logLines.filter((l) => l.startsWith('DIALOG')), [], 'markup from the page text opened a dialog');
  });

  it('re-checks after in-page navigation, in safe mode', async (t) => {
    const { route } = strict[0];
    // Another profile on the same site, without findings when served without CSP.
    const other = env.server.routes.find((r) => r.host === route.host && r.csp !== 'strict' && !r.derivedFrom
      && r.file !== route.file && contentScriptRunsOn(env.manifest, r.url) && /clean/.test(r.file));
    assert.ok(other, 'no clean profile on the same site');
    const { badge: want } = await badgeOf(other.url);
    const { badge: first } = await badgeOf(route.url);
    assert.equal(modeOf(first), 'safe');
    await spaMount(page, SPA_MOUNTS[route.host] ?? null);
    const url = new URL(`${other.path}x`, route.url).href; // a new address on the CSP'd origin
    await spaNavigate(page, { html: routeHtml(other), url });
    const after = await waitUntilBadge((b) => b.level === want.level && b.rules.join() === want.rules.join());
    t.diagnostic(`after pushState to ${url}: ${describeBadge(after)} (without CSP: ${describeBadge(want)})`);
    assert.equal(after.count, 1);
    assert.equal(modeOf(after), 'safe');
    assert.equal(after.level, want.level);
    assert.deepEqual(after.rules, want.rules);
    // ... and back: the first profile's verdict again.
    await spaNavigate(page, { html: routeHtml(route), url: route.url, how: 'back' });
    const back = await waitUntilBadge((b) => b.level === first.level && b.rules.join() === first.rules.join());
    assert.equal(back.level, first.level);
    assert.deepEqual(back.rules, first.rules);
    t.diagnostic(`back to ${route.url}: ${describeBadge(back)}`);
  });

  it('a page too large for safe mode gets the grey badge that says so', async (t) => {
    const route = env.server.routes.find((r) => r.key.endsWith(LARGE_SUFFIX));
    const { badge } = await badgeOf(route.url);
    t.diagnostic(describeBadge(badge));
    assert.equal(badge.level, 'error');
    assert.match(badge.summary ?? badge.text, /too large/i);
    const tabId = await tabIdOf(env, page);
    const text = await env.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    assert.notEqual(text, '', 'the toolbar says nothing');
  });

  it('figures: time to the badge with and without CSP', async (t) => {
    const { route, twin } = strict[0];
    const times = async (where) => {
      const out = [];
      for (let i = 0; i < LOADS; i++) {
        const { badge, ms } = await loadAndRead(env, page, where, cdp);
        assert.ok(badge && ms !== null, `no timed badge on ${where}`);
        out.push(ms);
      }
      return out;
    };
    const offscreenDocs = () => env.sw.evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length));
    const plain = await times(twin.url);
    // Cold: the offscreen document (and its wasm) is created for this check.
    await env.sw.evaluate(() => chrome.offscreen.closeDocument().catch(() => {}));
    assert.equal(await offscreenDocs(), 0);
    const { ms: cold } = await loadAndRead(env, page, route.url, cdp);
    assert.ok(cold !== null, 'no timed badge');
    const safe = await times(route.url);
    // On the big pages, reading the badge through DevTools every 50 ms (a snapshot of 60,000 elements
    // each time) would hold up the page's main thread: wait, then read once.
    const bigRoute = (csp) => env.server.routes.find((r) => r.key.endsWith(BIG_SUFFIX) && (r.csp === 'strict') === csp);
    const timeQuietly = async (where) => {
      const out = [];
      for (let i = 0; i < 2; i++) {
        await env.navigate(page, where);
        await page.waitForTimeout(BIG_WAIT_MS);
        const badge = await waitForBadge(cdp);
        const domReady = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
        assert.ok(badge?.drawnAt != null, `no timed badge on ${where}`);
        assert.ok(badge.drawnAt - domReady < BIG_WAIT_MS, `${where}: the badge came after the wait (${badge.drawnAt - domReady} ms)`);
        out.push(badge.drawnAt - domReady);
      }
      return out;
    };
    const big = await timeQuietly(bigRoute(true).url);
    const bigPlain = await timeQuietly(bigRoute(false).url);
    const contexts = await offscreenDocs();
    t.diagnostic(`page ready -> badge, median of ${LOADS}: wasm in the page ${median(plain).toFixed(0)} ms; safe mode (strict CSP) ${median(safe).toFixed(0)} ms [${safe.map((x) => x.toFixed(0)).join(', ')}], ${cold.toFixed(0)} ms when it first creates the offscreen document; with ${(BIG_BYTES / 1048576).toFixed(0)} MB more markup (60,000 elements): wasm in the page ${median(bigPlain).toFixed(0)} ms, safe mode ${median(big).toFixed(0)} ms; offscreen documents open: ${contexts}`);
    assert.equal(contexts, 1, 'one offscreen document');
    assert.ok(median(safe) < 5000 && cold < 10_000, `safe mode takes ${median(safe)} ms (cold ${cold} ms)`);
  });

  it('makes no network request of its own', async (t) => {
    const own = `chrome-extension://${env.extensionId}/`;
    const problems = [];
    for (const r of env.requests) {
      if (r.url.startsWith(own) || r.url.startsWith('data:') || r.url.startsWith('blob:')) continue;
      const u = new URL(r.url);
      if (u.protocol === 'https:' && (env.navigated.has(hostPath(u.hostname, u.pathname)) || u.pathname === '/favicon.ico')) continue;
      problems.push(`${r.method} ${r.url} (${r.resourceType}, from ${r.from})`);
    }
    for (const e of env.server.log) {
      if (e.method === 'GET' && (env.navigated.has(hostPath(e.host, e.path)) || e.path === '/favicon.ico')) continue;
      if (chromiumOwnRequest(e, env.extensionId)) continue; // the browser process's own services
      problems.push(`server: ${e.method} ${e.host}${e.url}`);
    }
    // The server's pages under test are those the tests navigated to, and in-page navigation loads nothing.
    assert.deepEqual(problems, [], 'requests that the tests did not make');
    const fromOffscreen = env.requests.filter((r) => r.from.includes('offscreen.html'));
    t.diagnostic(`${env.requests.length} requests seen; from the offscreen document: ${fromOffscreen.map((r) => r.url.replace(own, '')).join(', ') || 'none'}`);
  });
});

async function waitUntilBadge(ok, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const b = await readBadge(cdp).catch(() => null);
    if ((b && b.level && ok(b)) || Date.now() > until) return b ?? await waitForBadge(cdp, 100);
    await new Promise((r) => setTimeout(r, 100));
  }
}
