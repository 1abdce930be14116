// Last of the end-to-end tests (scripts/e2e.sh runs it after every other test file has finished):
// checks the suite-wide record of requests (harness.REQUEST_LOG, written by tests/e2e/recorder.mjs for
// every browser any test file started). It fails on
//   - any request from an extension context (its service worker, its pages, a content script: a
//     chrome-extension:// script on the request's initiator stack) that is not one of the extension's
//     own packaged files (chrome-extension://<id>/...);
//   - any request to a host other than the test server's (the hosts of www/routes.json), except
//     Chromium's own background requests, each matched narrowly (harness.chromiumOwnRequest);
//   - any connection to the server that spoke neither HTTP nor TLS.
// Paths under /__hirecheck-e2e- on the test server's hosts are the tests' own canaries (they prove
// that the observers see a page's and a service worker's requests).
// A canary of its own proves that the check catches a leak: a deliberately bad extension, built into
// a temporary directory (never into dist/), whose content script, service worker and extension page
// each make a request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

import { REQUEST_LOG, chromiumOwnRequest, startBrowser } from './harness.mjs';

const CANARY_PREFIX = '/__hirecheck-e2e-';
// Addresses that never leave the device.
const LOCAL_SCHEMES = new Set(['data:', 'blob:']);

/** The record's lines, parsed. */
export function readRecord(file) {
  if (!fs.existsSync(file)) return null;
  return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l, i) => {
    try {
      return JSON.parse(l);
    } catch {
      return { type: 'broken', line: i + 1, text: l.slice(0, 200) };
    }
  });
}

/** Whether a recorded request came from an extension context, and which: null or a description. */
export function extensionContext(entry) {
  const ctxUrl = String(entry.context?.url ?? '');
  if (ctxUrl.startsWith('chrome-extension://')) return `${entry.context.type} ${ctxUrl}`;
  const script = (entry.initiator ?? []).find((u) => String(u).startsWith('chrome-extension://'));
  if (script) return `script ${script} in ${entry.context?.type ?? '?'} ${ctxUrl}`;
  return null;
}

/**
 * Checks a record. Returns { problems: [string], stats } where stats counts runs, requests per
 * observer, the extension's own files, canaries and Chromium's own requests.
 */
export function checkRecord(lines) {
  const runs = new Map();
  for (const l of lines) if (l.type === 'run') runs.set(l.run, l);
  const problems = [];
  const stats = { runs: runs.size, files: {}, observers: {}, own: 0, canaries: [], chromium: [], local: 0 };
  for (const r of runs.values()) stats.files[r.file] = (stats.files[r.file] ?? 0) + 1;
  for (const e of lines) {
    if (e.type === 'broken') { problems.push(`record line ${e.line} is not JSON: ${e.text}`); continue; }
    if (e.type === 'note') { problems.push(`${e.file}: ${e.message}`); continue; }
    const run = runs.get(e.run);
    const where = run ? run.file : `an unknown browser ${e.run}`;
    if (e.type === 'connection') { problems.push(`${where}: a connection to the server that was neither HTTP nor TLS: ${e.code} ${e.message}`); continue; }
    if (e.type !== 'request') continue;
    stats.observers[e.observer] = (stats.observers[e.observer] ?? 0) + 1;
    const hosts = new Set(run?.hosts ?? []);
    const own = run?.extensionId ? `chrome-extension://${run.extensionId}/` : null;

    if (e.observer === 'server') {
      const host = String(e.host).replace(/:\d+$/, '');
      if (hosts.has(host)) {
        if (String(e.path).startsWith(CANARY_PREFIX)) stats.canaries.push({ ...e, file: where });
        continue;
      }
      const why = chromiumOwnRequest({ ...e, host }, run?.extensionId ?? '');
      if (why) { stats.chromium.push(`${why}: ${e.method} ${host}${e.path}`); continue; }
      problems.push(`${where}: the server got a request for a host the tests do not serve: ${e.scheme} ${e.method} ${host}${e.url}`);
      continue;
    }

    const url = String(e.url);
    let u;
    try { u = new URL(url); } catch { problems.push(`${where}: ${e.observer}: an address that does not parse: ${url}`); continue; }
    const fromExtension = extensionContext(e);
    const isCanary = hosts.has(u.hostname) && u.pathname.startsWith(CANARY_PREFIX);
    if (isCanary) { stats.canaries.push({ ...e, file: where }); continue; }
    if (own && url.startsWith(own)) { stats.own += 1; continue; }
    if (LOCAL_SCHEMES.has(u.protocol)) { stats.local += 1; continue; }
    if (fromExtension) {
      problems.push(`${where}: ${e.observer}: a request from the extension (${fromExtension}): ${e.method} ${url}`);
      continue;
    }
    if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol) && !hosts.has(u.hostname)) {
      problems.push(`${where}: ${e.observer}: a request to a host the tests do not serve: ${e.method} ${url} (from ${e.context?.type} ${e.context?.url})`);
    }
  }
  return { problems, stats };
}

// ---- the deliberately bad extension ----------------------------------------------------------------

