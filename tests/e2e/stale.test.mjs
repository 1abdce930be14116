// The toolbar's verdict follows the document in the tab, not one that is being left.
//
// The worker clears a tab's record on tabs.onUpdated `status: 'loading'`, but the old document lives on
// until the next one commits: a slow server leaves it seconds in which its content script still checks
// and reports (here: a re-check after the page changed its own text). Such a report must not leave the
// old profile's verdict for the next page, above all one HireCheck does not run on (nothing would
// replace it). In Chromium 156 the `loading` event comes at the commit, after the old page's last
// report, so this holds; the test makes sure reports were sent in the gap, and fails if the record
// is left (checked by removing the worker's clear: both cases fail with "record high about …risky").
// Page-initiated (location.href) and browser-initiated (address bar, page.goto) navigations.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { contentScriptRunsOn, startBrowser, tabIdOf, waitForBadge } from './harness.mjs';

const PROFILE = '/freelancers/~01a1b2c3d4e5f6risky'; // a high-risk profile (expectations.json)
const SLOW = '/nx/search/talent/e2e-slow'; // outside the manifest's matches: no content script there
const SLOW_MS = 1500;

let env;

before(async () => {
  env = await startBrowser({ extraRoutes: [{ key: SLOW, from: '/', delayMs: SLOW_MS }] });
});

after(async () => {
  await env?.close();
});

async function waitUntil(get, ok, timeoutMs) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await get().catch(() => null);
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('stale verdicts', () => {
  for (const how of ['page', 'browser']) it(`a report the old page sends while the next one loads does not reach the toolbar (${how}-initiated)`, async (t) => {
    assert.ok(!contentScriptRunsOn(env.manifest, env.server.urlFor(SLOW)), `${SLOW} must be a page the content script skips`);
    const page = await env.context.newPage();
    const cdp = await env.context.newCDPSession(page);
    try {
      const tabId = await tabIdOf(env, page);
      const toolbar = () => env.sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      const record = () => env.sw.evaluate((k) => chrome.storage.session.get(k).then((r) => r[k] ?? null), `tab:${tabId}`);
      // What reaches the worker, and when (listeners of the test's own beside the extension's).
      await env.sw.evaluate(() => {
        if (globalThis.__e2eReports) return;
        globalThis.__e2eReports = [];
        globalThis.__e2eStatus = [];
        chrome.runtime.onMessage.addListener((m, s) => {
          if (m && m.type === 'hirecheck:report') globalThis.__e2eReports.push({ at: Date.now(), url: s.url, life: s.documentLifecycle });
        });
        chrome.tabs.onUpdated.addListener((id, ci) => { if (ci.status) globalThis.__e2eStatus.push({ at: Date.now(), tab: id, status: ci.status }); });
      });
      await env.navigate(page, PROFILE);
      const badge = await waitForBadge(cdp);
      assert.equal(badge?.level, 'high', `${PROFILE}: the page badge says ${badge?.level}`);
      const before = await waitUntil(toolbar, (x) => Boolean(x), 5000);
      assert.notEqual(before, '', 'no toolbar verdict on the high-risk profile');

      // The page starts a navigation to the slow page and keeps changing its own profile text: the
      // content script re-checks 250 ms after each change while the server still holds the next page back.
      const startedAt = await env.sw.evaluate(() => Date.now());
      await page.evaluate((to) => {
        const root = document.querySelector('#__nuxt') || document.body;
        if (to) location.href = to;
        setInterval(() => root.append(document.createTextNode(' ')), 400);
      }, how === 'page' ? SLOW : null);
      if (how === 'browser') page.goto(env.server.urlFor(SLOW)).catch(() => {});
      await page.waitForURL((u) => u.pathname === SLOW, { waitUntil: 'domcontentloaded', timeout: 10_000 });
      await page.waitForTimeout(1500); // time for anything late to arrive

      const ms = (x) => `${x.at - startedAt} ms`;
      const gap = await env.sw.evaluate((t0) => globalThis.__e2eReports.filter((r) => r.at >= t0), startedAt);
      const status = await env.sw.evaluate(([t0, id]) => globalThis.__e2eStatus.filter((e) => e.at >= t0 && e.tab === id), [startedAt, tabId]);
      t.diagnostic(`toolbar before ${JSON.stringify(before)}; after the navigation started: reports from the old page at ${gap.map((r) => `${ms(r)} (${r.life})`).join(', ')}; tab status ${status.map((e) => `${e.status} at ${ms(e)}`).join(', ')}`);
      assert.ok(gap.length > 0, 'the old page sent no report while the next one loaded: the test did not make the case it is about');
      const after = await toolbar();
      const rec = await record();
      t.diagnostic(`on ${SLOW}: toolbar ${JSON.stringify(after)}, record ${rec ? `${rec.level} about ${rec.source}` : 'none'}`);
      assert.equal(after, '', `the toolbar shows ${JSON.stringify(after)} on a page HireCheck does not check`);
      assert.equal(rec, null, 'the old profile\'s record stands for the new page');
    } finally {
      await page.close().catch(() => {});
    }
  });
});
