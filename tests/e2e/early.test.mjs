// What the content scripts' loader (extension/content/loader.js) starts in the page's load event, before
// the content scripts run: the wasm of the page's site and one read of storage, which content.js then
// takes (docs/architecture.md, "The browser side is thin").
//   - Settings and checklist answers stored before the page loads reach the first badge drawn, and the
//     content scripts read storage no more for it (the loader's one read served them).
//   - Storage that changes between the loader's read and the content scripts' start is not taken from
//     that read: the first badge has the new answers. The test makes the case deterministic: the page's
//     load event waits for a slow image, and meanwhile the test wraps chrome.storage.local.get in the
//     content scripts' world so that the loader's read returns what storage held before an answer the
//     wrapper then writes. Taken from that read, the answer would be missing, and nothing would re-check
//     (content.js only listens for changes from its own start on).
//   - content.js learns whose answers apply from the check itself (the report's profile_key) and checks
//     again before drawing when there are answers: after an in-page navigation to a profile the client
//     answered, every verdict reported for it has the answers (none without them first).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
  SPA_MOUNTS, contentScriptWorld, profileVariant, readBadge, spaMount, spaNavigate, startBrowser, waitForBadge,
} from './harness.mjs';

const PROFILE = '/freelancers/~01a1b2c3d4e5f6clean'; // "low" without findings (expectations.json)
const SLOW_IMAGE = '/e2e-early-slow-image';
const SLOW_PROFILE = `${PROFILE}slowload`;
const SLOW_MS = 1500;
const USER_KEY = 'settings:user'; // extension/settings.js
const ANSWER = { 'refuses-video': 'observed' };

let env;

before(async () => {
  env = await startBrowser({
    extraRoutes: [
      { key: SLOW_IMAGE, from: '/', delayMs: SLOW_MS },
      // The load event waits for the image; the content scripts' loader starts only then.
      { key: SLOW_PROFILE, from: PROFILE, transform: (html) => html.replace('</body>', `<img src="${SLOW_IMAGE}" alt=""></body>`) },
    ],
  });
});

after(async () => {
  await env?.close();
});

const storageSet = (items) => env.sw.evaluate((x) => chrome.storage.local.set(x), items);
const storageRemove = (keys) => env.sw.evaluate((k) => chrome.storage.local.remove(k), keys);
const badgeLang = (b) => b.elements.find((e) => e.attrs['data-hc'] === 'badge')?.attrs.lang;

/** A fresh tab on about:blank (no content-script world of an earlier page to mistake for the next). */
async function freshTab() {
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  const world = await contentScriptWorld(cdp, env.extensionId);
  return { page, cdp, world };
}

/** The profile key the core gives the page at `path` (for the answers' storage key). */
async function profileKeyOf(path) {
  const { page, cdp, world } = await freshTab();
  try {
    await env.navigate(page, path);
    await waitForBadge(cdp);
    const key = await world.evaluate('__hirecheckGlue.check_page({}, "en", Date.now()).profile_key');
    assert.ok(typeof key === 'string' && key !== '', `${path}: no profile key`);
    return key;
  } finally {
    await page.close();
  }
}

