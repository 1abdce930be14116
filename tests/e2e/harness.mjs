// Shared by the e2e tests, the demo and the benchmark: Debian's Chromium with the built extension,
// the HTTPS server for the demo pages, reading the badge out of its closed shadow root, and a
// record of every request the browser made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { recordRequests } from './recorder.mjs';
import { ROOT, SITE_HOST, hostPath, routeHtml, startServer } from './server.mjs';

// Lets Playwright report the requests of service workers too (the extension's background worker).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
const { chromium } = await import('playwright-core');

export { ROOT, SITE_HOST, hostPath, routeHtml };
export const DIST = path.resolve(process.env.HIRECHECK_DIST ?? path.join(ROOT, 'dist', 'chromium'));
export const WWW = path.resolve(process.env.HIRECHECK_WWW ?? path.join(ROOT, 'www'));
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const BADGE_TIMEOUT_MS = Number(process.env.HIRECHECK_BADGE_TIMEOUT_MS ?? 15_000);
export const LEVELS = ['low', 'elevated', 'high', 'unknown', 'error'];
// Every request of every browser that startBrowser() starts, in any test file, one JSON object a line
// (tests/e2e/recorder.mjs); scripts/e2e.sh empties it first and tests/e2e/network.test.mjs checks it last.
export const REQUEST_LOG = path.resolve(process.env.HIRECHECK_REQUEST_LOG ?? path.join(ROOT, 'dist', 'e2e', 'requests.jsonl'));

export function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// The texts the extension shows: its UI strings per language (the locales' messages.json) and the rules'
// title, why, verify and sources (src/texts/texts.json).
export const readMessages = () => Object.fromEntries(['en', 'de'].map((l) => [l, readJson(path.join(ROOT, 'extension', '_locales', l, 'messages.json'))]));
export const readTexts = () => readJson(path.join(ROOT, 'src', 'texts', 'texts.json'));
export const readSentences = () => readJson(path.join(ROOT, 'src', 'texts', 'sentences.json'));

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Starts the server and Chromium with the extension loaded from `dist`.
 * Returns { server, context, sw, extensionId, manifest, requests, navigated, navigate, close }.
 * `requests` collects every request Playwright sees in any page or service worker of the profile.
 */
