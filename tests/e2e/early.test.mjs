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
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { contentScriptWorld, readBadge, startBrowser, waitForBadge } from './harness.mjs';

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
    const key = await world.evaluate('__hirecheckGlue.profile_key()');
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
});