describe('what the loader starts in the load event', () => {
  it('settings and answers stored before the load reach the first badge, from the loader\'s one read', async () => {
    const answersKey = `checklist:${await profileKeyOf(PROFILE)}`;
    await storageSet({ [USER_KEY]: { lang: 'de' }, [answersKey]: ANSWER });
    const { page, cdp, world } = await freshTab();
    try {
      await env.navigate(page, PROFILE);
      const badge = await waitForBadge(cdp);
      assert.ok(badge.rules.includes('refuses-video'), `the first badge lacks the stored answer: rules ${badge.rules.join(', ')}`);
      assert.equal(badgeLang(badge), 'de', 'the first badge is not in the stored settings\' language');
      const stats = await world.evaluate('({ early: __hirecheck.earlyStorage, reads: __hirecheck.storageReads, runs: __hirecheck.runs, module: __hirecheck.wasmModule })');
      assert.equal(stats.early, 'used', `the content scripts did not take the loader's read: ${JSON.stringify(stats)}`);
      assert.equal(stats.reads, 0, `the content scripts read storage again although the loader's read was current: ${JSON.stringify(stats)}`);
      assert.ok(stats.module, 'no wasm module was loaded');
    } finally {
      await page.close();
      await storageRemove([USER_KEY, answersKey]);
    }
  });

  it('storage that changes after the loader\'s read is read again: the first badge has the new answer', async (t) => {
    const answersKey = `checklist:${await profileKeyOf(SLOW_PROFILE)}`;
    await storageRemove([answersKey]);
    const { page, cdp, world } = await freshTab();
    try {
      page.goto(env.server.urlFor(SLOW_PROFILE), { waitUntil: 'commit' }).catch(() => {});
      // Before the load event (the image is held back SLOW_MS): the loader has not read storage yet.
      const wrapped = await world.evaluate(`(() => {
        if (document.readyState === 'complete') return 'too late: the page has loaded';
        const area = chrome.storage.local;
        const get = area.get.bind(area);
        area.get = (keys, ...rest) => {
          if (keys !== null) return get(keys, ...rest);
          // The loader's read: what storage holds now, then the client answers in the popup.
          return get(null).then((items) => area.set(${JSON.stringify({ [answersKey]: ANSWER })}).then(() => items));
        };
        return area.get === get ? 'not replaced' : 'wrapped';
      })()`);
      assert.equal(wrapped, 'wrapped', `chrome.storage.local.get could not be wrapped in the content scripts' world: ${wrapped}`);
      const badge = await waitForBadge(cdp);
      const stats = await world.evaluate('({ early: __hirecheck.earlyStorage, reads: __hirecheck.storageReads })');
      t.diagnostic(`first badge: ${badge.level}, rules ${badge.rules.join(', ') || 'none'}; ${JSON.stringify(stats)}`);
      assert.equal(stats.early, 'changed', `the change after the loader's read went unnoticed: ${JSON.stringify(stats)}`);
      assert.ok(stats.reads > 0, 'the content scripts did not read storage again');
      // The first badge drawn already has it (no later re-check made it so: one run).
      assert.ok(badge.rules.includes('refuses-video'), `the first badge lacks the answer given after the loader's read: rules ${badge.rules.join(', ')}`);
      assert.equal(await world.evaluate('__hirecheck.runs'), 1, 'more than one check ran');
      const again = await readBadge(cdp);
      assert.ok(again.rules.includes('refuses-video'));
    } finally {
      await page.close();
      await storageRemove([answersKey]);
    }
  });

  it('after an in-page navigation to a profile the client answered, every verdict for it has the answers', async (t) => {
    const route = env.server.routes.find((r) => r.key === PROFILE);
    const next = profileVariant(route, 'earlyspa', 'Marisol');
    const { page, cdp, world } = await freshTab();
    let answersKey = null;
    try {
      await env.navigate(page, PROFILE);
      await waitForBadge(cdp);
      await spaMount(page, SPA_MOUNTS[route.host] ?? null);
      // Whom the next profile is, as the core says from its HTML (safe mode's entry point), without
      // showing it first: the content script has read nothing about it yet.
      const key = await world.evaluate(`__hirecheckGlue.check_html(${JSON.stringify(next.html)}, ${JSON.stringify(next.url)}, {}, 'en', Date.now()).profile_key`);
      assert.ok(typeof key === 'string' && key !== '', 'the next profile has no key');
      answersKey = `checklist:${key}`;
      await storageSet({ [answersKey]: ANSWER });
      // Every report the content script sends from now on (a listener of the test's beside the worker's).
      await env.sw.evaluate(() => {
        globalThis.__e2eEarlyReports = [];
        if (globalThis.__e2eEarlyListening) return;
        globalThis.__e2eEarlyListening = true;
        chrome.runtime.onMessage.addListener((m) => {
          if (m && m.type === 'hirecheck:report' && m.report) globalThis.__e2eEarlyReports.push(m.report);
        });
      });
      const { end } = await spaNavigate(page, { html: next.html, url: next.url });
      const until = Date.now() + 10_000;
      let badge = null;
      while (Date.now() < until) {
        badge = await readBadge(cdp).catch(() => null);
        if (badge && badge.drawnAt > end) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(badge && badge.drawnAt > end, 'no badge after the navigation');
      await new Promise((r) => setTimeout(r, 500)); // anything late
      const reports = (await env.sw.evaluate(() => globalThis.__e2eEarlyReports)).filter((r) => r.profile_key === key);
      t.diagnostic(`${reports.length} report(s) for ${key}: ${reports.map((r) => `${r.level} [${r.findings.map((f) => f.rule).join(', ')}]`).join('; ')}`);
      assert.ok(reports.length > 0, `no report for ${key}`);
      for (const r of reports) {
        assert.ok(r.findings.some((f) => f.rule === 'refuses-video'), `a verdict for ${key} without the client's answer: ${r.level}`);
      }
      assert.ok((await readBadge(cdp)).rules.includes('refuses-video'), 'the badge lacks the answer');
    } finally {
      await page.close();
      if (answersKey) await storageRemove([answersKey]);
    }
  });
});