export async function startBrowser({ dist = DIST, www = WWW, headless = true, logFile = null, extraRoutes = [], extraArgs = [], requestLog = REQUEST_LOG } = {}) {
  if (!fs.existsSync(path.join(dist, 'manifest.json'))) throw new Error(`no extension in ${dist}: run 'make build' first`);
  const server = await startServer({ wwwDir: www, extraRoutes });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-quic',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    `--host-resolver-rules=MAP * 127.0.0.1:${server.port}`,
    '--ignore-certificate-errors',
    ...extraArgs,
    // HIRECHECK_CHROMIUM_LOG=/some/prefix: Chromium's own log (renderer crashes, CHECK failures), a file per browser.
    ...(process.env.HIRECHECK_CHROMIUM_LOG ? ['--enable-logging', `--log-file=${process.env.HIRECHECK_CHROMIUM_LOG}-${Date.now()}.log`, '--v=0'] : []),
  ];
  if (headless) args.unshift('--headless=new');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: false, // headless is --headless=new above: the old headless mode cannot load extensions
      args,
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 900 },
    });
  } catch (e) {
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw e;
  }

  // As early as possible, so that a service worker's first requests are seen too. requestLog: null turns
  // the suite-wide record off (the benchmark: it would time the recorder as well).
  const recorder = requestLog ? await recordRequests({ context, server, dist, logFile: requestLog }) : null;

  const logLines = [];
  const note = (line) => {
    logLines.push(line);
    if (logFile) fs.appendFileSync(logFile, line + '\n');
  };
  if (logFile) fs.mkdirSync(path.dirname(logFile), { recursive: true });
  if (logFile) fs.writeFileSync(logFile, '');

  const requests = [];
  context.on('request', (r) => {
    const sw = r.serviceWorker();
    const frame = sw ? null : r.frame();
    requests.push({
      url: r.url(),
      method: r.method(),
      resourceType: r.resourceType(),
      from: sw ? `service worker ${sw.url()}` : `page ${safe(() => frame.url())}`,
    });
  });
  const watchPage = (p) => {
    p.on('console', (m) => note(`console.${m.type()} [${safe(() => p.url())}] ${m.text()}`));
    p.on('pageerror', (e) => note(`pageerror [${safe(() => p.url())}] ${e.message}`));
    p.on('dialog', (d) => { note(`DIALOG [${safe(() => p.url())}] ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  let [sw] = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) {
    sw = await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 15_000,
    }).catch(() => null);
  }
  const manifest = readJson(path.join(dist, 'manifest.json'));
  if (!sw && manifest.background?.service_worker) {
    recorder?.setExtension(null);
    await context.close().catch(() => {});
    await recorder?.stop();
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
    throw new Error('the extension did not start its service worker: is dist/chromium a valid extension?');
  }
  const extensionId = sw ? new URL(sw.url()).host : null;
  recorder?.setExtension(extensionId);
  // DevTools listens on the first page and the service worker before any test navigates.
  await recorder?.listening();
  if (sw) {
    try { sw.on('console', (m) => note(`sw console.${m.type()} ${m.text()}`)); } catch { /* older Playwright */ }
  }

  const navigated = new Map(); // host + path ("www.upwork.com/freelancers/~01…") -> how many times the tests loaded it
  // `where`: a route key (a bare path on www.upwork.com, or a full URL), or any address.
  async function navigate(page, where) {
    const u = new URL(where, server.origin);
    const at = hostPath(u.hostname, u.pathname);
    navigated.set(at, (navigated.get(at) ?? 0) + 1);
    await page.goto(u.href, { waitUntil: 'domcontentloaded' });
  }

  async function close() {
    await context.close().catch(() => {});
    await recorder?.stop(); // after the browser, so that the server's log is complete
    await server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }

  return { server, context, sw, extensionId, manifest, requests, navigated, navigate, close, logLines, note };
}

function safe(f) {
  try { return f(); } catch { return '?'; }
}

// ---- reading the badge ------------------------------------------------------------------------------

function attrs(node) {
  const out = {};
  const a = node.attributes ?? [];
  for (let i = 0; i + 1 < a.length; i += 2) out[a[i]] = a[i + 1];
  return out;
}

function kids(node) {
  return [...(node.shadowRoots ?? []), ...(node.children ?? []), ...(node.contentDocument ? [node.contentDocument] : [])];
}

function walk(node, visit, parent = null) {
  if (visit(node, parent) === false) return false;
  for (const k of kids(node)) if (walk(k, visit, node) === false) return false;
  return true;
}

/** Concatenated text of a CDP DOM subtree. */
function textOf(node) {
  let s = '';
  walk(node, (n) => { if (n.nodeType === 3) s += n.nodeValue; });
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Finds the badge through the DevTools protocol, which sees closed shadow roots.
 * Returns null or { level, score, drawnAt, rules, summary, text, host, shadowRootType, elements, badgeNode,
 * count }, where `count` is how many badges (data-hc="badge" elements) the whole document holds.
 */
export async function readBadge(cdp) {
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  let found = null;
  let count = 0;
  // host element -> its shadow root: remember parents to name the host of the badge's root.
  const parentOf = new Map();
  walk(root, (n, parent) => {
    parentOf.set(n.backendNodeId, parent);
    if (n.nodeType === 1 && attrs(n)['data-hc'] === 'badge') {
      count += 1;
      found ??= n;
    }
    return true;
  });
  if (!found) return null;
  let shadowRoot = null;
  for (let p = parentOf.get(found.backendNodeId); p; p = parentOf.get(p.backendNodeId)) {
    if (p.nodeType === 11 && p.shadowRootType) { shadowRoot = p; break; }
  }
  const host = shadowRoot ? parentOf.get(shadowRoot.backendNodeId) : null;
  const a = attrs(found);
  const rules = [];
  let summary = null;
  const elements = []; // every element in the shadow root: { name, attrs }
  walk(shadowRoot ?? found, (n) => {
    if (n.nodeType !== 1) return;
    const na = attrs(n);
    elements.push({ name: n.nodeName.toLowerCase(), attrs: na, backendNodeId: n.backendNodeId });
    if (na['data-hc'] === 'finding') rules.push(na['data-rule']);
    if (na['data-hc'] === 'summary' && summary === null) summary = textOf(n);
  });
  return {
    level: a['data-level'] ?? null,
    score: a['data-score'] ?? null,
    drawnAt: a['data-drawn-at'] !== undefined ? Number(a['data-drawn-at']) : null,
    rules,
    summary,
    text: textOf(found),
    shadowRootType: shadowRoot?.shadowRootType ?? null,
    host: host ? { backendNodeId: host.backendNodeId, name: host.nodeName.toLowerCase(), attrs: attrs(host) } : null,
    badgeNode: { backendNodeId: found.backendNodeId },
    elements,
    count,
  };
}

/** Polls until the badge is drawn with a level (or the timeout passes; then returns null). */
export async function waitForBadge(cdp, timeoutMs = BADGE_TIMEOUT_MS) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const b = await readBadge(cdp).catch(() => null);
    // The grey fallback (level "error") may come without a time stamp; every other badge has one.
    if (b && b.level && (b.drawnAt !== null || b.level === 'error')) return b;
    if (Date.now() > until) return b;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Loads a path in `page` and waits for the badge. Returns { badge, domReady, ms } (ms: page-ready -> drawn). */
export async function loadAndRead(env, page, urlPath, cdp) {
  await env.navigate(page, urlPath);
  const badge = await waitForBadge(cdp);
  const domReady = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null);
  const ms = badge?.drawnAt != null && domReady != null ? badge.drawnAt - domReady : null;
  return { badge, domReady, ms };
}

/**
 * Opens the badge's details the way a person would: clicks its toggle (data-hc="toggle", else the
 * first button in the shadow root, else the badge itself) at the centre of its box.
 */
export async function expandBadge(page, cdp, badge) {
  const target = badge.elements.find((e) => e.attrs['data-hc'] === 'toggle')
    ?? badge.elements.find((e) => e.name === 'button')
    ?? badge.badgeNode;
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: target.backendNodeId });
  const q = model.border;
  const x = (q[0] + q[2] + q[4] + q[6]) / 4;
  const y = (q[1] + q[3] + q[5] + q[7]) / 4;
  await page.mouse.click(x, y);
  await page.waitForTimeout(400);
}

/** Whether the badge node is laid out (has a box). */
export async function isRendered(cdp, badge) {
  try {
    const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: badge.badgeNode.backendNodeId });
    return model.width > 0 && model.height > 0;
  } catch {
    return false;
  }
}

/** Loads `url` in `page` until its load event has ended; returns the navigation timing in ms (benchmarks). */
export async function timedLoad(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  for (let i = 0; i < 100; i++) {
    const t = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n && n.loadEventEnd > 0 ? { load: n.loadEventEnd, dcl: n.domContentLoadedEventEnd } : null;
    });
    if (t) return t;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no load event end on ${url}`);
}

/** Loads `urlPath` `n` times; returns page-ready (DOMContentLoaded end) -> badge drawn times in ms. */
export async function measureBadgeTimes(env, page, cdp, urlPath, n) {
  const times = [];
  for (let i = 0; i < n; i++) {
    const { badge, ms } = await loadAndRead(env, page, urlPath, cdp);
    if (!badge || ms === null) throw new Error(`no badge with data-drawn-at on ${urlPath}`);
    times.push(ms);
  }
  return times;
}

/** The chrome.tabs id of `page`, asked of the extension's service worker. */
export async function tabIdOf(env, page) {
  await page.bringToFront();
  const tabs = await env.sw.evaluate(() => chrome.tabs.query({}));
  const byUrl = tabs.filter((t) => t.url === page.url());
  if (byUrl.length === 1) return byUrl[0].id;
  // Without the "tabs" permission the extension does not see URLs: the front tab is ours.
  const active = tabs.filter((t) => t.active);
  if (active.length === 1) return active[0].id;
  throw new Error(`cannot tell which tab is ${page.url()}: ${JSON.stringify(tabs.map((t) => ({ id: t.id, active: t.active })))}`);
}

/**
 * Chromium's own background services that still call out with --disable-background-networking
 * (seen with Debian's Chromium 156). They come from the browser process, not from any page or
 * worker, so Playwright never reports them; each is matched narrowly, and an update check that
 * names the extension under test is not excused.
 */
export function chromiumOwnRequest(entry, extensionId) {
  const h = entry.headers ?? {};
  if (entry.method === 'POST' && entry.host === 'update.googleapis.com' && entry.path === '/service/update2/json') {
    // The component updater (e.g. "Optimization Guide On Device Models Manifest").
    return !String(h['x-goog-update-appid'] ?? '').includes(extensionId) && !entry.body.includes(extensionId)
      ? 'component updater' : null;
  }
  if (entry.method === 'POST' && entry.host === 'accounts.google.com' && entry.path === '/ListAccounts'
    && /[?&]source=ChromiumBrowser(&|$)/.test(entry.url)) return 'Google account cookie check';
  if (entry.method === 'GET' && entry.host === 'clients2.google.com' && entry.path === '/time/1/current') return 'network time';
  return null;
}

/** Whether `url` matches a WebExtension match pattern ("https://www.upwork.com/freelancers/*"). */
export function matchesPattern(pattern, url) {
  const u = new URL(url);
  if (pattern === '<all_urls>') return ['http:', 'https:', 'file:', 'ftp:'].includes(u.protocol);
  const m = /^(\*|https?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  const [, scheme, host = '', p] = m;
  if (scheme === '*' ? !['http:', 'https:'].includes(u.protocol) : u.protocol !== `${scheme}:`) return false;
  if (host !== '*' && !(host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host)) return false;
  const glob = new RegExp(`^${p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return glob.test(u.pathname + u.search);
}

/** Whether the manifest's content scripts run on `url`. */
export function contentScriptRunsOn(manifest, url) {
  return (manifest.content_scripts ?? []).some((cs) =>
    (cs.matches ?? []).some((p) => matchesPattern(p, url)) && !(cs.exclude_matches ?? []).some((p) => matchesPattern(p, url)));
}

/** Markup that runs if it ever becomes elements: sets the title and opens a dialog. */
export const HOSTILE = `<img src=x onerror="document.title='pwned';alert(1)"><script>document.title='pwned'</script><b data-hc="badge" data-level="low">`;

/**
 * A page's words with HOSTILE appended as TEXT (escaped) to every text run without digits (names,
 * titles, feedback, ...) of the body, outside <script> and <style>. Numbers stay as they were, so the page still
 * reads as a profile and its text reaches the badge as evidence.
 */
export function withHostileText(html) {
  const esc = HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const at = html.search(/<body[\s>]/i); // the <head> (title, meta) stays as it is: the site is still recognised
  const head = at < 0 ? '' : html.slice(0, at);
  const body = at < 0 ? html : html.slice(at);
  return head + body.split(/(<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>)/i).map((part, i) => (i % 2 ? part
    : part.replace(/>([^<>]*[A-Za-z][^<>]*)</g, (m, t) => (/\d/.test(t) || !t.trim() ? m : `>${t} ${esc}<`)))).join('');
}

// ---- single-page navigation --------------------------------------------------------------------------

// What a single-page app swaps in the head when it shows another page (vue-meta, Angular's Meta, next/head).
const SPA_HEAD = 'title, meta[name], meta[property], link[rel=canonical], script[type="application/ld+json"], style';

// The element a site's framework mounts its app on: Nuxt 2 (Upwork) `<div id="__nuxt">`, Angular
// (Freelancer.com) `<app-root>`; elsewhere an anonymous `<div>`, which leaves the content script
// watching the whole body.
export const SPA_MOUNTS = { 'www.upwork.com': '#__nuxt', 'www.freelancer.com': 'app-root' };

/**
 * Makes the loaded page look like a mounted single-page app: its body's content (scripts aside) moves
 * into the mount point (`mount`: "#id", a tag name, or null for an anonymous div); the inline scripts
 * stay after it, as on the real sites.
 */
export async function spaMount(page, mount = null) {
  await page.evaluate((mount) => {
    if (document.querySelector('[data-e2e-spa-root]')) return;
    const root = document.createElement(mount && !mount.startsWith('#') ? mount : 'div');
    if (mount && mount.startsWith('#')) root.id = mount.slice(1);
    root.setAttribute('data-e2e-spa-root', '');
    root.append(...[...document.body.childNodes].filter((n) => n.nodeName !== 'SCRIPT'));
    document.body.prepend(root);
  }, mount);
}

/**
 * Does in `page`'s main world what the site's router does when the visitor opens another profile:
 * changes the address (history.pushState, replaceState, or back) and swaps the head's title, meta,
 * canonical link, JSON-LD and styles and the mount point's content for those of `html`. The page's
 * scripts stay as the first page had them (a real SPA never re-runs the server's inline store), and
 * `html`'s scripts are not inserted. Nothing is loaded.
 *   how: 'push' | 'replace' | 'back' (then `url` must be the previous entry's address)
 *   order: 'url-first' (the router changes the address, then renders in a later task) | 'dom-first' |
 *          'same-task' (address and content in one task: the DOM observer hears of it before the
 *          Navigation API's event is handled)
 *   lateMs: > 0 shows a loading skeleton first, and the profile that many ms later (late rendering)
 * Returns { start, end }: performance.now() in the page before the first change, and when it showed
 * the new profile at the new address.
 */
export async function spaNavigate(page, { html, url, how = 'push', order = 'url-first', lateMs = 0 }) {
  return page.evaluate(async ({ html, url, how, order, lateMs, headSel }) => {
    const start = performance.now();
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const root = document.querySelector('[data-e2e-spa-root]');
    if (!root) throw new Error('spaMount() first');
    const go = async () => {
      if (how === 'back') {
        const popped = new Promise((r) => addEventListener('popstate', r, { once: true }));
        history.back();
        await popped;
      } else if (how === 'replace') {
        history.replaceState(null, '', url);
      } else {
        history.pushState(null, '', url);
      }
      if (location.href !== url) throw new Error(`the address is ${location.href}, not ${url}`);
    };
    const render = () => {
      for (const el of document.head.querySelectorAll(headSel)) el.remove();
      document.head.append(...[...doc.head.querySelectorAll(headSel)].map((el) => document.importNode(el, true)));
      root.replaceChildren(...[...doc.body.childNodes].filter((n) => n.nodeName !== 'SCRIPT').map((n) => document.importNode(n, true)));
    };
    if (order === 'dom-first') {
      render();
      await sleep(60);
      await go();
    } else if (order === 'same-task' && how !== 'back') {
      if (how === 'replace') history.replaceState(null, '', url);
      else history.pushState(null, '', url);
      render();
    } else {
      await go();
      await sleep(0);
      if (lateMs > 0) {
        const skeleton = document.createElement('div');
        skeleton.setAttribute('aria-busy', 'true');
        skeleton.textContent = 'Loading…';
        root.replaceChildren(skeleton);
        await sleep(lateMs);
      }
      render();
    }
    return { start, end: performance.now() };
  }, { html, url, how, order, lateMs, headSel: SPA_HEAD });
}

/**
 * Another freelancer on the same page template: the route's page (its clock made live, as the server
 * would send it now) with the profile id in its address renamed to `${id}${suffix}` everywhere and the
 * first name of its og:title replaced by `firstName` everywhere. Returns { url, id, name, first, html }
 * (`first`: the first name now shown, or null when the page has no og:title).
 */
export function profileVariant(route, suffix, firstName) {
  let html = routeHtml(route);
  const id = route.path.split('/').filter(Boolean).pop();
  const newId = `${id}${suffix}`;
  html = html.split(id).join(newId);
  const ogTitle = /<meta[^>]*property="og:title"[^>]*content="([^"]*)"/.exec(html)?.[1] ?? null;
  let name = ogTitle;
  const first = ogTitle?.split(/\s+/)[0];
  if (first && firstName) {
    html = html.replace(new RegExp(`\\b${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'), firstName);
    name = ogTitle.replace(first, firstName);
  }
  const url = route.url.slice(0, route.url.length - id.length) + newId;
  return { url, id: newId, name, first: first && firstName ? firstName : first ?? null, html };
}

/**
 * The renderer's memory, each reading after two forced garbage collections: `heapUsed` (V8's used JS
 * heap of the tab's renderer: the page's world and the content script's isolated world share it, so it
 * holds both), `jsHeapUsed` (Performance.getMetrics), and the DOM counters (nodes, JS event listeners).
 */
export async function memoryOf(cdp) {
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Performance.enable').catch(() => {});
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
  return {
    heapUsed: usedSize,
    heapTotal: totalSize,
    jsHeapUsed: m.JSHeapUsedSize ?? null,
    nodes: dom?.nodes ?? null,
    listeners: dom?.jsEventListeners ?? null,
    documents: dom?.documents ?? null,
  };
}

/**
 * A handle on the content script's isolated world in `cdp`'s page (the extension's execution context in
 * the main frame): `evaluate(expression)` returns the value by value. Follows new documents.
 */
export async function contentScriptWorld(cdp, extensionId) {
  const contexts = new Map();
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.set(context.id, context));
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  await cdp.send('Runtime.enable');
  const find = async () => {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    return [...contexts.values()].reverse().find((c) => c.auxData?.frameId === frameTree.frame.id
      && c.auxData?.type === 'isolated' && String(c.origin ?? '').includes(extensionId));
  };
  return {
    async evaluate(expression) {
      const until = Date.now() + 5000;
      let ctx = await find();
      while (!ctx && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
        ctx = await find();
      }
      if (!ctx) throw new Error(`no isolated world of the extension in this page: ${JSON.stringify([...contexts.values()].map((c) => [c.name, c.origin, c.auxData]))}`);
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true });
      if (exceptionDetails) throw new Error(`in the content script's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value;
    },
  };
}