const LEAKS = {
  content: 'https://www.upwork.com/hirecheck-leak?from=content-script',
  worker: 'https://collector.invalid/hirecheck-leak?from=service-worker',
  page: 'https://www.upwork.com/hirecheck-leak?from=extension-page',
};

/** Writes a small MV3 extension that leaks from each of its contexts; returns its directory. */
function writeLeakyExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hirecheck-leaky-'));
  const files = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'HireCheck e2e: a leaky extension',
      version: '0.0.1',
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: ['https://www.upwork.com/freelancers/*'], js: ['content.js'], run_at: 'document_idle' }],
    }),
    'content.js': `fetch(${JSON.stringify(LEAKS.content)}).catch(() => {});\nchrome.runtime.sendMessage('leak');\n`,
    'background.js': `chrome.runtime.onMessage.addListener(() => { fetch(${JSON.stringify(LEAKS.worker)}).catch(() => {}); });\n`,
    'page.html': '<!doctype html><meta charset="utf-8"><title>leaky</title><script src="page.js"></script>\n',
    'page.js': `fetch(${JSON.stringify(LEAKS.page)}).catch(() => {});\n`,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function until(f, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (f()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return f();
}

describe('no network request of its own, across the whole e2e suite', () => {
  it('the check flags a leaky extension\'s requests from its content script, service worker and page', async (t) => {
    const dir = writeLeakyExtension();
    const log = path.join(dir, 'requests.jsonl');
    const env = await startBrowser({ dist: dir, requestLog: log });
    try {
      const page = env.context.pages()[0] ?? await env.context.newPage();
      const profile = env.server.routes.find((r) => r.host === 'www.upwork.com' && r.path.startsWith('/freelancers/'));
      await env.navigate(page, profile.url);
      const extPage = await env.context.newPage();
      await extPage.goto(`chrome-extension://${env.extensionId}/page.html`);
      const seen = () => Object.values(LEAKS).every((l) => env.server.log.some((e) => `https://${e.host}${e.url}` === l));
      assert.ok(await until(seen, 10_000), `the leaky extension's requests did not reach the server: ${env.server.log.map((e) => e.host + e.url).join(', ')}`);
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      await env.close();
    }
    const { problems } = checkRecord(readRecord(log));
    fs.rmSync(dir, { recursive: true, force: true });
    t.diagnostic(`flagged: ${problems.length}\n  ${problems.join('\n  ')}`);
    const flagged = (re) => problems.some((p) => re.test(p));
    // The content script's request goes to the page's own host: only its initiator gives it away.
    assert.ok(flagged(/cdp: a request from the extension \(script chrome-extension:\/\/[a-p]{32}\/content\.js .*from=content-script/), 'the content script\'s request was not flagged');
    assert.ok(flagged(/playwright: a request from the extension \(service_worker .*from=service-worker/), 'the service worker\'s request was not flagged (Playwright)');
    assert.ok(flagged(/cdp: a request from the extension \(service_worker .*from=service-worker/), 'the service worker\'s request was not flagged (DevTools)');
    assert.ok(flagged(/a request from the extension \(page chrome-extension:\/\/[a-p]{32}\/page\.html\).*from=extension-page/), 'the extension page\'s request was not flagged');
    assert.ok(flagged(/the server got a request for a host the tests do not serve: https GET collector\.invalid\/hirecheck-leak/), 'the server did not flag the foreign host');
  });

  it('no browser of any test file saw a request from the extension, or to a host the tests do not serve', (t) => {
    const lines = readRecord(REQUEST_LOG);
    assert.ok(lines, `no ${REQUEST_LOG}: run the e2e tests with scripts/e2e.sh, which runs this file last`);
    const { problems, stats } = checkRecord(lines);
    assert.ok(stats.runs > 0, `${REQUEST_LOG} holds no browser: did the other e2e test files run?`);
    t.diagnostic(`${stats.runs} browser(s): ${Object.entries(stats.files).map(([f, n]) => `${f} ${n}`).join(', ')}`);
    t.diagnostic(`requests seen: ${Object.entries(stats.observers).map(([o, n]) => `${o} ${n}`).join(', ')}; ${stats.own} to the extension's own files, ${stats.local} data:/blob:, ${stats.canaries.length} canaries`);
    if (stats.chromium.length) t.diagnostic(`Chromium's own (browser process): ${[...new Set(stats.chromium)].join('; ')}`);
    // Where a test file made a service worker canary, both observers attributed it to the worker:
    // the record sees the extension's worker.
    const swCanaries = stats.canaries.filter((c) => c.observer !== 'server' && /sw-canary/.test(c.url));
    if (swCanaries.length) {
      for (const obs of ['playwright', 'cdp']) {
        assert.ok(swCanaries.some((c) => c.observer === obs && extensionContext(c)?.startsWith('service_worker')),
          `${obs} did not attribute the service worker canary to the extension's service worker`);
      }
    }
    assert.deepEqual(problems, [], 'requests from the extension or to hosts the tests do not serve');
  });
});
